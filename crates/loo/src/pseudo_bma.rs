//! Pseudo-BMA+ weights: Akaike-type weights on elpd, stabilised by the Bayesian bootstrap.
//!
//! For each bootstrap replicate b, observation weights αᵇ ~ Dirichlet(1, …, 1) give
//! `zₖᵇ = N Σᵢ αᵢᵇ elpd_ik`, and the replicate's model weights are `softmax(zᵇ)`; the
//! pseudo-BMA+ weights are their average over replicates. The bootstrap accounts for the
//! uncertainty in the elpd estimates, which plain pseudo-BMA ignores.
//!
//! Reference: Yao, Vehtari, Simpson & Gelman (2018), "Using Stacking to Average Bayesian
//! Predictive Distributions", *Bayesian Analysis* 13(3), Section 3.4.

use crate::error::{LooError, Result};
use sampler::logsumexp;
use sampler::rng::{chain_rng, uniform_open0};

/// Pseudo-BMA+ weights from each model's pointwise elpd, using `num_bootstrap` Bayesian
/// bootstrap replicates drawn from the ChaCha8 stream of `seed` (stream 0 of
/// replication 0 in [`sampler::rng::chain_rng`]). Same seed, same weights.
///
/// ```
/// let a: Vec<f64> = (0..20).map(|i| -1.0 - 0.01 * i as f64).collect();
/// let b: Vec<f64> = a.iter().map(|v| v - 0.5).collect();
/// let w = loo::pseudo_bma_plus_weights(&[&a, &b], 1000, 7).unwrap();
/// assert!(w[0] > 0.99 && (w[0] + w[1] - 1.0).abs() < 1e-12);
/// ```
pub fn pseudo_bma_plus_weights(
    pointwise: &[&[f64]],
    num_bootstrap: usize,
    seed: u64,
) -> Result<Vec<f64>> {
    // Validates lengths and finiteness.
    crate::stacking::row_scaled_densities(pointwise)?;
    if num_bootstrap == 0 {
        return Err(LooError::Invalid("pseudo-BMA+ needs at least one bootstrap replicate".into()));
    }
    let k = pointwise.len();
    let n = pointwise[0].len();
    let mut rng = chain_rng(seed, 0, 0);
    let mut sum = vec![0.0; k];
    let mut alpha = vec![0.0; n];
    for _ in 0..num_bootstrap {
        // Dirichlet(1, …, 1) as normalised standard exponentials.
        alpha.iter_mut().for_each(|a| *a = -uniform_open0(&mut rng).ln());
        let total: f64 = alpha.iter().sum();
        let z: Vec<f64> = pointwise
            .iter()
            .map(|p| n as f64 * p.iter().zip(&alpha).map(|(e, a)| e * a / total).sum::<f64>())
            .collect();
        let norm = logsumexp(&z);
        for (s, zk) in sum.iter_mut().zip(&z) {
            *s += (zk - norm).exp();
        }
    }
    Ok(sum.into_iter().map(|s| s / num_bootstrap as f64).collect())
}
