//! Optional exercise (sampler appendix) — a gradient by hand (solution).
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
        let (mu, log_tau) = (x[0], x[1]);
        let tau = log_tau.exp();
        let (v_mu, v_tau) = (MU_PRIOR_SD.powi(2), TAU_PRIOR_SCALE.powi(2));
        // Priors; `+ log_tau` is the log-Jacobian of tau = exp(log_tau).
        let mut lp = -0.5 * mu * mu / v_mu - 0.5 * tau * tau / v_tau + log_tau;
        grad[0] = -mu / v_mu;
        grad[1] = -tau * tau / v_tau + 1.0;
        for j in 0..self.y.len() {
            let eta = x[2 + j];
            let theta = mu + tau * eta;
            // d/dtheta of the likelihood term −(y − theta)² / (2 sigma²).
            let r = (self.y[j] - theta) / (self.sigma[j] * self.sigma[j]);
            lp += -0.5 * eta * eta - 0.5 * (self.y[j] - theta) * r;
            grad[0] += r; // dtheta/dmu = 1
            grad[1] += r * tau * eta; // dtheta/dlog_tau = tau eta
            grad[2 + j] = -eta + r * tau; // dtheta/deta = tau
        }
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0]);
        out.push(x[1].exp());
        out.extend_from_slice(&x[2..]);
    }
}

#[cfg(test)]
#[path = "../../exercises/checks/hand_gradient.rs"]
mod checks;
