//! The three pooling strategies for the Eight Schools, each writing its pointwise
//! log-likelihood `log_lik.1 … log_lik.8`.
//!
//! * complete pooling: one effect for all, `mu ~ Normal(0, 20)`, `y_i ~ Normal(mu, sigma_i)`;
//! * no pooling: `theta_i ~ Normal(0, 20)` independently, `y_i ~ Normal(theta_i, sigma_i)`;
//! * partial pooling: the non-centred hierarchical model of [`models::EightSchools`].
//!
//! The standard errors `sigma_i` are known, so complete and no pooling are conjugate
//! normal models (their exact answers are in [`crate::exact`]).

use loo::WithLogLik;
use models::eight_schools::{MU_PRIOR_SD, SIGMA, Y};
use models::{EightSchools, Parameterization};
use sampler::Model;

/// `log Normal(y | mean, sd)`.
pub fn normal_log_pdf(y: f64, mean: f64, sd: f64) -> f64 {
    let z = (y - mean) / sd;
    -0.5 * z * z - sd.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln()
}

/// Pointwise log-likelihoods of the eight schools given their effects `theta`.
fn push_log_lik(theta: impl Fn(usize) -> f64, out: &mut Vec<f64>) {
    out.extend((0..Y.len()).map(|i| normal_log_pdf(Y[i], theta(i), SIGMA[i])));
}

// ANCHOR: complete
/// Complete pooling: one effect `mu` shared by every school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompletePooling;

impl Model for CompletePooling {
    fn dim(&self) -> usize {
        1
    }
    fn param_names(&self) -> Vec<String> {
        vec!["mu".into()]
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let mu = x[0];
        let v0 = MU_PRIOR_SD * MU_PRIOR_SD;
        let mut lp = -0.5 * mu * mu / v0;
        grad[0] = -mu / v0;
        for (y, s) in Y.iter().zip(SIGMA) {
            lp -= 0.5 * (y - mu).powi(2) / (s * s);
            grad[0] += (y - mu) / (s * s);
        }
        lp
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0]);
    }
}
// ANCHOR_END: complete

/// No pooling: an independent effect per school with a `Normal(0, 20)` prior.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoPooling;

impl Model for NoPooling {
    fn dim(&self) -> usize {
        Y.len()
    }
    fn param_names(&self) -> Vec<String> {
        (1..=Y.len()).map(|i| format!("theta.{i}")).collect()
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let v0 = MU_PRIOR_SD * MU_PRIOR_SD;
        let mut lp = 0.0;
        for i in 0..Y.len() {
            let (t, s2) = (x[i], SIGMA[i] * SIGMA[i]);
            lp += -0.5 * t * t / v0 - 0.5 * (Y[i] - t).powi(2) / s2;
            grad[i] = -t / v0 + (Y[i] - t) / s2;
        }
        lp
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

/// A model of this chapter with its `log_lik` outputs.
pub type Pointwise<M> = WithLogLik<M, fn(&[f64], &mut Vec<f64>)>;

// ANCHOR: with_log_lik
/// Complete pooling writing `log p(y_i | mu)`.
pub fn complete_pooling() -> Pointwise<CompletePooling> {
    WithLogLik::new(CompletePooling, Y.len(), |c, out| {
        push_log_lik(|_| c[0], out)
    })
}

/// No pooling writing `log p(y_i | theta_i)`.
pub fn no_pooling() -> Pointwise<NoPooling> {
    WithLogLik::new(NoPooling, Y.len(), |c, out| push_log_lik(|i| c[i], out))
}

/// Partial pooling (non-centred) writing `log p(y_i | theta_i)`; its constrained
/// values are `mu, tau, theta.1…8, eta.1…8`.
pub fn partial_pooling() -> Pointwise<EightSchools> {
    WithLogLik::new(
        EightSchools::new(Parameterization::NonCentred),
        Y.len(),
        |c, out| push_log_lik(|i| c[2 + i], out),
    )
}
// ANCHOR_END: with_log_lik
