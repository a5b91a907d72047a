//! Exercise 5.8.3 — adverse events in eight hospitals (solution).

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

/// (a) The no-pooling posterior of one hospital's rate, `(shape, rate)`:
/// the Gamma prior is conjugate to the Poisson likelihood `y ~ Poisson(e λ)`,
/// so the count adds to the shape and the exposure to the rate.
pub fn no_pooling_posterior(count: f64, exposure: f64) -> (f64, f64) {
    (PRIOR_SHAPE + count, PRIOR_RATE + exposure)
}

/// (a) The central `prob` interval of that posterior, from exact quantiles.
pub fn no_pooling_interval(count: f64, exposure: f64, prob: f64) -> (f64, f64) {
    let (shape, rate) = no_pooling_posterior(count, exposure);
    let gamma = Gamma::new(shape, rate).expect("shape and rate are positive");
    let tail = 0.5 * (1.0 - prob);
    (gamma.inverse_cdf(tail), gamma.inverse_cdf(1.0 - tail))
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

/// (b) `sigma_log` is a standard deviation: declared positive.
pub fn declare(counts: &[f64], exposure: &[f64]) -> sampler::Result<Declared<Hospitals>> {
    let mut p = Declaration::new();
    let mu_log = p.real("mu_log");
    let sigma_log = p.positive("sigma_log");
    let z = p.vector("z", counts.len(), Support::Real);
    let lambda = p.generated_vector("lambda", counts.len());
    let (y, exposure) = (counts.to_vec(), exposure.to_vec());
    Declared::new(p, Hospitals { y, exposure, mu_log, sigma_log, z, lambda })
}

/// (b) `y_j ~ Poisson(e_j lambda_j)` has log mean `log e_j + mu_log + sigma_log z_j`:
/// `poisson_log` takes that log mean.
impl Density for Hospitals {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, sigma) = (p[self.mu_log], p[self.sigma_log]);
        let mut target = Target::new();
        target += normal(mu, 0.0, 1.0);
        target += half_normal(sigma, 1.0);
        for ((&y, &e), &z) in self.y.iter().zip(&self.exposure).zip(&p[self.z]) {
            target += normal(z, 0.0, 1.0);
            target += poisson_log(y, mu + sigma * z + e.ln());
        }
        target.value()
    }

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        for (lambda, z) in out[self.lambda].iter_mut().zip(&p[self.z]) {
            *lambda = (p[self.mu_log] + p[self.sigma_log] * z).exp();
        }
    }
}

/// (b) Fits the hierarchical model to [`COUNTS`] and [`EXPOSURE`].
pub fn fit_hierarchical(settings: &Settings) -> sampler::Result<Fit> {
    sampler::fit(&declare(&COUNTS, &EXPOSURE)?, settings)
}

/// (b) The central `prob` interval of `lambda.{hospital}` (1-based) in `fit`.
pub fn partial_pooling_interval(fit: &Fit, hospital: usize, prob: f64) -> (f64, f64) {
    let index =
        fit.param_index(&format!("lambda.{hospital}")).expect("the fit has a column per hospital");
    let draws = fit.pooled(index);
    let tail = 0.5 * (1.0 - prob);
    (diagnostics::quantile(&draws, tail), diagnostics::quantile(&draws, 1.0 - tail))
}

/// (c) By how many percent the interval `partial` is narrower than `no_pooling`.
pub fn width_reduction_percent(partial: (f64, f64), no_pooling: (f64, f64)) -> f64 {
    100.0 * (1.0 - (partial.1 - partial.0) / (no_pooling.1 - no_pooling.0))
}

/// (d) A new hospital's rate, one per posterior draw: `lambda_new =
/// exp(mu_log + sigma_log z)` with `z ~ Normal(0, 1)`. Chain `c` draws its
/// `z` from `chain_rng(seed, 1, c)`; the result is pooled chain after chain.
pub fn new_hospital_rates(fit: &Fit, seed: u64) -> Vec<f64> {
    let mu = fit.param_index("mu_log").expect("mu_log column");
    let sigma = fit.param_index("sigma_log").expect("sigma_log column");
    let mut rates = Vec::with_capacity(fit.num_draws_total());
    for (c, chain) in fit.chains.iter().enumerate() {
        let mut rng = chain_rng(seed, 1, c as u32);
        for d in &chain.draws {
            rates.push((d[mu] + d[sigma] * std_normal(&mut rng)).exp());
        }
    }
    rates
}

/// (d) The predictive probability that a new hospital with `exposure` has no
/// adverse event in a month: the average over `rates` of `P(y = 0 | λ) = exp(−e λ)`.
pub fn prob_no_events(rates: &[f64], exposure: f64) -> f64 {
    rates.iter().map(|l| (-exposure * l).exp()).sum::<f64>() / rates.len() as f64
}

#[cfg(test)]
#[path = "../../exercises/checks/hospitals.rs"]
mod checks;
