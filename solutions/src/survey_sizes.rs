//! "Try it yourself" — one tiny region and one huge one in the
//! Dirichlet-Multinomial survey (solution).

use models::survey::data::Survey;
use models::survey::{MarginalModel, with_region_draws};
use sampler::{Fit, Settings};
use statrs::distribution::{Beta, ContinuousCDF};

/// (a) The weight a region of `n` respondents puts on the national baseline
/// `pi0`, given the concentration `alpha`: `B = alpha / (alpha + n)`.
pub fn weight_on_baseline(alpha: f64, n: u32) -> f64 {
    alpha / (alpha + f64::from(n))
}

/// (a) A region's posterior mean shares given `alpha` and `pi0`: the mean of
/// `Dirichlet(alpha pi0 + y)`, i.e. `(alpha pi0_k + y_k) / (alpha + n)`.
pub fn conditional_mean(alpha: f64, pi0: &[f64], counts: &[u32]) -> Vec<f64> {
    let n: u32 = counts.iter().sum();
    pi0.iter()
        .zip(counts)
        .map(|(p, &y)| (alpha * p + f64::from(y)) / (alpha + f64::from(n)))
        .collect()
}

/// (b) The survey with its smallest region resized to `small_n` respondents
/// and its largest to `large_n`, fitted with the marginal model, with exact
/// draws of every region's shares added (columns `pi.r.k`).
pub fn fit_resized(
    small_n: u32,
    large_n: u32,
    settings: &Settings,
) -> sampler::Result<(Survey, Fit)> {
    let survey = Survey::printed().resized(small_n, large_n);
    let fit = sampler::fit(&MarginalModel::new(&survey), settings)?;
    let fit = with_region_draws(&fit, &survey);
    Ok((survey, fit))
}

/// (b) The posterior mean of [`weight_on_baseline`] for a region of `n`
/// respondents, averaging over the `alpha` draws of `fit`.
pub fn mean_weight(fit: &Fit, n: u32) -> f64 {
    let alpha = fit.pooled(fit.param_index("alpha").expect("alpha column"));
    alpha.iter().map(|&a| weight_on_baseline(a, n)).sum::<f64>() / alpha.len() as f64
}

/// (c) Without pooling (a flat `Dirichlet(1, …, 1)` prior per region), the
/// share of category `k` has the exact marginal
/// `Beta(1 + y_k, K − 1 + n − y_k)`. Its central `prob` interval.
pub fn no_pooling_interval(counts: &[u32], k: usize, prob: f64) -> (f64, f64) {
    let n: u32 = counts.iter().sum();
    let a = 1.0 + f64::from(counts[k]);
    let b = (counts.len() - 1) as f64 + f64::from(n - counts[k]);
    let beta = Beta::new(a, b).expect("positive shape parameters");
    let tail = 0.5 * (1.0 - prob);
    (beta.inverse_cdf(tail), beta.inverse_cdf(1.0 - tail))
}

/// (c) The central `prob` interval of `pi.{region}.{k}` (both 1-based) in `fit`.
pub fn partial_pooling_interval(fit: &Fit, region: usize, k: usize, prob: f64) -> (f64, f64) {
    let name = format!("pi.{region}.{k}");
    let draws = fit.pooled(fit.param_index(&name).expect("pi.r.k column"));
    let tail = 0.5 * (1.0 - prob);
    (diagnostics::quantile(&draws, tail), diagnostics::quantile(&draws, 1.0 - tail))
}

#[cfg(test)]
#[path = "../../exercises/checks/survey_sizes.rs"]
mod checks;
