//! Checks for "Try it yourself" (Dirichlet-Multinomial), compiled into both
//! `exercises` and `solutions`.

use super::*;

use crate::common::{between, close};
use sampler::{Fit, Settings};
use std::sync::OnceLock;

const PROB: f64 = 0.89;
/// The smallest region of the printed survey (region 5) and the largest (region 2).
const SMALL: usize = 5;
const LARGE: usize = 2;

/// Your fit of the resized survey (n = 10 and n = 500), run once.
fn resized() -> &'static (models::survey::data::Survey, Fit) {
    static FIT: OnceLock<(models::survey::data::Survey, Fit)> = OnceLock::new();
    FIT.get_or_init(|| {
        let settings = Settings { seed: 42, target_accept: 0.9, ..Settings::default() };
        fit_resized(10, 500, &settings).expect("fit_resized returned an error")
    })
}

/// Mean over categories of `100 (1 − partial width / no-pooling width)`.
fn mean_reduction(survey_counts: &[u32], fit: &Fit, region: usize) -> f64 {
    let k = survey_counts.len();
    (0..k)
        .map(|c| {
            let none = no_pooling_interval(survey_counts, c, PROB);
            let part = partial_pooling_interval(fit, region, c + 1, PROB);
            100.0 * (1.0 - (part.1 - part.0) / (none.1 - none.0))
        })
        .sum::<f64>()
        / k as f64
}

#[test]
fn weight_on_the_baseline() {
    close("weight_on_baseline(10, 10)", weight_on_baseline(10.0, 10), 0.5, 1e-12);
    close("weight_on_baseline(2, 498)", weight_on_baseline(2.0, 498), 0.004, 1e-12);
}

#[test]
fn conditional_mean_blends_data_and_baseline() {
    let pi0 = [0.4, 0.3, 0.2, 0.1];
    let got = conditional_mean(10.0, &pi0, &[3, 3, 2, 2]);
    let expected = [0.35, 0.3, 0.2, 0.15];
    assert_eq!(got.len(), 4, "one share per category, got {got:?}");
    for k in 0..4 {
        close(&format!("share {k}"), got[k], expected[k], 1e-12);
    }
    // The same thing as (1 − B) · y/n + B · pi0.
    let counts = [40, 25, 20, 15];
    let b = weight_on_baseline(7.0, 100);
    for (k, share) in conditional_mean(7.0, &pi0, &counts).iter().enumerate() {
        let blend = (1.0 - b) * f64::from(counts[k]) / 100.0 + b * pi0[k];
        close(&format!("share {k} as a blend"), *share, blend, 1e-12);
    }
}

#[test]
fn resized_survey_has_the_requested_sizes() {
    let (survey, fit) = resized();
    let sizes = survey.sizes();
    assert_eq!(sizes[SMALL - 1], 10, "region {SMALL} size, all sizes {sizes:?}");
    assert_eq!(sizes[LARGE - 1], 500, "region {LARGE} size, all sizes {sizes:?}");
    assert_eq!(fit.num_divergent(), 0, "divergences in the marginal model");
    assert!(
        fit.param_index("pi.5.1").is_some(),
        "the fit needs exact region draws (columns pi.r.k): {:?}",
        fit.param_names
    );
}

#[test]
fn small_region_leans_on_the_baseline() {
    let (_, fit) = resized();
    let small = mean_weight(fit, 10);
    let large = mean_weight(fit, 500);
    between("mean weight on pi0 with n = 10", small, 0.3, 0.6);
    between("mean weight on pi0 with n = 500", large, 0.005, 0.03);
    // The posterior mean of B, averaged over the alpha draws: not B at the
    // posterior mean of alpha, which is larger (B is concave in alpha).
    let alpha = fit.pooled(fit.param_index("alpha").expect("alpha"));
    let expected = alpha.iter().map(|a| a / (a + 10.0)).sum::<f64>() / alpha.len() as f64;
    close("mean weight on pi0 with n = 10, averaged over the alpha draws", small, expected, 1e-9);
}

#[test]
fn no_pooling_interval_has_exact_quantiles() {
    // Beta(4, 10) and Beta(118, 386): quantiles 0.055 and 0.945.
    let (lo, hi) = no_pooling_interval(&[3, 3, 2, 2], 0, PROB);
    close("lower end, 3 of 10", lo, 0.116_150_180_568_729_83, 1e-6);
    close("upper end, 3 of 10", hi, 0.488_179_512_213_359_3, 1e-6);
    let (lo, hi) = no_pooling_interval(&[117, 162, 117, 104], 0, PROB);
    close("lower end, 117 of 500", lo, 0.204_563_856_719_838_98, 1e-6);
    close("upper end, 117 of 500", hi, 0.264_784_466_696_741_66, 1e-6);
}

#[test]
fn pooling_narrows_the_small_region_more() {
    let (survey, fit) = resized();
    let (lo, hi) = partial_pooling_interval(fit, SMALL, 1, PROB);
    let draws = fit.pooled(fit.param_index("pi.5.1").expect("pi.5.1"));
    let below = draws.iter().filter(|&&d| d < lo).count() as f64 / draws.len() as f64;
    let above = draws.iter().filter(|&&d| d > hi).count() as f64 / draws.len() as f64;
    close("share of pi.5.1 draws below your lower end", below, 0.055, 0.002);
    close("share of pi.5.1 draws above your upper end", above, 0.055, 0.002);
    let small = mean_reduction(&survey.counts[SMALL - 1], fit, SMALL);
    let large = mean_reduction(&survey.counts[LARGE - 1], fit, LARGE);
    between("interval narrowing for n = 10 (%)", small, 5.0, 20.0);
    between("interval narrowing for n = 500 (%)", large, -3.0, 3.0);
}
