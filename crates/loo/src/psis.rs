//! Pareto smoothed importance sampling (PSIS) of one vector of log importance ratios.
//!
//! The largest `M = ceil(min(S/5, 3·√(S/r_eff)))` ratios are replaced by the expected
//! order statistics of a generalised Pareto distribution fitted to them
//! ([`crate::gpd_fit`]); smoothed values are truncated at the largest raw ratio; the
//! weights are then normalised. The fitted shape k̂ is the diagnostic: the estimate is
//! reliable when k̂ is below [`crate::khat_threshold`].
//!
//! This mirrors ArviZ 0.23 `az.psislw` (and R `loo::psis`) step by step, including
//! the details: the threshold is the (M+1)-th largest ratio, floored at the log of the
//! smallest positive double; only ratios strictly above it form the tail; with four or
//! fewer tail values no fit is made and k̂ = ∞.
//!
//! Reference: Vehtari, Simpson, Gelman, Yao & Gabry (2024), "Pareto Smoothed Importance
//! Sampling", *Journal of Machine Learning Research* 25(72).

use crate::error::{LooError, Result};
use crate::gpd::{gpd_fit, gpd_quantile};
use sampler::logsumexp;

/// The outcome of PSIS for one vector of log ratios.
#[derive(Debug, Clone, PartialEq)]
pub struct Psis {
    /// Smoothed, truncated log weights, normalised so that `Σ exp(log_weights) = 1`.
    pub log_weights: Vec<f64>,
    /// Estimated generalised Pareto shape k̂ (∞ when the tail was too short to fit).
    pub pareto_k: f64,
    /// Number of ratios in the smoothed tail.
    pub tail_len: usize,
}

/// The tail length `M = ceil(min(S/5, 3·√(S/r_eff)))` PSIS smooths for `S` draws.
///
/// ```
/// assert_eq!(loo::psis_tail_len(4000, 1.0), 190);
/// assert_eq!(loo::psis_tail_len(100, 1.0), 20);
/// ```
pub fn psis_tail_len(s: usize, r_eff: f64) -> usize {
    let sf = s as f64;
    (sf / 5.0).min(3.0 * (sf / r_eff).sqrt()).ceil() as usize
}

/// Pareto smoothed importance sampling of `log_ratios` (one value per draw) with
/// relative efficiency `r_eff` of those draws.
///
/// For leave-one-out, the log ratios of observation i are `−log p(yᵢ | θ⁽ˢ⁾)`.
///
/// ```
/// // Ratios from a heavy-tailed distribution give a large k̂.
/// let s = 4000;
/// let k_true = 0.9;
/// let log_ratios: Vec<f64> = (1..=s)
///     .map(|i| {
///         let p = (i as f64 - 0.5) / s as f64;
///         loo::gpd_quantile(p, k_true, 1.0).ln()
///     })
///     .collect();
/// let res = loo::psis(&log_ratios, 1.0).unwrap();
/// assert!((res.pareto_k - k_true).abs() < 0.15);
/// let total: f64 = res.log_weights.iter().map(|w| w.exp()).sum();
/// assert!((total - 1.0).abs() < 1e-12);
/// ```
pub fn psis(log_ratios: &[f64], r_eff: f64) -> Result<Psis> {
    let s = log_ratios.len();
    if s < 2 {
        return Err(LooError::Invalid(format!("PSIS needs at least 2 draws, got {s}")));
    }
    if !(r_eff.is_finite() && r_eff > 0.0) {
        return Err(LooError::Invalid(format!("r_eff must be positive and finite, got {r_eff}")));
    }
    if let Some(i) = log_ratios.iter().position(|v| !v.is_finite()) {
        return Err(LooError::NonFinite { draw: i, observation: 0, value: log_ratios[i] });
    }
    let max = log_ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut x: Vec<f64> = log_ratios.iter().map(|v| v - max).collect();

    // ANCHOR: smooth
    let m = psis_tail_len(s, r_eff);
    // The cutoff is the (M+1)-th largest ratio: a selection, not a full sort.
    let mut order: Vec<usize> = (0..s).collect();
    order.select_nth_unstable_by(s - m - 1, |&a, &b| x[a].total_cmp(&x[b]));
    let cutoff_min = f64::MIN_POSITIVE.ln();
    let cutoff = x[order[s - m - 1]].max(cutoff_min);
    let exp_cutoff = cutoff.exp();

    // Tail: every ratio strictly above the cutoff, in ascending order.
    let mut tail: Vec<usize> = order[s - m..].iter().copied().filter(|&i| x[i] > cutoff).collect();
    tail.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let tail_len = tail.len();
    let mut pareto_k = f64::INFINITY;
    if tail_len > 4 {
        let exceedances: Vec<f64> = tail.iter().map(|&i| x[i].exp() - exp_cutoff).collect();
        let (k, sigma) = gpd_fit(&exceedances);
        pareto_k = k;
        // ArviZ smooths whenever k is finite; a non-positive scale (which ArviZ turns
        // into NaN weights) is left unsmoothed here instead.
        if k.is_finite() && sigma > 0.0 {
            for (j, &i) in tail.iter().enumerate() {
                let p = (j as f64 + 0.5) / tail_len as f64;
                x[i] = (gpd_quantile(p, k, sigma) + exp_cutoff).ln();
            }
            // Truncate at the largest raw ratio (0 after the shift).
            for v in x.iter_mut() {
                if *v > 0.0 {
                    *v = 0.0;
                }
            }
        }
    }
    let norm = logsumexp(&x);
    x.iter_mut().for_each(|v| *v -= norm);
    // ANCHOR_END: smooth
    Ok(Psis { log_weights: x, pareto_k, tail_len })
}
