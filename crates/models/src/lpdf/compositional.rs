//! Densities of proportions and of counts in categories: Dirichlet, multinomial and
//! Dirichlet-multinomial.
//!
//! Arguments are slices; each element may be data (`f64`) or a parameter (`T`).
//! The `_kernel` forms drop the multinomial coefficient `ln (N! / Π nₖ!)`, which depends
//! on the counts alone; use the full forms for LOO and model comparison.

use super::{count, invalid, outside, positive};
use crate::layer::Number;
use crate::layer::special::ln_gamma;

/// `ln Dirichlet(x | alpha) = ln Γ(Σ αₖ) − Σ ln Γ(αₖ) + Σ (αₖ − 1) ln xₖ` for `x` on the
/// simplex (positive entries; their sum is not checked). NaN unless every `αₖ > 0`
/// and the lengths agree. Full form.
///
/// Reference: Stan Functions Reference (2.36), "Dirichlet distribution"; Kotz,
/// Balakrishnan & Johnson (2000), *Continuous Multivariate Distributions* 1, ch. 49.
///
/// ```
/// // Dirichlet(1, 1, 1) is uniform on the 2-simplex, whose area is ½.
/// let lp: f64 = models::lpdf::dirichlet(&[0.2, 0.3, 0.5], &[1.0, 1.0, 1.0]);
/// assert!((lp - 2f64.ln()).abs() < 1e-14);
/// ```
pub fn dirichlet<T, X, A>(x: &[X], alpha: &[A]) -> T
where
    T: Number,
    X: Copy + Into<T>,
    A: Copy + Into<T>,
{
    if x.len() != alpha.len() || x.is_empty() {
        return invalid();
    }
    let mut sum_alpha = T::from(0.0);
    let mut lp = T::from(0.0);
    for (&xk, &ak) in x.iter().zip(alpha) {
        let (xk, ak): (T, T) = (xk.into(), ak.into());
        if !positive(ak) {
            return invalid();
        }
        if !positive(xk) {
            return outside();
        }
        lp += (ak - 1.0) * xk.ln() - ln_gamma(ak);
        sum_alpha += ak;
    }
    lp + ln_gamma(sum_alpha)
}

/// `ln Multinomial(n | p) = ln (N! / Π nₖ!) + Σ nₖ ln pₖ`, `N = Σ nₖ`; categories with
/// `nₖ = 0` contribute nothing (so `pₖ = 0` is allowed there). NaN unless the counts
/// are whole numbers ≥ 0 and the lengths agree. Full form.
///
/// Reference: Stan Functions Reference (2.36), "Multinomial distribution".
///
/// ```
/// let lp: f64 = models::lpdf::multinomial(&[1.0, 1.0], &[0.5, 0.5]);
/// assert!((lp - 0.5f64.ln()).abs() < 1e-13);
/// ```
pub fn multinomial<T: Number, P: Copy + Into<T>>(counts: &[f64], p: &[P]) -> T {
    multinomial_kernel::<T, P>(counts, p) + multinomial_coefficient(counts)
}

/// [`multinomial`] without the multinomial coefficient: `Σ nₖ ln pₖ`. Kernel form.
pub fn multinomial_kernel<T: Number, P: Copy + Into<T>>(counts: &[f64], p: &[P]) -> T {
    if counts.len() != p.len() || !counts.iter().all(|&n| count(n)) {
        return invalid();
    }
    let mut lp = T::from(0.0);
    for (&n, &pk) in counts.iter().zip(p) {
        if n > 0.0 {
            lp += pk.into().ln() * n;
        }
    }
    lp
}

/// `ln DirichletMultinomial(n | alpha)`: the multinomial with `p ~ Dirichlet(alpha)`
/// integrated out,
/// `ln (N! / Π nₖ!) + ln Γ(A) − ln Γ(N + A) + Σ [ln Γ(nₖ + αₖ) − ln Γ(αₖ)]`, `A = Σ αₖ`.
/// NaN unless every `αₖ > 0`, the counts are whole numbers ≥ 0, and the lengths agree.
/// Full form.
///
/// Reference: Mosimann (1962), "On the compound multinomial distribution, the
/// multivariate β-distribution, and correlations among proportions", *Biometrika*
/// 49(1/2).
///
/// ```
/// // With two categories it is the beta-binomial: P(1 of 1 | a = 2, b = 3) = 2/5.
/// let lp: f64 = models::lpdf::dirichlet_multinomial(&[1.0, 0.0], &[2.0, 3.0]);
/// assert!((lp - 0.4f64.ln()).abs() < 1e-13);
/// ```
pub fn dirichlet_multinomial<T: Number, A: Copy + Into<T>>(counts: &[f64], alpha: &[A]) -> T {
    dirichlet_multinomial_kernel::<T, A>(counts, alpha) + multinomial_coefficient(counts)
}

/// [`dirichlet_multinomial`] without the multinomial coefficient. Kernel form.
pub fn dirichlet_multinomial_kernel<T: Number, A: Copy + Into<T>>(
    counts: &[f64],
    alpha: &[A],
) -> T {
    if counts.len() != alpha.len() || counts.is_empty() || !counts.iter().all(|&n| count(n)) {
        return invalid();
    }
    let mut sum_alpha = T::from(0.0);
    let mut lp = T::from(0.0);
    for (&n, &ak) in counts.iter().zip(alpha) {
        let ak: T = ak.into();
        if !positive(ak) {
            return invalid();
        }
        if n > 0.0 {
            lp += ln_gamma(ak + n) - ln_gamma(ak);
        }
        sum_alpha += ak;
    }
    let total: f64 = counts.iter().sum();
    lp + ln_gamma(sum_alpha) - ln_gamma(sum_alpha + total)
}

/// `ln (N! / Π nₖ!)` (NaN for invalid counts, which the kernels reject anyway).
fn multinomial_coefficient(counts: &[f64]) -> f64 {
    use statrs::function::gamma::ln_gamma as lg;
    let total: f64 = counts.iter().sum();
    lg(total + 1.0) - counts.iter().map(|&n| lg(n + 1.0)).sum::<f64>()
}
