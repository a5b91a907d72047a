//! Predicting a sixth instructor, one not in the data.
//!
//! Partial pooling draws the new instructor's mean from the fitted population,
//! `theta_new ~ Normal(mu, tau)`, once per posterior draw; complete pooling
//! can only return its one mean `mu`; no pooling has no parameter for a
//! group it has not seen. Because the data were simulated, we also know the
//! population the new instructor really comes from, so we can say how often
//! each interval would contain a new instructor's true mean.

use crate::mean_hdi;
use anyhow::Result;
use models::normal_groups::simulate::{TRUE_MU, TRUE_TAU};
use sampler::Fit;
use sampler::rng::{chain_rng, std_normal};
use statrs::distribution::{ContinuousCDF, Normal};

/// Stream of the predictive draws.
const PREDICT_STREAM: u32 = 1_000_003;

/// Posterior predictions for a new group: `(mean, HDI low, HDI high)`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewGroup {
    /// Partial pooling: the new instructor's mean, `Normal(mu, tau)`.
    pub partial_mean: (f64, f64, f64),
    /// Partial pooling: one new student of the new instructor.
    pub partial_student: (f64, f64, f64),
    /// Complete pooling: the new instructor's mean is `mu`.
    pub complete_mean: (f64, f64, f64),
    /// Complete pooling: one new student, `Normal(mu, sigma)`.
    pub complete_student: (f64, f64, f64),
    /// Probability that a new instructor's true mean (from the simulation's
    /// population) falls in the partial-pooling interval.
    pub partial_coverage: f64,
    /// The same for the complete-pooling interval.
    pub complete_coverage: f64,
}

// ANCHOR: new_group
/// Predictions for a new instructor from the partial- and complete-pooling fits.
pub fn new_group(partial: &Fit, complete: &Fit, seed: u64) -> Result<NewGroup> {
    let mut rng = chain_rng(seed, PREDICT_STREAM, 0);
    let (mu, tau, sigma) =
        (partial.pooled_named("mu")?, partial.pooled_named("tau")?, partial.pooled_named("sigma")?);
    let mut theta_new = Vec::with_capacity(mu.len());
    let mut student = Vec::with_capacity(mu.len());
    for s in 0..mu.len() {
        let theta = mu[s] + tau[s] * std_normal(&mut rng); // a new instructor
        theta_new.push(theta);
        student.push(theta + sigma[s] * std_normal(&mut rng)); // one of their students
    }
    let (mu_c, sigma_c) = (complete.pooled_named("mu")?, complete.pooled_named("sigma")?);
    let student_c: Vec<f64> =
        mu_c.iter().zip(&sigma_c).map(|(m, s)| m + s * std_normal(&mut rng)).collect();
    // ANCHOR_END: new_group
    let population = Normal::new(TRUE_MU, TRUE_TAU)?;
    let coverage = |(_, lo, hi): (f64, f64, f64)| population.cdf(hi) - population.cdf(lo);
    let partial_mean = mean_hdi(&theta_new);
    let complete_mean = mean_hdi(&mu_c);
    Ok(NewGroup {
        partial_mean,
        partial_student: mean_hdi(&student),
        complete_mean,
        complete_student: mean_hdi(&student_c),
        partial_coverage: coverage(partial_mean),
        complete_coverage: coverage(complete_mean),
    })
}
