//! Assertions shared by the exercises' checks: each says what was expected, what
//! your code returned, and how close it had to be. A check that passes prints the
//! same line, so the checker can show your numbers beside the expected ones.

// Not every exercise uses every helper.
#![allow(dead_code)]

use std::fmt::Debug;

/// `x` with six significant digits (scientific notation for very small or large values).
pub fn show(x: f64) -> String {
    let a = x.abs();
    if x == 0.0 || !x.is_finite() || (1e-4..1e6).contains(&a) {
        let decimals = if x == 0.0 || !x.is_finite() {
            0
        } else {
            (5 - a.log10().floor() as i32).max(0) as usize
        };
        let s = format!("{x:.decimals$}");
        if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
    } else {
        format!("{x:.5e}")
    }
}

/// Records a value that passed its check: `what: yours …, expected …`.
pub fn passed(what: &str, yours: &str, expected: &str) {
    println!("{what}: yours {yours}, expected {expected}");
}

/// Fails unless `got` is within `tol` of `expected`.
#[track_caller]
pub fn close(what: &str, got: f64, expected: f64, tol: f64) {
    let expected_text = format!("{} (±{tol:.0e})", show(expected));
    assert!((got - expected).abs() <= tol, "{what}: yours {}, expected {expected_text}", show(got));
    passed(what, &show(got), &expected_text);
}

/// Fails unless `got` lies in `[lo, hi]`.
#[track_caller]
pub fn between(what: &str, got: f64, lo: f64, hi: f64) {
    let range = format!("between {} and {}", show(lo), show(hi));
    assert!((lo..=hi).contains(&got), "{what}: yours {}, expected {range}", show(got));
    passed(what, &show(got), &range);
}

/// Fails unless `got == expected`.
#[track_caller]
pub fn same<T: Debug + PartialEq>(what: &str, got: T, expected: T) {
    assert!(got == expected, "{what}: yours {got:?}, expected {expected:?}");
    passed(what, &format!("{got:?}"), &format!("{expected:?}"));
}

/// Fails unless `got > bound`.
#[track_caller]
pub fn above(what: &str, got: f64, bound: f64) {
    let expected = format!("more than {}", show(bound));
    assert!(got > bound, "{what}: yours {}, expected {expected}", show(got));
    passed(what, &show(got), &expected);
}

/// Fails unless the names `got` equal `expected`, naming the first difference.
#[track_caller]
pub fn same_names(what: &str, got: &[String], expected: &[String]) {
    let first = got.iter().zip(expected).position(|(g, e)| g != e);
    match first {
        Some(i) => panic!(
            "{what}: name {} is yours `{}`, expected `{}` (yours: {}; expected: {})",
            i + 1,
            got[i],
            expected[i],
            got.join(", "),
            expected.join(", ")
        ),
        None => assert!(
            got.len() == expected.len(),
            "{what}: yours has {} names, expected {} (yours: {}; expected: {})",
            got.len(),
            expected.len(),
            got.join(", "),
            expected.join(", ")
        ),
    }
    passed(what, &got.join(", "), "the same");
}

/// Fails unless `model` has the log density of `reference` up to an additive
/// constant, and the same gradient, at every point of `points` (free coordinates
/// named `names`): the message names the point and the coordinate that differ.
#[track_caller]
pub fn same_density<M, R>(model: &M, reference: &R, points: &[Vec<f64>], names: &[String])
where
    M: sampler::Model,
    R: sampler::Model,
{
    let d = names.len();
    let base = (model.log_density(&points[0]), reference.log_density(&points[0]));
    let (mut g, mut g_ref) = (vec![0.0; d], vec![0.0; d]);
    let (mut worst, mut worst_grad) = (0.0f64, 0.0f64);
    for (k, x) in points.iter().enumerate() {
        let at: Vec<String> =
            names.iter().zip(x).take(3).map(|(n, v)| format!("{n} = {}", show(*v))).collect();
        let expected = reference.log_density(x) - base.1;
        let got = model.log_density(x) - base.0;
        assert!(
            (got - expected).abs() <= 1e-8 * (1.0 + expected.abs()),
            "log density at point {k} ({}, …) minus at point 0: yours {}, expected {}",
            at.join(", "),
            show(got),
            show(expected)
        );
        worst = worst.max((got - expected).abs() / (1.0 + expected.abs()));
        // The layer's gradient matches the book's hand-written one when the
        // densities agree; a mismatch is named by coordinate.
        model.log_density_grad(x, &mut g);
        reference.log_density_grad(x, &mut g_ref);
        for i in 0..d {
            let err = (g[i] - g_ref[i]).abs() / (1.0 + g_ref[i].abs());
            assert!(
                err <= 1e-8,
                "∂ log density / ∂({}) at point {k} ({}, …): yours {}, expected {}",
                names[i],
                at.join(", "),
                show(g[i]),
                show(g_ref[i])
            );
            worst_grad = worst_grad.max(err);
        }
    }
    passed(
        &format!("log density at {} points, relative to the first", points.len()),
        &format!("largest relative difference from the book's {worst:.1e}"),
        "at most 1e-8",
    );
    passed(
        &format!("gradient at {} points, every coordinate", points.len()),
        &format!("largest relative difference {worst_grad:.1e}"),
        "at most 1e-8",
    );
}
