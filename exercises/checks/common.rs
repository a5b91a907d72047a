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
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
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
    assert!(
        (got - expected).abs() <= tol,
        "{what}: yours {}, expected {expected_text}",
        show(got)
    );
    passed(what, &show(got), &expected_text);
}

/// Fails unless `got` lies in `[lo, hi]`.
#[track_caller]
pub fn between(what: &str, got: f64, lo: f64, hi: f64) {
    let range = format!("between {} and {}", show(lo), show(hi));
    assert!(
        (lo..=hi).contains(&got),
        "{what}: yours {}, expected {range}",
        show(got)
    );
    passed(what, &show(got), &range);
}

/// Fails unless `got == expected`.
#[track_caller]
pub fn same<T: Debug + PartialEq>(what: &str, got: T, expected: T) {
    assert!(
        got == expected,
        "{what}: yours {got:?}, expected {expected:?}"
    );
    passed(what, &format!("{got:?}"), &format!("{expected:?}"));
}

/// Fails unless `got > bound`.
#[track_caller]
pub fn above(what: &str, got: f64, bound: f64) {
    let expected = format!("more than {}", show(bound));
    assert!(
        got > bound,
        "{what}: yours {}, expected {expected}",
        show(got)
    );
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
