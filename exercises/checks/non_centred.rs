//! Checks for exercise 5.8.2, compiled into both `exercises` and `solutions`.

use super::*;

use crate::common::close;
use models::{EightSchools, Parameterization};
use sampler::rng::{chain_rng, std_normal};
use sampler::{Model, Settings, check_gradient};

/// Reproducible test points `(mu, log tau, eta_1..8)`, spread over the region
/// the sampler visits (including small tau, the funnel's neck).
fn points(n: usize) -> Vec<Vec<f64>> {
    let mut rng = chain_rng(5_8_2, 0, 0);
    (0..n)
        .map(|_| {
            let mut x = vec![10.0 * std_normal(&mut rng), 2.0 * std_normal(&mut rng)];
            x.extend((0..8).map(|_| std_normal(&mut rng)));
            x
        })
        .collect()
}

#[test]
fn jacobian_of_eta_to_theta() {
    close(
        "log_jacobian(ln 2, 8)",
        log_jacobian(2f64.ln(), 8),
        8.0 * 2f64.ln(),
        1e-12,
    );
    // The centred and non-centred densities at matching points differ by it.
    let c = EightSchools::new(Parameterization::Centred);
    let n = EightSchools::new(Parameterization::NonCentred);
    for x in points(20) {
        let tau = x[1].exp();
        let mut xc = x[..2].to_vec();
        xc.extend(x[2..].iter().map(|eta| x[0] + tau * eta));
        let diff = n.log_density(&x) - c.log_density(&xc);
        close(
            &format!("log_jacobian({}, 8)", x[1]),
            log_jacobian(x[1], 8),
            diff,
            1e-8 * (1.0 + diff.abs()),
        );
    }
}

#[test]
fn dimension_and_names() {
    let model = NonCentredSchools::new();
    assert_eq!(model.dim(), 10, "dim(): mu, log tau and 8 etas");
    let mut expected = vec!["mu".to_string(), "tau".to_string()];
    expected.extend((1..=8).map(|j| format!("theta.{j}")));
    assert_eq!(model.param_names(), expected, "param_names()");
}

#[test]
fn log_density_matches_the_reference_up_to_a_constant() {
    // Constants may be dropped, so compare differences between points.
    let yours = NonCentredSchools::new();
    let reference = EightSchools::new(Parameterization::NonCentred);
    let pts = points(50);
    let base = (yours.log_density(&pts[0]), reference.log_density(&pts[0]));
    for x in &pts[1..] {
        let expected = reference.log_density(x) - base.1;
        let got = yours.log_density(x) - base.0;
        close(
            &format!("log density at {x:.3?} minus log density at the first point"),
            got,
            expected,
            1e-8 * (1.0 + expected.abs()),
        );
    }
}

#[test]
fn gradient_matches_finite_differences() {
    let model = NonCentredSchools::new();
    for x in points(20) {
        let check = check_gradient(&model, &x);
        assert!(
            check.passes(1e-6),
            "your gradient at {x:.3?} differs from finite differences \
             (the numeric column is the expected value):\n{check}"
        );
    }
}

#[test]
fn constrain_maps_eta_to_theta() {
    let model = NonCentredSchools::new();
    let mut x = vec![2.0, 0.5f64.ln()];
    x.extend([2.0, -2.0, 0.0, 4.0, 1.0, -1.0, 0.5, -0.5]);
    let mut out = Vec::new();
    model.constrain(&x, &mut out);
    let expected = [2.0, 0.5, 3.0, 1.0, 2.0, 4.0, 2.5, 1.5, 2.25, 1.75];
    assert_eq!(out.len(), expected.len(), "constrain() wrote {out:?}");
    for (k, (g, e)) in out.iter().zip(expected).enumerate() {
        close(&format!("constrain(): value {k}"), *g, e, 1e-12);
    }
}

#[test]
fn divergences_vanish() {
    // The source's settings: 4 chains of 1000 warmup + 2000 draws, target
    // acceptance 0.9, seed 42.
    let settings = Settings {
        seed: 42,
        num_draws: 2000,
        target_accept: 0.9,
        ..Settings::default()
    };
    let d = count_divergences(&settings).expect("both fits run");
    assert!(
        d.centred > 0,
        "the centred model should diverge with these settings, got {} divergences",
        d.centred
    );
    assert_eq!(
        d.non_centred, 0,
        "your non-centred model: expected no divergences, got {} (the centred one had {})",
        d.non_centred, d.centred
    );
}
