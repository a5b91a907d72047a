//! Constraint transforms from the unconstrained space, with their log-Jacobians.
//!
//! A positive parameter `σ` is sampled as `x = log σ`; the density of `x` is
//! the density of `σ` times `|dσ/dx| = exp(x)`, so `x` is added to the log
//! density. Reference: Stan reference manual, "Constraint Transforms".

/// `σ = exp(x)` for a positive parameter; returns `(σ, log|dσ/dx|) = (exp(x), x)`.
///
/// ```
/// let (sigma, log_jac) = sampler::transforms::positive(0.0);
/// assert_eq!((sigma, log_jac), (1.0, 0.0));
/// ```
pub fn positive(x: f64) -> (f64, f64) {
    (x.exp(), x)
}
