//! Posterior predictive draws of the Eight Schools from a fit: replicated effects
//! for the eight schools (the posterior predictive check) and the effect of
//! a new, ninth school (exercise 5.8.4 a–b of Gelman et al. (2013), *Bayesian Data
//! Analysis*, 3rd ed.).
//!
//! Each chain's draws get their own random stream, so the predictive draws
//! are reproducible and independent of the thread count.

use crate::eight_schools::SIGMA;
use diagnostics::MissingParameter;
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
/// posterior draw of `fit`; a fit without `mu`, `tau` or one of `theta.1..8` is an
/// error naming it.
pub fn draw(fit: &Fit, seed: u64) -> Result<Predictive, MissingParameter> {
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
