//! The low-rank metric's warmup on a target whose structure is known: a
//! Gaussian with three common factors ([`FactorGaussian`]), where a
//! diagonal metric cannot whiten the posterior and a rank-3 correction can.

// Only the assertion helpers are used here, not the shared targets.
#[allow(dead_code)]
mod common;

use common::{assert_mean, map};
use diagnostics::ess_bulk;
use models::factor_gaussian::FactorGaussian;
use sampler::{Fit, MetricEstimate, Model, Settings, fit};

const D: usize = 30;

/// The smallest bulk ESS over coordinates, per 1000 gradients.
fn ess_per_kgrad(f: &Fit) -> f64 {
    let ess = (0..D).map(|i| ess_bulk(&f.chains_of(i))).fold(f64::INFINITY, f64::min);
    1000.0 * ess / f.gradient_evaluations() as f64
}

#[test]
fn the_low_rank_metric_learns_a_factor_gaussian() {
    let model = FactorGaussian::benchmark(D);
    assert_eq!(model.dim(), D);
    let cov = model.covariance();
    let low_rank = Settings { seed: 31, ..Settings::low_rank(MetricEstimate::DrawAndGradient) };
    let f = fit(&model, &low_rank).unwrap();
    assert_eq!(f.num_divergent(), 0);
    for i in 0..D {
        let x = f.chains_of(i);
        assert_mean(&format!("mean of x.{}", i + 1), &x, 0.0);
        assert_mean(&format!("E[x.{}^2]", i + 1), &map(&x, |v| v * v), cov[i * D + i]);
    }
    // The adapted metric's marginal variances are the target's: the
    // correction has found the factors.
    for c in &f.chains {
        for (i, m) in c.inv_mass.iter().enumerate() {
            let ratio = m / cov[i * D + i];
            assert!((0.7..1.4).contains(&ratio), "x.{}: {ratio}", i + 1);
        }
    }
    // The same schedule with the diagonal metric gets far fewer effective
    // draws per gradient.
    let diagonal = Settings { seed: 31, ..Settings::rolling(MetricEstimate::DrawAndGradient) };
    let g = fit(&model, &diagonal).unwrap();
    // Its estimate √(Var x / Var ∇ log p) lies between the marginal and the
    // conditional variances, well below the marginal ones here.
    let worst =
        (0..D).map(|i| g.chains[0].inv_mass[i] / cov[i * D + i]).fold(f64::INFINITY, f64::min);
    assert!(worst < 0.5, "diagonal metric / marginal variance ≥ {worst}");
    let (lr, diag) = (ess_per_kgrad(&f), ess_per_kgrad(&g));
    eprintln!("ESS per 1000 gradients: low-rank {lr:.2}, diagonal {diag:.2}");
    assert!(lr > 3.0 * diag, "low-rank {lr}, diagonal {diag}");
}
