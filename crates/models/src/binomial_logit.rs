//! Binomial counts with logit-normal success probabilities: a hierarchical
//! model for batting averages, success rates and the like, non-centred.
//!
//! `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`,
//! `alpha_j = mu + tau · eta_j` with `eta_j ~ Normal(0, 1)`, and
//! `y_j ~ Binomial(n_j, logistic(alpha_j))`.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.3
//! and §16.4 (hierarchical logistic models).

use crate::eight_schools::Priors;
use crate::layer::special::{log1p_exp, logistic};
use sampler::{Model, Result, SamplerError};

/// The hierarchical binomial model on `successes` out of `trials`.
///
/// Its gradient is written by hand (it predates the model layer) and is checked
/// against the same model declared with the layer at 1000 random points
/// (`tests/hand_gradients.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct BinomialLogit {
    /// Successes `y_j`.
    pub successes: Vec<u64>,
    /// Trials `n_j`.
    pub trials: Vec<u64>,
    /// Priors of `mu` (log-odds scale) and `tau`.
    pub priors: Priors,
}

impl BinomialLogit {
    /// Checks the data (`y_j ≤ n_j`, at least one group, equal lengths) and
    /// the priors `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`
    /// ([`Priors::validate`]).
    pub fn new(
        successes: Vec<u64>,
        trials: Vec<u64>,
        mu_mean: f64,
        mu_sd: f64,
        tau_scale: f64,
    ) -> Result<Self> {
        let bad = |m: String| Err(SamplerError::Model(m));
        if successes.is_empty() || successes.len() != trials.len() {
            return bad("successes and trials must be non-empty and of equal length".into());
        }
        if let Some(j) = (0..trials.len()).find(|&j| successes[j] > trials[j]) {
            return bad(format!("group {} has more successes than trials", j + 1));
        }
        let priors = Priors {
            mu_mean,
            mu_sd,
            tau_scale,
        };
        priors.validate()?;
        Ok(Self {
            successes,
            trials,
            priors,
        })
    }

    fn j(&self) -> usize {
        self.trials.len()
    }
}

impl Model for BinomialLogit {
    fn dim(&self) -> usize {
        2 + self.j()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "tau".to_string()];
        names.extend((1..=self.j()).map(|i| format!("p.{i}")));
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, log_tau) = (x[0], x[1]);
        let tau = log_tau.exp();
        let (mut lp, g) = self.priors.log_density_grad(mu, log_tau);
        grad[0] = g[0];
        grad[1] = g[1];
        for j in 0..self.j() {
            let eta = x[2 + j];
            let alpha = mu + tau * eta;
            let (y, n) = (self.successes[j] as f64, self.trials[j] as f64);
            // y log p + (n − y) log(1 − p) = y alpha − n log(1 + e^alpha).
            lp += -0.5 * eta * eta + y * alpha - n * log1p_exp(alpha);
            let g = y - n * logistic(alpha);
            grad[0] += g;
            grad[1] += g * tau * eta;
            grad[2 + j] = -eta + g * tau;
        }
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let (mu, tau) = (x[0], x[1].exp());
        out.extend([mu, tau]);
        out.extend(x[2..].iter().map(|eta| logistic(mu + tau * eta)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_hyperprior_is_the_inline_one_bit_for_bit() {
        // The hyperprior as this model wrote it before sharing Priors's.
        let m = BinomialLogit::new(vec![18, 10, 7], vec![45, 45, 45], -1.0, 0.5, 1.0).unwrap();
        let inline = |mu: f64, log_tau: f64| {
            let tau = log_tau.exp();
            let d = mu - m.priors.mu_mean;
            let v_mu = m.priors.mu_sd * m.priors.mu_sd;
            let t2 = tau * tau / (m.priors.tau_scale * m.priors.tau_scale);
            let lp = -0.5 * d * d / v_mu - 0.5 * t2 + log_tau;
            (lp, [-d / v_mu, -t2 + 1.0])
        };
        let mut rng = sampler::rng::chain_rng(7, 0, 0);
        for _ in 0..1000 {
            let mu = 3.0 * sampler::rng::std_normal(&mut rng);
            let log_tau = 5.0 * sampler::rng::std_normal(&mut rng);
            let (lp, g) = m.priors.log_density_grad(mu, log_tau);
            let (lp0, g0) = inline(mu, log_tau);
            assert_eq!(lp.to_bits(), lp0.to_bits(), "at ({mu}, {log_tau})");
            assert_eq!(g.map(f64::to_bits), g0.map(f64::to_bits));
        }
    }

    #[test]
    fn bad_data_is_an_error() {
        assert!(BinomialLogit::new(vec![5], vec![4], 0.0, 1.0, 1.0).is_err());
        assert!(BinomialLogit::new(vec![], vec![], 0.0, 1.0, 1.0).is_err());
        assert!(BinomialLogit::new(vec![1], vec![4], 0.0, 0.0, 1.0).is_err());
    }
}
