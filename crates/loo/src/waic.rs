//! WAIC, the widely applicable information criterion, on the elpd scale.
//!
//! `elpd_waic,i = lppd_i − p_waic,i`, where `lppd_i = log mean_s p(yᵢ | θ⁽ˢ⁾)` and
//! `p_waic,i` is the posterior variance of `log p(yᵢ | θ)` (population variance, as
//! ArviZ 0.23 `az.waic`; R's `loo::waic` divides by S − 1). Observations with
//! `p_waic,i > 0.4` signal that WAIC may be unreliable.
//!
//! References: Watanabe (2010), "Asymptotic Equivalence of Bayes Cross Validation and
//! Widely Applicable Information Criterion in Singular Learning Theory", *JMLR* 11;
//! Vehtari, Gelman & Gabry (2017), *Statistics and Computing* 27.

use crate::error::Result;
use crate::input::{by_observation, mean_var, se_of_sum};
use sampler::logsumexp;

/// Pointwise p_waic above this value triggers the warning.
pub const P_WAIC_WARNING: f64 = 0.4;

/// WAIC estimates for one model.
#[derive(Debug, Clone, PartialEq)]
pub struct WaicResult {
    /// `Σᵢ elpd_waic,i`.
    pub elpd_waic: f64,
    /// Standard error `sqrt(N · var(elpd_waic,i))`.
    pub se: f64,
    /// Effective number of parameters `Σᵢ p_waic,i`.
    pub p_waic: f64,
    /// `−2 · elpd_waic` (the deviance scale).
    pub waic: f64,
    /// Pointwise `elpd_waic,i`.
    pub pointwise: Vec<f64>,
    /// Pointwise `p_waic,i`.
    pub p_waic_pointwise: Vec<f64>,
    /// Number of draws S.
    pub num_draws: usize,
}

impl WaicResult {
    /// The totals of pointwise `elpd_waic,i` and `p_waic,i` from `num_draws` draws.
    pub(crate) fn from_pointwise(
        pointwise: Vec<f64>,
        p_waic_pointwise: Vec<f64>,
        num_draws: usize,
    ) -> Self {
        let elpd_waic: f64 = pointwise.iter().sum();
        WaicResult {
            elpd_waic,
            se: se_of_sum(&pointwise),
            p_waic: p_waic_pointwise.iter().sum(),
            waic: -2.0 * elpd_waic,
            pointwise,
            p_waic_pointwise,
            num_draws,
        }
    }

    /// How many observations have `p_waic,i > 0.4` (WAIC's warning sign).
    pub fn num_high_p_waic(&self) -> usize {
        self.p_waic_pointwise.iter().filter(|&&p| p > P_WAIC_WARNING).count()
    }
}

/// WAIC from `log_lik` (draws × observations).
///
/// ```
/// let log_lik: Vec<Vec<f64>> = (0..100).map(|s| vec![-1.0 - (s % 2) as f64 * 0.2]).collect();
/// let w = loo::waic(&log_lik).unwrap();
/// assert!((w.p_waic - 0.01).abs() < 1e-12);
/// ```
pub fn waic(log_lik: &[Vec<f64>]) -> Result<WaicResult> {
    let by_obs = by_observation(log_lik)?;
    let s = log_lik.len();
    let log_s = (s as f64).ln();
    let mut pointwise = Vec::with_capacity(by_obs.len());
    let mut p_waic_pointwise = Vec::with_capacity(by_obs.len());
    for ll in &by_obs {
        let lppd_i = logsumexp(ll) - log_s;
        let (_, var) = mean_var(ll);
        pointwise.push(lppd_i - var);
        p_waic_pointwise.push(var);
    }
    Ok(WaicResult::from_pointwise(pointwise, p_waic_pointwise, s))
}
