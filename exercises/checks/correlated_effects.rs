//! Checks for the correlated-effects exercise, compiled into both `exercises` and
//! `solutions`.

use super::*;

use crate::common::{between, close, same, same_density, same_names};
use models::correlated_slopes::CorrelatedSlopes;
use sampler::rng::{chain_rng, std_normal};
use sampler::{Fit, Model, Settings};
use std::sync::OnceLock;

/// Four chains of 500 warmup and 500 kept iterations: the automatic
/// gradient of 86 coordinates makes this the slowest fit of the checks, and
/// 2000 draws pin rho down well inside the tolerances below.
fn settings() -> Settings {
    Settings { seed: 7, num_warmup: 500, num_draws: 500, ..Settings::default() }
}

fn fit() -> &'static Fit {
    static FIT: OnceLock<Fit> = OnceLock::new();
    FIT.get_or_init(|| fit_correlated(&settings()).expect("fit_correlated returned an error"))
}

fn yours() -> Declared<Correlated> {
    declare(data()).unwrap_or_else(|e| panic!("declare() returned an error: {e}"))
}

/// The sampler's coordinates by name.
fn free_names() -> Vec<String> {
    let mut names: Vec<String> =
        ["mu.1", "mu.2", "log tau.1", "log tau.2", "atanh cpc L.2.1"].map(String::from).to_vec();
    for z in ["z_0", "z_1"] {
        names.extend((1..=GROUPS).map(|j| format!("{z}.{j}")));
    }
    names.push("log sigma".into());
    names
}

/// Random points of the sampler's space near where the posterior lives.
fn points(n: usize) -> Vec<Vec<f64>> {
    let mut rng = chain_rng(19, 0, 0);
    (0..n)
        .map(|_| {
            let mut x: Vec<f64> = (0..5 + 2 * GROUPS + 1).map(|_| std_normal(&mut rng)).collect();
            x[0] += 10.0;
            x[1] += 2.0;
            x
        })
        .collect()
}

#[test]
fn declaration() {
    let model = yours();
    same_names(
        "the sampler's coordinates (Declared::free_names)",
        &model.free_names(),
        &free_names(),
    );
    let names = model.param_names();
    same_names(
        "the first columns of a draw (param_names)",
        &names[..9],
        &["mu.1", "mu.2", "tau.1", "tau.2", "L.1.1", "L.1.2", "L.2.1", "L.2.2", "z_0.1"]
            .map(String::from),
    );
    same("the last column", names.last().map(String::as_str), Some("rho"));
}

#[test]
fn log_density_matches_the_book_up_to_a_constant() {
    let book = CorrelatedSlopes { data: data() };
    same_density(&yours(), &book, &points(50), &free_names());
}

#[test]
fn rho_is_the_factors_lower_entry() {
    let model = yours();
    for x in points(5) {
        let mut out = Vec::new();
        model.constrain(&x, &mut out);
        close(
            "rho at a random point (tanh of the free coordinate)",
            *out.last().unwrap_or(&f64::NAN),
            x[4].tanh(),
            1e-12,
        );
    }
}

#[test]
fn forgetting_the_lkj_prior_is_caught() {
    // The same model without its LKJ term differs from the book's by
    // (η − 1) ln(1 − rho²), which is not a constant: the density check must fail.
    struct WithoutLkj(Declared<Correlated>);
    impl Model for WithoutLkj {
        fn dim(&self) -> usize {
            self.0.dim()
        }
        fn param_names(&self) -> Vec<String> {
            self.0.param_names()
        }
        fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
            let lp = self.0.log_density_grad(x, grad);
            let rho = x[4].tanh();
            grad[4] += 2.0 * (LKJ_ETA - 1.0) * rho;
            lp - (LKJ_ETA - 1.0) * (1.0 - rho * rho).ln()
        }
        fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
            self.0.constrain(x, out)
        }
    }
    let book = CorrelatedSlopes { data: data() };
    let mistaken = WithoutLkj(yours());
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        same_density(&mistaken, &book, &points(10), &free_names())
    }))
    .is_err();
    same("a model without the LKJ prior is told apart", caught, true);
}

#[test]
fn fit_recovers_the_correlation() {
    let fit = fit();
    same("divergences", fit.num_divergent(), 0);
    let chains = fit
        .chains_by_name("rho")
        .unwrap_or_else(|| panic!("the fit has no column rho: {:?}", fit.param_names));
    between("R-hat of rho", diagnostics::rhat(&chains), 0.99, 1.01);
    let rho = chains.concat();
    let mean = rho.iter().sum::<f64>() / rho.len() as f64;
    close("posterior mean of rho", mean, TRUTH.rho, 0.2);
    let (lo, hi) = (diagnostics::quantile(&rho, 0.05), diagnostics::quantile(&rho, 0.95));
    between("the true rho within the 90% interval", TRUTH.rho, lo, hi);
    above_zero_mass(&rho);
}

/// The data speak: far less of the posterior than of the LKJ(2) prior (half)
/// lies above zero.
fn above_zero_mass(rho: &[f64]) {
    let share = rho.iter().filter(|&&r| r > 0.0).count() as f64 / rho.len() as f64;
    between("posterior share of rho above zero", share, 0.0, 0.05);
}
