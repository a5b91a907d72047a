//! The models of the Beta multilevel chapter, each written on the constrained scale
//! (the way the Stan programs read) and mapped to the sampler's unconstrained space
//! by [`Unconstrained`], which adds the log-Jacobians of the layer's transforms and
//! applies the chain rule; [`beta`] holds the Beta distribution in mean / sample-size
//! form that they share.
//!
//! | model | file |
//! |---|---|
//! | heights in four countries (Normal, varying intercepts) | [`heights`] |
//! | one school's scores (Beta in mean / sample-size form) | [`one_school`] |
//! | five schools, unpooled or pooled through a Beta prior | [`schools`] |
//! | districts → schools → students | [`three_levels`] |
//! | published exam averages (summary-statistic likelihood) | [`exam`] |

pub mod beta;
pub mod exam;
pub mod heights;
pub mod one_school;
pub mod schools;
pub mod three_levels;

use crate::layer::Support;
use num_dual::Dual64;
use sampler::Model;
use statrs::function::gamma::{digamma, ln_gamma};

/// One free coordinate mapped to its support by the layer's transform
/// ([`crate::layer::transforms`]), with what the chain rule needs: the value, its
/// derivative, the log-Jacobian and the log-Jacobian's derivative (the last two read
/// off one dual-number evaluation of the transform).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Constrained {
    value: f64,
    dvalue: f64,
    log_jac: f64,
    dlog_jac: f64,
}

fn constrain_one(support: Support, u: f64) -> Constrained {
    let mut x = [Dual64::from(0.0)];
    let log_jac = support.constrain(&[Dual64::new(u, 1.0)], &mut x);
    Constrained {
        value: x[0].re,
        dvalue: x[0].eps,
        log_jac: log_jac.re,
        dlog_jac: log_jac.eps,
    }
}

/// A log density on the constrained scale, with its gradient there.
pub trait ConstrainedDensity: Sync {
    /// Support of each primitive parameter, in order (scalar supports only).
    fn bounds(&self) -> &[Support];
    /// Names of the values [`ConstrainedDensity::outputs`] writes.
    fn names(&self) -> Vec<String>;
    /// Log density at constrained values `v`, adding `∂/∂v` into `grad`
    /// (zeroed by the caller).
    fn log_density(&self, v: &[f64], grad: &mut [f64]) -> f64;
    /// The reported values (parameters and transformed parameters) at `v`.
    fn outputs(&self, v: &[f64], out: &mut Vec<f64>);
}

/// A [`ConstrainedDensity`] as a [`sampler::Model`] on the unconstrained space.
#[derive(Debug, Clone, PartialEq)]
pub struct Unconstrained<M>(pub M);

impl<M: ConstrainedDensity> Unconstrained<M> {
    fn constrain_all(&self, x: &[f64]) -> Vec<Constrained> {
        self.0
            .bounds()
            .iter()
            .zip(x)
            .map(|(&b, &u)| constrain_one(b, u))
            .collect()
    }
}

impl<M: ConstrainedDensity> Model for Unconstrained<M> {
    fn dim(&self) -> usize {
        self.0.bounds().len()
    }

    fn param_names(&self) -> Vec<String> {
        self.0.names()
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let c = self.constrain_all(x);
        let v: Vec<f64> = c.iter().map(|c| c.value).collect();
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut lp = self.0.log_density(&v, grad);
        for (g, c) in grad.iter_mut().zip(&c) {
            *g = *g * c.dvalue + c.dlog_jac;
            lp += c.log_jac;
        }
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let v: Vec<f64> = self.constrain_all(x).iter().map(|c| c.value).collect();
        self.0.outputs(&v, out);
    }
}

/// `ln Normal(x | m, s)` up to a constant, and its derivative in `x`.
pub fn normal(x: f64, m: f64, s: f64) -> (f64, f64) {
    let z = (x - m) / s;
    (-0.5 * z * z, -z / s)
}

/// `ln Exponential(x | rate)` up to a constant, and its derivative in `x`.
pub fn exponential(x: f64, rate: f64) -> (f64, f64) {
    (-rate * x, -rate)
}

/// `Beta(a, b)` as a prior on parameters in (0, 1), with the `a`- and
/// `b`-dependent pieces computed once for every parameter that shares it.
#[derive(Debug, Clone, Copy)]
pub struct BetaPrior {
    a: f64,
    b: f64,
    log_norm: f64,
    dnorm_a: f64,
    dnorm_b: f64,
}

/// One evaluation of a [`BetaPrior`]: the log density and its derivatives in
/// the parameter `x` and in the shapes `a`, `b`.
#[derive(Debug, Clone, Copy)]
pub struct BetaPriorTerm {
    /// `ln Beta(x | a, b)`.
    pub lp: f64,
    /// `∂/∂x`.
    pub dx: f64,
    /// `∂/∂a`.
    pub da: f64,
    /// `∂/∂b`.
    pub db: f64,
}

impl BetaPrior {
    /// The prior `Beta(a, b)`.
    pub fn new(a: f64, b: f64) -> Self {
        let psi_ab = digamma(a + b);
        Self {
            a,
            b,
            log_norm: ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b),
            dnorm_a: psi_ab - digamma(a),
            dnorm_b: psi_ab - digamma(b),
        }
    }

    /// `ln Beta(x | a, b)` with its derivatives.
    pub fn at(&self, x: f64) -> BetaPriorTerm {
        let (ln_x, ln_1mx) = (x.ln(), (-x).ln_1p());
        BetaPriorTerm {
            lp: self.log_norm + (self.a - 1.0) * ln_x + (self.b - 1.0) * ln_1mx,
            dx: (self.a - 1.0) / x - (self.b - 1.0) / (1.0 - x),
            da: self.dnorm_a + ln_x,
            db: self.dnorm_b + ln_1mx,
        }
    }
}

/// `name.1 … name.n` in Stan's CSV naming.
pub fn indexed(name: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{name}.{i}")).collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// Asserts that the model's gradient matches finite differences at a few
    /// deterministic points of the unconstrained space scattered around
    /// `centre` (one value per coordinate).
    pub fn assert_gradient<M: ConstrainedDensity>(model: &Unconstrained<M>, centre: &[f64]) {
        assert_eq!(centre.len(), model.dim());
        for k in 0..4u32 {
            let mut rng = sampler::rng::chain_rng(99, k, 0);
            let x: Vec<f64> = centre
                .iter()
                .map(|c| c + (2.0 * sampler::rng::uniform(&mut rng) - 1.0))
                .collect();
            let check = sampler::check_gradient(model, &x);
            assert!(check.passes(1e-6), "at {x:?}:\n{check}");
        }
    }

    #[test]
    fn beta_prior_matches_the_single_point_version() {
        let p = BetaPrior::new(2.5, 4.0).at(0.3);
        let q = super::beta::prior_on_unit(0.3, 2.5, 4.0);
        assert!((p.lp - q.0).abs() < 1e-12);
        assert!((p.dx - q.1).abs() < 1e-12);
        assert!((p.da - q.2).abs() < 1e-12);
        assert!((p.db - q.3).abs() < 1e-12);
    }
}
