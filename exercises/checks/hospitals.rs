//! Checks for exercise 5.8.3, compiled into both `exercises` and `solutions`.

use super::*;

use crate::common::{between, close, same_density, same_names};
use models::hierarchical_poisson::HierarchicalPoisson;
use sampler::rng::{chain_rng, std_normal};
use sampler::{Fit, Model, Settings};
use std::sync::OnceLock;

const PROB: f64 = 0.89;

/// Your fit of the hierarchical model, run once and shared by the tests.
/// With the source's target acceptance of 0.9 a few divergences remain: the
/// data say little about `sigma_log`, whose posterior piles up near zero
/// where the geometry narrows. A smaller step (target 0.99) removes them.
fn settings() -> Settings {
    Settings { seed: 42, num_draws: 2000, target_accept: 0.99, ..Settings::default() }
}

fn fit() -> &'static Fit {
    static FIT: OnceLock<Fit> = OnceLock::new();
    FIT.get_or_init(|| fit_hierarchical(&settings()).expect("fit_hierarchical returned an error"))
}

fn yours() -> Declared<Hospitals> {
    declare(&COUNTS, &EXPOSURE).unwrap_or_else(|e| panic!("declare() returned an error: {e}"))
}

/// The sampler's coordinates by name.
fn free_names() -> Vec<String> {
    let mut names = vec!["mu_log".to_string(), "log sigma_log".to_string()];
    names.extend((1..=8).map(|j| format!("z.{j}")));
    names
}

#[test]
fn declaration() {
    let model = yours();
    same_names(
        "the sampler's coordinates (Declared::free_names)",
        &model.free_names(),
        &free_names(),
    );
    let mut names = vec!["mu_log".to_string(), "sigma_log".to_string()];
    names.extend((1..=8).map(|j| format!("z.{j}")));
    names.extend((1..=8).map(|j| format!("lambda.{j}")));
    same_names("the columns of a draw (param_names)", &model.param_names(), &names);
}

#[test]
fn log_density_matches_the_book_up_to_a_constant() {
    let reference = HierarchicalPoisson { y: COUNTS.to_vec(), exposure: EXPOSURE.to_vec() };
    let mut rng = chain_rng(5_8_3, 0, 0);
    let points: Vec<Vec<f64>> =
        (0..50).map(|_| (0..10).map(|_| 1.5 * std_normal(&mut rng)).collect()).collect();
    same_density(&yours(), &reference, &points, &free_names());
}

#[test]
fn fit_is_of_your_model() {
    let again = sampler::fit(&yours(), &settings()).expect("your model fits");
    same_names("columns of fit_hierarchical's fit", &fit().param_names, &again.param_names);
    assert!(
        fit().chains == again.chains,
        "fit_hierarchical's fit differs from sampler::fit(&declare(&COUNTS, &EXPOSURE)?, \
         settings): fit your own model there"
    );
}

