//! "Try it yourself" — one tiny region and one huge one in the
//! Dirichlet-Multinomial survey.
//!
//! Six regions answer a four-way question. The hierarchical model:
//! `alpha ~ Exponential(1)`, `pi0 ~ Dirichlet(1, 1, 1, 1)`,
//! `pi_r ~ Dirichlet(alpha pi0)`, `y_r ~ Multinomial(n_r, pi_r)`. The
//! `models::survey` module has it all: `data::Survey`
//! (`Survey::printed()`, `Survey::resized(small_n, large_n)`, `sizes()`,
//! `counts`), the model with the `pi_r` integrated out
//! (`MarginalModel::new(&survey)`) and `with_region_draws`,
//! which adds exact draws of every `pi_r` (columns `pi.r.k`).
//!
//! Resize the smallest region (region 5) to n = 10 respondents and the
//! largest (region 2) to n = 500, keeping their mix of answers. How much
//! does each lean on the national baseline `pi0`, and how much narrower do
//! their intervals get?
//!
//! Check your work with `cargo xtask exercise survey_sizes`.

use models::survey::data::Survey;
use models::survey::{MarginalModel, with_region_draws};
use sampler::{Fit, Settings};
use statrs::distribution::{Beta, ContinuousCDF};

/// (a) The weight `B` a region of `n` respondents puts on the national
/// baseline `pi0`, given the concentration `alpha`.
pub fn weight_on_baseline(alpha: f64, n: u32) -> f64 {
    todo!()
}

/// (a) A region's posterior mean shares given `alpha` and `pi0` (work out
/// the region's posterior given them first; the Dirichlet is conjugate to
/// the multinomial).
pub fn conditional_mean(alpha: f64, pi0: &[f64], counts: &[u32]) -> Vec<f64> {
    todo!()
}

/// (b) The printed survey with its smallest region resized to `small_n`
/// respondents and its largest to `large_n`, fitted with the marginal model
/// (`sampler::fit` with `settings`), with the exact `pi.r.k` draws added.
/// Return the resized survey and the fit.
pub fn fit_resized(
    small_n: u32,
    large_n: u32,
    settings: &Settings,
) -> sampler::Result<(Survey, Fit)> {
    todo!()
}

/// (b) The posterior mean of [`weight_on_baseline`] for a region of `n`
/// respondents: its average over the `alpha` draws of `fit`.
pub fn mean_weight(fit: &Fit, n: u32) -> f64 {
    todo!()
}

/// (c) Without pooling (a flat `Dirichlet(1, …, 1)` prior for each region),
/// the share of category `k` (0-based) has an exact Beta marginal posterior.
/// Return its central `prob` interval (`statrs::distribution::Beta`).
pub fn no_pooling_interval(counts: &[u32], k: usize, prob: f64) -> (f64, f64) {
    todo!()
}

/// (c) The central `prob` interval of `pi.{region}.{k}` (both 1-based) in
/// `fit`, from the draws of all chains.
pub fn partial_pooling_interval(fit: &Fit, region: usize, k: usize, prob: f64) -> (f64, f64) {
    todo!()
}

#[cfg(test)]
#[path = "../checks/survey_sizes.rs"]
mod checks;
