//! Exact leave-one-out predictive densities `log p(y_i | y_{-i})` of the Eight Schools
//! under complete, no and partial pooling: the LOO chapter's check on PSIS-LOO.
//!
//! Every model here is normal given `tau`, so marginal likelihoods have closed forms:
//! * complete pooling: `y_i | y_{-i} ~ Normal(m_{-i}, v_{-i} + sigma_i²)`, with
//!   `mu | y_{-i} ~ Normal(m_{-i}, v_{-i})`;
//! * no pooling: the other schools say nothing about `theta_i`, so
//!   `y_i | y_{-i} ~ Normal(0, 20² + sigma_i²)`, the prior predictive;
//! * partial pooling: `p(y_i | y_{-i}) = p(y) / p(y_{-i})`, where each marginal
//!   likelihood integrates `mu` analytically and `tau` numerically on a fine grid.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4.

use crate::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use crate::lpdf::normal;
use sampler::logsumexp;

/// The schools in `keep` (indices), as `(y, sigma)` pairs.
fn subset(keep: impl Fn(usize) -> bool) -> Vec<(f64, f64)> {
    (0..Y.len()).filter(|&i| keep(i)).map(|i| (Y[i], SIGMA[i])).collect()
}

/// `(m, v)`: posterior mean and variance of `mu` under complete pooling given `data`.
fn complete_pooling_posterior(data: &[(f64, f64)]) -> (f64, f64) {
    let mut prec = 1.0 / (MU_PRIOR_SD * MU_PRIOR_SD);
    let mut num = 0.0;
    for &(y, s) in data {
        prec += 1.0 / (s * s);
        num += y / (s * s);
    }
    (num / prec, 1.0 / prec)
}

// ANCHOR: exact_complete
/// Exact `log p(y_i | y_{-i})` under complete pooling, for every school.
pub fn complete_pooling() -> Vec<f64> {
    (0..Y.len())
        .map(|i| {
            let (m, v) = complete_pooling_posterior(&subset(|j| j != i));
            normal::<f64>(Y[i], m, (v + SIGMA[i] * SIGMA[i]).sqrt())
        })
        .collect()
}

/// Exact `log p(y_i | y_{-i})` under no pooling: the prior predictive of school i.
pub fn no_pooling() -> Vec<f64> {
    (0..Y.len())
        .map(|i| normal::<f64>(Y[i], 0.0, (MU_PRIOR_SD * MU_PRIOR_SD + SIGMA[i] * SIGMA[i]).sqrt()))
        .collect()
}
// ANCHOR_END: exact_complete

/// `log p(data | tau)` with `mu ~ Normal(0, 20²)` integrated out:
/// with `v_j = sigma_j² + tau²`, `P = 1/20² + Σ 1/v_j` and `B = Σ y_j/v_j`,
/// `log p = −½ Σ log(2π v_j) − ½ log(20² P) − ½ Σ y_j²/v_j + B²/(2P)`.
fn log_marginal_given_tau(data: &[(f64, f64)], tau: f64) -> f64 {
    let v0 = MU_PRIOR_SD * MU_PRIOR_SD;
    let (mut p, mut b, mut lp) = (1.0 / v0, 0.0, 0.0);
    for &(y, s) in data {
        let v = s * s + tau * tau;
        p += 1.0 / v;
        b += y / v;
        lp += -0.5 * (2.0 * std::f64::consts::PI * v).ln() - 0.5 * y * y / v;
    }
    lp - 0.5 * (v0 * p).ln() + 0.5 * b * b / p
}

/// Number of grid intervals for `tau` on `[0, TAU_MAX]`.
const GRID: usize = 20_000;
/// Upper end of the `tau` grid: 10 prior scales (prior mass beyond it is below 1e-22).
const TAU_MAX: f64 = 10.0 * TAU_PRIOR_SCALE;

/// `log p(data)` under partial pooling, `tau ~ HalfNormal(10)` integrated by the
/// trapezoid rule.
fn log_marginal_partial(data: &[(f64, f64)]) -> f64 {
    let h = TAU_MAX / GRID as f64;
    let s = TAU_PRIOR_SCALE;
    let log_prior_norm = (2.0 / (s * (2.0 * std::f64::consts::PI).sqrt())).ln();
    let terms: Vec<f64> = (0..=GRID)
        .map(|j| {
            let tau = j as f64 * h;
            let w = if j == 0 || j == GRID { 0.5 * h } else { h };
            w.ln() + log_prior_norm - 0.5 * (tau / s).powi(2) + log_marginal_given_tau(data, tau)
        })
        .collect();
    logsumexp(&terms)
}

/// Exact `log p(y_i | y_{-i}) = log p(y) − log p(y_{-i})` under partial pooling.
pub fn partial_pooling() -> Vec<f64> {
    let all = log_marginal_partial(&subset(|_| true));
    (0..Y.len()).map(|i| all - log_marginal_partial(&subset(|j| j != i))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marginal_given_tau_matches_the_complete_pooling_formula() {
        // With tau = 0, p(y) = p(y_1) p(y_2 | y_1) … : chain rule through the conjugate posterior.
        let data = subset(|_| true);
        let mut chain = 0.0;
        for i in 0..data.len() {
            let (m, v) = complete_pooling_posterior(&data[..i]);
            chain += normal::<f64>(data[i].0, m, (v + data[i].1 * data[i].1).sqrt());
        }
        assert!((chain - log_marginal_given_tau(&data, 0.0)).abs() < 1e-10);
    }

    #[test]
    fn partial_pooling_lies_between_the_extremes_on_average() {
        let sum = |v: Vec<f64>| v.iter().sum::<f64>();
        let (c, n, p) = (sum(complete_pooling()), sum(no_pooling()), sum(partial_pooling()));
        assert!(p > n, "partial {p} vs no pooling {n}");
        assert!((p - c).abs() < 2.0, "partial {p} vs complete {c}");
    }
}
