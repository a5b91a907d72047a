//! Densities on `[0, ∞)`: half-normal, half-Student-t, half-Cauchy, lognormal,
//! exponential and gamma — the usual priors of scales and rates.
//!
//! All are full, normalised log densities, `−∞` outside the support and NaN for
//! invalid parameters. A half-distribution is its symmetric parent folded at zero:
//! `ln 2` plus the parent's log density at location 0, for `x ≥ 0`.

use super::{invalid, outside, positive};
use crate::layer::Number;
use crate::layer::special::ln_gamma;
use crate::lpdf::{cauchy, normal, student_t};
use std::f64::consts::LN_2;

/// `ln HalfNormal(x | sigma) = ln 2 + ln Normal(x | 0, sigma)` for `x ≥ 0`. Full form.
///
/// Reference: Gelman (2006), "Prior distributions for variance parameters in
/// hierarchical models", *Bayesian Analysis* 1(3); Stan Functions Reference (2.36),
/// "Normal distribution" (truncated at zero).
///
/// ```
/// let lp: f64 = models::lpdf::half_normal(0.0, 1.0);
/// assert!((lp - (2.0 / std::f64::consts::PI).sqrt().ln()).abs() < 1e-15);
/// assert_eq!(models::lpdf::half_normal::<f64>(-1.0, 1.0), f64::NEG_INFINITY);
/// ```
pub fn half_normal<T: Number>(x: impl Into<T>, sigma: impl Into<T>) -> T {
    folded(x.into(), |x| normal(x, 0.0, sigma))
}

/// `ln HalfStudent-t(x | nu, sigma) = ln 2 + ln Student-t(x | nu, 0, sigma)` for
/// `x ≥ 0`. Full form.
///
/// Reference: Gelman (2006), "Prior distributions for variance parameters in
/// hierarchical models", *Bayesian Analysis* 1(3), §4–5.
///
/// ```
/// let (h, c): (f64, f64) = (models::lpdf::half_student_t(3.0, 1.0, 2.0), models::lpdf::half_cauchy(3.0, 2.0));
/// assert!((h - c).abs() < 1e-14);
/// ```
pub fn half_student_t<T: Number>(x: impl Into<T>, nu: impl Into<T>, sigma: impl Into<T>) -> T {
    folded(x.into(), |x| student_t(x, nu, 0.0, sigma))
}

/// `ln HalfCauchy(x | sigma) = ln 2 + ln Cauchy(x | 0, sigma)` for `x ≥ 0`. Full form.
///
/// Reference: Gelman (2006), "Prior distributions for variance parameters in
/// hierarchical models", *Bayesian Analysis* 1(3), §5.
///
/// ```
/// let lp: f64 = models::lpdf::half_cauchy(0.0, 1.0);
/// assert!((lp - (2.0 / std::f64::consts::PI).ln()).abs() < 1e-15);
/// ```
pub fn half_cauchy<T: Number>(x: impl Into<T>, sigma: impl Into<T>) -> T {
    folded(x.into(), |x| cauchy(x, 0.0, sigma))
}

/// A density symmetric about zero folded onto `[0, ∞)`: `ln 2 + parent(x)` for `x ≥ 0`.
fn folded<T: Number>(x: T, parent: impl FnOnce(T) -> T) -> T {
    if x < 0.0 {
        return outside();
    }
    parent(x) + LN_2
}

/// `ln LogNormal(x | mu, sigma) = ln Normal(ln x | mu, sigma) − ln x` for `x > 0`.
/// Full form.
///
/// Reference: Stan Functions Reference (2.36), "Lognormal distribution".
///
/// ```
/// let lp: f64 = models::lpdf::lognormal(1.0, 0.0, 1.0);
/// assert!((lp + (2.0 * std::f64::consts::PI).sqrt().ln()).abs() < 1e-15);
/// ```
pub fn lognormal<T: Number>(x: impl Into<T>, mu: impl Into<T>, sigma: impl Into<T>) -> T {
    let x = x.into();
    if x <= 0.0 {
        return outside();
    }
    let log_x = x.ln();
    normal(log_x, mu, sigma) - log_x
}

/// `ln Exponential(x | rate) = ln rate − rate · x` for `x ≥ 0`; NaN if `rate ≤ 0`.
/// Full form.
///
/// Reference: Stan Functions Reference (2.36), "Exponential distribution".
///
/// ```
/// let lp: f64 = models::lpdf::exponential(2.0, 0.5);
/// assert!((lp - (0.5f64.ln() - 1.0)).abs() < 1e-15);
/// ```
pub fn exponential<T: Number>(x: impl Into<T>, rate: impl Into<T>) -> T {
    let (x, rate) = (x.into(), rate.into());
    if !positive(rate) {
        return invalid();
    }
    if x < 0.0 {
        return outside();
    }
    rate.ln() - rate * x
}

/// `ln Gamma(x | shape α, rate β) = α ln β − ln Γ(α) + (α − 1) ln x − β x` for `x > 0`;
/// NaN unless `α > 0` and `β > 0`. Full form.
///
/// Reference: Stan Functions Reference (2.36), "Gamma distribution".
///
/// ```
/// // Shape 1 is the exponential distribution.
/// let (g, e): (f64, f64) = (models::lpdf::gamma(0.7, 1.0, 3.0), models::lpdf::exponential(0.7, 3.0));
/// assert!((g - e).abs() < 1e-15);
/// ```
pub fn gamma<T: Number>(x: impl Into<T>, shape: impl Into<T>, rate: impl Into<T>) -> T {
    let (x, shape, rate) = (x.into(), shape.into(), rate.into());
    if !(positive(shape) && positive(rate)) {
        return invalid();
    }
    if x <= 0.0 {
        return outside();
    }
    shape * rate.ln() - ln_gamma(shape) + (shape - 1.0) * x.ln() - rate * x
}
