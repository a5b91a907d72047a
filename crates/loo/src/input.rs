//! Checking and transposing a draws × observations log-likelihood matrix.

use crate::error::{LooError, Result};

/// Checks `log_lik` (draws × observations) and returns it observation-major:
/// `out[i][s] = log_lik[s][i]`.
pub(crate) fn by_observation(log_lik: &[Vec<f64>]) -> Result<Vec<Vec<f64>>> {
    let first = log_lik.first().ok_or(LooError::Empty("no draws"))?;
    let n = first.len();
    if n == 0 {
        return Err(LooError::Empty("no observations"));
    }
    let mut out = vec![Vec::with_capacity(log_lik.len()); n];
    for (s, draw) in log_lik.iter().enumerate() {
        if draw.len() != n {
            return Err(LooError::Ragged { draw: s, expected: n, found: draw.len() });
        }
        for (i, &v) in draw.iter().enumerate() {
            if !v.is_finite() {
                return Err(LooError::NonFinite { draw: s, observation: i, value: v });
            }
            out[i].push(v);
        }
    }
    Ok(out)
}

/// Mean and population variance (divisor n), as numpy's `np.var`.
pub(crate) fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var)
}

/// `sqrt(N · var(x))` with the population variance: ArviZ's standard error of a sum.
pub(crate) fn se_of_sum(x: &[f64]) -> f64 {
    let (_, var) = mean_var(x);
    (x.len() as f64 * var).sqrt()
}
