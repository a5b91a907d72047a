//! Eight Schools written with the model layer, centred and non-centred: the same
//! posterior as the hand-written [`crate::EightSchools`], with no Jacobian and no
//! derivative in sight.
//!
//! `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`,
//! `theta_j ~ Normal(mu, tau)`, `y_j ~ Normal(theta_j, sigma_j)`; the non-centred form
//! declares `eta_j ~ Normal(0, 1)` and reports `theta_j = mu + tau · eta_j`.
//! Its two limits, complete pooling (`tau = 0`) and no pooling (`tau = ∞`, each
//! `theta_j` with the prior of `mu`), are declared here too.
//!
//! References: Rubin (1981), "Estimation in parallel randomized experiments", Journal
//! of Educational Statistics 6(4); Gelman et al. (2013), *Bayesian Data Analysis*, 3rd
//! ed., §5.5.

use crate::eight_schools::{EightSchools, Parameterization, Priors, SIGMA, Y};
use crate::layer::{
    Declaration, Declared, Density, GenVector, Generated, Number, Params, Scalar, Support, Target,
    Vector,
};
use crate::lpdf::{half_normal, normal};
use sampler::Result;

/// The data and priors both forms share.
#[derive(Debug, Clone, PartialEq)]
pub struct Schools {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
    /// Priors of `mu` and `tau`.
    pub priors: Priors,
}

impl Schools {
    /// The classic data and priors.
    pub fn classic() -> Self {
        Self { y: Y.to_vec(), sigma: SIGMA.to_vec(), priors: Priors::EIGHT_SCHOOLS }
    }

    /// Other data and priors, checked as [`EightSchools::from_data`] checks them.
    pub fn new(y: Vec<f64>, sigma: Vec<f64>, priors: Priors) -> Result<Self> {
        let checked = EightSchools::from_data(y, sigma, priors, Parameterization::Centred)?;
        Ok(Self { y: checked.y, sigma: checked.sigma, priors: checked.priors })
    }

    /// Adds the hyperpriors `mu ~ Normal(mu_mean, mu_sd)` and
    /// `tau ~ HalfNormal(tau_scale)` to `target`.
    fn hyperpriors<T: Number>(&self, target: &mut Target<T>, mu: T, tau: T) {
        let pr = &self.priors;
        *target += normal(mu, pr.mu_mean, pr.mu_sd);
        *target += half_normal(tau, pr.tau_scale);
    }
}

// ANCHOR: non_centred
/// Non-centred Eight Schools: `eta` is sampled, `theta = mu + tau · eta` reported.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCentred {
    data: Schools,
    mu: Scalar,
    tau: Scalar,
    eta: Vector,
    theta: GenVector,
}

impl NonCentred {
    /// Declares the parameters and joins them to the data.
    pub fn declare(data: Schools) -> Result<Declared<Self>> {
        let j = data.y.len();
        let mut p = Declaration::new();
        let mu = p.real("mu");
        let tau = p.positive("tau");
        let eta = p.vector("eta", j, Support::Real);
        let theta = p.generated_vector("theta", j);
        Declared::new(p, Self { data, mu, tau, eta, theta })
    }
}

impl Density for NonCentred {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, tau, eta) = (p[self.mu], p[self.tau], &p[self.eta]);
        let d = &self.data;
        let mut target = Target::new();
        d.hyperpriors(&mut target, mu, tau);
        for ((&y, &sigma), &eta) in d.y.iter().zip(&d.sigma).zip(eta) {
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
// ANCHOR_END: non_centred

/// Centred Eight Schools: `theta` is sampled directly.
#[derive(Debug, Clone, PartialEq)]
pub struct Centred {
    data: Schools,
    mu: Scalar,
    tau: Scalar,
    theta: Vector,
}

impl Centred {
    /// Declares the parameters and joins them to the data.
    pub fn declare(data: Schools) -> Result<Declared<Self>> {
        let mut p = Declaration::new();
        let mu = p.real("mu");
        let tau = p.positive("tau");
        let theta = p.vector("theta", data.y.len(), Support::Real);
        Declared::new(p, Self { data, mu, tau, theta })
    }
}

impl Density for Centred {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, tau, theta) = (p[self.mu], p[self.tau], &p[self.theta]);
        let d = &self.data;
        let mut target = Target::new();
        d.hyperpriors(&mut target, mu, tau);
        for ((&y, &sigma), &theta) in d.y.iter().zip(&d.sigma).zip(theta) {
            target += normal(theta, mu, tau);
            target += normal(y, theta, sigma);
        }
        target.value()
    }
}

// ANCHOR: complete
/// Complete pooling: one effect `mu` for every school, `mu ~ Normal(mu_mean, mu_sd)`,
/// `y_j ~ Normal(mu, sigma_j)` (the Eight Schools model with `tau = 0`).
#[derive(Debug, Clone, PartialEq)]
pub struct CompletePooling {
    data: Schools,
    mu: Scalar,
}

impl CompletePooling {
    /// Declares `mu` and joins it to the data.
    pub fn declare(data: Schools) -> Result<Declared<Self>> {
        let mut p = Declaration::new();
        let mu = p.real("mu");
        Declared::new(p, Self { data, mu })
    }
}

impl Density for CompletePooling {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, d) = (p[self.mu], &self.data);
        let mut target = Target::new();
        target += normal(mu, d.priors.mu_mean, d.priors.mu_sd);
        for (&y, &sigma) in d.y.iter().zip(&d.sigma) {
            target += normal(y, mu, sigma);
        }
        target.value()
    }
}
// ANCHOR_END: complete

/// No pooling: an independent effect per school, `theta_j ~ Normal(mu_mean, mu_sd)`,
/// `y_j ~ Normal(theta_j, sigma_j)` (the Eight Schools model with `tau = ∞`).
#[derive(Debug, Clone, PartialEq)]
pub struct NoPooling {
    data: Schools,
    theta: Vector,
}

impl NoPooling {
    /// Declares `theta` and joins it to the data.
    pub fn declare(data: Schools) -> Result<Declared<Self>> {
        let mut p = Declaration::new();
        let theta = p.vector("theta", data.y.len(), Support::Real);
        Declared::new(p, Self { data, theta })
    }
}

impl Density for NoPooling {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let d = &self.data;
        let mut target = Target::new();
        for ((&y, &sigma), &theta) in d.y.iter().zip(&d.sigma).zip(&p[self.theta]) {
            target += normal(theta, d.priors.mu_mean, d.priors.mu_sd);
            target += normal(y, theta, sigma);
        }
        target.value()
    }
}
