//! Densities of vectors and correlation matrices given by Cholesky factors: the
//! multivariate normal with a Cholesky factor of its covariance, and the LKJ density
//! on the Cholesky factor of a correlation matrix.
//!
//! A `K × K` factor is a slice of `K²` values, row by row, entry `(i, j)` at
//! `i · K + j`, as [`crate::layer::Declaration::cholesky_corr`] lays it out; only the
//! lower triangle is read.

use super::{invalid, outside, positive};
use crate::layer::Number;
use crate::layer::special::ln_beta;
use std::f64::consts::LN_2;

/// `ln(√(2π))`.
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// `K` from a slice of `K²` values, or `None` if its length is not a square ≥ 1.
fn dim_of(len: usize) -> Option<usize> {
    let k = (len as f64).sqrt().round() as usize;
    (k >= 1 && k * k == len).then_some(k)
}

/// `ln LKJ(L | eta)`: the LKJ density of the correlation matrix `Ω = L Lᵀ` (Lewandowski,
/// Kurowicka & Joe 2009), `c_K(η) det(Ω)^(η − 1)`, written as a density of the Cholesky
/// factor `L` (of its entries below the diagonal), so that it goes with the transform
/// of [`crate::cholesky_corr`] as Stan's `lkj_corr_cholesky` does:
///
/// `ln c_K(η) + Σ_{i=1}^{K−1} (K − i − 1 + 2(η − 1)) ln L[i][i]` (0-based `i`), where the
/// extra `K − i − 1` is the Jacobian from `L` to `Ω`, and
/// `ln c_K(η) = −Σ_{k=1}^{K−1} (K − k) [(2η − 2 + K − k) ln 2 + ln B(b_k, b_k)]` with
/// `b_k = η + (K − k − 1)/2`. Full form.
///
/// `eta = 1` is uniform over correlation matrices; `eta > 1` favours the identity.
/// Under it each correlation has the marginal `Beta(η − 1 + K/2, η − 1 + K/2)` stretched
/// to `(−1, 1)`. NaN unless `eta > 0` and `L` has `K² ≥ 4` values; `−∞` if a diagonal
/// entry is not positive.
///
/// Reference: Stan Functions Reference (2.36), "LKJ Cholesky distribution";
/// Lewandowski, Kurowicka & Joe (2009), *Journal of Multivariate Analysis* 100(9),
/// section 3.2 (the normalising constant).
///
/// ```
/// // K = 2: the correlation r has the density (1 − r²)^(η − 1) / (2^(2η − 1) B(η, η)).
/// let r: f64 = 0.3;
/// let l = [1.0, 0.0, r, (1.0 - r * r).sqrt()];
/// let lp: f64 = models::lpdf::lkj_corr_cholesky(&l, 2.0);
/// // η = 2: (1 − r²) · 3/4.
/// assert!((lp - ((1.0 - r * r) * 0.75).ln()).abs() < 1e-14);
/// ```
pub fn lkj_corr_cholesky<T, L>(l: &[L], eta: impl Into<T>) -> T
where
    T: Number,
    L: Copy + Into<T>,
{
    let eta = eta.into();
    let k = match dim_of(l.len()) {
        Some(k) if k >= 2 && positive(eta) => k,
        _ => return invalid(),
    };
    let mut lp = T::from(0.0);
    for i in 1..k {
        let d: T = l[i * k + i].into();
        if !positive(d) {
            return outside();
        }
        lp += d.ln() * (eta * 2.0 + ((k - i) as f64 - 3.0));
    }
    for m in 1..k {
        let rest = (k - m) as f64;
        let b = eta + (rest - 1.0) * 0.5;
        lp -= ((eta * 2.0 + (rest - 2.0)) * LN_2 + ln_beta(b, b)) * rest;
    }
    lp
}

/// `ln MultiNormal(y | mu, L Lᵀ)`, the multivariate normal whose covariance has the
/// lower-triangular Cholesky factor `L` (`K²` values, row by row):
/// `−K ln √(2π) − Σ ln L[i][i] − ½ |w|²` with `L w = y − mu` solved by forward
/// substitution. Full form. NaN unless the lengths agree and every `L[i][i] > 0`.
///
/// A non-centred random effect `y = mu + L z`, `z ~ Normal(0, I)`, has this density.
///
/// Reference: Stan Functions Reference (2.36), "Multivariate normal distribution,
/// Cholesky parameterization".
///
/// ```
/// // A diagonal factor is independent normals.
/// use models::lpdf::{multi_normal_cholesky, normal};
/// let lp: f64 = multi_normal_cholesky(&[1.0, -2.0], &[0.0, 0.0], &[2.0, 0.0, 0.0, 3.0]);
/// let sum: f64 = normal::<f64>(1.0, 0.0, 2.0) + normal::<f64>(-2.0, 0.0, 3.0);
/// assert!((lp - sum).abs() < 1e-14);
/// ```
pub fn multi_normal_cholesky<T, Y, M, L>(y: &[Y], mu: &[M], l: &[L]) -> T
where
    T: Number,
    Y: Copy + Into<T>,
    M: Copy + Into<T>,
    L: Copy + Into<T>,
{
    let k = y.len();
    if k == 0 || mu.len() != k || l.len() != k * k {
        return invalid();
    }
    let mut w: Vec<T> = Vec::with_capacity(k);
    let mut lp = T::from(-(k as f64) * LN_SQRT_2PI);
    for i in 0..k {
        let d: T = l[i * k + i].into();
        if !positive(d) {
            return invalid();
        }
        let mut rest = y[i].into() - mu[i].into();
        for (j, &wj) in w.iter().enumerate() {
            rest -= l[i * k + j].into() * wj;
        }
        let wi = rest / d;
        lp -= d.ln() + wi * wi * 0.5;
        w.push(wi);
    }
    lp
}
