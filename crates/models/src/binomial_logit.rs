//! Binomial counts with logit-normal success probabilities: a hierarchical
//! model for batting averages, success rates and the like, non-centred.
//!
//! `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`,
//! `alpha_j = mu + tau · eta_j` with `eta_j ~ Normal(0, 1)`, and
//! `y_j ~ Binomial(n_j, logistic(alpha_j))`; each group's success probability
//! `p_j = logistic(alpha_j)` is reported with every draw.
//!
//! Declared with the model layer: a few dozen groups need no hand-written gradient.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.3
//! and §16.4 (hierarchical logistic models).

use crate::eight_schools::Priors;
use crate::layer::special::logistic;
use crate::layer::{
    Declaration, Declared, Density, GenVector, Generated, Number, Params, Scalar, Support, Target,
    Vector,
};
use crate::lpdf::{binomial_logit, half_normal, normal};
use sampler::{Result, SamplerError};

/// The hierarchical binomial model on `successes` out of `trials`.
///
/// Free coordinates `mu`, `log tau`, `eta.1…J`; reported `mu`, `tau`, `eta.1…J`
/// and `p.1…J`.
#[derive(Debug, Clone, PartialEq)]
pub struct BinomialLogit {
    /// Successes `y_j`.
    pub successes: Vec<u64>,
    /// Trials `n_j`.
    pub trials: Vec<u64>,
    /// Priors of `mu` (log-odds scale) and `tau`.
    pub priors: Priors,
    mu: Scalar,
    tau: Scalar,
    eta: Vector,
    p: GenVector,
}

impl BinomialLogit {
    /// Checks the data (`y_j ≤ n_j`, at least one group, equal lengths) and
    /// the priors `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`
    /// ([`Priors::validate`]), then declares the parameters.
    pub fn declare(
        successes: Vec<u64>,
        trials: Vec<u64>,
        mu_mean: f64,
        mu_sd: f64,
        tau_scale: f64,
    ) -> Result<Declared<Self>> {
        let bad = |m: String| Err(SamplerError::Model(m));
        if successes.is_empty() || successes.len() != trials.len() {
            return bad("successes and trials must be non-empty and of equal length".into());
        }
        if let Some(j) = (0..trials.len()).find(|&j| successes[j] > trials[j]) {
            return bad(format!("group {} has more successes than trials", j + 1));
        }
        let priors = Priors { mu_mean, mu_sd, tau_scale };
        priors.validate()?;
        let mut d = Declaration::new();
        let mu = d.real("mu");
        let tau = d.positive("tau");
        let eta = d.vector("eta", trials.len(), Support::Real);
        let p = d.generated_vector("p", trials.len());
        Declared::new(d, Self { successes, trials, priors, mu, tau, eta, p })
    }
}

impl Density for BinomialLogit {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, tau) = (p[self.mu], p[self.tau]);
        let pr = &self.priors;
        let mut target = Target::new();
        target += normal(mu, pr.mu_mean, pr.mu_sd);
        target += half_normal(tau, pr.tau_scale);
        let groups = self.successes.iter().zip(&self.trials);
        for ((&y, &n), &eta) in groups.zip(&p[self.eta]) {
            target += normal(eta, 0.0, 1.0);
            target += binomial_logit(y as f64, n as f64, mu + tau * eta);
        }
        target.value()
    }

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        let (mu, tau) = (p[self.mu], p[self.tau]);
        for (p_j, eta) in out[self.p].iter_mut().zip(&p[self.eta]) {
            *p_j = logistic(mu + tau * eta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::Model;

    #[test]
    fn reports_the_success_probabilities() {
        let m = BinomialLogit::declare(vec![18, 10, 7], vec![45, 45, 45], -1.0, 0.5, 1.0).unwrap();
        assert_eq!(m.dim(), 5);
        assert_eq!(m.param_names(), ["mu", "tau", "eta.1", "eta.2", "eta.3", "p.1", "p.2", "p.3"]);
        let mut out = Vec::new();
        m.constrain(&[0.5, 0.0, 1.0, 0.0, -2.0], &mut out);
        // tau = 1: p_j = logistic(0.5 + eta_j).
        let expect = [1.5f64, 0.5, -1.5].map(|a| 1.0 / (1.0 + (-a).exp()));
        for (got, want) in out[5..].iter().zip(expect) {
            assert!((got - want).abs() < 1e-15, "{got} vs {want}");
        }
    }

    #[test]
    fn bad_data_is_an_error() {
        assert!(BinomialLogit::declare(vec![5], vec![4], 0.0, 1.0, 1.0).is_err());
        assert!(BinomialLogit::declare(vec![], vec![], 0.0, 1.0, 1.0).is_err());
        assert!(BinomialLogit::declare(vec![1, 2], vec![4], 0.0, 1.0, 1.0).is_err());
        assert!(BinomialLogit::declare(vec![1], vec![4], 0.0, 0.0, 1.0).is_err());
    }
}
