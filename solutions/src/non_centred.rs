//! Exercise 5.8.2 — the non-centred Eight Schools model, written with the model
//! layer (solution).

use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use models::layer::{Declaration, Declared, Density, Generated, Number, Params, Target};
use models::layer::{GenVector, Scalar, Support, Vector};
use models::lpdf::{half_normal, normal};
use models::{EightSchools, Parameterization};
use sampler::{Fit, Settings};

/// (a) `log |det ∂theta/∂eta| = J log tau`: each `theta_j = mu + tau eta_j`
/// stretches its own coordinate by `tau`.
pub fn log_jacobian(log_tau: f64, num_schools: usize) -> f64 {
    num_schools as f64 * log_tau
}

/// The non-centred Eight Schools model: its data and the handles of its
/// parameters (`mu`, `tau`, one `eta` per school) and of the derived `theta`.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCentredSchools {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
    /// The population mean.
    pub mu: Scalar,
    /// The population standard deviation.
    pub tau: Scalar,
    /// The standardised school effects.
    pub eta: Vector,
    /// The school effects, reported with every draw.
    pub theta: GenVector,
}

/// (b) `tau` is a standard deviation, so it is declared positive: the layer
/// samples `log tau` and adds its Jacobian.
pub fn declare() -> sampler::Result<Declared<NonCentredSchools>> {
    let mut p = Declaration::new();
    let mu = p.real("mu");
    let tau = p.positive("tau");
    let eta = p.vector("eta", Y.len(), Support::Real);
    let theta = p.generated_vector("theta", Y.len());
    let (y, sigma) = (Y.to_vec(), SIGMA.to_vec());
    Declared::new(p, NonCentredSchools { y, sigma, mu, tau, eta, theta })
}

/// (b) The model block.
impl Density for NonCentredSchools {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, tau) = (p[self.mu], p[self.tau]);
        let mut target = Target::new();
        target += normal(mu, 0.0, MU_PRIOR_SD);
        target += half_normal(tau, TAU_PRIOR_SCALE);
        for ((&y, &sigma), &eta) in self.y.iter().zip(&self.sigma).zip(&p[self.eta]) {
            target += normal(eta, 0.0, 1.0);
            target += normal(y, mu + tau * eta, sigma);
        }
        target.value()
    }

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        for (theta, eta) in out[self.theta].iter_mut().zip(&p[self.eta]) {
            *theta = p[self.mu] + p[self.tau] * eta;
        }
    }
}

/// Fits of the two parameterisations with the same settings.
#[derive(Debug, Clone)]
pub struct Fits {
    /// `models::EightSchools` in the centred form.
    pub centred: Fit,
    /// Your model, from [`declare`].
    pub non_centred: Fit,
}

/// (c) Fits the centred model and the declared non-centred one with the same settings.
pub fn fit_both(settings: &Settings) -> sampler::Result<Fits> {
    Ok(Fits {
        centred: sampler::fit(&EightSchools::new(Parameterization::Centred), settings)?,
        non_centred: sampler::fit(&declare()?, settings)?,
    })
}

#[cfg(test)]
#[path = "../../exercises/checks/non_centred.rs"]
mod checks;
