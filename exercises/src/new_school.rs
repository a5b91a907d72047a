//! Exercise 5.8.4 — predicting a school we have not seen.
//!
//! (a) A ninth school joins the Eight Schools programme. Given posterior
//! draws of `mu` and `tau`, its effect is `theta_new ~ Normal(mu, tau)`: draw
//! one `theta_new` per posterior draw.
//!
//! (b) Compare its 89% interval with School E's posterior (`theta.5`, the
//! school with the smallest standard error). Which is wider, and why?
//!
//! (c) If the new school is private and the eight are public, it is no
//! longer exchangeable with them. The covariate model
//! `theta_j = mu + beta x_j + tau eta_j` (`x_j = 1` for private schools;
//! `models::eight_schools_covariate::CovariateSchools`, columns `mu`, `beta`,
//! `tau`, `theta.j`) puts the difference into the model. Predict a new
//! private school from it.
//!
//! The checks fit the models themselves and compare your draws with the exact
//! posterior of `models::eight_schools_exact`. Run them with
//! `cargo xtask exercise new_school`.

use sampler::Fit;
use sampler::rng::{chain_rng, std_normal};

/// (a) A new school's effect, one per posterior draw of an Eight Schools fit
/// (columns `mu`, `tau`), chain after chain (the order of `Fit::pooled`),
/// each with fresh randomness: a generator per chain, e.g.
/// `chain_rng(seed, 1, c)` for chain `c`, and `std_normal` from `sampler::rng`.
pub fn new_school_effects(fit: &Fit, seed: u64) -> Vec<f64> {
    todo!()
}

/// (b) The central `prob` interval of `draws` (`diagnostics::quantile`).
/// `draws` need not be sorted.
pub fn central_interval(draws: &[f64], prob: f64) -> (f64, f64) {
    todo!()
}

/// (b) How many times wider interval `a` is than interval `b`.
pub fn width_ratio(a: (f64, f64), b: (f64, f64)) -> f64 {
    todo!()
}

/// (c) A new *private* school's effect (`x = 1`), one per posterior draw of
/// the covariate model (columns `mu`, `beta`, `tau`), as in (a).
pub fn new_private_school_effects(fit: &Fit, seed: u64) -> Vec<f64> {
    todo!()
}

#[cfg(test)]
#[path = "../checks/new_school.rs"]
mod checks;
