//! Posterior summaries in the shape of rstan's `print(fit)`: mean, its Monte
//! Carlo standard error, sd, five quantiles, effective sample sizes, R-hat.
//!
//! The diagnostics are the rank-normalised ones of Vehtari, Gelman, Simpson,
//! Carpenter & Bürkner (2021), "Rank-normalization, folding, and
//! localization: An improved R-hat for assessing convergence of MCMC",
//! *Bayesian Analysis* 16(2) — rstan's `n_eff` is the older, non-rank version,
//! so these ESS and R-hat are comparable to rstan's, not identical.

use crate::chains::{mean, sd};
use crate::format::{fixed, sig};
use crate::intervals::quantile;
use crate::named::{MissingParameter, NamedDraws};
use crate::{ess_bulk, ess_tail, mcse_mean, rhat};

/// Probabilities of the quantile columns.
pub const PROBS: [f64; 5] = [0.025, 0.25, 0.5, 0.75, 0.975];

/// One parameter's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct StanRow {
    /// Name in the fit (`beta_0.1`).
    pub name: String,
    /// Mean of all draws.
    pub mean: f64,
    /// Monte Carlo standard error of the mean.
    pub se_mean: f64,
    /// Standard deviation of all draws (divisor `n − 1`).
    pub sd: f64,
    /// Quantiles at [`PROBS`].
    pub quantiles: [f64; 5],
    /// Bulk effective sample size.
    pub ess_bulk: f64,
    /// Tail effective sample size.
    pub ess_tail: f64,
    /// Rank-normalised split R-hat.
    pub r_hat: f64,
}

/// `beta_0.10` → `beta_0[10]`, Stan's way of printing an element.
pub fn display_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((base, index)) if index.chars().all(|c| c.is_ascii_digit()) => {
            format!("{base}[{index}]")
        }
        _ => name.to_string(),
    }
}

/// Summarises one parameter's draws (one vector per chain).
pub fn summarize(name: &str, chains: &[Vec<f64>]) -> StanRow {
    let all: Vec<f64> = chains.concat();
    StanRow {
        name: name.to_string(),
        mean: mean(&all),
        se_mean: mcse_mean(chains),
        sd: sd(&all),
        quantiles: PROBS.map(|p| quantile(&all, p)),
        ess_bulk: ess_bulk(chains),
        ess_tail: ess_tail(chains),
        r_hat: rhat(chains),
    }
}

/// Summaries of the named parameters of `draws` (a sampler's fit, …), in the
/// order given; a name the draws lack is an error naming it.
pub fn stan_summary<D: NamedDraws + ?Sized>(
    draws: &D,
    names: &[&str],
) -> Result<Vec<StanRow>, MissingParameter> {
    let chains = |name: &str| draws.chains_named(name).ok_or_else(|| MissingParameter(name.into()));
    names.iter().map(|name| Ok(summarize(name, &chains(name)?))).collect()
}

/// The rows as a markdown table: 4 significant digits for the mean and
/// quantiles, 3 for sd and MCSE, ESS rounded, R-hat to 3 decimals.
pub fn stan_markdown(rows: &[StanRow]) -> String {
    let mut out = String::from(
        "| | mean | se_mean | sd | 2.5% | 25% | 50% | 75% | 97.5% | ess_bulk | ess_tail | R-hat |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let mut cells = vec![sig(r.mean, 4), sig(r.se_mean, 2), sig(r.sd, 3)];
        cells.extend(r.quantiles.iter().map(|q| sig(*q, 4)));
        cells.push(fixed(r.ess_bulk.round(), 0));
        cells.push(fixed(r.ess_tail.round(), 0));
        cells.push(fixed(r.r_hat, 3));
        out.push_str(&format!("| {} | {} |\n", display_name(&r.name), cells.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_print_like_stan() {
        assert_eq!(display_name("beta_0.10"), "beta_0[10]");
        assert_eq!(display_name("sigma"), "sigma");
        assert_eq!(display_name("tau_beta_1"), "tau_beta_1");
    }

    #[test]
    fn summary_of_known_draws() {
        let chains = vec![vec![1.0, 2.0, 3.0, 4.0], vec![2.0, 3.0, 4.0, 5.0]];
        let r = summarize("x", &chains);
        assert_eq!(r.mean, 3.0);
        assert_eq!(r.quantiles[2], 3.0);
        let table = stan_markdown(&[r]);
        assert!(table.contains("| x | 3.000 |"), "{table}");
    }
}
