//! Exercise 5.8.2 — the non-centred Eight Schools model, by hand.
//!
//! The model: `mu ~ Normal(0, 20)`, `tau ~ HalfNormal(10)`,
//! `theta_j ~ Normal(mu, tau)`, `y_j ~ Normal(theta_j, sigma_j)` for the
//! eight schools. The non-centred form samples `eta_j ~ Normal(0, 1)` and
//! sets `theta_j = mu + tau · eta_j`.
//!
//! The sampler works on the unconstrained vector
//! `x = (mu, log tau, eta_1, …, eta_8)`. Your log density must include the
//! log-Jacobian of `tau = exp(log tau)`, which is `+ log tau`. Constant terms
//! (like `−½ log 2π`) may be left out: only differences of the log density
//! matter to the sampler, and the checks compare differences.
//!
//! Check your work with `cargo xtask exercise non_centred`. The checks compare
//! your log density with `models::EightSchools` in its non-centred form, your
//! gradient with finite differences, and run our NUTS on your model.

use models::eight_schools::{MU_PRIOR_SD, TAU_PRIOR_SCALE};
use models::eight_schools::{SIGMA, Y};
use models::{EightSchools, Parameterization};
use sampler::{Model, Settings};

/// (a) The log absolute Jacobian determinant of `eta -> theta`,
/// `theta_j = mu + tau eta_j`, for `num_schools` schools, given `log tau`.
///
/// Hint: the Jacobian matrix `∂theta/∂eta` is diagonal.
pub fn log_jacobian(log_tau: f64, num_schools: usize) -> f64 {
    todo!("the log-determinant of a diagonal matrix with entries tau")
}

/// The non-centred Eight Schools model on data `y`, `sigma`.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCentredSchools {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
}

impl NonCentredSchools {
    /// The classic eight schools.
    pub fn new() -> Self {
        Self {
            y: Y.to_vec(),
            sigma: SIGMA.to_vec(),
        }
    }
}

impl Default for NonCentredSchools {
    fn default() -> Self {
        Self::new()
    }
}

/// (b) Implement the model for the sampler.
impl Model for NonCentredSchools {
    /// Number of unconstrained parameters: `mu`, `log tau`, one `eta` per school.
    fn dim(&self) -> usize {
        todo!()
    }

    /// `["mu", "tau", "theta.1", …, "theta.8"]` — the values `constrain` writes.
    fn param_names(&self) -> Vec<String> {
        todo!()
    }

    /// The log density at `x = (mu, log tau, eta_1..eta_J)`, with its
    /// gradient written into `grad` (one entry per coordinate of `x`).
    ///
    /// Terms: the priors of `mu` and `tau` (`tau`'s half-normal plus the
    /// Jacobian `log tau`), `eta_j ~ Normal(0, 1)`, and the likelihood
    /// `y_j ~ Normal(mu + tau eta_j, sigma_j)`. For the gradient, use the chain
    /// rule through `theta_j`: `∂theta_j/∂mu = 1`,
    /// `∂theta_j/∂log tau = tau eta_j`, `∂theta_j/∂eta_j = tau`.
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        todo!()
    }

    /// Appends `mu`, `tau`, then `theta_1..theta_J` to `out`.
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        todo!()
    }
}

/// Divergent transitions after warmup of the two parameterisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Divergences {
    /// `models::EightSchools` in the centred form.
    pub centred: usize,
    /// Your [`NonCentredSchools`].
    pub non_centred: usize,
}

/// (c) Fit the centred model (`EightSchools::new(Parameterization::Centred)`)
/// and yours with the same `settings` (`sampler::fit`), and count the
/// divergences of each (`Fit::num_divergent`).
pub fn count_divergences(settings: &Settings) -> sampler::Result<Divergences> {
    todo!("two calls to sampler::fit")
}

#[cfg(test)]
#[path = "../checks/non_centred.rs"]
mod checks;
