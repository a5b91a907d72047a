//! Densities on the real line: normal, Student-t and Cauchy.
//!
//! All three are full, normalised log densities (LOO needs pointwise log-likelihoods
//! with every constant), generic over the [`Number`] type.

use super::{invalid, positive};
use crate::layer::Number;
use crate::layer::special::ln_gamma;
use std::f64::consts::PI;

/// `ln(√(2π))`.
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// `ln Normal(x | mu, sigma) = −ln √(2π) − ln sigma − ½ ((x − mu)/sigma)²`; NaN if
/// `sigma ≤ 0`. Full form: no constant dropped.
///
/// Reference: Stan Development Team, *Stan Functions Reference* (2.36), "Normal
/// distribution".
///
/// ```
/// let lp: f64 = models::lpdf::normal(1.0, 0.0, 1.0);
/// assert!((lp - (-0.5 - (2.0 * std::f64::consts::PI).sqrt().ln())).abs() < 1e-15);
/// ```
pub fn normal<T: Number>(x: impl Into<T>, mu: impl Into<T>, sigma: impl Into<T>) -> T {
    let (x, mu, sigma) = (x.into(), mu.into(), sigma.into());
    if !positive(sigma) {
        return invalid();
    }
    let z = (x - mu) / sigma;
    -(z * z * 0.5 + sigma.ln() + LN_SQRT_2PI)
}

/// `ln Student-t(x | nu, mu, sigma)`
/// `= ln Γ((ν+1)/2) − ln Γ(ν/2) − ½ ln(νπ) − ln σ − (ν+1)/2 · ln(1 + z²/ν)`, with
/// `z = (x − mu)/sigma`; NaN unless `nu > 0` and `sigma > 0`. Full form.
///
/// Reference: Stan Development Team, *Stan Functions Reference* (2.36), "Student-t
/// distribution".
///
/// ```
/// // One degree of freedom is the Cauchy distribution.
/// let (t, c): (f64, f64) = (models::lpdf::student_t(2.0, 1.0, 0.0, 1.0), models::lpdf::cauchy(2.0, 0.0, 1.0));
/// assert!((t - c).abs() < 1e-14);
/// ```
pub fn student_t<T: Number>(
    x: impl Into<T>,
    nu: impl Into<T>,
    mu: impl Into<T>,
    sigma: impl Into<T>,
) -> T {
    let (x, nu, mu, sigma) = (x.into(), nu.into(), mu.into(), sigma.into());
    if !(positive(nu) && positive(sigma)) {
        return invalid();
    }
    let z = (x - mu) / sigma;
    let half_nu_1 = (nu + 1.0) * 0.5;
    ln_gamma(half_nu_1)
        - ln_gamma(nu * 0.5)
        - (nu * PI).ln() * 0.5
        - sigma.ln()
        - half_nu_1 * (z * z / nu).ln_1p()
}

/// `ln Cauchy(x | mu, sigma) = −ln π − ln sigma − ln(1 + ((x − mu)/sigma)²)`; NaN if
/// `sigma ≤ 0`. Full form.
///
/// Reference: Stan Development Team, *Stan Functions Reference* (2.36), "Cauchy
/// distribution".
///
/// ```
/// let lp: f64 = models::lpdf::cauchy(0.0, 0.0, 1.0);
/// assert!((lp + std::f64::consts::PI.ln()).abs() < 1e-15);
/// ```
pub fn cauchy<T: Number>(x: impl Into<T>, mu: impl Into<T>, sigma: impl Into<T>) -> T {
    let (x, mu, sigma) = (x.into(), mu.into(), sigma.into());
    if !positive(sigma) {
        return invalid();
    }
    let z = (x - mu) / sigma;
    -((z * z).ln_1p() + sigma.ln() + PI.ln())
}
