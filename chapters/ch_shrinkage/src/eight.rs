//! The shrinkage formula on the Eight Schools at fixed `mu = 8`, `tau = 6`,
//! beside the full posterior from NUTS.
//!
//! The full posterior mean is the formula *averaged over the posterior of
//! `(mu, tau)`*: `E[theta_i | y] = E[(1 − B_i(tau)) y_i + B_i(tau) mu | y]`
//! (the law of total expectation). Averaging the formula over the NUTS draws
//! of `(mu, tau)` therefore reproduces the NUTS means of `theta_i`, with less
//! Monte Carlo noise (Rao–Blackwellisation).
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.5;
//! Casella & Robert (1996), "Rao-Blackwellisation of sampling schemes",
//! Biometrika 83(1).

use anyhow::Result;
use models::eight_schools::{SCHOOLS, SIGMA, Y};
use models::shrinkage::{shrinkage_factor, shrunk_estimate};
use sampler::Fit;

/// The fixed hyperparameters of the source's example.
pub const MU: f64 = 8.0;
/// See [`MU`].
pub const TAU: f64 = 6.0;

/// One school's row of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaRow {
    pub school: &'static str,
    pub y: f64,
    pub sigma: f64,
    /// `B_i` at `tau = 6`.
    pub b: f64,
    /// Rank of `B_i`, most shrinkage first (ties share a rank).
    pub rank: usize,
    /// `(1 − B_i) y_i + B_i mu` at `(8, 6)`.
    pub shrunk: f64,
    /// `E[B_i | y]` over the NUTS draws of `tau`.
    pub mean_b: f64,
    /// The formula averaged over the NUTS draws of `(mu, tau)`.
    pub averaged: f64,
    /// The NUTS posterior mean of `theta_i`.
    pub nuts: f64,
    /// Its Monte Carlo standard error.
    pub nuts_mcse: f64,
}

/// The table's rows from a fit of the Eight Schools model.
pub fn rows(fit: &Fit) -> Result<Vec<FormulaRow>> {
    let (mu, tau) = (fit.pooled_named("mu")?, fit.pooled_named("tau")?);
    let b: Vec<f64> = SIGMA.iter().map(|s| shrinkage_factor(*s, TAU)).collect();
    let ranks = ranks_descending(&b);
    (0..Y.len())
        .map(|i| {
            let n = mu.len() as f64;
            let mean_b = tau.iter().map(|t| shrinkage_factor(SIGMA[i], *t)).sum::<f64>() / n;
            let averaged = mu
                .iter()
                .zip(&tau)
                .map(|(m, t)| shrunk_estimate(Y[i], SIGMA[i], *m, *t))
                .sum::<f64>()
                / n;
            let name = format!("theta.{}", i + 1);
            let theta = fit.try_chains_by_name(&name)?;
            let nuts = theta.concat().iter().sum::<f64>() / n;
            Ok(FormulaRow {
                school: SCHOOLS[i],
                y: Y[i],
                sigma: SIGMA[i],
                b: b[i],
                rank: ranks[i],
                shrunk: shrunk_estimate(Y[i], SIGMA[i], MU, TAU),
                mean_b,
                averaged,
                nuts,
                nuts_mcse: diagnostics::mcse_mean(&theta),
            })
        })
        .collect()
}

/// Posterior mean and median of `tau`, and `P(tau < 6 | y)`.
pub fn tau_summary(fit: &Fit) -> Result<(f64, f64, f64)> {
    let tau = fit.pooled_named("tau")?;
    let n = tau.len() as f64;
    let mean = tau.iter().sum::<f64>() / n;
    let below = tau.iter().filter(|t| **t < TAU).count() as f64 / n;
    Ok((mean, diagnostics::median(&tau), below))
}

/// Competition ranks, largest value first: equal values share the smallest
/// rank of their block (`[0.9, 0.8, 0.8, 0.5]` → `[1, 2, 2, 4]`).
pub fn ranks_descending(values: &[f64]) -> Vec<usize> {
    values.iter().map(|v| 1 + values.iter().filter(|w| *w > v).count()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_a_rank() {
        assert_eq!(ranks_descending(&[0.9, 0.8, 0.8, 0.5]), vec![1, 2, 2, 4]);
    }
}
