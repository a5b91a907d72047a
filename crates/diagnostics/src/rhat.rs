//! Potential scale reduction R-hat: rank-normalised, split and folded (Vehtari et al. 2021).

use crate::chains::{map_draws, mean, not_valid, pooled, py_max, split_chains, variance};
use crate::intervals::median;
use crate::ranks::rank_normalize;

// ANCHOR: rhat_of
/// Classic R-hat of the given chains, ArviZ's `_rhat`: √((B/W + n − 1)/n).
///
/// B is n times the variance of the chain means, W the mean within-chain variance (both
/// with ddof = 1). Constant draws give 0/0, hence NaN, as in ArviZ.
pub(crate) fn rhat_of(chains: &[Vec<f64>]) -> f64 {
    let n = chains[0].len() as f64;
    let chain_means: Vec<f64> = chains.iter().map(|c| mean(c)).collect();
    let chain_vars: Vec<f64> = chains.iter().map(|c| variance(c, 1)).collect();
    let between = n * variance(&chain_means, 1);
    let within = mean(&chain_vars);
    ((between / within + n - 1.0) / n).sqrt()
}
// ANCHOR_END: rhat_of

/// Rank-normalised split R-hat of the bulk (no folding).
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC",
/// *Bayesian Analysis* 16(2).
///
/// ```
/// let chains = vec![vec![0.0, 1.0, 2.0, 3.0], vec![10.0, 11.0, 12.0, 13.0]];
/// assert!(diagnostics::rhat_bulk(&chains) > 1.5);
/// ```
pub fn rhat_bulk(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 2) {
        return f64::NAN;
    }
    rhat_of(&rank_normalize(&split_chains(chains)))
}

/// Folded split R-hat with the median taken over the given (already split) draws.
fn rhat_folded_about(split: &[Vec<f64>], centre: f64) -> f64 {
    rhat_of(&rank_normalize(&map_draws(split, |x| (x - centre).abs())))
}

/// Rank-normalised folded split R-hat (the tail R-hat): split R-hat of |x − median|.
///
/// The median is over the split draws (with an odd draw count the dropped middle draws do
/// not count), as in ArviZ's `_rhat_rank`.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and localization: An
/// improved R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2).
///
/// ```
/// // Same location, different scale: only the folded R-hat notices.
/// let a: Vec<f64> = (0..50).map(|i| ((i * 17) % 50) as f64 - 24.5).collect();
/// let b: Vec<f64> = a.iter().map(|x| x * 10.0).collect();
/// let chains = vec![a, b];
/// assert!(diagnostics::rhat_tail(&chains) > diagnostics::rhat_bulk(&chains));
/// ```
pub fn rhat_tail(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 2) {
        return f64::NAN;
    }
    let split = split_chains(chains);
    rhat_folded_about(&split, median(&pooled(&split)))
}

/// Rank-normalised split R-hat: the larger of the bulk and the folded (tail) R-hat.
///
/// As ArviZ 0.23 `az.rhat(method="rank")` and `posterior::rhat`. NaN with fewer than two
/// chains, fewer than 4 draws per chain, any NaN draw, or constant draws. Like ArviZ's
/// Python `max(bulk, tail)`, a NaN bulk R-hat gives NaN while a NaN tail R-hat is ignored.
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC",
/// *Bayesian Analysis* 16(2).
///
/// ```
/// let good = vec![vec![0.1, -0.4, 0.3, 0.9, -1.2, 0.5], vec![-0.2, 0.8, -0.6, 0.0, 0.4, -0.9]];
/// assert!(diagnostics::rhat(&good) < 1.2);
/// let shifted = vec![good[0].clone(), good[1].iter().map(|x| x + 5.0).collect()];
/// assert!(diagnostics::rhat(&shifted) > 1.5);
/// ```
// ANCHOR: rhat
pub fn rhat(chains: &[Vec<f64>]) -> f64 {
    py_max(rhat_bulk(chains), rhat_tail(chains))
}
// ANCHOR_END: rhat

/// R-hat as `az.summary` computes it: like [`rhat`], but the folding median is taken over
/// all draws (including the middle draw dropped when splitting an odd draw count).
pub(crate) fn rhat_summary(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 2) {
        return f64::NAN;
    }
    let centre = median(&pooled(chains));
    let bulk = rhat_of(&rank_normalize(&split_chains(chains)));
    let tail = rhat_folded_about(&split_chains(chains), centre);
    py_max(bulk, tail)
}
