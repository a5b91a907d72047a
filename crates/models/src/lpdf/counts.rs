//! Count likelihoods with link functions: Poisson with a log link, binomial with a
//! logit link — each in a full form and a `_kernel` form without the data-only term.
//!
//! The `_kernel` forms drop `−ln y!` or `ln C(n, k)`, which depend on the data alone:
//! they leave the posterior unchanged and save a log-gamma per observation while
//! sampling, but they are not log-likelihoods. Use the full forms for LOO, WAIC and
//! anything else that compares models.

use super::{count, invalid};
use crate::layer::Number;
use crate::layer::special::log1p_exp;

/// `ln Poisson(y | λ = e^eta) = y · eta − e^eta − ln y!`: counts with log-rate `eta`.
/// NaN unless `y` is a non-negative whole number. Full form.
///
/// Reference: McCullagh & Nelder (1989), *Generalized Linear Models*, 2nd ed., §6.2;
/// Stan Functions Reference (2.36), "Poisson-log distribution".
///
/// ```
/// let lp: f64 = models::lpdf::poisson_log(0.0, 0.0);
/// assert!((lp + 1.0).abs() < 1e-15); // P(0 | λ = 1) = e⁻¹
/// ```
pub fn poisson_log<T: Number>(y: f64, eta: impl Into<T>) -> T {
    poisson_log_kernel(y, eta) - statrs::function::gamma::ln_gamma(y + 1.0)
}

/// [`poisson_log`] without `−ln y!`: `y · eta − e^eta`. Kernel form.
///
/// ```
/// let (full, kernel): (f64, f64) = (models::lpdf::poisson_log(3.0, 0.5), models::lpdf::poisson_log_kernel(3.0, 0.5));
/// assert!((kernel - full - 6f64.ln()).abs() < 1e-14);
/// ```
pub fn poisson_log_kernel<T: Number>(y: f64, eta: impl Into<T>) -> T {
    if !count(y) {
        return invalid();
    }
    let eta = eta.into();
    eta * y - eta.exp()
}

/// `ln Binomial(k | n, p = logistic(eta)) = k · eta − n · ln(1 + e^eta) + ln C(n, k)`:
/// `k` successes in `n` trials with log-odds `eta`. NaN unless `k` and `n` are whole
/// numbers with `0 ≤ k ≤ n`. Full form.
///
/// Reference: McCullagh & Nelder (1989), *Generalized Linear Models*, 2nd ed., §4.3;
/// Stan Functions Reference (2.36), "Binomial distribution, logit parameterization".
///
/// ```
/// let lp: f64 = models::lpdf::binomial_logit(1.0, 2.0, 0.0);
/// assert!((lp - 0.5f64.ln()).abs() < 1e-13); // P(1 of 2 | p = ½) = ½
/// ```
pub fn binomial_logit<T: Number>(k: f64, n: f64, eta: impl Into<T>) -> T {
    use statrs::function::gamma::ln_gamma as lg;
    binomial_logit_kernel(k, n, eta) + (lg(n + 1.0) - lg(k + 1.0) - lg(n - k + 1.0))
}

/// [`binomial_logit`] without `ln C(n, k)`: `k · eta − n · ln(1 + e^eta)`. Kernel form.
///
/// ```
/// let (full, kernel): (f64, f64) = (models::lpdf::binomial_logit(2.0, 4.0, 0.3), models::lpdf::binomial_logit_kernel(2.0, 4.0, 0.3));
/// assert!((full - kernel - 6f64.ln()).abs() < 1e-14);
/// ```
pub fn binomial_logit_kernel<T: Number>(k: f64, n: f64, eta: impl Into<T>) -> T {
    if !(count(k) && count(n) && k <= n) {
        return invalid();
    }
    let eta = eta.into();
    eta * k - log1p_exp(eta) * n
}
