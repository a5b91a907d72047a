//! Checks for the High School and Beyond exercise, compiled into both
//! `exercises` and `solutions`.

use super::*;
use crate::common::{between, close};
use models::hsb::data::Hsb;
use models::hsb::fits::{ModelKind, fit_model};
use sampler::{ChainDraws, Fit, Settings};
use std::sync::OnceLock;

/// The data, loaded once.
fn data() -> &'static Hsb {
    static DATA: OnceLock<Hsb> = OnceLock::new();
    DATA.get_or_init(|| {
        Hsb::load(std::path::Path::new(models::hsb::DEFAULT_DATA)).expect("data/hsb82.csv loads")
    })
}

/// A fit of one of the chapter's models: four chains of 500 warmup and 500
/// kept iterations (enough for this check, and fast).
fn fit(kind: ModelKind) -> Fit {
    let settings = Settings { seed: 42, num_warmup: 500, num_draws: 500, ..Settings::default() };
    let grouped = data().grouped().expect("the data group by school");
    fit_model(kind, &grouped, &settings, true).expect("the fit runs").fit
}

#[test]
fn statistic_of_known_values() {
    let values = [1.0, 2.0, 3.0, 4.0, 10.0];
    let school = [0, 0, 1, 1, 2];
    let means = school_means(&values, &school, 3);
    assert_eq!(means.len(), 3, "one mean per school, got {means:?}");
    for (j, expected) in [1.5, 3.5, 10.0].into_iter().enumerate() {
        close(&format!("mean of school {j}"), means[j], expected, 1e-12);
    }
    // Means 1.5, 3.5, 10: grand mean 5, squared deviations 12.25 + 2.25 + 25.
    close(
        "sd of the school means (divisor J - 1)",
        sd_of_school_means(&values, &school, 3),
        (39.5f64 / 2.0).sqrt(),
        1e-12,
    );
}

#[test]
fn p_value_counts_ties() {
    close("p_value(2, [1, 2, 3, 4])", p_value(2.0, &[1.0, 2.0, 3.0, 4.0]), 0.75, 1e-12);
    close("p_value(5, [1, 2, 3, 4])", p_value(5.0, &[1.0, 2.0, 3.0, 4.0]), 0.0, 1e-12);
}

/// The standard deviation (divisor `J − 1`) of the school means of `values`,
/// computed here independently of your functions.
fn spread_of_school_means(values: &[f64], d: &Hsb) -> f64 {
    let j = d.num_schools();
    let (mut sum, mut count) = (vec![0.0; j], vec![0.0; j]);
    for (v, &s) in values.iter().zip(&d.school) {
        sum[s] += v;
        count[s] += 1.0;
    }
    let means: Vec<f64> = sum.iter().zip(&count).map(|(s, n)| s / n).collect();
    let grand = means.iter().sum::<f64>() / j as f64;
    (means.iter().map(|m| (m - grand).powi(2)).sum::<f64>() / (j as f64 - 1.0)).sqrt()
}

#[test]
fn replicates_come_from_different_posterior_draws() {
    // A made-up complete-pooling "fit" of 400 draws whose slope runs evenly
    // from 0 to 1 and whose sigma is 0: replicate k is then the line of its
    // draw exactly, and its statistic is slope × the spread of the schools'
    // mean SES. Replicates spread over the draws spread like the slope; a
    // single plug-in draw (such as the posterior mean) gives no spread at all.
    let d = data();
    let total = 400;
    let draws: Vec<Vec<f64>> =
        (0..total).map(|s| vec![12.0, s as f64 / total as f64, 0.0]).collect();
    let fit = Fit {
        param_names: ["beta_0", "beta_1", "sigma"].map(String::from).to_vec(),
        settings: Settings::default(),
        chains: vec![ChainDraws {
            draws,
            stats: Vec::new(),
            warmup_divergences: 0,
            step_size: 1.0,
            inv_mass: vec![1.0; 3],
            gradient_evaluations: 0,
        }],
    };
    let c = spread_of_school_means(&d.ses(), d);
    let reps = replicated_statistics(d, &fit, 200, 7);
    assert_eq!(reps.len(), 200, "one statistic per replicated data set");
    let mean = reps.iter().sum::<f64>() / reps.len() as f64;
    let sd = (reps.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / reps.len() as f64).sqrt();
    // A slope spread evenly over [0, 1) has mean 1/2 and sd 1/sqrt(12).
    close("mean replicated statistic, slope draws 0..1", mean, 0.5 * c, 0.05 * c);
    close("sd of the replicated statistics, slope draws 0..1", sd, c / 12f64.sqrt(), 0.05 * c);
}

#[test]
fn complete_pooling_misses_the_differences_between_schools() {
    let d = data();
    let observed = sd_of_school_means(&d.math(), &d.school, d.num_schools());
    close("observed sd of the 160 school means", observed, 3.118, 0.01);
    let reps = replicated_statistics(d, &fit(ModelKind::Complete), 200, 7);
    assert_eq!(reps.len(), 200, "one statistic per replicated data set");
    let mean = reps.iter().sum::<f64>() / reps.len() as f64;
    between("mean replicated sd of school means, complete pooling", mean, 1.3, 2.0);
    close("p-value of complete pooling", p_value(observed, &reps), 0.0, 0.0);
}

#[test]
fn partial_pooling_reproduces_them() {
    let d = data();
    let observed = sd_of_school_means(&d.math(), &d.school, d.num_schools());
    let reps = replicated_statistics(d, &fit(ModelKind::NonCentred), 200, 7);
    let mean = reps.iter().sum::<f64>() / reps.len() as f64;
    between("mean replicated sd of school means, partial pooling", mean, 2.7, 3.4);
    between("p-value of partial pooling", p_value(observed, &reps), 0.05, 0.95);
}
