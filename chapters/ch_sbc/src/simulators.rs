//! Prior simulators for the models calibrated in this appendix.

use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE};
use models::hierarchical_poisson::{HOSPITAL_EXPOSURE, HierarchicalPoisson};
use models::survey::{FullModel, MarginalModel, Survey, draw_gamma};
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
        let y = theta.iter().zip(SIGMA).map(|(t, s)| t + s * std_normal(rng)).collect();
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
        let lambda: Vec<f64> =
            HOSPITAL_EXPOSURE.iter().map(|_| (mu + sigma * std_normal(rng)).exp()).collect();
        let y = lambda.iter().zip(HOSPITAL_EXPOSURE).map(|(l, e)| poisson(l * e, rng)).collect();
        let model = HierarchicalPoisson { y, exposure: HOSPITAL_EXPOSURE.to_vec() };
        (vec![mu, sigma, lambda[4]], model)
    }
}

/// The Dirichlet-multinomial survey with the printed survey's region sizes:
/// `alpha ~ Exponential(1)`, `pi0 ~ Dirichlet(1, 1, 1, 1)`,
/// `pi_r ~ Dirichlet(alpha · pi0)`, then each region's answers from
/// `Multinomial(n_r, pi_r)`. Fitted as the chapter recommends, with every
/// `pi_r` integrated out ([`MarginalModel`]); tracks `alpha`, `pi0.1` and
/// `pi0.4`.
pub struct SurveyPrior;

/// The same simulation fitted with every `pi_r` as a parameter
/// ([`FullModel`]); tracks `alpha`, `pi0.1` and `pi.5.1`, the first answer's
/// share in the smallest region (35 respondents). Not part of the book's
/// run (see `--survey-full`).
pub struct SurveyFullPrior;

// ANCHOR: survey_prior
/// Draws `alpha`, `pi0` and every `pi_r` from the prior and answers with the
/// printed survey's region sizes: `(alpha, pi0, pi_r, survey)`.
fn simulate_survey(rng: &mut ChaCha8Rng) -> (f64, Vec<f64>, Vec<Vec<f64>>, Survey) {
    let printed = Survey::printed();
    let k = printed.num_categories();
    let alpha = -sampler::rng::uniform_open0(rng).ln(); // Exponential(1)
    let pi0 = dirichlet(&vec![1.0; k], rng);
    let shape: Vec<f64> = pi0.iter().map(|p| alpha * p).collect();
    let sizes = printed.sizes();
    let pis: Vec<Vec<f64>> = sizes.iter().map(|_| dirichlet(&shape, rng)).collect();
    let counts = sizes.iter().zip(&pis).map(|(&n, pi)| multinomial(n, pi, rng)).collect();
    let survey = Survey { counts, labels: printed.labels };
    (alpha, pi0, pis, survey)
}

impl PriorSimulator for SurveyPrior {
    type Model = MarginalModel;

    fn tracked(&self) -> Vec<String> {
        vec!["alpha".into(), "pi0.1".into(), "pi0.4".into()]
    }

    fn simulate(&self, rng: &mut ChaCha8Rng) -> (Vec<f64>, MarginalModel) {
        let (alpha, pi0, _, survey) = simulate_survey(rng);
        (vec![alpha, pi0[0], pi0[3]], MarginalModel::new(&survey))
    }
}
// ANCHOR_END: survey_prior

impl PriorSimulator for SurveyFullPrior {
    type Model = FullModel;

    fn tracked(&self) -> Vec<String> {
        vec!["alpha".into(), "pi0.1".into(), "pi.5.1".into()]
    }

    fn simulate(&self, rng: &mut ChaCha8Rng) -> (Vec<f64>, FullModel) {
        let (alpha, pi0, pis, survey) = simulate_survey(rng);
        (vec![alpha, pi0[0], pis[4][0]], FullModel::new(&survey))
    }
}

/// A `Dirichlet(shape)` draw computed on the log scale, so that shapes far
/// below 1 (a small `alpha`) give tiny shares instead of `0/0`: for shape
/// `a < 1`, `ln Gamma(a) = ln Gamma(a + 1) + ln(U)/a`.
fn dirichlet(shape: &[f64], rng: &mut ChaCha8Rng) -> Vec<f64> {
    let logs: Vec<f64> = shape
        .iter()
        .map(|&a| {
            if a < 1.0 {
                draw_gamma(rng, a + 1.0).ln() + sampler::rng::uniform_open0(rng).ln() / a
            } else {
                draw_gamma(rng, a).ln()
            }
        })
        .collect();
    let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let w: Vec<f64> = logs.iter().map(|l| (l - top).exp()).collect();
    let total: f64 = w.iter().sum();
    w.into_iter().map(|v| v / total).collect()
}

/// `n` answers, each category `k` with probability `pi[k]`.
fn multinomial(n: u32, pi: &[f64], rng: &mut ChaCha8Rng) -> Vec<u32> {
    let mut counts = vec![0u32; pi.len()];
    for _ in 0..n {
        let u = sampler::rng::uniform(rng);
        let mut cdf = 0.0;
        let k = pi
            .iter()
            .position(|p| {
                cdf += p;
                u < cdf
            })
            .unwrap_or(pi.len() - 1);
        counts[k] += 1;
    }
    counts
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

    #[test]
    fn dirichlet_and_multinomial_draws_have_the_right_moments() {
        let mut rng = sampler::rng::chain_rng(2, 0, 0);
        let n = 20_000;
        // Dirichlet(0.1, 0.3, 0.6): mean a/A, var a(A − a)/(A²(A + 1)), A = 1.
        let draws: Vec<Vec<f64>> = (0..n).map(|_| dirichlet(&[0.1, 0.3, 0.6], &mut rng)).collect();
        for (k, a) in [0.1, 0.3, 0.6].into_iter().enumerate() {
            let m = draws.iter().map(|d| d[k]).sum::<f64>() / n as f64;
            let v = draws.iter().map(|d| (d[k] - m).powi(2)).sum::<f64>() / n as f64;
            let sd_of_mean = (a * (1.0 - a) / 2.0 / n as f64).sqrt();
            assert!((m - a).abs() < 5.0 * sd_of_mean, "{k}: mean {m}");
            assert!((v - a * (1.0 - a) / 2.0).abs() < 0.05 * a * (1.0 - a) / 2.0, "{k}: var {v}");
        }
        // Tiny shapes: shares are tiny but never NaN, and they add up to 1.
        let d = dirichlet(&[1e-4, 1e-4, 1e-4, 1e-4], &mut rng);
        assert!(d.iter().all(|x| x.is_finite()) && (d.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // Multinomial(100, (0.2, 0.5, 0.3)): mean counts 20, 50, 30.
        let mut sums = [0.0; 3];
        for _ in 0..2000 {
            let c = multinomial(100, &[0.2, 0.5, 0.3], &mut rng);
            assert_eq!(c.iter().sum::<u32>(), 100);
            for k in 0..3 {
                sums[k] += f64::from(c[k]);
            }
        }
        // sd of the mean count: sqrt(100 · 0.5 · 0.5 / 2000) ≈ 0.11.
        for (s, want) in sums.iter().zip([20.0, 50.0, 30.0]) {
            assert!((s / 2000.0 - want).abs() < 0.6, "{s}");
        }
    }
}
