//! Optional exercise (sampler appendix) — a gradient by hand.
//!
//! The model layer differentiates a density for you. Here you do it yourself,
//! once, for the non-centred Eight Schools model: `mu ~ Normal(0, 20)`,
//! `tau ~ HalfNormal(10)`, `eta_j ~ Normal(0, 1)`,
//! `y_j ~ Normal(mu + tau eta_j, sigma_j)`.
//!
//! The sampler works on the unconstrained vector
//! `x = (mu, log tau, eta_1, …, eta_8)`, so the density you write is the one
//! of `x`, not of `(mu, tau, eta)`: think about what changing variables from
//! `tau` to `log tau` does to a density. Constant terms may be left out.
//!
//! Check your work with `cargo xtask exercise hand_gradient`: your log density
//! and gradient are compared, coordinate by coordinate, with the automatic
//! gradient of the same model declared with the layer
//! (`models::declared::eight_schools::NonCentred`).

use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use sampler::Model;

/// The non-centred Eight Schools model with a hand-written gradient.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCentredByHand {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
}

impl NonCentredByHand {
    /// The classic eight schools.
    pub fn new() -> Self {
        Self { y: Y.to_vec(), sigma: SIGMA.to_vec() }
    }
}

impl Default for NonCentredByHand {
    fn default() -> Self {
        Self::new()
    }
}

impl Model for NonCentredByHand {
    fn dim(&self) -> usize {
        2 + self.y.len()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "tau".to_string()];
        names.extend((1..=self.y.len()).map(|j| format!("eta.{j}")));
        names
    }

    /// The log density at `x = (mu, log tau, eta_1..eta_J)`; its gradient goes
    /// into `grad`, one entry per coordinate of `x`.
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        todo!()
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0]);
        out.push(x[1].exp());
        out.extend_from_slice(&x[2..]);
    }
}

#[cfg(test)]
#[path = "../checks/hand_gradient.rs"]
mod checks;