fn column(fit: &Fit, name: &str) -> Vec<f64> {
    let index = fit
        .param_index(name)
        .unwrap_or_else(|| panic!("the fit has no column {name}: {:?}", fit.param_names));
    fit.pooled(index)
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

fn variance(x: &[f64]) -> f64 {
    let m = mean(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / x.len() as f64
}

#[test]
fn no_pooling_posterior_is_conjugate() {
    let (shape, rate) = no_pooling_posterior(1.0, 0.7);
    close("shape for hospital 5 (1 event, exposure 0.7)", shape, 2.0, 1e-12);
    close("rate for hospital 5 (1 event, exposure 0.7)", rate, 1.2, 1e-12);
    let (shape, rate) = no_pooling_posterior(10.0, 5.0);
    close("shape for hospital 2 (10 events, exposure 5)", shape, 11.0, 1e-12);
    close("rate for hospital 2 (10 events, exposure 5)", rate, 5.5, 1e-12);
}

#[test]
fn no_pooling_interval_has_exact_quantiles() {
    // Quantiles 0.055 and 0.945 of Gamma(2, rate 1.2) and Gamma(12, rate 4).
    let (lo, hi) = no_pooling_interval(1.0, 0.7, PROB);
    close("lower end for hospital 5", lo, 0.312_573_579_443_812_5, 1e-6);
    close("upper end for hospital 5", hi, 3.856_845_259_877_166, 1e-6);
    let (lo, hi) = no_pooling_interval(11.0, 3.5, PROB);
    close("lower end for hospital 6", lo, 1.759_040_413_003_140_7, 1e-6);
    close("upper end for hospital 6", hi, 4.498_853_285_176_903, 1e-6);
}

#[test]
fn hierarchical_fit_is_healthy() {
    let fit = fit();
    // A correct model can still leave a stray divergence at target 0.9 (the
    // solution does, on this seed): allow a few in 4000 transitions.
    between("divergences", fit.num_divergent() as f64, 0.0, 4.0);
    for j in 1..=8 {
        let name = format!("lambda.{j}");
        let chains =
            fit.chains_by_name(&name).unwrap_or_else(|| panic!("the fit has no column {name}"));
        let r_hat = diagnostics::rhat(&chains);
        between(&format!("R-hat of {name}"), r_hat, 0.99, 1.01);
    }
}

#[test]
fn partial_pooling_interval_is_central() {
    let fit = fit();
    let (lo, hi) = partial_pooling_interval(fit, 5, PROB);
    let draws = column(fit, "lambda.5");
    let share = |f: &dyn Fn(f64) -> bool| {
        draws.iter().filter(|&&d| f(d)).count() as f64 / draws.len() as f64
    };
    close("share of lambda.5 draws below your lower end", share(&|d| d < lo), 0.055, 0.002);
    close("share of lambda.5 draws above your upper end", share(&|d| d > hi), 0.055, 0.002);
}

#[test]
fn pooling_narrows_the_smallest_hospital() {
    close(
        "width_reduction_percent((1, 2), (0, 4))",
        width_reduction_percent((1.0, 2.0), (0.0, 4.0)),
        75.0,
        1e-12,
    );
    let partial = partial_pooling_interval(fit(), 5, PROB);
    let none = no_pooling_interval(COUNTS[4], EXPOSURE[4], PROB);
    between(
        "interval-width reduction for hospital 5 (%)",
        width_reduction_percent(partial, none),
        40.0,
        70.0,
    );
}

#[test]
fn new_hospital_is_drawn_from_the_population() {
    let fit = fit();
    let rates = new_hospital_rates(fit, 5_8_3);
    assert_eq!(rates.len(), fit.num_draws_total(), "one rate per posterior draw");
    assert!(rates.iter().all(|r| *r > 0.0), "rates must be positive");
    // log lambda_new = mu_log + sigma_log z: its mean is E[mu_log] and its
    // variance Var(mu_log) + E[sigma_log²].
    let logs: Vec<f64> = rates.iter().map(|r| r.ln()).collect();
    let mu = column(fit, "mu_log");
    let sigma2: Vec<f64> = column(fit, "sigma_log").iter().map(|s| s * s).collect();
    close("mean of log lambda_new", mean(&logs), mean(&mu), 0.03);
    let expected = variance(&mu) + mean(&sigma2);
    close("variance of log lambda_new", variance(&logs), expected, 0.1 * expected);
    // A new hospital is less certain than hospital 5, which has one count.
    let (lo5, hi5) = partial_pooling_interval(fit, 5, PROB);
    let (lo, hi) = (diagnostics::quantile(&rates, 0.055), diagnostics::quantile(&rates, 0.945));
    assert!(
        hi - lo > hi5 - lo5,
        "the new hospital's interval [{lo}, {hi}] should be wider than hospital 5's [{lo5}, {hi5}]"
    );
}

#[test]
fn probability_of_no_events() {
    close(
        "prob_no_events(&[0, 1], 2)",
        prob_no_events(&[0.0, 1.0], 2.0),
        0.5 * (1.0 + (-2.0f64).exp()),
        1e-12,
    );
    let rates = new_hospital_rates(fit(), 5_8_3);
    between(
        "P(no adverse event) for a new hospital with exposure 3",
        prob_no_events(&rates, 3.0),
        0.01,
        0.03,
    );
}
