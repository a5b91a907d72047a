//! Exercise 5.8.2 — the non-centred Eight Schools model, by hand (solution).

use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use models::{EightSchools, Parameterization};
use sampler::{Model, Settings};

/// (a) `log |det ∂theta/∂eta| = J log tau`: each `theta_j = mu + tau eta_j`
/// stretches its own coordinate by `tau`.
pub fn log_jacobian(log_tau: f64, num_schools: usize) -> f64 {
    num_schools as f64 * log_tau
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

impl Model for NonCentredSchools {
    fn dim(&self) -> usize {
        2 + self.y.len()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "tau".to_string()];
        names.extend((1..=self.y.len()).map(|j| format!("theta.{j}")));
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, log_tau) = (x[0], x[1]);
        let tau = log_tau.exp();
        let (v_mu, v_tau) = (MU_PRIOR_SD.powi(2), TAU_PRIOR_SCALE.powi(2));
        // Priors; `+ log_tau` is the Jacobian of tau = exp(log_tau).
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
        let (mu, tau) = (x[0], x[1].exp());
        out.push(mu);
        out.push(tau);
        out.extend(x[2..].iter().map(|eta| mu + tau * eta));
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

/// (c) Fits the centred model and yours with the same settings and counts
/// the divergences of each.
pub fn count_divergences(settings: &Settings) -> sampler::Result<Divergences> {
    let centred = sampler::fit(&EightSchools::new(Parameterization::Centred), settings)?;
    let non_centred = sampler::fit(&NonCentredSchools::new(), settings)?;
    Ok(Divergences {
        centred: centred.num_divergent(),
        non_centred: non_centred.num_divergent(),
    })
}

#[cfg(test)]
#[path = "../../exercises/checks/non_centred.rs"]
mod checks;
