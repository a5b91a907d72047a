//! A numerically stable log-sum-exp, shared by the layers above: the exact
//! marginal likelihoods of `models` and the weights of `loo`.

/// `log Σ exp(xᵢ)`, computed as `m + log Σ exp(xᵢ − m)` with `m = max xᵢ`.
///
/// Returns `-∞` for an empty slice or when every value is `-∞`.
///
/// ```
/// let v = sampler::logsumexp(&[1000.0, 1000.0]);
/// assert!((v - (1000.0 + 2f64.ln())).abs() < 1e-12);
/// ```
pub fn logsumexp(x: &[f64]) -> f64 {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY || m.is_nan() {
        return m;
    }
    if m == f64::INFINITY {
        return m;
    }
    m + x.iter().map(|v| (v - m).exp()).sum::<f64>().ln()
}
