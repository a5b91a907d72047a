//! Posterior predictive draws from the non-centred fit: replicated effects
//! for the eight schools (the posterior predictive check) and the effect of
//! a new, ninth school (exercise 5.8.4 a–b).
//!
//! Each chain's draws get their own random stream, so the predictive draws
//! are reproducible and independent of the thread count.

use anyhow::Result;
use models::eight_schools::SIGMA;
use sampler::Fit;
use sampler::rng::{chain_rng, std_normal};

/// Replication (stream family) of the replicated-data draws.
const Y_REP_STREAMS: u32 = 1000;
/// Replication (stream family) of the new-school draws.
const NEW_SCHOOL_STREAMS: u32 = 1001;

/// Posterior predictive draws, pooled chain after chain like [`Fit::pooled`].
#[derive(Debug, Clone, PartialEq)]
pub struct Predictive {
    /// `y_rep[j]`: replicated effects of school `j`, one per posterior draw,
    /// `y_rep ~ Normal(theta_j, sigma_j)`.
    pub y_rep: Vec<Vec<f64>>,
    /// A new school's effect, one per posterior draw, `theta_new ~ Normal(mu, tau)`.
    pub theta_new: Vec<f64>,
}

// ANCHOR: predictive
/// Draws `y_rep` for every school and `theta_new` for a new one from each
/// posterior draw of `fit` (which must have `mu`, `tau`, `theta.1..8`).
pub fn draw(fit: &Fit, seed: u64) -> Result<Predictive> {
    let (mu, tau) = (fit.try_param_index("mu")?, fit.try_param_index("tau")?);
    let theta: Vec<usize> = (1..=SIGMA.len())
        .map(|j| fit.try_param_index(&format!("theta.{j}")))
        .collect::<Result<_, _>>()?;
    let mut y_rep = vec![Vec::new(); SIGMA.len()];
    let mut theta_new = Vec::new();
    for (c, chain) in fit.chains.iter().enumerate() {
        let mut rng_rep = chain_rng(seed, Y_REP_STREAMS, c as u32);
        let mut rng_new = chain_rng(seed, NEW_SCHOOL_STREAMS, c as u32);
        for d in &chain.draws {
            for (j, (&t, sigma)) in theta.iter().zip(SIGMA).enumerate() {
                y_rep[j].push(d[t] + sigma * std_normal(&mut rng_rep));
            }
            theta_new.push(d[mu] + d[tau] * std_normal(&mut rng_new));
        }
    }
    Ok(Predictive { y_rep, theta_new })
}
// ANCHOR_END: predictive

/// The share of `values` at or above `observed`: a posterior predictive p-value.
pub fn share_at_or_above(values: &[f64], observed: f64) -> f64 {
    values.iter().filter(|v| **v >= observed).count() as f64 / values.len().max(1) as f64
}

/// Mean and standard deviation (divisor n) of `values`.
pub fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// Test statistics of a data set of school effects: max, min and sd.
pub fn statistics(y: &[f64]) -> [f64; 3] {
    let max = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = y.iter().copied().fold(f64::INFINITY, f64::min);
    [max, min, mean_sd(y).1]
}

/// Names of [`statistics`], in order.
pub const STATISTIC_NAMES: [&str; 3] = ["largest effect", "smallest effect", "sd of effects"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(share_at_or_above(&[1.0, 2.0, 3.0, 4.0], 3.0), 0.5);
        assert_eq!(mean_sd(&[1.0, 3.0]), (2.0, 1.0));
        assert_eq!(statistics(&[1.0, 3.0]), [3.0, 1.0, 1.0]);
    }
}
