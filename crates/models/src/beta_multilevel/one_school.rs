//! One school's scores: `s ~ Beta(mu·nu, (1 − mu)·nu)` with
//! `mu ~ Beta(12, 4)` and `nu ~ Normal(10, 1)` (`nu > 0`).

use super::beta::BetaStats;
use crate::layer::{
    Declaration, Declared, Density, GenScalar, Generated, Number, Params, Scalar, Target,
};
use crate::lpdf::{beta, normal};
use sampler::Result;

/// Shapes of the `Beta(12, 4)` prior on the school mean.
pub const MU_PRIOR: (f64, f64) = (12.0, 4.0);
/// Mean and sd of the `Normal(10, 1)` prior on the sample size.
pub const NU_PRIOR: (f64, f64) = (10.0, 1.0);

/// The one-school model. Parameters `mu`, `nu`; reported `mu`, `nu`, `a`, `b`.
#[derive(Debug, Clone, PartialEq)]
pub struct OneSchool {
    stats: BetaStats,
    mu: Scalar,
    nu: Scalar,
    a: GenScalar,
    b: GenScalar,
}

impl OneSchool {
    /// The model for these scores (each in (0, 1)).
    pub fn declare(scores: &[f64]) -> Result<Declared<Self>> {
        let mut p = Declaration::new();
        let mu = p.interval("mu", 0.0, 1.0);
        let nu = p.positive("nu");
        let (a, b) = (p.generated("a"), p.generated("b"));
        let stats = BetaStats::of(scores);
        Declared::new(p, Self { stats, mu, nu, a, b })
    }
}

impl Density for OneSchool {
    // ANCHOR: one_school
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, nu) = (p[self.mu], p[self.nu]);
        let mut target = Target::new();
        target += self.stats.log_lik(mu, nu); // s ~ beta(mu * nu, (1 - mu) * nu)
        target += beta(mu, MU_PRIOR.0, MU_PRIOR.1);
        target += normal(nu, NU_PRIOR.0, NU_PRIOR.1);
        target.value()
    }
    // ANCHOR_END: one_school

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        let (mu, nu) = (p[self.mu], p[self.nu]);
        out[self.a] = mu * nu;
        out[self.b] = (1.0 - mu) * nu;
    }
}
