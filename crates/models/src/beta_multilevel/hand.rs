//! What the exam model's hand-written gradient needs: the layer's transforms with
//! their derivatives, and the priors it uses with theirs.

use crate::layer::Support;
use num_dual::Dual64;
use statrs::function::gamma::{digamma, ln_gamma};

/// One free coordinate mapped to its support by the layer's transform
/// ([`crate::layer::transforms`]), with what the chain rule needs: the value, its
/// derivative, the log-Jacobian and the log-Jacobian's derivative (the last two read
/// off one dual-number evaluation of the transform).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Constrained {
    pub(crate) value: f64,
    pub(crate) dvalue: f64,
    pub(crate) log_jac: f64,
    pub(crate) dlog_jac: f64,
}

pub(crate) fn constrain_one(support: Support, u: f64) -> Constrained {
    let mut x = [Dual64::from(0.0)];
    let log_jac = support.constrain(&[Dual64::new(u, 1.0)], &mut x);
    Constrained { value: x[0].re, dvalue: x[0].eps, log_jac: log_jac.re, dlog_jac: log_jac.eps }
}

/// `ln Normal(x | m, s)` up to a constant, and its derivative in `x`.
pub(crate) fn normal(x: f64, m: f64, s: f64) -> (f64, f64) {
    let z = (x - m) / s;
    (-0.5 * z * z, -z / s)
}

/// `ln Exponential(x | rate)` up to a constant, and its derivative in `x`.
pub(crate) fn exponential(x: f64, rate: f64) -> (f64, f64) {
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
mod tests {
    use super::*;

    #[test]
    fn beta_prior_matches_the_density_library_and_the_automatic_derivatives() {
        use crate::lpdf::beta;
        use num_dual::Dual64;
        let (x, a, b) = (0.3, 2.5, 4.0);
        let p = BetaPrior::new(a, b).at(x);
        let d = |x: Dual64, a: Dual64, b: Dual64| beta::<Dual64>(x, a, b);
        let (c, o) = (Dual64::from, |v| Dual64::new(v, 1.0));
        assert!((p.lp - beta::<f64>(x, a, b)).abs() < 1e-12);
        assert!((p.dx - d(o(x), c(a), c(b)).eps).abs() < 1e-10);
        assert!((p.da - d(c(x), o(a), c(b)).eps).abs() < 1e-10);
        assert!((p.db - d(c(x), c(a), o(b)).eps).abs() < 1e-10);
    }

    #[test]
    fn transforms_carry_their_derivatives() {
        for support in [Support::Interval(0.0, 1.0), Support::Positive] {
            for u in [-3.0, 0.0, 0.7] {
                let c = constrain_one(support, u);
                let h = 1e-6;
                let (up, dn) = (constrain_one(support, u + h), constrain_one(support, u - h));
                assert!((c.dvalue - (up.value - dn.value) / (2.0 * h)).abs() < 1e-8);
                assert!((c.dlog_jac - (up.log_jac - dn.log_jac) / (2.0 * h)).abs() < 1e-6);
            }
        }
    }
}
