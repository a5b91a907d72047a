//! Exercise 5.8.4 d: when the schools are not exchangeable. Eight public and
//! four private schools, private schools 5 points better on average; we
//! simulate such data ([`models::eight_schools_covariate::simulate`]), fit the
//! covariate model with NUTS, check the fit against the exact posterior, and ask
//! how well `beta` is recovered — on one data set, and over many simulated data sets.

use anyhow::Result;
use diagnostics::{MissingParameter, quantile};
use models::eight_schools_covariate::{CovariateExact, CovariateSchools, TRUE_BETA, simulate};
use sampler::{Fit, Settings};

/// Simulated data sets in the replication study.
pub const REPLICATIONS: usize = 100;

/// Replication number of the NUTS fit of data set 0.
const FIT_REPLICATION: u32 = 1003;
/// Grid cells for the exact posterior of each data set.
const GRID: usize = 4000;
/// Upper end of the `tau` grid (HalfNormal(10) mass above it is negligible).
const TAU_MAX: f64 = 80.0;
/// Probability of the central intervals reported for `beta`.
pub const INTERVAL: f64 = 0.89;

/// The central `INTERVAL` interval of `beta` in one data set's exact posterior.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BetaInterval {
    /// Posterior mean of `beta`.
    pub mean: f64,
    /// Lower end.
    pub low: f64,
    /// Upper end.
    pub high: f64,
}

impl BetaInterval {
    /// Whether the interval contains the true `beta`.
    pub fn covers_truth(&self) -> bool {
        self.low <= TRUE_BETA && TRUE_BETA <= self.high
    }

    /// Its width.
    pub fn width(&self) -> f64 {
        self.high - self.low
    }
}

/// The covariate study: one data set fitted with NUTS and solved exactly,
/// and the exact `beta` intervals of many simulated data sets.
#[derive(Debug, Clone)]
pub struct CovariateStudy {
    /// Data set 0.
    pub data: CovariateSchools,
    /// NUTS fit of data set 0.
    pub fit: Fit,
    /// Exact posterior of data set 0.
    pub exact: CovariateExact,
    /// Exact `beta` intervals of data sets 0..REPLICATIONS.
    pub replications: Vec<BetaInterval>,
}

fn beta_interval(exact: &CovariateExact) -> BetaInterval {
    let tail = 0.5 * (1.0 - INTERVAL);
    BetaInterval {
        mean: exact.beta.mean(),
        low: exact.beta.quantile(tail),
        high: exact.beta.quantile(1.0 - tail),
    }
}

/// Runs the study with the chapter's sampler settings.
pub fn run(settings: &Settings) -> Result<CovariateStudy> {
    let data = simulate(settings.seed, 0);
    let fit = sampler::fit_replication(&data, settings, FIT_REPLICATION)?;
    let exact = data.exact(20_000, TAU_MAX);
    let replications = (0..REPLICATIONS as u32)
        .map(|r| beta_interval(&simulate(settings.seed, r).exact(GRID, TAU_MAX)))
        .collect();
    Ok(CovariateStudy { data, fit, exact, replications })
}

/// The NUTS central interval of a named parameter of the study's fit.
/// A name the fit lacks is an error naming it.
pub fn nuts_interval(fit: &Fit, name: &str) -> Result<(f64, f64), MissingParameter> {
    let tail = 0.5 * (1.0 - INTERVAL);
    let draws = fit.pooled_named(name)?;
    Ok((quantile(&draws, tail), quantile(&draws, 1.0 - tail)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_intervals_on_a_coarse_grid_match_a_fine_one() {
        let data = simulate(1, 0);
        let coarse = beta_interval(&data.exact(GRID, TAU_MAX));
        let fine = beta_interval(&data.exact(40_000, TAU_MAX));
        assert!((coarse.low - fine.low).abs() < 1e-3, "{coarse:?} {fine:?}");
        assert!((coarse.high - fine.high).abs() < 1e-3, "{coarse:?} {fine:?}");
    }
}
