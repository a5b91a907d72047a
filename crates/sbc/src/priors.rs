//! Prior simulators for the book's models, as the calibration appendix runs them:
//! Eight Schools (either parameterisation), the eight hospitals' Poisson counts and
//! the Dirichlet-multinomial survey (fitted marginal or full). The draws they need
//! come from [`models::draws`].

use crate::PriorSimulator;
use models::draws::{draw_dirichlet_log, draw_multinomial, draw_poisson};
use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE};
use models::hierarchical_poisson::{HOSPITAL_EXPOSURE, HierarchicalPoisson};
use models::survey::{FullModel, MarginalModel, Survey};
use models::{EightSchools, Parameterization, Priors};
use rand::rngs::ChaCha8Rng;
use sampler::rng::std_normal;

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
        let y =
            lambda.iter().zip(HOSPITAL_EXPOSURE).map(|(l, e)| draw_poisson(rng, l * e)).collect();
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
    let pi0 = draw_dirichlet_log(rng, &vec![1.0; k]);
    let shape: Vec<f64> = pi0.iter().map(|p| alpha * p).collect();
    let sizes = printed.sizes();
    let pis: Vec<Vec<f64>> = sizes.iter().map(|_| draw_dirichlet_log(rng, &shape)).collect();
    let counts = sizes.iter().zip(&pis).map(|(&n, pi)| draw_multinomial(rng, n, pi)).collect();
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
