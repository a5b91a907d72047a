//! Prior simulators for the models calibrated in this appendix.

use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE};
use models::hierarchical_poisson::{HOSPITAL_EXPOSURE, HierarchicalPoisson};
use models::{EightSchools, Parameterization, Priors};
use rand::rngs::ChaCha8Rng;
use sampler::rng::std_normal;
use sbc::PriorSimulator;

/// Eight Schools: `mu`, `tau`, `theta` from the prior, then `y_j ~ Normal(theta_j, sigma_j)`
/// with the real standard errors.
pub struct EightSchoolsPrior(pub Parameterization);

// ANCHOR: eight_schools_prior
impl PriorSimulator for EightSchoolsPrior {
    type Model = EightSchools;

    fn tracked(&self) -> Vec<String> {
        vec!["mu".into(), "tau".into(), "theta.1".into()]
    }

    fn simulate(&self, rng: &mut ChaCha8Rng) -> (Vec<f64>, EightSchools) {
        let mu = MU_PRIOR_SD * std_normal(rng);
        let tau = (TAU_PRIOR_SCALE * std_normal(rng)).abs();
        let theta: Vec<f64> = SIGMA.iter().map(|_| mu + tau * std_normal(rng)).collect();
        let y = theta
            .iter()
            .zip(SIGMA)
            .map(|(t, s)| t + s * std_normal(rng))
            .collect();
        let model = EightSchools {
            y,
            sigma: SIGMA.to_vec(),
            parameterization: self.0,
            priors: Priors::EIGHT_SCHOOLS,
        };
        (vec![mu, tau, theta[0]], model)
    }
}
// ANCHOR_END: eight_schools_prior

/// Eight hospitals' event counts (exercise 5.8.3's exposures): log-normal
/// rates from the prior, then Poisson counts.
pub struct HospitalsPrior;

impl PriorSimulator for HospitalsPrior {
    type Model = HierarchicalPoisson;

    fn tracked(&self) -> Vec<String> {
        vec!["mu_log".into(), "sigma_log".into(), "lambda.5".into()]
    }

    fn simulate(&self, rng: &mut ChaCha8Rng) -> (Vec<f64>, HierarchicalPoisson) {
        let mu = std_normal(rng);
        let sigma = std_normal(rng).abs();
        let lambda: Vec<f64> = HOSPITAL_EXPOSURE
            .iter()
            .map(|_| (mu + sigma * std_normal(rng)).exp())
            .collect();
        let y = lambda
            .iter()
            .zip(HOSPITAL_EXPOSURE)
            .map(|(l, e)| poisson(l * e, rng))
            .collect();
        let model = HierarchicalPoisson {
            y,
            exposure: HOSPITAL_EXPOSURE.to_vec(),
        };
        (vec![mu, sigma, lambda[4]], model)
    }
}

/// A Poisson draw by inversion of the CDF (fine for the small means here).
fn poisson(mean: f64, rng: &mut ChaCha8Rng) -> f64 {
    let u = sampler::rng::uniform(rng);
    let (mut k, mut p) = (0u32, (-mean).exp());
    let mut cdf = p;
    while u > cdf && k < 10_000 {
        k += 1;
        p *= mean / k as f64;
        cdf += p;
    }
    f64::from(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_draws_have_the_right_mean() {
        let mut rng = sampler::rng::chain_rng(1, 0, 0);
        let n = 20_000;
        let mean = (0..n).map(|_| poisson(3.5, &mut rng)).sum::<f64>() / n as f64;
        // sd of the mean is sqrt(3.5 / 20000) ≈ 0.013.
        assert!((mean - 3.5).abs() < 0.06, "{mean}");
    }
}
