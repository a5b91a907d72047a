//! The simulate-and-recover tool on a model small enough to fit a hundred times in a
//! second: a normal mean with known spread, written right and written with a variance
//! where a standard deviation belongs.

use sampler::rng::std_normal;
use sampler::{Model, SamplerError, Settings};
use sbc::recover::{RecoverSettings, Truth, simulate_and_recover};

/// `mu ~ Normal(0, 5)`, `y_i ~ Normal(mu, scale)`: right when `scale` is the sd.
struct Mean {
    y: Vec<f64>,
    scale: f64,
}

impl Model for Mean {
    fn dim(&self) -> usize {
        1
    }
    fn param_names(&self) -> Vec<String> {
        vec!["mu".into()]
    }
    fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 {
        let (mu, s2) = (x[0], self.scale * self.scale);
        g[0] = -mu / 25.0 + self.y.iter().map(|y| (y - mu) / s2).sum::<f64>();
        -0.5 * mu * mu / 25.0 - 0.5 * self.y.iter().map(|y| (y - mu).powi(2)).sum::<f64>() / s2
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0]);
    }
}

/// The data's true sd.
const SD: f64 = 0.5;

fn simulate(t: &[f64], rng: &mut rand::rngs::ChaCha8Rng) -> Vec<f64> {
    (0..8).map(|_| t[0] + SD * std_normal(rng)).collect()
}

fn prior(rng: &mut rand::rngs::ChaCha8Rng) -> Vec<f64> {
    vec![5.0 * std_normal(rng)]
}

fn settings(replicates: usize) -> RecoverSettings {
    RecoverSettings {
        replicates,
        sampler: Settings { num_warmup: 300, num_draws: 500, seed: 11, ..Settings::default() },
    }
}

#[test]
fn a_right_model_passes_and_a_variance_for_an_sd_is_flagged() {
    let right = simulate_and_recover(
        &["mu"],
        &Truth::Prior(&prior),
        simulate,
        |y| Ok(Mean { y, scale: SD }),
        &settings(100),
    )
    .unwrap();
    let wrong = simulate_and_recover(
        &["mu"],
        &Truth::Prior(&prior),
        simulate,
        |y| Ok(Mean { y, scale: SD * SD }),
        &settings(100),
    )
    .unwrap();
    eprintln!("right model:\n{right}\nvariance passed as sd:\n{wrong}");
    let (r, w) = (right.summary(0), wrong.summary(0));
    assert!(right.flagged(0.01).is_empty(), "{right}");
    assert_eq!(wrong.flagged(0.01), ["mu"], "{wrong}");
    // A posterior twice too narrow leaves the truth outside its 90% interval
    // in about 41% of replicates (|z| > 0.82), not 10%.
    assert!((0.02..0.2).contains(&r.outside_90), "{r:?}");
    assert!(w.outside_90 > 0.3, "{w:?}");
}

#[test]
fn fixed_truths_give_one_truth_per_replicate_and_the_same_bytes_on_one_thread() {
    let run = || {
        simulate_and_recover(
            &["mu"],
            &Truth::Fixed(vec![1.5]),
            simulate,
            |y| Ok(Mean { y, scale: SD }),
            &settings(12),
        )
        .unwrap()
    };
    let many = run();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(run);
    assert_eq!(many, one);
    assert!(!many.from_prior);
    assert!(many.replicates.iter().all(|r| r.truth == [1.5]));
    // Posterior means scatter around the truth by about SD / sqrt(8) = 0.18.
    let means: Vec<f64> = many.replicates.iter().map(|r| r.mean[0]).collect();
    let centre = means.iter().sum::<f64>() / means.len() as f64;
    assert!((centre - 1.5).abs() < 0.15, "{means:?}");
}

#[test]
fn bad_requests_are_clear_errors() {
    let fit = |names: &[&str], truth: Truth<'_>, replicates| {
        simulate_and_recover(
            names,
            &truth,
            simulate,
            |y| Ok(Mean { y, scale: SD }),
            &settings(replicates),
        )
        .unwrap_err()
        .to_string()
    };
    let e = fit(&["sigma"], Truth::Fixed(vec![1.0]), 2);
    assert!(e.contains("no parameter `sigma` (it has mu)"), "{e}");
    let e = fit(&["mu"], Truth::Fixed(vec![1.0, 2.0]), 2);
    assert!(e.contains("2 true values for 1 tracked names"), "{e}");
    let e = fit(&["mu"], Truth::Fixed(vec![1.0]), 1);
    assert!(e.contains("at least 2 replicates"), "{e}");
    let e = fit(&[], Truth::Fixed(vec![]), 5);
    assert!(e.contains("at least one parameter"), "{e}");
    let failing = simulate_and_recover(
        &["mu"],
        &Truth::Fixed(vec![1.0]),
        simulate,
        |_| -> Result<Mean, _> { Err(SamplerError::Model("bad data".into())) },
        &settings(3),
    );
    assert!(failing.unwrap_err().to_string().contains("bad data"));
}
