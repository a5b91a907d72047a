//! The number type a log density is written over: `f64` to evaluate it, a dual number to
//! differentiate it.

use num_dual::DualNum;

/// A real number a log density can be computed in: `f64`, or a first-order dual number
/// of [`num_dual`] that carries derivatives along with the value.
///
/// Write a density once, generic over `T: Number`; the layer evaluates it with `f64` when
/// only the value is needed and with dual numbers when the sampler asks for a gradient.
/// Every arithmetic operation and elementary function (`exp`, `ln`, `ln_1p`, `sqrt`, …)
/// comes from [`DualNum`]. Two things to know when writing one:
///
/// * a number type mixes with `f64` on the right only: write `x * 2.0` or
///   `T::from(2.0) * x`, not `2.0 * x`;
/// * every `T: Number` is `Copy`, so values can be reused without `.clone()`.
///
/// ```
/// use models::layer::Number;
/// fn softplus<T: Number>(x: T) -> T {
///     x.exp().ln_1p()
/// }
/// assert!((softplus(0.0) - 2f64.ln()).abs() < 1e-15);
/// ```
pub trait Number: DualNum<Primitive = f64> + Copy + Send + Sync {}

impl<T: DualNum<Primitive = f64> + Copy + Send + Sync> Number for T {}

/// The value of `x` without its derivatives.
///
/// ```
/// use num_dual::Dual64;
/// assert_eq!(models::layer::value(Dual64::new(2.5, 1.0)), 2.5);
/// ```
pub fn value<T: Number>(x: T) -> f64 {
    x.re()
}

/// `f(x)` for a function `f` the dual numbers do not know, from its value `f0 = f(x)`
/// and derivative `f1 = f′(x)` at the value of `x`: the chain rule
/// `f(x + ε) = f0 + f1 ε` of first-order dual numbers.
///
/// For `f64` this is `f0`. For a dual `x` the derivatives of the result are `f1` times
/// those of `x`. Only first-order duals are supported (second derivatives would need
/// `f″`); at a pole, where `f1` is infinite, the result is not finite.
///
/// ```
/// use models::layer::{chain_rule, value};
/// use num_dual::Dual64;
/// // sin(x) at x = 1 with dx = 1, from its value and derivative.
/// let y = chain_rule(Dual64::new(1.0, 1.0), 1f64.sin(), 1f64.cos());
/// assert_eq!((value(y), y.eps), (1f64.sin(), 1f64.cos()));
/// ```
pub fn chain_rule<T: Number>(x: T, f0: f64, f1: f64) -> T {
    debug_assert!(T::NDERIV <= 1, "chain_rule supports first-order duals only");
    if T::NDERIV == 0 {
        return T::from(f0);
    }
    // x − re(x) keeps the derivative part of x with a zero value.
    (x - x.re()) * f1 + f0
}
