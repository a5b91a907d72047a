//! One school's scores: `s ~ Beta(mu·nu, (1 − mu)·nu)` with
//! `mu ~ Beta(12, 4)` and `nu ~ Normal(10, 1)` (`nu > 0`).

use super::beta::{BetaStats, loglik_mean_size, shapes};
use super::{BetaPrior, ConstrainedDensity, normal};
use crate::layer::Support;

/// Shapes of the `Beta(12, 4)` prior on the school mean.
pub const MU_PRIOR: (f64, f64) = (12.0, 4.0);
/// Mean and sd of the `Normal(10, 1)` prior on the sample size.
pub const NU_PRIOR: (f64, f64) = (10.0, 1.0);

/// The one-school model. Parameters `mu`, `nu`; reported `mu`, `nu`, `a`, `b`.
#[derive(Debug, Clone, PartialEq)]
pub struct OneSchool {
    stats: BetaStats,
}

impl OneSchool {
    /// The model for these scores (each in (0, 1)).
    pub fn new(scores: &[f64]) -> Self {
        Self {
            stats: BetaStats::of(scores),
        }
    }
}

const BOUNDS: [Support; 2] = [Support::Interval(0.0, 1.0), Support::Positive];

impl ConstrainedDensity for OneSchool {
    fn bounds(&self) -> &[Support] {
        &BOUNDS
    }

    fn names(&self) -> Vec<String> {
        ["mu", "nu", "a", "b"].map(String::from).to_vec()
    }

    // ANCHOR: one_school
    fn log_density(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, nu) = (v[0], v[1]);
        // s ~ beta(mu * nu, (1 - mu) * nu)
        let lik = loglik_mean_size(mu, nu, &self.stats);
        // mu ~ beta(12, 4); nu ~ normal(10, 1)
        let mu_prior = BetaPrior::new(MU_PRIOR.0, MU_PRIOR.1).at(mu);
        let (nu_prior, dnu_prior) = normal(nu, NU_PRIOR.0, NU_PRIOR.1);
        grad[0] = lik.d1 + mu_prior.dx;
        grad[1] = lik.d2 + dnu_prior;
        lik.lp + mu_prior.lp + nu_prior
    }
    // ANCHOR_END: one_school

    fn outputs(&self, v: &[f64], out: &mut Vec<f64>) {
        let (a, b) = shapes(v[0], v[1]);
        out.extend_from_slice(&[v[0], v[1], a, b]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beta_multilevel::Unconstrained;
    use crate::beta_multilevel::test_support::assert_gradient;

    #[test]
    fn gradient_matches_finite_differences() {
        let model = Unconstrained(OneSchool::new(&[0.7, 0.81, 0.93, 0.55, 0.77]));
        assert_gradient(&model, &[1.0, 2.3]);
    }
}
