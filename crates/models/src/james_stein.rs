//! The James–Stein estimator and its risk (expected total squared error) when
//! estimating `p` normal means from one observation each, `y_i ~ Normal(theta_i, 1)`:
//! exactly, and by simulation against the obvious estimator `y` and the positive
//! part. (James–Stein towards the grand mean, for the batting averages, is
//! [`crate::efron_morris::james_stein_to_mean`].)
//!
//! References: Stein (1956), "Inadmissibility of the usual estimator for the
//! mean of a multivariate normal distribution", Proc. Third Berkeley Symp. 1;
//! James & Stein (1961), "Estimation with quadratic loss", Proc. Fourth
//! Berkeley Symp. 1; Efron & Morris (1973), "Stein's estimation rule and its
//! competitors — an empirical Bayes approach", JASA 68(341) (the Poisson
//! mixture form of the risk).

use sampler::rng::{chain_rng, std_normal};

// ANCHOR: james_stein
/// The James–Stein estimator `(1 − (p − 2)/‖y‖²) y`, shrinking towards 0.
pub fn james_stein(y: &[f64]) -> Vec<f64> {
    let c = 1.0 - (y.len() as f64 - 2.0) / norm2(y);
    y.iter().map(|v| c * v).collect()
}

/// The positive-part James–Stein estimator: the factor is floored at 0, so
/// it never shrinks past the origin.
pub fn james_stein_plus(y: &[f64]) -> Vec<f64> {
    let c = (1.0 - (y.len() as f64 - 2.0) / norm2(y)).max(0.0);
    y.iter().map(|v| c * v).collect()
}
// ANCHOR_END: james_stein

/// `‖y‖²`.
pub fn norm2(y: &[f64]) -> f64 {
    y.iter().map(|v| v * v).sum()
}

/// Total squared error `‖est − theta‖² = Σ (est_i − theta_i)²`.
pub fn loss(est: &[f64], theta: &[f64]) -> f64 {
    est.iter().zip(theta).map(|(e, t)| (e - t) * (e - t)).sum()
}

// ANCHOR: exact_risk
/// The exact risk of James–Stein for `p ≥ 3` means with `‖theta‖ = norm`:
/// `R = p − (p − 2)² E[1 / (p − 2 + 2K)]` with `K ~ Poisson(‖theta‖² / 2)`.
/// The Poisson sum runs until the remaining terms are below 1e-16.
pub fn exact_risk(p: usize, norm: f64) -> f64 {
    assert!(p >= 3, "James–Stein needs p ≥ 3");
    let q = p as f64 - 2.0;
    let lambda = norm * norm / 2.0;
    if lambda == 0.0 {
        return p as f64 - q; // K = 0: the risk is 2 whatever p is.
    }
    let k_max = (lambda + 12.0 * lambda.sqrt() + 40.0).ceil() as usize;
    let mut log_pmf = -lambda; // log P(K = 0)
    let mut expectation = 0.0;
    for k in 0..=k_max {
        if k > 0 {
            log_pmf += lambda.ln() - (k as f64).ln();
        }
        expectation += log_pmf.exp() / (q + 2.0 * k as f64);
    }
    p as f64 - q * q * expectation
}
// ANCHOR_END: exact_risk

/// A Monte Carlo estimate: the mean and its standard error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The mean of the simulated values.
    pub mean: f64,
    /// Its standard error, `sd / √n` (divisor `n − 1`).
    pub se: f64,
}

impl Estimate {
    fn of(v: &[f64]) -> Self {
        let n = v.len() as f64;
        let mean = v.iter().sum::<f64>() / n;
        let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        Self { mean, se: (var / n).sqrt() }
    }
}

/// Simulated risks of the three estimators at one `theta`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimulatedRisk {
    /// The number of means.
    pub p: usize,
    /// `‖theta‖`.
    pub norm: f64,
    /// The obvious estimator `y`.
    pub mle: Estimate,
    /// James–Stein.
    pub js: Estimate,
    /// Its positive part.
    pub js_plus: Estimate,
}

/// Simulates `reps` observations `y ~ Normal(theta, I)` with every
/// `theta_i = norm / √p` (the risks depend on `theta` only through its norm),
/// from random stream `stream` of `seed`.
pub fn simulate(p: usize, norm: f64, reps: usize, seed: u64, stream: u32) -> SimulatedRisk {
    let mut rng = chain_rng(seed, stream, 0);
    let theta = vec![norm / (p as f64).sqrt(); p];
    let (mut mle, mut js, mut js_plus) = (vec![], vec![], vec![]);
    let mut y = vec![0.0; p];
    for _ in 0..reps {
        for (yi, ti) in y.iter_mut().zip(&theta) {
            *yi = ti + std_normal(&mut rng);
        }
        mle.push(loss(&y, &theta));
        js.push(loss(&james_stein(&y), &theta));
        js_plus.push(loss(&james_stein_plus(&y), &theta));
    }
    SimulatedRisk {
        p,
        norm,
        mle: Estimate::of(&mle),
        js: Estimate::of(&js),
        js_plus: Estimate::of(&js_plus),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_risk_limits() {
        // At theta = 0 the risk is 2; far away it approaches p.
        assert_eq!(exact_risk(10, 0.0), 2.0);
        assert!((exact_risk(10, 1e3) - 10.0).abs() < 1e-3);
        // Always below p: James–Stein dominates.
        for p in 3..=20 {
            for k in 0..40 {
                assert!(exact_risk(p, k as f64 * 0.5) < p as f64);
            }
        }
    }

    #[test]
    fn shrinkage_direction() {
        let y = [3.0, 4.0, 0.0];
        // ‖y‖² = 25, p − 2 = 1: factor 0.96.
        let js = james_stein(&y);
        assert!((js[0] - 2.88).abs() < 1e-12 && (js[1] - 3.84).abs() < 1e-12);
        // Small ‖y‖: the plain factor turns negative, the positive part stops at 0.
        let y = [0.1, 0.1, 0.1];
        assert!(james_stein(&y)[0] < 0.0);
        assert_eq!(james_stein_plus(&y), vec![0.0; 3]);
    }
}
