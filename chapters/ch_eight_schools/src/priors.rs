//! Prior sensitivity (step 6 of the workflow): the non-centred model refitted
//! under four pairs of hyperpriors, each beside its exact grid posterior, and the
//! source's printed summary set against all four.

use anyhow::Result;
use diagnostics::{MissingParameter, hdi, mcse_mean};
use models::declared::eight_schools_priors::{HyperPriors, NonCentredUnder, SENSITIVITY_ROWS};
use models::eight_schools::{SIGMA, Y};
use models::eight_schools_exact::ExactPosterior;
use sampler::{Fit, Settings};

/// Grid cells and reach of the exact posteriors: with both hyperparameters flat,
/// `p(tau | y)` has a tail like `tau^-7`, so the grid reaches far (the models
/// crate checks that doubling both changes nothing reported).
pub const GRID: (usize, f64) = (200_000, 1000.0);

/// The source's printed summary of its non-centred fit (PyMC, 4 × 2000 draws):
/// mean, sd and bulk-ESS of `mu`, `tau` and School A's effect, and `tau`'s
/// 89% HDI. Typed from the source, the only numbers in this module that are.
pub const SOURCE: SourceSummary = SourceSummary {
    mu: (7.87, 5.18, 2914.0),
    tau: (6.41, 5.22, 1841.0),
    theta_a: (11.24, 8.41, 3415.0),
    tau_hdi: (0.16, 14.34),
};

/// A printed posterior summary: `(mean, sd, bulk-ESS)` per quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceSummary {
    /// `mu`.
    pub mu: (f64, f64, f64),
    /// `tau`.
    pub tau: (f64, f64, f64),
    /// School A's effect.
    pub theta_a: (f64, f64, f64),
    /// `tau`'s 89% HDI.
    pub tau_hdi: (f64, f64),
}

impl SourceSummary {
    /// The printed means' distances from `exact`, each in units of the printed
    /// Monte Carlo standard error `sd / sqrt(ESS)`: `mu`, `tau`, School A.
    pub fn z_scores(&self, exact: &ExactPosterior) -> [f64; 3] {
        let z = |(mean, sd, ess): (f64, f64, f64), truth: f64| (mean - truth) / (sd / ess.sqrt());
        [z(self.mu, exact.mu.0), z(self.tau, exact.tau.0), z(self.theta_a, exact.theta[0].0)]
    }
}

/// One row of the check: a prior, its exact posterior and its NUTS fit.
#[derive(Debug, Clone)]
pub struct PriorRow {
    /// Short label, `(a)` to `(d)`.
    pub label: &'static str,
    /// The hyperpriors.
    pub priors: HyperPriors,
    /// The exact posterior on the grid.
    pub exact: ExactPosterior,
    /// The non-centred NUTS fit.
    pub fit: Fit,
}

/// A NUTS estimate and its Monte Carlo standard error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Posterior mean from the draws.
    pub mean: f64,
    /// Its Monte Carlo standard error.
    pub mcse: f64,
}

impl PriorRow {
    /// Mean and MCSE of `f(draw)` over the draws of `name`.
    fn estimate(&self, name: &str, f: impl Fn(f64) -> f64) -> Result<Estimate, MissingParameter> {
        let chains: Vec<Vec<f64>> = self
            .fit
            .try_chains_by_name(name)?
            .iter()
            .map(|c| c.iter().map(|x| f(*x)).collect())
            .collect();
        let pooled = chains.concat();
        Ok(Estimate {
            mean: pooled.iter().sum::<f64>() / pooled.len().max(1) as f64,
            mcse: mcse_mean(&chains),
        })
    }

    /// NUTS estimates of `E[mu]`, `E[tau]`, `E[theta_A]` and `P(tau < 1)`;
    /// a fit without one of those parameters is an error naming it.
    pub fn nuts(&self) -> Result<[Estimate; 4], MissingParameter> {
        Ok([
            self.estimate("mu", |x| x)?,
            self.estimate("tau", |x| x)?,
            self.estimate("theta.1", |x| x)?,
            self.estimate("tau", |t| f64::from(u8::from(t < 1.0)))?,
        ])
    }

    /// The exact values of what [`PriorRow::nuts`] estimates.
    pub fn exact_values(&self) -> [f64; 4] {
        [self.exact.mu.0, self.exact.tau.0, self.exact.theta[0].0, self.exact.tau_cdf(1.0)]
    }

    /// `tau`'s 89% HDI from the draws.
    pub fn nuts_tau_hdi(&self, prob: f64) -> Result<(f64, f64), MissingParameter> {
        Ok(hdi(&self.fit.pooled_named("tau")?, prob))
    }
}

/// Fits every row of [`SENSITIVITY_ROWS`] with `settings` and computes its exact
/// posterior.
pub fn run(settings: &Settings) -> Result<Vec<PriorRow>> {
    SENSITIVITY_ROWS
        .iter()
        .map(|&(label, priors)| {
            let model = NonCentredUnder::declare(priors)?;
            Ok(PriorRow {
                label,
                priors,
                exact: ExactPosterior::under(&priors, &Y, &SIGMA, GRID.0, GRID.1)?,
                fit: sampler::fit(&model, settings)?,
            })
        })
        .collect()
}
