//! The stick-breaking transform from ℝ^(K−1) to the K-simplex, with its log-Jacobian
//! and the reverse-mode gradient through it.
//!
//! This is Stan's unit-simplex transform (Stan reference manual ≤ 2.36, "Unit simplex"):
//! with `zₖ = logistic(yₖ − log(K − k))` for `k = 1 … K−1`, break a stick of remaining
//! length `r₁ = 1`: `xₖ = rₖ zₖ`, `rₖ₊₁ = rₖ (1 − zₖ)`, and the last piece is
//! `x_K = r_K`. The offset `−log(K − k)` puts `y = 0` at the centre `(1/K, …, 1/K)`.
//! The map from `y` to `(x₁ … x_{K−1})` is triangular, so
//! `log|J| = Σₖ [log zₖ + log(1 − zₖ) + log rₖ]`.
//!
//! A model with a simplex parameter `x` samples `y`, evaluates its log density `f(x)` and
//! `∂f/∂x`, and then calls [`backprop`] for `∂(f(x(y)) + log|J|)/∂y`.
//!
//! Reference: Stan Development Team, *Stan Reference Manual* (2.36), "Constraint
//! Transforms: Unit simplex"; Betancourt (2012), "Cruising the Simplex: Hamiltonian
//! Monte Carlo and the Dirichlet Distribution", arXiv:1010.3436.

use crate::layer::Number;
use crate::layer::special::log_logistic;

// ANCHOR: constrain
/// Maps `y` (length K−1) to the simplex `x` (length K, written into `x`) and returns
/// `log|J|`; generic over the [`Number`] type, so the model layer differentiates it.
///
/// ```
/// let mut x = [0.0; 4];
/// let log_jac: f64 = models::simplex::constrain(&[0.0, 0.0, 0.0], &mut x);
/// assert!(x.iter().all(|&v| (v - 0.25).abs() < 1e-15));
/// assert!(log_jac.is_finite());
/// ```
pub fn constrain<T: Number>(y: &[T], x: &mut [T]) -> T {
    let k = x.len();
    debug_assert_eq!(y.len() + 1, k, "simplex of size K needs K-1 free values");
    let mut remaining = T::from(1.0);
    let mut log_remaining = T::from(0.0);
    let mut log_jac = T::from(0.0);
    for (j, &yj) in y.iter().enumerate() {
        let u = yj - ((k - 1 - j) as f64).ln();
        let z = (T::from(1.0) + (-u).exp()).recip();
        let (log_z, log_1mz) = (log_logistic(u), log_logistic(-u));
        x[j] = remaining * z;
        log_jac += log_z + log_1mz + log_remaining;
        remaining *= T::from(1.0) - z;
        log_remaining += log_1mz;
    }
    x[k - 1] = remaining;
    log_jac
}
// ANCHOR_END: constrain

/// The inverse of [`constrain`]: `y` (length K−1) from a simplex `x` (all entries > 0).
///
/// ```
/// let x = [0.1, 0.2, 0.3, 0.4];
/// let mut y = [0.0; 3];
/// models::simplex::unconstrain(&x, &mut y);
/// let mut back = [0.0; 4];
/// models::simplex::constrain(&y, &mut back);
/// assert!(x.iter().zip(&back).all(|(a, b)| (a - b).abs() < 1e-14));
/// ```
pub fn unconstrain(x: &[f64], y: &mut [f64]) {
    let k = x.len();
    let mut remaining = 1.0;
    for j in 0..k - 1 {
        let z = x[j] / remaining;
        y[j] = (z / (1.0 - z)).ln() + ((k - 1 - j) as f64).ln();
        remaining -= x[j];
    }
}

/// Reverse-mode gradient through the transform.
///
/// Given `y`, the simplex `x = constrain(y)` and `grad_x = ∂f/∂x` (length K), **adds**
/// `∂(f(x(y)) + log|J|)/∂y` to `grad_y` (length K−1). Walking the stick backwards with
/// `r̄` the adjoint of the remaining length:
/// `ȳₖ = zₖ(1 − zₖ) rₖ (x̄ₖ − r̄ₖ₊₁) + 1 − 2zₖ` and `r̄ₖ = zₖ x̄ₖ + (1 − zₖ) r̄ₖ₊₁ + 1/rₖ`,
/// starting from `r̄_K = x̄_K`.
pub fn backprop(y: &[f64], x: &[f64], grad_x: &[f64], grad_y: &mut [f64]) {
    let k = x.len();
    // Remaining stick lengths r_1 … r_{K-1}, recomputed forwards.
    let mut r = vec![1.0; k];
    for j in 1..k {
        r[j] = r[j - 1] - x[j - 1];
    }
    let mut r_bar = grad_x[k - 1];
    for j in (0..k - 1).rev() {
        let u = y[j] - ((k - 1 - j) as f64).ln();
        let z = 1.0 / (1.0 + (-u).exp());
        grad_y[j] += z * (1.0 - z) * r[j] * (grad_x[j] - r_bar) + 1.0 - 2.0 * z;
        r_bar = z * grad_x[j] + (1.0 - z) * r_bar + 1.0 / r[j];
    }
}
