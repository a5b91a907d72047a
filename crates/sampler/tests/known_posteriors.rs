//! The sampler against posteriors whose answers are known exactly: every
//! estimate must land within 4 Monte Carlo standard errors of the truth.
//! Seeds are fixed, so these tests are deterministic. Every test runs under
//! both warmup schedules, the default (Stan's) and nutpie's rolling windows
//! with the metric from draw variances, each with the diagonal metric and
//! with the low-rank one (on the rolling windows from draw and gradient
//! variances, nutpie's own combination).

mod common;

use common::{PoissonGamma, assert_mean, map};
use diagnostics::{ess_bulk, rhat};
use models::gaussian::Gaussian;
use sampler::{LowRankOptions, MetricEstimate, MetricKind, Settings, fit};

/// The schedules and metrics every test runs under, with the test's seed.
fn schedules(seed: u64) -> [(&'static str, Settings); 4] {
    let stan = Settings { seed, ..Settings::default() };
    let rolling = Settings { seed, ..Settings::rolling(MetricEstimate::DrawVariance) };
    let stan_low_rank =
        Settings { metric: MetricKind::LowRank(LowRankOptions::default()), ..stan.clone() };
    let rolling_low_rank = Settings { seed, ..Settings::low_rank(MetricEstimate::DrawAndGradient) };
    [
        ("Stan", stan),
        ("rolling", rolling),
        ("Stan, low-rank", stan_low_rank),
        ("rolling, low-rank", rolling_low_rank),
    ]
}

#[test]
fn standard_normal_in_100_dimensions() {
    for (schedule, settings) in schedules(11) {
        eprintln!("schedule: {schedule}");
        standard_normal_in_100_dimensions_under(&settings);
    }
}

fn standard_normal_in_100_dimensions_under(settings: &Settings) {
    let model = Gaussian::diagonal(vec![0.0; 100], &[1.0; 100]);
    let f = fit(&model, settings).unwrap();
    assert_eq!(f.num_divergent(), 0);
    for i in 0..100 {
        let chains = f.chains_of(i);
        assert_mean(&format!("mean of x.{}", i + 1), &chains, 0.0);
        assert_mean(&format!("E[x.{}^2]", i + 1), &map(&chains, |x| x * x), 1.0);
        assert!(rhat(&chains) < 1.01, "R-hat of x.{}", i + 1);
    }
    // Adaptation should land near the target acceptance of 0.8.
    let accept = f.stat_chains(|s| s.accept_stat).concat();
    let mean_accept = accept.iter().sum::<f64>() / accept.len() as f64;
    assert!((0.7..0.95).contains(&mean_accept), "mean accept_stat {mean_accept}");
}

#[test]
fn strongly_correlated_bivariate_normal() {
    for (schedule, settings) in schedules(12) {
        eprintln!("schedule: {schedule}");
        strongly_correlated_bivariate_normal_under(&settings);
    }
}

fn strongly_correlated_bivariate_normal_under(settings: &Settings) {
    let (sd, rho) = ([1.0, 10.0], 0.99);
    let model = Gaussian::bivariate([2.0, -3.0], sd, rho);
    let f = fit(&model, settings).unwrap();
    assert_eq!(f.num_divergent(), 0);
    let (x, y) = (f.chains_of(0), f.chains_of(1));
    assert_mean("mean x", &x, 2.0);
    assert_mean("mean y", &y, -3.0);
    assert_mean("var x", &map(&x, |v| (v - 2.0).powi(2)), sd[0] * sd[0]);
    assert_mean("var y", &map(&y, |v| (v + 3.0).powi(2)), sd[1] * sd[1]);
    let cross: Vec<Vec<f64>> = x
        .iter()
        .zip(&y)
        .map(|(a, b)| a.iter().zip(b).map(|(u, v)| (u - 2.0) * (v + 3.0)).collect())
        .collect();
    assert_mean("cov(x, y)", &cross, rho * sd[0] * sd[1]);
    assert!(ess_bulk(&x) > 400.0, "bulk ESS {}", ess_bulk(&x));
}

#[test]
fn poisson_gamma_conjugate_posterior() {
    for (schedule, settings) in schedules(13) {
        eprintln!("schedule: {schedule}");
        poisson_gamma_conjugate_posterior_under(&settings);
    }
}

fn poisson_gamma_conjugate_posterior_under(settings: &Settings) {
    let model = PoissonGamma { y: vec![3.0, 5.0, 2.0, 7.0, 4.0, 0.0, 1.0], a: 2.0, b: 0.5 };
    assert!(sampler::check_gradient(&model, &[0.7]).passes(1e-6));
    let f = fit(&model, settings).unwrap();
    let (shape, rate) = (2.0 + 22.0, 0.5 + 7.0);
    let lambda = f.chains_of(0);
    assert_mean("E[lambda]", &lambda, shape / rate);
    let m = shape / rate;
    assert_mean("Var[lambda]", &map(&lambda, |l| (l - m).powi(2)), shape / (rate * rate));
    assert_mean("E[log lambda]", &map(&lambda, f64::ln), digamma(shape) - rate.ln());
}

/// Digamma by recurrence and the asymptotic series (accurate to ~1e-12 here).
fn digamma(mut x: f64) -> f64 {
    let mut acc = 0.0;
    while x < 10.0 {
        acc -= 1.0 / x;
        x += 1.0;
    }
    let x2 = 1.0 / (x * x);
    acc + x.ln() - 0.5 / x - x2 * (1.0 / 12.0 - x2 * (1.0 / 120.0 - x2 / 252.0))
}

/// Normal data with known sd and a Normal prior on the mean: the posterior
/// is Normal, so its quantiles are known and coverage can be checked.
#[test]
fn normal_normal_quantiles() {
    for (schedule, settings) in schedules(14) {
        eprintln!("schedule: {schedule}");
        normal_normal_quantiles_under(&settings);
    }
}

fn normal_normal_quantiles_under(settings: &Settings) {
    let y = [1.2, 0.4, 2.2, 1.9, -0.3, 1.1];
    let (sigma, prior_sd) = (2.0, 10.0);
    let precision = 1.0 / (prior_sd * prior_sd) + y.len() as f64 / (sigma * sigma);
    let post_sd = (1.0 / precision).sqrt();
    let post_mean = (y.iter().sum::<f64>() / (sigma * sigma)) / precision;
    let model = Gaussian::diagonal(vec![post_mean], &[post_sd]);
    let f = fit(&model, settings).unwrap();
    let mu = f.chains_of(0);
    // Standard normal quantiles at 5%, 50%, 95%.
    for (p, z) in [(0.05, -1.6448536269514722), (0.5, 0.0), (0.95, 1.6448536269514722)] {
        let q = post_mean + post_sd * z;
        let below = map(&mu, |v| f64::from(u8::from(v <= q)));
        assert_mean(&format!("P(mu <= q{p})"), &below, p);
    }
}
