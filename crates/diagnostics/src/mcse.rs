//! Monte Carlo standard errors of the posterior mean, standard deviation
//! and quantiles.

use crate::chains::{map_draws, mean, not_valid, pooled, variance};
use crate::ess::{ess_mean, ess_quantile};
use statrs::distribution::{Beta, ContinuousCDF};

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

/// The share of draws below `t`, with its Monte Carlo standard error: the
/// [`mcse_mean`] of the indicator `x < t`, which accounts for autocorrelation
/// within chains. A tail probability `P(x < t)` and its error bar.
///
/// ```
/// let chains = vec![vec![1.0, 2.0, 3.0, 4.0, 2.5, 1.5], vec![2.0, 3.5, 1.0, 2.0, 3.0, 4.0]];
/// let (share, se) = diagnostics::share_below(&chains, 2.0);
/// assert_eq!(share, 3.0 / 12.0);
/// assert!(se > 0.0);
/// ```
pub fn share_below(chains: &[Vec<f64>], t: f64) -> (f64, f64) {
    let indicator: Vec<Vec<f64>> =
        chains.iter().map(|c| c.iter().map(|x| f64::from(u8::from(*x < t))).collect()).collect();
    let all = indicator.concat();
    (all.iter().sum::<f64>() / all.len().max(1) as f64, mcse_mean(&indicator))
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

/// Monte Carlo standard error of the `prob` quantile, as ArviZ 0.23
/// `az.mcse(method="quantile")` and `posterior::mcse_quantile`.
///
/// With `E` the quantile's ESS ([`ess_quantile`](crate::ess_quantile)), the
/// ±1 sd points of `Beta(E·prob + 1, E·(1 − prob) + 1)` are mapped to draws
/// of the sorted pooled sample; half the distance between those draws is the
/// standard error. Constant draws give 0; too few draws, or `prob` outside
/// [0, 1], give NaN.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and
/// localization: An improved R-hat for assessing convergence of MCMC",
/// *Bayesian Analysis* 16(2), §4.3.
///
/// ```
/// let chains: Vec<Vec<f64>> = (0..4)
///     .map(|c| (0..500).map(|i| (((i * 7919 + c * 104729) % 1000) as f64) / 1000.0).collect())
///     .collect();
/// let se = diagnostics::mcse_quantile(&chains, 0.5);
/// assert!(se > 0.0 && se < 0.05);
/// ```
pub fn mcse_quantile(chains: &[Vec<f64>], prob: f64) -> f64 {
    if not_valid(chains, 1) || !(0.0..=1.0).contains(&prob) {
        return f64::NAN;
    }
    let ess = ess_quantile(chains, prob);
    let Ok(beta) = Beta::new(ess * prob + 1.0, ess * (1.0 - prob) + 1.0) else {
        return f64::NAN;
    };
    // Normal(0, 1) probabilities of −1 and +1.
    let (lo, hi) = (0.158_655_253_931_457_07, 0.841_344_746_068_542_9);
    let mut sorted = pooled(chains);
    sorted.sort_by(f64::total_cmp);
    let size = sorted.len() as f64;
    // numpy's rint rounds half to even.
    let index = |x: f64| x.round_ties_even() as usize;
    let th1 = sorted[index((beta.inverse_cdf(lo) * size - 1.0).max(0.0))];
    let th2 = sorted[index((beta.inverse_cdf(hi) * size - 1.0).min(size - 1.0))];
    (th2 - th1) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_mcse_of_independent_normals_is_the_textbook_value() {
        // For n independent N(0, 1) draws the median's sd is about
        // sqrt(p(1 − p) / n) / φ(0) = 1.2533 / sqrt(n).
        let mut s: u64 = 42;
        let mut u = || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((s >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        let chains: Vec<Vec<f64>> =
            (0..4).map(|_| (0..2500).map(|_| crate::inv_normal_cdf(u())).collect()).collect();
        let se = mcse_quantile(&chains, 0.5);
        let textbook = 1.2533 / (10_000f64).sqrt();
        assert!((se / textbook - 1.0).abs() < 0.15, "{se} vs {textbook}");
        assert_eq!(mcse_quantile(&[vec![1.0; 10]], 0.5), 0.0);
        assert!(mcse_quantile(&[vec![1.0; 10]], 1.5).is_nan());
    }
}
