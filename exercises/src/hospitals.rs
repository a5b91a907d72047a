//! Exercise 5.8.3 — adverse events in eight hospitals.
//!
//! Eight hospitals report their adverse events for one month, `y_j`, over
//! exposures `e_j` (thousands of patient-days). We want each hospital's rate
//! `lambda_j`, with `y_j ~ Poisson(e_j lambda_j)`.
//!
//! * **No pooling**: each rate gets its own `Gamma(1, rate 0.5)` prior.
//! * **Partial pooling**: the rates are log-normal across hospitals,
//!   non-centred on the log scale — `mu_log ~ Normal(0, 1)`,
//!   `sigma_log ~ HalfNormal(1)`, `z_j ~ Normal(0, 1)`,
//!   `lambda_j = exp(mu_log + sigma_log z_j)`. You write this model with the
//!   model layer (`models::layer`, densities in `models::lpdf`).
//!
//! Hospital 5 has the smallest exposure (0.7) and a single event: how much
//! does borrowing strength from the other seven narrow its interval? And
//! what should we expect of a hospital we have not seen yet?
//!
//! Check your work with `cargo xtask exercise hospitals`.

use models::hierarchical_poisson::HOSPITAL_EXPOSURE;
use models::layer::{Declaration, Declared, Density, Generated, Number, Params, Target};
use models::layer::{GenVector, Scalar, Support, Vector};
use models::lpdf::{half_normal, normal, poisson_log};
use sampler::rng::{chain_rng, std_normal};
use sampler::{Fit, Settings};
use statrs::distribution::{ContinuousCDF, Gamma};

/// Exposures (thousands of patient-days) of the eight hospitals.
pub const EXPOSURE: [f64; 8] = HOSPITAL_EXPOSURE;
/// Adverse events in one month, as printed in the source.
pub const COUNTS: [f64; 8] = [3.0, 10.0, 3.0, 8.0, 1.0, 11.0, 10.0, 8.0];
/// No pooling: each rate gets its own `Gamma(shape, rate)` prior.
pub const PRIOR_SHAPE: f64 = 1.0;
/// Rate (inverse scale) of the no-pooling prior.
pub const PRIOR_RATE: f64 = 0.5;

/// (a) The no-pooling posterior of one hospital's rate, as `(shape, rate)`.
pub fn no_pooling_posterior(count: f64, exposure: f64) -> (f64, f64) {
    todo!()
}

/// (a) The central `prob` interval of that posterior, from its exact
/// `(1 − prob)/2` and `(1 + prob)/2` quantiles (`statrs`' `Gamma` takes a shape
/// and a rate).
pub fn no_pooling_interval(count: f64, exposure: f64, prob: f64) -> (f64, f64) {
    todo!()
}

/// The hierarchical model: the data, and the handles of `mu_log`,
/// `sigma_log`, one `z` per hospital, and the derived rates `lambda`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hospitals {
    /// Event counts.
    pub y: Vec<f64>,
    /// Exposures.
    pub exposure: Vec<f64>,
    /// Mean of the log rates.
    pub mu_log: Scalar,
    /// Standard deviation of the log rates.
    pub sigma_log: Scalar,
    /// Standardised log rates.
    pub z: Vector,
    /// The rates, reported with every draw (`lambda.1` … `lambda.8`).
    pub lambda: GenVector,
}

/// (b) Declare `mu_log`, `sigma_log`, the vector `z` and the generated vector
/// `lambda` (with these names), and join them to the data.
pub fn declare(counts: &[f64], exposure: &[f64]) -> sampler::Result<Declared<Hospitals>> {
    todo!()
}

/// (b) The model block.
impl Density for Hospitals {
    /// The priors of `mu_log`, `sigma_log` and each `z_j`, and each hospital's
    /// Poisson likelihood.
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        todo!()
    }

    /// Writes each hospital's rate into `out[self.lambda]`.
    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        todo!()
    }
}

/// (b) Fit your model to [`COUNTS`] and [`EXPOSURE`] with `sampler::fit`
/// and the given `settings`.
pub fn fit_hierarchical(settings: &Settings) -> sampler::Result<Fit> {
    todo!()
}

/// (b) The central `prob` interval of `lambda.{hospital}` (1-based) in `fit`,
/// from the draws of all chains (`Fit::param_index`, `Fit::pooled`,
/// `diagnostics::quantile`).
pub fn partial_pooling_interval(fit: &Fit, hospital: usize, prob: f64) -> (f64, f64) {
    todo!()
}

/// (c) By how many percent interval `partial` is narrower than `no_pooling`
/// (a percentage of the no-pooling width).
pub fn width_reduction_percent(partial: (f64, f64), no_pooling: (f64, f64)) -> f64 {
    todo!()
}

/// (d) A new hospital's rate, one per posterior draw, chain after chain (the
/// order of `Fit::pooled`), each with fresh randomness. Take the normals from
/// `sampler::rng::std_normal`, with a generator per chain, e.g.
/// `chain_rng(seed, 1, c)` for chain `c`, so the result is reproducible.
pub fn new_hospital_rates(fit: &Fit, seed: u64) -> Vec<f64> {
    todo!()
}

/// (d) The predictive probability that a new hospital with `exposure` has
/// no adverse event in a month, averaged over the draws `rates` of its rate.
pub fn prob_no_events(rates: &[f64], exposure: f64) -> f64 {
    todo!()
}

#[cfg(test)]
#[path = "../checks/hospitals.rs"]
mod checks;
