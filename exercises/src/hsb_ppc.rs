//! High School and Beyond — a posterior predictive check of your own.
//!
//! A posterior predictive check asks: if the model were true, would data like
//! ours be unusual? Pick a statistic `T` of the data that matters for your
//! question, compute it on the observed data, and on data sets replicated
//! from the fitted model; if the observed `T` sits far in the tail of the
//! replicated ones, the model misses something `T` measures.
//!
//! Here `T` is the spread of the school means of math achievement: the
//! standard deviation of the 160 schools' average scores. Does complete
//! pooling (one line for every school) reproduce it? Does partial pooling?
//!
//! The `models::hsb` module gives you the data (`data::Hsb`: `rows` with
//! `ses` and `math`, `school[i]` the 0-based school of row `i`,
//! `num_schools()`) and, for any of its fits, `lines::LineIndex`
//! (`LineIndex::new(fit, num_schools)`, then `mean(draw, school, ses)` and
//! `sigma(draw)`) and `lines::pooled_draws(fit)`.
//!
//! Check your work with `cargo xtask exercise hsb_ppc`.

use models::hsb::data::Hsb;
use models::hsb::lines::{LineIndex, pooled_draws};
use sampler::Fit;
use sampler::rng::{chain_rng, std_normal};

/// (a) The mean of `values` in each of `num_schools` schools; `school[i]` is
/// the 0-based school of `values[i]`.
pub fn school_means(values: &[f64], school: &[usize], num_schools: usize) -> Vec<f64> {
    todo!()
}

/// (a) The test statistic: the standard deviation (divisor `J − 1`) of the
/// school means.
pub fn sd_of_school_means(values: &[f64], school: &[usize], num_schools: usize) -> f64 {
    todo!()
}

/// (b) The statistic of `num_rep` replicated data sets. For replicate `k`,
/// take the posterior draw `k · S / num_rep` of the `S` pooled draws of `fit`,
/// simulate every student's score from the model given that draw, and
/// compute [`sd_of_school_means`]. Use a generator per replicate, e.g.
/// `chain_rng(seed, 1, k)`, and `std_normal` from `sampler::rng`.
pub fn replicated_statistics(d: &Hsb, fit: &Fit, num_rep: usize, seed: u64) -> Vec<f64> {
    todo!()
}

/// (c) The posterior predictive p-value: the share of `replicated` at or
/// above `observed`.
pub fn p_value(observed: f64, replicated: &[f64]) -> f64 {
    todo!()
}

#[cfg(test)]
#[path = "../checks/hsb_ppc.rs"]
mod checks;
