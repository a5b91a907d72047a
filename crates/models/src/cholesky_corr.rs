//! Stan's transform from ℝ^(K(K−1)/2) to the Cholesky factor of a K × K correlation
//! matrix, with its log-Jacobian.
//!
//! A correlation matrix `Ω = L Lᵀ` is fixed by its lower-triangular Cholesky factor `L`,
//! whose rows have unit length and whose diagonal is positive. Each free value `y` goes
//! through `z = tanh(y)` to a *canonical partial correlation* in `(−1, 1)`; row `i` of
//! `L` (0-based) is then filled left to right, each entry taking the share `z` of the
//! squared length the row has left:
//!
//! ```text
//! L[0][0] = 1
//! L[i][0] = z_i0
//! L[i][j] = z_ij · √(1 − Σ_{m<j} L[i][m]²)      for 0 < j < i
//! L[i][i] = √(1 − Σ_{m<i} L[i][m]²)
//! ```
//!
//! The free values are read row by row (`z_10`, `z_20`, `z_21`, `z_30`, …). The map from
//! `y` to the strictly lower entries of `L` is triangular, so its log-Jacobian is the sum
//! of the logs of the diagonal derivatives:
//! `Σ ln(1 − z²)` (from tanh) `+ Σ_{0<j<i} ½ ln(1 − Σ_{m<j} L[i][m]²)`.
//! `L` is stored row-major, `K²` values, zeros above the diagonal included.
//!
//! Reference: Stan Development Team, *Stan Reference Manual* (2.36), "Constraint
//! Transforms: Cholesky factors of correlation matrices"; Lewandowski, Kurowicka &
//! Joe (2009), "Generating random correlation matrices based on vines and extended
//! onion method", *Journal of Multivariate Analysis* 100(9).

use crate::layer::Number;
use std::f64::consts::LN_2;

/// `K(K − 1)/2`: the number of free values of a `K × K` factor.
pub fn free_len(k: usize) -> usize {
    k * k.saturating_sub(1) / 2
}

/// `ln(1 − tanh(y)²) = 2 (ln 2 − |y| − ln(1 + e^(−2|y|)))`, without cancellation for
/// large `|y|`.
fn log_sech2<T: Number>(y: T) -> T {
    let a = if y < 0.0 { -y } else { y };
    let tail = (a * -2.0).exp().ln_1p();
    (-tail - a + LN_2) * 2.0
}

// ANCHOR: constrain
/// Maps `y` (length `K(K−1)/2`) to `L` (`K²` values, row-major, written into `l`) and
/// returns `ln |J|`; generic over the [`Number`] type, so the model layer
/// differentiates it.
///
/// ```
/// let mut l = [0.0; 4];
/// let log_jac: f64 = models::cholesky_corr::constrain(&[0.5], &mut l);
/// let r = 0.5f64.tanh();
/// assert_eq!(l[2], r); // the correlation
/// assert!((l[3] - (1.0 - r * r).sqrt()).abs() < 1e-15);
/// assert!((log_jac - (1.0 - r * r).ln()).abs() < 1e-14);
/// ```
pub fn constrain<T: Number>(y: &[T], l: &mut [T]) -> T {
    let k = (l.len() as f64).sqrt().round() as usize;
    debug_assert_eq!(k * k, l.len(), "a K × K factor has K² values");
    debug_assert_eq!(y.len(), free_len(k), "a K × K factor has K(K-1)/2 free values");
    l.fill(T::from(0.0));
    l[0] = T::from(1.0);
    let mut log_jac = T::from(0.0);
    let mut next = 0;
    for i in 1..k {
        let mut sum_sqs = T::from(0.0);
        for j in 0..i {
            let yv = y[next];
            next += 1;
            let z = yv.tanh();
            log_jac += log_sech2(yv);
            let entry = if j == 0 {
                z
            } else {
                let left = -sum_sqs + 1.0;
                log_jac += left.ln() * 0.5;
                z * left.sqrt()
            };
            l[i * k + j] = entry;
            sum_sqs += entry * entry;
        }
        l[i * k + i] = (-sum_sqs + 1.0).sqrt();
    }
    log_jac
}
// ANCHOR_END: constrain

/// The inverse of [`constrain`]: the free values `y` from a factor `l` (`K²` values,
/// row-major), or an error when `l` is not the Cholesky factor of a correlation matrix
/// (non-zero above the diagonal, a diagonal entry ≤ 0, a row whose length is not 1
/// within `1e-8`, or a partial correlation at ±1).
///
/// ```
/// let mut l = [0.0; 9];
/// models::cholesky_corr::constrain(&[0.3, -1.2, 0.8], &mut l);
/// let mut y = [0.0; 3];
/// models::cholesky_corr::unconstrain(&l, &mut y).unwrap();
/// assert!((y[1] + 1.2).abs() < 1e-12);
/// assert!(models::cholesky_corr::unconstrain(&[1.0, 0.0, 0.5, 0.5], &mut [0.0]).is_err());
/// ```
pub fn unconstrain(l: &[f64], y: &mut [f64]) -> Result<(), String> {
    let k = (l.len() as f64).sqrt().round() as usize;
    if k * k != l.len() || y.len() != free_len(k) {
        return Err(format!(
            "{} values are not a K × K factor with {} free values",
            l.len(),
            y.len()
        ));
    }
    let mut next = 0;
    for i in 0..k {
        let row = &l[i * k..(i + 1) * k];
        if row[i + 1..].iter().any(|&v| v != 0.0) {
            return Err(format!("row {} has a non-zero entry above the diagonal", i + 1));
        }
        let norm2: f64 = row.iter().map(|v| v * v).sum();
        let is_unit_row = row[i] > 0.0 && (norm2 - 1.0).abs() <= 1e-8;
        if !is_unit_row {
            return Err(format!(
                "row {} has diagonal {} and squared length {norm2} (needs > 0 and 1)",
                i + 1,
                row[i]
            ));
        }
        let mut sum_sqs = 0.0f64;
        for &entry in &row[..i] {
            let z = entry / (1.0 - sum_sqs).sqrt();
            let inside = z.abs() < 1.0;
            if !inside {
                return Err(format!("row {} has a partial correlation of {z}", i + 1));
            }
            y[next] = z.atanh();
            next += 1;
            sum_sqs += entry * entry;
        }
    }
    Ok(())
}
