//! PSIS-LOO: the expected log pointwise predictive density for new data, estimated by
//! Pareto smoothed importance sampling of each observation's leave-one-out posterior.
//!
//! For observation i the importance ratios are `1 / p(yᵢ | θ⁽ˢ⁾)`; with smoothed,
//! normalised weights `w⁽ˢ⁾ᵢ`, `elpd_loo,i = log Σₛ w⁽ˢ⁾ᵢ p(yᵢ | θ⁽ˢ⁾)`. Summing over i
//! gives `elpd_loo`; `p_loo = lppd − elpd_loo` is the effective number of parameters.
//! Computed as ArviZ 0.23 `az.loo(pointwise=True)` does.
//!
//! Reference: Vehtari, Gelman & Gabry (2017), "Practical Bayesian model evaluation using
//! leave-one-out cross-validation and WAIC", *Statistics and Computing* 27.

use crate::error::{LooError, Result};
use crate::input::{by_observation, se_of_sum};
use crate::khat::{KhatCategory, khat_threshold};
use crate::psis::psis;
use rayon::prelude::*;
use sampler::logsumexp;

/// PSIS-LOO estimates for one model.
#[derive(Debug, Clone, PartialEq)]
pub struct LooResult {
    /// `Σᵢ elpd_loo,i`.
    pub elpd_loo: f64,
    /// Standard error of `elpd_loo`: `sqrt(N · var(elpd_loo,i))` (population variance).
    pub se: f64,
    /// Effective number of parameters `lppd − elpd_loo`.
    pub p_loo: f64,
    /// `−2 · elpd_loo` (the deviance scale).
    pub looic: f64,
    /// Log pointwise predictive density of the data used to fit: `Σᵢ log(mean_s p(yᵢ|θ⁽ˢ⁾))`.
    pub lppd: f64,
    /// Pointwise `elpd_loo,i`, one per observation.
    pub pointwise: Vec<f64>,
    /// Pointwise `p_loo,i = lppd_i − elpd_loo,i`.
    pub p_loo_pointwise: Vec<f64>,
    /// Pareto k̂ per observation.
    pub pareto_k: Vec<f64>,
    /// The r_eff used for each observation.
    pub r_eff: Vec<f64>,
    /// The k̂ threshold `min(1 − 1/log10(S), 0.7)` for this number of draws.
    pub good_k: f64,
    /// Number of draws S.
    pub num_draws: usize,
}

impl LooResult {
    /// Number of observations N.
    pub fn num_obs(&self) -> usize {
        self.pointwise.len()
    }

    /// Number of observations whose k̂ falls in `category`.
    pub fn count_k(&self, category: KhatCategory) -> usize {
        self.pareto_k.iter().filter(|&&k| KhatCategory::of(k, self.good_k) == category).count()
    }

    /// True when any k̂ exceeds [`LooResult::good_k`] (ArviZ's `warning`).
    pub fn warning(&self) -> bool {
        self.pareto_k.iter().any(|&k| k > self.good_k)
    }
}

/// PSIS-LOO from `log_lik` (draws × observations, chains pooled in chain order) and the
/// relative efficiency of each observation's draws (`r_eff.len()` = N; see
/// [`crate::relative_eff`], or `vec![1.0; n]` for independent draws).
///
/// ```
/// // 1000 draws of mu spread evenly over (-1, 1); two observations at 0.3 and -0.2.
/// let log_lik: Vec<Vec<f64>> = (0..1000)
///     .map(|s| {
///         let mu = 2.0 * (s as f64 + 0.5) / 1000.0 - 1.0;
///         vec![-0.5 * (0.3 - mu).powi(2), -0.5 * (-0.2 - mu).powi(2)]
///     })
///     .collect();
/// let res = loo::loo(&log_lik, &[1.0, 1.0]).unwrap();
/// assert!((res.looic + 2.0 * res.elpd_loo).abs() < 1e-12);
/// assert!(res.pareto_k.iter().all(|&k| k < 0.7));
/// ```
pub fn loo(log_lik: &[Vec<f64>], r_eff: &[f64]) -> Result<LooResult> {
    let by_obs = by_observation(log_lik)?;
    let n = by_obs.len();
    if r_eff.len() != n {
        return Err(LooError::Length { what: "r_eff", expected: n, found: r_eff.len() });
    }
    let s = log_lik.len();
    let log_s = (s as f64).ln();
    let mut pointwise = Vec::with_capacity(n);
    let mut p_loo_pointwise = Vec::with_capacity(n);
    let mut pareto_k = Vec::with_capacity(n);
    // ANCHOR: pointwise
    // One observation at a time, in parallel; `collect` keeps the order, so the
    // result does not depend on the number of threads.
    let per_obs: Vec<(f64, f64, f64)> = by_obs
        .par_iter()
        .zip(r_eff)
        .map(|(ll, &r)| {
            let neg: Vec<f64> = ll.iter().map(|v| -v).collect();
            let smoothed = psis(&neg, r)?;
            let weighted: Vec<f64> =
                smoothed.log_weights.iter().zip(ll).map(|(w, l)| w + l).collect();
            let elpd_i = logsumexp(&weighted);
            let lppd_i = logsumexp(ll) - log_s;
            Ok((elpd_i, lppd_i, smoothed.pareto_k))
        })
        .collect::<Result<_>>()?;
    // ANCHOR_END: pointwise
    let mut lppd = 0.0;
    for &(elpd_i, lppd_i, k) in &per_obs {
        lppd += lppd_i;
        pointwise.push(elpd_i);
        p_loo_pointwise.push(lppd_i - elpd_i);
        pareto_k.push(k);
    }
    let elpd_loo: f64 = pointwise.iter().sum();
    Ok(LooResult {
        elpd_loo,
        se: se_of_sum(&pointwise),
        p_loo: lppd - elpd_loo,
        looic: -2.0 * elpd_loo,
        lppd,
        pointwise,
        p_loo_pointwise,
        pareto_k,
        r_eff: r_eff.to_vec(),
        good_k: khat_threshold(s),
        num_draws: s,
    })
}
