//! Beta models: the Beta distribution in mean / "sample size" form.
//!
//! The Beta models chapter writes a score in (0, 1) as
//! `Beta(mu · nu, (1 − mu) · nu)`: `mu` is the mean and `nu` behaves like a
//! number of observations — the larger `nu`, the tighter the scores around
//! `mu`. Published summaries (a mean and a standard deviation) pin `nu` down.

/// (a) The usual shape parameters `(a, b)` of a Beta with mean `mu` and
/// "sample size" `nu`.
pub fn beta_shape(mu: f64, nu: f64) -> (f64, f64) {
    todo!()
}

/// (b) The mean and variance of that Beta, in terms of `mu` and `nu` only.
pub fn beta_moments(mu: f64, nu: f64) -> (f64, f64) {
    todo!()
}

/// (c) The `nu` implied by a published mean `mu` and standard deviation `sd`
/// (the method of moments), or `None` when no Beta has that mean and sd
/// (the variance of a variable in (0, 1) with mean `mu` is below `mu (1 − mu)`).
pub fn nu_from_sd(mu: f64, sd: f64) -> Option<f64> {
    todo!()
}

#[cfg(test)]
#[path = "../checks/beta_mean_size.rs"]
mod checks;
