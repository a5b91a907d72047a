//! Monte Carlo standard errors of the posterior mean and standard deviation.

use crate::chains::{map_draws, mean, not_valid, pooled, variance};
use crate::ess::ess_mean;

/// Monte Carlo standard error of the mean: sd / √ESS_mean.
///
/// sd uses ddof = 1 over all draws and ESS_mean is [`ess_mean`](crate::ess_mean), as ArviZ
/// 0.23 `az.mcse(method="mean")`. Constant draws give 0.
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC",
/// *Bayesian Analysis* 16(2).
///
/// ```
/// let chains = vec![vec![1.0, 2.0, 3.0, 4.0, 2.5, 1.5], vec![2.0, 3.5, 1.0, 2.0, 3.0, 4.0]];
/// assert!(diagnostics::mcse_mean(&chains) > 0.0);
/// ```
pub fn mcse_mean(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    variance(&pooled(chains), 1).sqrt() / ess_mean(chains).sqrt()
}

/// Monte Carlo standard error of the standard deviation, as ArviZ 0.23 `az.mcse(method="sd")`.
///
/// With c = (x − x̄)², ArviZ takes Var(σ²) ≈ (mean(c²) − mean(c)²) / ESS_mean(c) and applies
/// the delta method: MCSE(σ) = √(Var(σ²) / (4·mean(c))). Constant draws give 0/0 = NaN,
/// as in ArviZ.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and localization: An
/// improved R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2).
///
/// ```
/// let chains = vec![vec![1.0, 2.0, 3.0, 4.0, 2.5, 1.5], vec![2.0, 3.5, 1.0, 2.0, 3.0, 4.0]];
/// assert!(diagnostics::mcse_sd(&chains) > 0.0);
/// assert!(diagnostics::mcse_sd(&[vec![1.0; 8]]).is_nan());
/// ```
pub fn mcse_sd(chains: &[Vec<f64>]) -> f64 {
    if not_valid(chains, 1) {
        return f64::NAN;
    }
    let m = mean(&pooled(chains));
    let sims_c2 = map_draws(chains, |x| (x - m) * (x - m));
    let c2 = pooled(&sims_c2);
    let evar = mean(&c2);
    let c4_mean = c2.iter().map(|c| c * c).sum::<f64>() / c2.len() as f64;
    let varvar = (c4_mean - evar * evar) / ess_mean(&sims_c2);
    (varvar / evar / 4.0).sqrt()
}
