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

use super::beta::{BetaStats, loglik_mean_size};
use super::{BetaPrior, ConstrainedDensity, exponential, indexed, normal};
use crate::layer::Support;

/// How the schools share information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
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

/// The schools model. Parameters: `mu_school.1…J`, then `nu_school.1…J`
/// (unpooled) or `nu_school_raw.1…J`, `alpha_bar`, `beta_bar`, `nu_bar`,
/// `sigma_nu` (pooled). Reported values add `nu_school` for the pooled form.
#[derive(Debug, Clone, PartialEq)]
pub struct Schools {
    stats: Vec<BetaStats>,
    pooling: Pooling,
    bounds: Vec<Support>,
}

impl Schools {
    /// The model for `scores[j]`, the scores of school `j`'s students.
    pub fn new(scores: &[Vec<f64>], pooling: Pooling) -> Self {
        let j = scores.len();
        let mut bounds = vec![Support::Interval(0.0, 1.0); j];
        bounds.extend(vec![Support::Positive; j]);
        if pooling == Pooling::Pooled {
            bounds.extend([Support::Positive; 4]);
        }
        Self {
            stats: scores.iter().map(|s| BetaStats::of(s)).collect(),
            pooling,
            bounds,
        }
    }

    fn unpooled(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        let j = self.stats.len();
        let mu_prior = BetaPrior::new(MU_PRIOR.0, MU_PRIOR.1);
        let mut lp = 0.0;
        for (i, s) in self.stats.iter().enumerate() {
            let (mu, nu) = (v[i], v[j + i]);
            let lik = loglik_mean_size(mu, nu, s);
            let pm = mu_prior.at(mu);
            let (pn, dpn) = normal(nu, NU_PRIOR.0, NU_PRIOR.1);
            lp += lik.lp + pm.lp + pn;
            grad[i] += lik.d1 + pm.dx;
            grad[j + i] += lik.d2 + dpn;
        }
        lp
    }

    // ANCHOR: pooled
    fn pooled(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        let j = self.stats.len();
        let h = 2 * j; // alpha_bar, beta_bar, nu_bar, sigma_nu
        let (alpha_bar, beta_bar, nu_bar, sigma_nu) = (v[h], v[h + 1], v[h + 2], v[h + 3]);
        let mu_prior = BetaPrior::new(alpha_bar, beta_bar);
        let mut lp = 0.0;
        for (i, s) in self.stats.iter().enumerate() {
            let (mu, raw) = (v[i], v[j + i]);
            let nu = nu_bar + sigma_nu * raw;
            // s ~ beta(mu_school * nu_school, (1 - mu_school) * nu_school)
            let lik = loglik_mean_size(mu, nu, s);
            grad[i] += lik.d1;
            grad[j + i] += lik.d2 * sigma_nu;
            grad[h + 2] += lik.d2;
            grad[h + 3] += lik.d2 * raw;
            // mu_school ~ beta(alpha_bar, beta_bar)
            let pm = mu_prior.at(mu);
            grad[i] += pm.dx;
            grad[h] += pm.da;
            grad[h + 1] += pm.db;
            // nu_school_raw ~ std_normal()
            lp += lik.lp + pm.lp - 0.5 * raw * raw;
            grad[j + i] -= raw;
        }
        let hyper = [
            normal(alpha_bar, HYPER[0].0, HYPER[0].1),
            normal(beta_bar, HYPER[1].0, HYPER[1].1),
            normal(nu_bar, HYPER[2].0, HYPER[2].1),
            exponential(sigma_nu, 1.0),
        ];
        for (k, (l, d)) in hyper.into_iter().enumerate() {
            lp += l;
            grad[h + k] += d;
        }
        lp
    }
    // ANCHOR_END: pooled
}

impl ConstrainedDensity for Schools {
    fn bounds(&self) -> &[Support] {
        &self.bounds
    }

    fn names(&self) -> Vec<String> {
        let j = self.stats.len();
        let mut names = indexed("mu_school", j);
        match self.pooling {
            Pooling::Unpooled => names.extend(indexed("nu_school", j)),
            Pooling::Pooled => {
                names.extend(indexed("nu_school_raw", j));
                names.extend(["alpha_bar", "beta_bar", "nu_bar", "sigma_nu"].map(String::from));
                names.extend(indexed("nu_school", j));
            }
        }
        names
    }

    fn log_density(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        match self.pooling {
            Pooling::Unpooled => self.unpooled(v, grad),
            Pooling::Pooled => self.pooled(v, grad),
        }
    }

    fn outputs(&self, v: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(v);
        if self.pooling == Pooling::Pooled {
            let j = self.stats.len();
            let (nu_bar, sigma_nu) = (v[2 * j + 2], v[2 * j + 3]);
            out.extend(v[j..2 * j].iter().map(|raw| nu_bar + sigma_nu * raw));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beta_multilevel::Unconstrained;
    use crate::beta_multilevel::test_support::assert_gradient;

    fn data() -> Vec<Vec<f64>> {
        vec![
            vec![0.7, 0.8, 0.9],
            vec![0.6, 0.65],
            vec![0.91, 0.85, 0.88, 0.7],
        ]
    }

    #[test]
    fn unpooled_gradient_matches_finite_differences() {
        let model = Unconstrained(Schools::new(&data(), Pooling::Unpooled));
        assert_gradient(&model, &[1.0, 0.5, 2.0, 3.4, 3.4, 3.4]);
    }

    #[test]
    fn pooled_gradient_matches_finite_differences() {
        let model = Unconstrained(Schools::new(&data(), Pooling::Pooled));
        let mut centre = vec![1.0, 0.5, 2.0, -0.5, -0.5, -0.5];
        centre.extend([1.1, 0.0, 3.4, 0.0]);
        assert_gradient(&model, &centre);
        use sampler::Model;
        assert_eq!(model.param_names().len(), 3 + 3 + 4 + 3);
    }
}
