//! The density library: log densities and log mass functions written once, generic
//! over the [`Number`] type, so a model that calls them is
//! differentiated automatically.
//!
//! Conventions, the same for every function:
//!
//! * the arguments come in the order of Stan's `lpdf(x | parameters)`, and every
//!   argument that may be a parameter takes `f64` or `T` (`impl Into<T>`), so data and
//!   parameters mix freely: `normal(y[j], theta, sigma[j])`;
//! * every function is the **full**, normalised log density (LOO and WAIC need
//!   pointwise log-likelihoods with every constant); where a term depends on the data
//!   alone and costs a log-gamma (Poisson, binomial, multinomial, Dirichlet-multinomial)
//!   a `_kernel` form without it is offered too, and its doc says what it drops;
//! * a value outside the support gives `−∞`; an invalid parameter (a scale ≤ 0, a
//!   non-integer count) gives NaN. The sampler treats both as a divergence.
//!
//! Every function is tested for its value at many points against `statrs` or a closed
//! form built from `statrs`' log-gamma, and for its derivatives against finite
//! differences (`crates/models/tests/lpdf_*.rs`).
//!
//! ```
//! use models::layer::Target;
//! use models::lpdf::{half_normal, normal};
//! // mu ~ Normal(0, 20), tau ~ HalfNormal(10), y ~ Normal(mu, tau), in f64:
//! let (mu, tau, y) = (1.0, 2.0, 3.0);
//! let mut target = Target::<f64>::new();
//! target += normal(mu, 0.0, 20.0);
//! target += half_normal(tau, 10.0);
//! target += normal(y, mu, tau);
//! assert!(target.value().is_finite());
//! ```

mod compositional;
mod counts;
mod multivariate;
mod positive;
mod real_line;
mod unit;

pub use compositional::{
    dirichlet, dirichlet_multinomial, dirichlet_multinomial_kernel, multinomial, multinomial_kernel,
};
pub use counts::{binomial_logit, binomial_logit_kernel, poisson_log, poisson_log_kernel};
pub use multivariate::{lkj_corr_cholesky, multi_normal_cholesky};
pub use positive::{exponential, gamma, half_cauchy, half_normal, half_student_t, lognormal};
pub use real_line::{cauchy, normal, student_t};
pub use unit::{beta, beta_mean_size};

use crate::layer::Number;

/// True when `x > 0` (false for NaN).
fn positive<T: Number>(x: T) -> bool {
    x > 0.0
}

/// The value returned for an invalid parameter or datum: NaN.
fn invalid<T: Number>() -> T {
    T::from(f64::NAN)
}

/// The value returned outside the support: `−∞`.
fn outside<T: Number>() -> T {
    T::from(f64::NEG_INFINITY)
}

/// True for a whole number `≥ 0` (a count).
fn count(y: f64) -> bool {
    y >= 0.0 && y.fract() == 0.0 && y.is_finite()
}
