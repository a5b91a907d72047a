//! Several schools' student scores, each school with its own mean `mu_school`
//! and sample size `nu_school`: either unpooled, or pooled through a shared
//! Beta prior on the school means, with the sample sizes non-centred as in
//! the source.
//!
//! Unpooled: `mu_school ~ Beta(3, 1)`, `nu_school ~ Normal(30, 4)`.
//!
//! Pooled: `mu_school ~ Beta(alpha_bar, beta_bar)`,
//! `nu_school = nu_bar + sigma_nu · nu_school_raw`, `nu_school_raw ~ Normal(0, 1)`
//! bounded below by 0 (so half-normal: every `nu_school ≥ nu_bar`, although
//! the source's comment reads it as `Normal(nu_bar, sigma_nu)`),
//! `alpha_bar ~ Normal(3, 0.5)`, `beta_bar ~ Normal(1, 0.3)`,
//! `nu_bar ~ Normal(30, 5)`, `sigma_nu ~ Exponential(1)`.

use super::beta::BetaStats;
use crate::layer::{
    Declaration, Declared, Density, GenVector, Generated, Number, Params, Scalar, Support, Target,
    Vector,
};
use crate::lpdf::{beta, exponential, half_normal, normal};
use sampler::Result;

/// How the schools share information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BetaPooling {
    /// Each school has its own fixed priors.
    Unpooled,
    /// School means share a Beta prior whose shapes are estimated.
    Pooled,
}

/// Unpooled prior on each school mean: `Beta(3, 1)`.
pub const MU_PRIOR: (f64, f64) = (3.0, 1.0);
/// Unpooled prior on each sample size: `Normal(30, 4)`.
pub const NU_PRIOR: (f64, f64) = (30.0, 4.0);
/// Pooled hyperpriors: `alpha_bar`, `beta_bar`, `nu_bar` (Normal mean, sd).
pub const HYPER: [(f64, f64); 3] = [(3.0, 0.5), (1.0, 0.3), (30.0, 5.0)];

/// The pooled form's population: the shared Beta prior of the school means and the
/// non-centred sample sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Population {
    alpha_bar: Scalar,
    beta_bar: Scalar,
    nu_bar: Scalar,
    sigma_nu: Scalar,
    nu_school: GenVector,
}

/// The schools model. Parameters: `mu_school.1…J`, then `nu_school.1…J`
/// (unpooled) or `nu_school_raw.1…J`, `alpha_bar`, `beta_bar`, `nu_bar`,
/// `sigma_nu` (pooled). Reported values add `nu_school` for the pooled form.
#[derive(Debug, Clone, PartialEq)]
pub struct BetaSchools {
    stats: Vec<BetaStats>,
    mu_school: Vector,
    /// `nu_school` (unpooled) or `nu_school_raw` (pooled).
    nu: Vector,
    population: Option<Population>,
}

impl BetaSchools {
    /// The model for `scores[j]`, the scores of school `j`'s students.
    pub fn declare(scores: &[Vec<f64>], pooling: BetaPooling) -> Result<Declared<Self>> {
        let j = scores.len();
        let mut p = Declaration::new();
        let mu_school = p.vector("mu_school", j, Support::Interval(0.0, 1.0));
        let (nu, population) = match pooling {
            BetaPooling::Unpooled => (p.vector("nu_school", j, Support::Positive), None),
            BetaPooling::Pooled => {
                let raw = p.vector("nu_school_raw", j, Support::Positive);
                let population = Population {
                    alpha_bar: p.positive("alpha_bar"),
                    beta_bar: p.positive("beta_bar"),
                    nu_bar: p.positive("nu_bar"),
                    sigma_nu: p.positive("sigma_nu"),
                    nu_school: p.generated_vector("nu_school", j),
                };
                (raw, Some(population))
            }
        };
        let stats = scores.iter().map(|s| BetaStats::of(s)).collect();
        Declared::new(p, Self { stats, mu_school, nu, population })
    }

    fn unpooled<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        for ((s, &mu), &nu) in self.stats.iter().zip(&p[self.mu_school]).zip(&p[self.nu]) {
            target += s.log_lik(mu, nu);
            target += beta(mu, MU_PRIOR.0, MU_PRIOR.1);
            target += normal(nu, NU_PRIOR.0, NU_PRIOR.1);
        }
        target.value()
    }

    // ANCHOR: pooled
    fn pooled<T: Number>(&self, p: &Params<T>, pop: &Population) -> T {
        let (alpha_bar, beta_bar) = (p[pop.alpha_bar], p[pop.beta_bar]);
        let (nu_bar, sigma_nu) = (p[pop.nu_bar], p[pop.sigma_nu]);
        let mut target = Target::new();
        for ((s, &mu), &raw) in self.stats.iter().zip(&p[self.mu_school]).zip(&p[self.nu]) {
            let nu = nu_bar + sigma_nu * raw;
            target += s.log_lik(mu, nu); // s ~ beta(mu * nu, (1 - mu) * nu)
            target += beta(mu, alpha_bar, beta_bar);
            target += half_normal(raw, 1.0); // std_normal(), bounded below by 0
        }
        target += normal(alpha_bar, HYPER[0].0, HYPER[0].1);
        target += normal(beta_bar, HYPER[1].0, HYPER[1].1);
        target += normal(nu_bar, HYPER[2].0, HYPER[2].1);
        target += exponential(sigma_nu, 1.0);
        target.value()
    }
    // ANCHOR_END: pooled
}

impl Density for BetaSchools {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        match &self.population {
            None => self.unpooled(p),
            Some(pop) => self.pooled(p, pop),
        }
    }

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        if let Some(pop) = &self.population {
            let (nu_bar, sigma_nu) = (p[pop.nu_bar], p[pop.sigma_nu]);
            for (nu, raw) in out[pop.nu_school].iter_mut().zip(&p[self.nu]) {
                *nu = nu_bar + sigma_nu * raw;
            }
        }
    }
}
