//! Stacking weights: the mixture of the models' leave-one-out predictive distributions
//! that best predicts each left-out point.
//!
//! Stacking maximises `Σᵢ log Σₖ wₖ exp(elpd_loo,ik)` over the simplex. The objective is
//! concave in w, so any local maximum is global; we climb it with the classic
//! expectation–maximisation update for mixture weights,
//! `wₖ ← wₖ · (1/N) Σᵢ pᵢₖ / Σⱼ wⱼ pᵢⱼ`, which keeps w on the simplex and never
//! decreases the objective (Dempster, Laird & Rubin 1977). ArviZ 0.23 solves the same
//! problem with SLSQP, so weights agree to the optimiser's tolerance (about 1e-3).
//!
//! Reference: Yao, Vehtari, Simpson & Gelman (2018), "Using Stacking to Average Bayesian
//! Predictive Distributions", *Bayesian Analysis* 13(3), Section 3.

use crate::error::{LooError, Result};

/// Largest number of EM updates.
const MAX_ITERATIONS: usize = 100_000;
/// Stop when no weight moves by more than this in one update.
const TOLERANCE: f64 = 1e-12;

/// Stacking weights from each model's pointwise elpd (`pointwise[k][i]` for model k,
/// observation i, e.g. [`crate::LooResult::pointwise`]). The weights sum to one.
///
/// ```
/// // Model 0 predicts observations 0-4 well, model 1 observations 5-9: each gets half.
/// let a: Vec<f64> = (0..10).map(|i| if i < 5 { -1.0 } else { -5.0 }).collect();
/// let b: Vec<f64> = (0..10).map(|i| if i < 5 { -5.0 } else { -1.0 }).collect();
/// let w = loo::stacking_weights(&[&a, &b]).unwrap();
/// assert!((w[0] - 0.5).abs() < 1e-9 && (w[0] + w[1] - 1.0).abs() < 1e-12);
/// ```
pub fn stacking_weights(pointwise: &[&[f64]]) -> Result<Vec<f64>> {
    let probs = row_scaled_densities(pointwise)?;
    let k = pointwise.len();
    let mut w = vec![1.0 / k as f64; k];
    let mut next = vec![0.0; k];
    for _ in 0..MAX_ITERATIONS {
        next.iter_mut().for_each(|v| *v = 0.0);
        for row in &probs {
            let mix: f64 = row.iter().zip(&w).map(|(p, wk)| p * wk).sum();
            for j in 0..k {
                next[j] += w[j] * row[j] / mix;
            }
        }
        let total: f64 = next.iter().sum();
        let mut change: f64 = 0.0;
        for j in 0..k {
            let updated = next[j] / total;
            change = change.max((updated - w[j]).abs());
            w[j] = updated;
        }
        if change < TOLERANCE {
            break;
        }
    }
    Ok(w)
}

/// `exp(elpd_ik − maxₖ elpd_ik)` per observation: rescaling each row leaves the
/// maximiser unchanged and avoids underflow. Also validates the input.
pub(crate) fn row_scaled_densities(pointwise: &[&[f64]]) -> Result<Vec<Vec<f64>>> {
    let first = pointwise.first().ok_or(LooError::Empty("no models"))?;
    let n = first.len();
    if n == 0 {
        return Err(LooError::Empty("no observations"));
    }
    for (m, p) in pointwise.iter().enumerate() {
        if p.len() != n {
            return Err(LooError::Length {
                what: "pointwise elpd of a model",
                expected: n,
                found: p.len(),
            });
        }
        if let Some(i) = p.iter().position(|v| !v.is_finite()) {
            return Err(LooError::NonFinite { draw: m, observation: i, value: p[i] });
        }
    }
    Ok((0..n)
        .map(|i| {
            let max = pointwise.iter().map(|p| p[i]).fold(f64::NEG_INFINITY, f64::max);
            pointwise.iter().map(|p| (p[i] - max).exp()).collect()
        })
        .collect())
}
