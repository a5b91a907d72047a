//! The rolling-window adaptation (nutpie's schedule) and step-size jitter
//! against posteriors with known answers: estimates within 4 Monte Carlo
//! standard errors of the truth, on fixed seeds.

mod common;

use common::{PoissonGamma, assert_mean, map};
use models::gaussian::Gaussian;
use sampler::{MetricEstimate, Settings, fit};

fn squared_deviation(chains: &[Vec<f64>], centre: f64) -> Vec<Vec<f64>> {
    map(chains, |x| (x - centre).powi(2))
}

fn rolling(estimate: MetricEstimate, seed: u64) -> Settings {
    Settings { seed, ..Settings::rolling(estimate) }
}

/// Standard deviations from 0.01 to 100: the unit metric is badly wrong, so
/// the draws are only right if the metric adaptation works.
fn badly_scaled() -> (Gaussian, Vec<f64>) {
    let d = 30;
    let sd: Vec<f64> = (0..d).map(|i| 10f64.powf(-2.0 + 4.0 * i as f64 / (d - 1) as f64)).collect();
    let mean = (0..d).map(|i| i as f64 - 10.0).collect();
    (Gaussian::diagonal(mean, &sd), sd)
}

fn check_badly_scaled(estimate: MetricEstimate, seed: u64) -> Vec<Vec<f64>> {
    let (model, sd) = badly_scaled();
    let f = fit(&model, &rolling(estimate, seed)).unwrap();
    assert_eq!(f.num_divergent(), 0, "{estimate:?}");
    for (i, s) in sd.iter().enumerate() {
        let chains = f.chains_of(i);
        let m = i as f64 - 10.0;
        assert_mean(&format!("{estimate:?} mean x.{i}"), &chains, m);
        assert_mean(&format!("{estimate:?} var x.{i}"), &squared_deviation(&chains, m), s * s);
    }
    f.chains.iter().map(|c| c.inv_mass.clone()).collect()
}

#[test]
fn draw_variance_metric_recovers_a_badly_scaled_gaussian() {
    let (_, sd) = badly_scaled();
    for inv_mass in check_badly_scaled(MetricEstimate::DrawVariance, 21) {
        for (m, s) in inv_mass.iter().zip(&sd) {
            // The last window holds a few hundred draws: a variance estimate
            // good to about ±10%.
            let ratio = m / (s * s);
            assert!((0.6..1.6).contains(&ratio), "inv_mass / variance = {ratio}");
        }
    }
}

#[test]
fn gradient_metric_is_exact_on_a_gaussian() {
    let (_, sd) = badly_scaled();
    for inv_mass in check_badly_scaled(MetricEstimate::DrawAndGradient, 22) {
        for (m, s) in inv_mass.iter().zip(&sd) {
            // For a Gaussian, Var(q) / Var(∇ log p) = σ⁴ draw by draw.
            assert!((m / (s * s) - 1.0).abs() < 1e-6, "{m} vs {}", s * s);
        }
    }
}

#[test]
fn rolling_adaptation_on_a_correlated_normal() {
    let (sd, rho) = ([1.0, 10.0], 0.95);
    let model = Gaussian::bivariate([2.0, -3.0], sd, rho);
    let f = fit(&model, &rolling(MetricEstimate::DrawAndGradient, 23)).unwrap();
    assert_eq!(f.num_divergent(), 0);
    let (x, y) = (f.chains_of(0), f.chains_of(1));
    assert_mean("mean x", &x, 2.0);
    assert_mean("mean y", &y, -3.0);
    assert_mean("var x", &squared_deviation(&x, 2.0), 1.0);
    assert_mean("var y", &squared_deviation(&y, -3.0), 100.0);
}

#[test]
fn rolling_adaptation_on_a_skewed_posterior() {
    // Gamma(2, 0.5) prior, counts 1, 4, 0: a skewed posterior on log λ.
    let model = PoissonGamma { y: vec![1.0, 4.0, 0.0], a: 2.0, b: 0.5 };
    let (shape, rate) = model.posterior();
    for (estimate, seed) in
        [(MetricEstimate::DrawVariance, 24), (MetricEstimate::DrawAndGradient, 25)]
    {
        let f = fit(&model, &rolling(estimate, seed)).unwrap();
        let lambda = f.chains_of(0);
        assert_mean("E[lambda]", &lambda, shape / rate);
        assert_mean(
            "Var[lambda]",
            &squared_deviation(&lambda, shape / rate),
            shape / (rate * rate),
        );
    }
}

#[test]
fn jitter_spreads_the_step_size_and_keeps_the_answer() {
    let model = Gaussian::diagonal(vec![1.0; 5], &[2.0; 5]);
    let f =
        fit(&model, &Settings { seed: 26, step_size_jitter: 0.5, ..Settings::default() }).unwrap();
    // Each chain has its own adapted step size; look at the first one.
    let steps: Vec<f64> = f.chains[0].stats.iter().map(|s| s.step_size).collect();
    let (lo, hi) = steps.iter().fold((f64::INFINITY, 0.0f64), |(l, h), &s| (l.min(s), h.max(s)));
    let base = f.chains[0].step_size;
    assert!(lo < 0.6 * base && hi > 1.4 * base, "{lo}..{hi} around {base}");
    assert!(lo >= 0.5 * base * 0.999 && hi <= 1.5 * base * 1.001);
    for i in 0..5 {
        assert_mean("mean", &f.chains_of(i), 1.0);
    }
}

#[test]
fn rolling_adaptation_without_warmup_and_bad_jitter() {
    let model = Gaussian::diagonal(vec![0.0; 3], &[1.0; 3]);
    let f = fit(
        &model,
        &Settings { num_warmup: 0, num_draws: 20, ..rolling(MetricEstimate::DrawAndGradient, 27) },
    )
    .unwrap();
    assert_eq!(f.chains[0].inv_mass, vec![1.0; 3]);
    let err = fit(&model, &Settings { step_size_jitter: 1.0, ..Settings::default() }).unwrap_err();
    assert!(err.to_string().contains("jitter"), "{err}");
}
