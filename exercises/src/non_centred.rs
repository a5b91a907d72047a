//! Exercise 5.8.2 — the non-centred Eight Schools model, written with the model layer.
//!
//! The model: `mu ~ Normal(0, 20)`, `tau ~ HalfNormal(10)`,
//! `theta_j ~ Normal(mu, tau)`, `y_j ~ Normal(theta_j, sigma_j)` for the eight
//! schools, where `sigma_j` is school `j`'s standard error. The non-centred form
//! samples a standardised effect `eta_j` per school instead of `theta_j`, and
//! reports `theta_j` as a derived quantity.
//!
//! You declare the parameters with their supports and write the log density on
//! the scale you think in; the layer (`models::layer`) does the rest: the
//! transform of each parameter to the real line, its Jacobian, the gradient.
//! The functions of `models::lpdf` take a standard deviation as their scale.
//!
//! Check your work with `cargo xtask exercise non_centred`. The checks compare
//! your model with the book's hand-written one at many points and then run our
//! NUTS on it.

use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use models::layer::{Declaration, Declared, Density, Generated, Number, Params, Target};
use models::layer::{GenVector, Scalar, Support, Vector};
use models::lpdf::{half_normal, normal};
use models::{EightSchools, Parameterization};
use sampler::{Fit, Settings};

/// (a) The log absolute Jacobian determinant of the map `eta -> theta` for
/// `num_schools` schools, given `log tau`. Work it out on paper first.
pub fn log_jacobian(log_tau: f64, num_schools: usize) -> f64 {
    todo!()
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

/// (b) Declare the parameters — `mu`, `tau`, the vector `eta`, and the
/// generated vector `theta`, with these names — and join them to the data
/// [`Y`], [`SIGMA`] with `Declared::new`.
pub fn declare() -> sampler::Result<Declared<NonCentredSchools>> {
    todo!("one Declaration, one line per parameter")
}

/// (b) The model block.
impl Density for NonCentredSchools {
    /// The log density, term by term: the priors of `mu` and `tau`, the prior
    /// of each `eta_j`, and each school's likelihood. Constants may be left
    /// out (the `lpdf` functions keep them; that is fine too).
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        todo!()
    }

    /// Writes `theta_j` for every school into `out[self.theta]`.
    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        todo!()
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

/// (c) Fit the centred model (`EightSchools::new(Parameterization::Centred)`)
/// and yours with the same `settings` (`sampler::fit`).
pub fn fit_both(settings: &Settings) -> sampler::Result<Fits> {
    todo!()
}

#[cfg(test)]
#[path = "../checks/non_centred.rs"]
mod checks;
