//! The two priors of the High School and Beyond models, with their gradients:
//! a normal prior on a location and a half-Cauchy prior on a scale sampled on
//! the log scale. Constants that do not depend on the parameters are dropped.

/// Standard deviation of the `Normal(0, 10)` prior on every intercept, slope
/// and population mean.
pub const COEF_PRIOR_SD: f64 = 10.0;
/// Scale of the half-Cauchy(0, 5) prior on every standard deviation.
pub const SCALE_PRIOR: f64 = 5.0;

/// `Normal(0, sd)` on a location `m`: returns `−m² / (2 sd²)` and its derivative.
///
/// ```
/// let (lp, d) = models::regression_priors::normal(2.0, 10.0);
/// assert_eq!((lp, d), (-0.02, -0.02));
/// ```
#[inline]
pub fn normal(m: f64, sd: f64) -> (f64, f64) {
    let v = sd * sd;
    (-0.5 * m * m / v, -m / v)
}

// ANCHOR: half_cauchy
/// Half-Cauchy(0, `scale`) on `s = exp(u)`, as a density of the unconstrained
/// `u`: `log p(u) = −log(1 + s²/scale²) + u` (the `+ u` is the log-Jacobian
/// of `s = exp(u)`). Returns `(s, log p, d log p / du)`, where
/// `d/du = 1 − 2 s² / (scale² + s²)`.
///
/// ```
/// let (s, lp, d) = models::regression_priors::half_cauchy_log(0.0, 1.0);
/// assert_eq!((s, d), (1.0, 0.0));
/// assert!((lp + 2f64.ln()).abs() < 1e-15);
/// ```
#[inline]
pub fn half_cauchy_log(u: f64, scale: f64) -> (f64, f64, f64) {
    let s = u.exp();
    let (s2, c2) = (s * s, scale * scale);
    (s, -(s2 / c2).ln_1p() + u, 1.0 - 2.0 * s2 / (c2 + s2))
}
// ANCHOR_END: half_cauchy

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivatives_match_finite_differences() {
        let h = 1e-6;
        for u in [-3.0, -0.5, 0.0, 1.2, 4.0] {
            let (_, _, d) = half_cauchy_log(u, 5.0);
            let fd = (half_cauchy_log(u + h, 5.0).1 - half_cauchy_log(u - h, 5.0).1) / (2.0 * h);
            assert!((d - fd).abs() < 1e-7, "u {u}: {d} vs {fd}");
            let (_, d) = normal(u, 10.0);
            let fd = (normal(u + h, 10.0).0 - normal(u - h, 10.0).0) / (2.0 * h);
            assert!((d - fd).abs() < 1e-7);
        }
    }
}
