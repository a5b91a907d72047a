//! Special functions of a [`Number`]: log-gamma and digamma through the chain rule, and
//! the numerically stable logistic family the transforms and link functions use.

use super::number::{Number, chain_rule};
use statrs::function::gamma as sg;

/// `ln Γ(x)` for `x > 0`, with derivative `ψ(x)` (the digamma function).
///
/// `num-dual` has no log-gamma, so the value and the derivative come from `statrs`
/// (a Lanczos approximation and Bernardo's algorithm AS 103) and are combined by
/// [`chain_rule`].
///
/// ```
/// use models::layer::special::ln_gamma;
/// use num_dual::Dual64;
/// let g = ln_gamma(Dual64::new(1.0, 1.0));
/// assert!(g.re.abs() < 1e-14);                          // ln Γ(1) = 0
/// assert!((g.eps + 0.5772156649015329).abs() < 1e-12);  // ψ(1) = −γ
/// ```
pub fn ln_gamma<T: Number>(x: T) -> T {
    let v = x.re();
    chain_rule(x, sg::ln_gamma(v), sg::digamma(v))
}

/// The digamma function `ψ(x) = d ln Γ(x) / dx`, with derivative [`trigamma`].
///
/// ```
/// use models::layer::special::digamma;
/// use num_dual::Dual64;
/// let d = digamma(Dual64::new(1.0, 1.0));
/// assert!((d.eps - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-12); // ψ′(1) = π²/6
/// ```
pub fn digamma<T: Number>(x: T) -> T {
    let v = x.re();
    chain_rule(x, sg::digamma(v), trigamma(v))
}

/// The trigamma function `ψ′(x)` (`statrs` has none).
///
/// For `x < 0` the reflection `ψ′(1 − x) + ψ′(x) = π² / sin²(πx)`; then the recurrence
/// `ψ′(x) = ψ′(x + 1) + 1/x²` up to `x ≥ 10`, where the asymptotic series
/// `1/x + 1/(2x²) + Σ B₂ₖ / x^(2k+1)` (Bernoulli numbers `B₂ₖ`, seven terms) is accurate
/// to about 1e-16 relative. Poles at `0, −1, −2, …` give `+∞`.
///
/// Reference: Abramowitz & Stegun (1964), *Handbook of Mathematical Functions*,
/// 6.4.6 (recurrence), 6.4.7 (reflection) and 6.4.12 (asymptotic series).
///
/// ```
/// use models::layer::special::trigamma;
/// use std::f64::consts::PI;
/// assert!((trigamma(1.0) - PI * PI / 6.0).abs() < 1e-14);
/// assert!((trigamma(0.5) - PI * PI / 2.0).abs() < 1e-13);
/// ```
pub fn trigamma(x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x <= 0.0 && x.floor() == x {
        return f64::INFINITY;
    }
    if x < 0.0 {
        let s = (PI * x).sin();
        return PI * PI / (s * s) - trigamma(1.0 - x);
    }
    let (mut z, mut shifted) = (x, 0.0);
    while z < 10.0 {
        shifted += 1.0 / (z * z);
        z += 1.0;
    }
    // B₂/z³ + B₄/z⁵ + … with B₂ₖ = 1/6, −1/30, 1/42, −1/30, 5/66, −691/2730, 7/6.
    const B: [f64; 7] =
        [1.0 / 6.0, -1.0 / 30.0, 1.0 / 42.0, -1.0 / 30.0, 5.0 / 66.0, -691.0 / 2730.0, 7.0 / 6.0];
    let r2 = 1.0 / (z * z);
    let series = B.iter().rev().fold(0.0, |acc, b| acc * r2 + b) * r2 / z;
    shifted + 1.0 / z + 0.5 * r2 + series
}

/// `ln(1 + eˣ)` (the softplus), without overflow for large `x`.
///
/// ```
/// use models::layer::special::log1p_exp;
/// assert_eq!(log1p_exp(1000.0), 1000.0);
/// assert!((log1p_exp(0.0_f64) - 2f64.ln()).abs() < 1e-16);
/// ```
pub fn log1p_exp<T: Number>(x: T) -> T {
    if x > 0.0 { x + (-x).exp().ln_1p() } else { x.exp().ln_1p() }
}

/// `ln logistic(u) = −ln(1 + e⁻ᵘ)`, accurate for large `|u|`.
///
/// ```
/// use models::layer::special::log_logistic;
/// assert_eq!(log_logistic(-800.0), -800.0);
/// ```
pub fn log_logistic<T: Number>(u: T) -> T {
    -log1p_exp(-u)
}

/// The logistic (inverse logit) function `1 / (1 + e⁻ᵘ)`, without overflow.
///
/// ```
/// use models::layer::special::logistic;
/// assert_eq!(logistic(0.0), 0.5);
/// assert!(logistic(-800.0_f64) >= 0.0);
/// ```
pub fn logistic<T: Number>(u: T) -> T {
    if u >= 0.0 {
        ((-u).exp() + 1.0).recip()
    } else {
        let e = u.exp();
        e / (e + 1.0)
    }
}

/// `ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b)`, the log of the beta function.
///
/// ```
/// use models::layer::special::ln_beta;
/// assert!((ln_beta(2.0, 3.0_f64) - (1.0_f64 / 12.0).ln()).abs() < 1e-14);
/// ```
pub fn ln_beta<T: Number>(a: T, b: T) -> T {
    ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b)
}
