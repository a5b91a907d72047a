//! Effective sample size: Geyer's initial monotone sequence on split chains (bulk, tail, mean, sd).

use crate::autocov::autocov;
use crate::chains::{map_draws, mean, not_valid, pooled, py_max, py_min, split_chains, variance};
use crate::intervals::arviz_quantile;
use crate::ranks::rank_normalize;

/// ESS of draws already split into chains, a line-by-line port of ArviZ's `_ess`.
///
/// Autocorrelations are combined over chains as in Stan; the sum is truncated by Geyer's
/// initial positive sequence and smoothed by the initial monotone sequence; the result is
/// capped at S·log10(S). Near-constant draws (range below 1e-15) give S.
pub(crate) fn ess_of_split(chains: &[Vec<f64>]) -> f64 {
    let all = pooled(chains);
    if all.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let max = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = all.iter().copied().fold(f64::INFINITY, f64::min);
    if max - min < 1e-15 {
        return all.len() as f64;
    }
    let n_chain = chains.len();
    let n_draw = chains[0].len();
    let nd = n_draw as f64;
    let acov: Vec<Vec<f64>> = chains.iter().map(|c| autocov(c)).collect();
    let mean_acov = |t: usize| acov.iter().map(|a| a[t]).sum::<f64>() / n_chain as f64;
    let chain_means: Vec<f64> = chains.iter().map(|c| mean(c)).collect();

    let mean_var = mean_acov(0) * nd / (nd - 1.0);
    let mut var_plus = mean_var * (nd - 1.0) / nd;
    if n_chain > 1 {
        var_plus += variance(&chain_means, 1);
    }
    let rho_at = |t: usize| 1.0 - (mean_var - mean_acov(t)) / var_plus;

    let mut rho = vec![0.0; n_draw];
    let mut rho_even = 1.0;
    rho[0] = rho_even;
    let mut rho_odd = rho_at(1);
    rho[1] = rho_odd;

    // ANCHOR: geyer
    // Geyer's initial positive sequence.
    let mut t: usize = 1;
    while t + 3 < n_draw && rho_even + rho_odd > 0.0 {
        rho_even = rho_at(t + 1);
        rho_odd = rho_at(t + 2);
        if rho_even + rho_odd >= 0.0 {
            rho[t + 1] = rho_even;
            rho[t + 2] = rho_odd;
        }
        t += 2;
    }
    // ArviZ's max_t = t - 2 may be -1; `last` is max_t + 1 = t - 1 >= 0.
    let last = t - 1;
    if rho_even > 0.0 {
        rho[last] = rho_even;
    }
    // Geyer's initial monotone sequence.
    let mut t: usize = 1;
    while t + 3 <= last {
        if rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t] {
            rho[t + 1] = (rho[t - 1] + rho[t]) / 2.0;
            rho[t + 2] = rho[t + 1];
        }
        t += 2;
    }
    let size = (n_chain * n_draw) as f64;
    let tau = -1.0 + 2.0 * rho[..last].iter().sum::<f64>() + rho.get(last).copied().unwrap_or(0.0);
    let tau = py_max(tau, 1.0 / size.log10());
    // ANCHOR_END: geyer
    if rho.iter().any(|r| r.is_nan()) {
        return f64::NAN;
    }
    size / tau
}

/// Bulk effective sample size: split-chain ESS of the rank-normalised draws.
///
/// As ArviZ 0.23 `az.ess(method="bulk")` and `posterior::ess_bulk`. NaN with fewer than
/// 4 draws per chain or any NaN draw; S (total draws) for constant draws.
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC",
/// *Bayesian Analysis* 16(2).
///
/// ```
/// let chains: Vec<Vec<f64>> = (0..4)
///     .map(|c| (0..100).map(|i| ((i * 7 + c * 13) % 17) as f64).collect())
///     .collect();
/// assert!(diagnostics::ess_bulk(&chains) > 100.0);
/// ```
pub fn ess_bulk(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    ess_of_split(&rank_normalize(&split_chains(chains)))
}

/// Effective sample size of the indicator `draw ≤ q_prob` (the quantile's ESS).
///
/// `q_prob` is ArviZ's type-7 quantile of all draws; as ArviZ `az.ess(method="quantile")`.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and localization: An
/// improved R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2).
///
/// ```
/// let chains = vec![(0..50).map(f64::from).collect::<Vec<f64>>(); 2];
/// assert!(diagnostics::ess_quantile(&chains, 0.5) < 20.0);
/// ```
pub fn ess_quantile(chains: &[Vec<f64>], prob: f64) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    let q = arviz_quantile(&pooled(chains), prob);
    let indicator = map_draws(chains, |x| if x <= q { 1.0 } else { 0.0 });
    ess_of_split(&split_chains(&indicator))
}

/// Tail effective sample size: the smaller ESS of the 5% and 95% quantile indicators.
///
/// As ArviZ 0.23 `az.ess(method="tail")` and `posterior::ess_tail`.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and localization: An
/// improved R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2).
///
/// ```
/// let chains: Vec<Vec<f64>> = (0..4)
///     .map(|c| (0..100).map(|i| ((i * 7 + c * 13) % 17) as f64).collect())
///     .collect();
/// assert!(diagnostics::ess_tail(&chains) > 50.0);
/// ```
pub fn ess_tail(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    py_min(ess_quantile(chains, 0.05), ess_quantile(chains, 0.95))
}

/// Split-chain ESS of the raw draws (no rank normalisation): the ESS for the mean.
///
/// As ArviZ 0.23 `az.ess(method="mean")`.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and localization: An
/// improved R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2); Geyer,
/// C. J. (1992), "Practical Markov Chain Monte Carlo", *Statistical Science* 7(4).
///
/// ```
/// // Alternating draws are antithetic: ESS is capped at S·log10(S).
/// let chains = vec![(0..100).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect(); 2];
/// let cap = 200.0 * 200f64.log10();
/// assert!((diagnostics::ess_mean(&chains) - cap).abs() < 1e-9);
/// ```
pub fn ess_mean(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    ess_of_split(&split_chains(chains))
}

/// ESS for the standard deviation, as ArviZ 0.23 `az.ess(method="sd")`.
///
/// ArviZ computes the split-chain ESS (not rank-normalised) of the squared deviations
/// (x − x̄)², x̄ being the mean of all draws.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and localization: An
/// improved R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2).
///
/// ```
/// let chains: Vec<Vec<f64>> = (0..4)
///     .map(|c| (0..100).map(|i| ((i * 7 + c * 13) % 17) as f64).collect())
///     .collect();
/// assert!(diagnostics::ess_sd(&chains) > 0.0);
/// ```
pub fn ess_sd(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    let m = mean(&pooled(chains));
    ess_of_split(&split_chains(&map_draws(chains, |x| (x - m) * (x - m))))
}
