//! Checks for exercise 5.8.4, compiled into both `exercises` and `solutions`.

use super::*;

use crate::common::close;
use models::eight_schools::{SIGMA, Y};
use models::eight_schools_covariate::CovariateSchools;
use models::eight_schools_exact::ExactPosterior;
use models::{EightSchools, Parameterization};
use sampler::{Fit, Settings};
use std::sync::OnceLock;

const PROB: f64 = 0.89;

fn settings() -> Settings {
    Settings { seed: 42, num_draws: 2000, target_accept: 0.9, ..Settings::default() }
}

/// The non-centred Eight Schools fit, run once.
fn schools_fit() -> &'static Fit {
    static FIT: OnceLock<Fit> = OnceLock::new();
    FIT.get_or_init(|| {
        sampler::fit(&EightSchools::new(Parameterization::NonCentred), &settings())
            .expect("the Eight Schools fit runs")
    })
}

/// The exact posterior, to judge the draws by.
fn exact() -> &'static ExactPosterior {
    static EXACT: OnceLock<ExactPosterior> = OnceLock::new();
    EXACT.get_or_init(|| ExactPosterior::eight_schools(20_000, 80.0))
}

/// The eight (public) schools and four made-up private ones.
fn covariate_data() -> CovariateSchools {
    let mut y = Y.to_vec();
    let mut sigma = SIGMA.to_vec();
    let mut x = vec![0.0; 8];
    y.extend([15.0, 20.0, 9.0, 14.0]);
    sigma.extend([12.0, 10.0, 14.0, 11.0]);
    x.extend([1.0; 4]);
    CovariateSchools { y, sigma, x }
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

fn sd(x: &[f64]) -> f64 {
    let m = mean(x);
    (x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / x.len() as f64).sqrt()
}

#[test]
fn central_interval_of_known_values() {
    // 0, 1, …, 1000 in reverse order: the 5.5% and 94.5% quantiles are 55 and 945.
    let draws: Vec<f64> = (0..=1000).rev().map(f64::from).collect();
    let (lo, hi) = central_interval(&draws, PROB);
    close("lower end of the 89% interval of 0..=1000", lo, 55.0, 0.5);
    close("upper end of the 89% interval of 0..=1000", hi, 945.0, 0.5);
    close("width_ratio((0, 3), (1, 2))", width_ratio((0.0, 3.0), (1.0, 2.0)), 3.0, 1e-12);
}

#[test]
fn new_school_matches_the_exact_predictive() {
    let fit = schools_fit();
    let draws = new_school_effects(fit, 5_8_4);
    assert_eq!(draws.len(), fit.num_draws_total(), "one effect per posterior draw");
    let exact = exact().new_school_marginal();
    close("mean of the new school's effect", mean(&draws), exact.mean(), 0.5);
    close("sd of the new school's effect", sd(&draws), exact.sd(), 0.4);
    let (lo, hi) = central_interval(&draws, PROB);
    close("lower end of its 89% interval", lo, exact.quantile(0.055), 1.0);
    close("upper end of its 89% interval", hi, exact.quantile(0.945), 1.0);
}

#[test]
fn new_school_is_wider_than_school_e() {
    let fit = schools_fit();
    let new = central_interval(&new_school_effects(fit, 5_8_4), PROB);
    let school_e =
        central_interval(&fit.pooled(fit.param_index("theta.5").expect("theta.5")), PROB);
    let e = exact().theta_marginal(4);
    let n = exact().new_school_marginal();
    let expected =
        width_ratio((n.quantile(0.055), n.quantile(0.945)), (e.quantile(0.055), e.quantile(0.945)));
    close("width ratio, new school to School E", width_ratio(new, school_e), expected, 0.08);
}

#[test]
fn private_school_adds_beta() {
    let data = covariate_data();
    let fit = sampler::fit(&data, &settings()).expect("the covariate fit runs");
    let draws = new_private_school_effects(&fit, 5_8_4);
    assert_eq!(draws.len(), fit.num_draws_total(), "one effect per posterior draw");
    // E[theta_new] = E[mu] + E[beta] for a private school.
    let exact = data.exact(20_000, 80.0);
    close(
        "mean of a new private school's effect",
        mean(&draws),
        exact.mu.mean() + exact.beta.mean(),
        0.6,
    );
    // Its spread: Var(theta_new | y) = Var(mu + beta | y) + E[tau² | y], the
    // law of total variance over this fit's draws. Without the school's own
    // deviation tau z only Var(mu + beta) would remain.
    let column = |name: &str| fit.pooled(fit.param_index(name).expect(name));
    let (mu, beta, tau) = (column("mu"), column("beta"), column("tau"));
    let centre: Vec<f64> = mu.iter().zip(&beta).map(|(m, b)| m + b).collect();
    let tau2: Vec<f64> = tau.iter().map(|t| t * t).collect();
    let expected = sd(&centre).powi(2) + mean(&tau2);
    close(
        "variance of a new private school's effect",
        sd(&draws).powi(2),
        expected,
        0.1 * expected,
    );
}
