//! The simulate-and-recover page's model: a normal sample with unknown mean and
//! spread, written with the model layer — once as it should be, once with the mistake
//! a reader made, the `−log σ` of each observation's normal density left out.
//!
//! `mu ~ Normal(0, 10)`, `sigma ~ HalfNormal(10)`, `y_i ~ Normal(mu, sigma)`.

use crate::layer::{Declaration, Declared, Density, Number, Params, Scalar, Target};
use crate::lpdf::{half_normal, normal};
use rand::rngs::ChaCha8Rng;
use sampler::rng::std_normal;

/// Prior sd of `mu` and scale of `sigma`'s half-normal prior.
pub const PRIOR_SCALE: f64 = 10.0;

/// Which likelihood the model uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likelihood {
    /// `normal(y, mu, sigma)` from the density library.
    Library,
    /// Written by hand, without the `−log σ` term.
    MissingLogSigma,
}

/// A normal sample `y` with unknown `mu` and `sigma`.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalSample {
    y: Vec<f64>,
    mu: Scalar,
    sigma: Scalar,
    likelihood: Likelihood,
}

impl NormalSample {
    /// Declares `mu` (real) and `sigma` (positive) and joins them to the data.
    pub fn declare(y: Vec<f64>, likelihood: Likelihood) -> sampler::Result<Declared<Self>> {
        let mut p = Declaration::new();
        let mu = p.real("mu");
        let sigma = p.positive("sigma");
        Declared::new(p, Self { y, mu, sigma, likelihood })
    }
}

impl Density for NormalSample {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, sigma) = (p[self.mu], p[self.sigma]);
        let mut target = Target::new();
        target += normal(mu, 0.0, PRIOR_SCALE);
        target += half_normal(sigma, PRIOR_SCALE);
        for &y in &self.y {
            match self.likelihood {
                Likelihood::Library => target += normal(y, mu, sigma),
                // ANCHOR: planted
                Likelihood::MissingLogSigma => {
                    let z = (mu - y) / sigma;
                    // The normal log density is −z²/2 − log σ − log √(2π):
                    // the constant may go, the − log σ may not.
                    target += -(z * z) * 0.5;
                } // ANCHOR_END: planted
            }
        }
        target.value()
    }
}

/// `n` observations from `Normal(mu, sigma)`, `truth = [mu, sigma]`.
pub fn simulate(truth: &[f64], n: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    (0..n).map(|_| truth[0] + truth[1] * std_normal(rng)).collect()
}

/// `[mu, sigma]` from the prior.
pub fn prior_draw(rng: &mut ChaCha8Rng) -> Vec<f64> {
    let mu = PRIOR_SCALE * std_normal(rng);
    let sigma = (PRIOR_SCALE * std_normal(rng)).abs();
    vec![mu, sigma]
}
