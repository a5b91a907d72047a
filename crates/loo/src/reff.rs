//! Relative efficiency r_eff of each observation's likelihood draws.
//!
//! PSIS needs to know how many independent draws its ratios are worth: the tail length
//! grows like √(S/r_eff). R's `loo::relative_eff` uses, for each observation, the ESS of
//! the draws of `p(yᵢ | θ)` (not its log) divided by S; we do the same, with ArviZ's
//! split-chain mean ESS ([`diagnostics::ess_mean`]). (ArviZ 0.23 instead averages the ESS
//! of every posterior parameter into one scalar.)
//!
//! Reference: Vehtari, Gelman & Gabry (2017), "Practical Bayesian model evaluation using
//! leave-one-out cross-validation and WAIC", *Statistics and Computing* 27, Section 3.

use crate::error::{LooError, Result};
use crate::input::by_observation;
use rayon::prelude::*;

/// r_eff per observation from `log_lik` (draws × observations, chains pooled in chain
/// order, `num_chains` chains of equal length).
///
/// Each observation's likelihood is rescaled by its largest value before
/// exponentiating (ESS does not depend on scale). A constant likelihood (ESS undefined)
/// gets r_eff = 1. Values are capped at the ESS cap of the diagnostics crate.
///
/// ```
/// let log_lik: Vec<Vec<f64>> =
///     (0..400).map(|s| vec![-(((s * 7919) % 101) as f64) / 50.0]).collect();
/// let r = loo::relative_eff(&log_lik, 4).unwrap();
/// assert!(r[0] > 0.5);
/// ```
pub fn relative_eff(log_lik: &[Vec<f64>], num_chains: usize) -> Result<Vec<f64>> {
    let by_obs = by_observation(log_lik)?;
    let s = log_lik.len();
    if num_chains == 0 || !s.is_multiple_of(num_chains) {
        return Err(LooError::Invalid(format!(
            "{s} draws cannot be split into {num_chains} chains of equal length"
        )));
    }
    let per_chain = s / num_chains;
    // Observations in parallel; `collect` keeps their order.
    Ok(by_obs
        .par_iter()
        .map(|ll| {
            let max = ll.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let chains: Vec<Vec<f64>> =
                ll.chunks(per_chain).map(|c| c.iter().map(|v| (v - max).exp()).collect()).collect();
            let ess = diagnostics::ess_mean(&chains);
            if ess.is_finite() { ess / s as f64 } else { 1.0 }
        })
        .collect())
}
