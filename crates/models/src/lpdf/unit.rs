//! Densities on `(0, 1)`: the beta distribution, by its shapes or by its mean and
//! "sample size".

use super::{invalid, outside, positive};
use crate::layer::Number;
use crate::layer::special::ln_beta;

/// `ln Beta(x | a, b) = (a − 1) ln x + (b − 1) ln(1 − x) − ln B(a, b)` for
/// `0 < x < 1`; NaN unless `a > 0` and `b > 0`. Full form.
///
/// Reference: Stan Functions Reference (2.36), "Beta distribution".
///
/// ```
/// // Beta(1, 1) is uniform.
/// assert!(models::lpdf::beta::<f64>(0.3, 1.0, 1.0).abs() < 1e-15);
/// ```
pub fn beta<T: Number>(x: impl Into<T>, a: impl Into<T>, b: impl Into<T>) -> T {
    let (x, a, b) = (x.into(), a.into(), b.into());
    if !(positive(a) && positive(b)) {
        return invalid();
    }
    if !(x > 0.0 && x < 1.0) {
        return outside();
    }
    (a - 1.0) * x.ln() + (b - 1.0) * (-x).ln_1p() - ln_beta(a, b)
}

/// `ln Beta(x | mu kappa, (1 − mu) kappa)`: the beta distribution with mean `mu ∈ (0, 1)`
/// and "sample size" `kappa > 0` (variance `mu (1 − mu) / (1 + kappa)`); NaN outside
/// those ranges. Full form.
///
/// Reference: Ferrari & Cribari-Neto (2004), "Beta regression for modelling rates and
/// proportions", *Journal of Applied Statistics* 31(7); Stan Functions Reference
/// (2.36), "Beta proportion distribution".
///
/// ```
/// let (a, b): (f64, f64) = (models::lpdf::beta_mean_size(0.2, 0.25, 8.0), models::lpdf::beta(0.2, 2.0, 6.0));
/// assert!((a - b).abs() < 1e-14);
/// ```
pub fn beta_mean_size<T: Number>(x: impl Into<T>, mu: impl Into<T>, kappa: impl Into<T>) -> T {
    let (mu, kappa) = (mu.into(), kappa.into());
    if !(mu > 0.0 && mu < 1.0) {
        return invalid();
    }
    beta(x, mu * kappa, (-mu + 1.0) * kappa)
}
