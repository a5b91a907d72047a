//! Beta models: the Beta distribution in mean / "sample size" form (solution).

/// (a) `a = mu · nu`, `b = (1 − mu) · nu`.
pub fn beta_shape(mu: f64, nu: f64) -> (f64, f64) {
    (mu * nu, (1.0 - mu) * nu)
}

/// (b) Mean `mu`; variance `a b / ((a + b)² (a + b + 1)) = mu (1 − mu) / (nu + 1)`.
pub fn beta_moments(mu: f64, nu: f64) -> (f64, f64) {
    (mu, mu * (1.0 - mu) / (nu + 1.0))
}

/// (c) From `sd² = mu (1 − mu) / (nu + 1)`: `nu = mu (1 − mu) / sd² − 1`,
/// which must be positive.
pub fn nu_from_sd(mu: f64, sd: f64) -> Option<f64> {
    let nu = mu * (1.0 - mu) / (sd * sd) - 1.0;
    (nu > 0.0 && nu.is_finite()).then_some(nu)
}

#[cfg(test)]
#[path = "../../exercises/checks/beta_mean_size.rs"]
mod checks;
