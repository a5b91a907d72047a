//! The three pooling strategies for the Eight Schools, each writing its pointwise
//! log-likelihood `log_lik.1 … log_lik.8`.
//!
//! * complete pooling: one effect for all, `mu ~ Normal(0, 20)`, `y_i ~ Normal(mu, sigma_i)`
//!   ([`models::declared::eight_schools::CompletePooling`]);
//! * no pooling: `theta_i ~ Normal(0, 20)` independently, `y_i ~ Normal(theta_i, sigma_i)`
//!   ([`models::declared::eight_schools::NoPooling`]);
//! * partial pooling: the non-centred hierarchical model of [`models::EightSchools`].
//!
//! The standard errors `sigma_i` are known, so complete and no pooling are conjugate
//! normal models (their exact answers are in [`models::eight_schools_loo`]).

use loo::WithLogLik;
use models::declared::eight_schools::{CompletePooling, NoPooling, Schools};
use models::eight_schools::{SIGMA, Y};
use models::layer::Declared;
use models::lpdf::normal;
use models::{EightSchools, Parameterization};
use sampler::Result;

/// Pointwise log-likelihoods of the eight schools given their effects `theta`.
fn push_log_lik(theta: impl Fn(usize) -> f64, out: &mut Vec<f64>) {
    out.extend((0..Y.len()).map(|i| normal::<f64>(Y[i], theta(i), SIGMA[i])));
}

/// A model of this chapter with its `log_lik` outputs.
pub type Pointwise<M> = WithLogLik<M, fn(&[f64], &mut Vec<f64>)>;

// ANCHOR: with_log_lik
/// Complete pooling writing `log p(y_i | mu)`.
pub fn complete_pooling() -> Result<Pointwise<Declared<CompletePooling>>> {
    let model = CompletePooling::declare(Schools::classic())?;
    Ok(WithLogLik::new(model, Y.len(), |c, out| push_log_lik(|_| c[0], out)))
}

/// No pooling writing `log p(y_i | theta_i)`.
pub fn no_pooling() -> Result<Pointwise<Declared<NoPooling>>> {
    let model = NoPooling::declare(Schools::classic())?;
    Ok(WithLogLik::new(model, Y.len(), |c, out| push_log_lik(|i| c[i], out)))
}

/// Partial pooling (non-centred) writing `log p(y_i | theta_i)`; its constrained
/// values are `mu, tau, theta.1…8, eta.1…8`.
pub fn partial_pooling() -> Pointwise<EightSchools> {
    WithLogLik::new(EightSchools::new(Parameterization::NonCentred), Y.len(), |c, out| {
        push_log_lik(|i| c[2 + i], out)
    })
}
// ANCHOR_END: with_log_lik
