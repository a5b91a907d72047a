//! One school's scores: `s ~ Beta(mu·nu, (1 − mu)·nu)` with
//! `mu ~ Beta(12, 4)` and `nu ~ Normal(10, 1)` (`nu > 0`), and what those
//! priors say exactly about a score before any data ([`exact_score_summary`]).

use super::beta::BetaStats;
use crate::layer::{
    Declaration, Declared, Density, GenScalar, Generated, Number, Params, Scalar, Target,
};
use crate::lpdf::{beta, normal};
use sampler::Result;
use statrs::function::beta::beta_reg;

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

/// Midpoint-rule nodes and weights for `Normal(m, s)` over ±7 sd.
fn normal_nodes(m: f64, s: f64, n: usize) -> Vec<(f64, f64)> {
    let (lo, hi) = (m - 7.0 * s, m + 7.0 * s);
    let h = (hi - lo) / n as f64;
    let nodes: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let x = lo + (i as f64 + 0.5) * h;
            let z = (x - m) / s;
            (x, (-0.5 * z * z).exp())
        })
        .collect();
    let total: f64 = nodes.iter().map(|(_, w)| w).sum();
    nodes.into_iter().map(|(x, w)| (x, w / total)).collect()
}

/// Midpoint-rule nodes and weights for `Beta(a, b)` on (0, 1).
fn beta_nodes(a: f64, b: f64, n: usize) -> Vec<(f64, f64)> {
    let nodes: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let x = (i as f64 + 0.5) / n as f64;
            (x, beta::<f64>(x, a, b).exp())
        })
        .collect();
    let total: f64 = nodes.iter().map(|(_, w)| w).sum();
    nodes.into_iter().map(|(x, w)| (x, w / total)).collect()
}

/// Exact prior predictive quantities of the one-school model: the sd of a
/// score and `P(score < 1/2)`, by midpoint-rule integration over the priors
/// of `mu` and `nu` (the mean of a score is the prior mean of `mu`).
pub fn exact_score_summary() -> (f64, f64) {
    let (a, b) = MU_PRIOR;
    let var_mu = a * b / ((a + b) * (a + b) * (a + b + 1.0));
    let e_mu_1m = a * b / ((a + b) * (a + b + 1.0));
    let nus = normal_nodes(NU_PRIOR.0, NU_PRIOR.1, 401);
    let e_inv = nus.iter().map(|(nu, w)| w / (nu + 1.0)).sum::<f64>();
    let sd = (e_mu_1m * e_inv + var_mu).sqrt();
    let mus = beta_nodes(a, b, 800);
    let below: f64 = mus
        .iter()
        .map(|(mu, wm)| {
            wm * nus
                .iter()
                .step_by(5)
                .map(|(nu, wn)| wn * beta_reg(mu * nu, (1.0 - mu) * nu, 0.5))
                .sum::<f64>()
                / nus.iter().step_by(5).map(|(_, w)| w).sum::<f64>()
        })
        .sum();
    (sd, below)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_summary_agrees_with_a_large_simulation() {
        let classes = crate::beta_multilevel::simulate::prior_predictive(11, 4000, 25);
        let scores: Vec<f64> = classes.iter().flat_map(|(_, s)| s.iter().copied()).collect();
        let sd = diagnostics::sd(&scores);
        let below = scores.iter().filter(|s| **s < 0.5).count() as f64 / scores.len() as f64;
        let (exact_sd, exact_below) = exact_score_summary();
        assert!((sd - exact_sd).abs() < 0.004, "{sd} vs {exact_sd}");
        assert!((below - exact_below).abs() < 0.006, "{below} vs {exact_below}");
    }
}
