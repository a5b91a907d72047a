//! Normal means with known standard errors and a hierarchical prior
//! (the Eight Schools model with priors of your choice), non-centred.
//!
//! `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`,
//! `theta_j = mu + tau · eta_j` with `eta_j ~ Normal(0, 1)`, and
//! `y_j ~ Normal(theta_j, s_j)` with `s_j` known. Group means of `n` draws
//! with a known sd `σ` fit this model with `s_j = σ / √n`.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4–5.5.

use sampler::{Model, Result, SamplerError};

/// The normal-means model on data `y` with known standard errors `se`.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalMeans {
    /// Observed means.
    pub y: Vec<f64>,
    /// Their known standard errors.
    pub se: Vec<f64>,
    /// Prior mean of `mu`.
    pub mu_mean: f64,
    /// Prior sd of `mu`.
    pub mu_sd: f64,
    /// Scale of the half-normal prior on `tau`.
    pub tau_scale: f64,
}

impl NormalMeans {
    /// Checks the data: equal lengths, at least one group, finite values,
    /// positive standard errors and prior scales.
    pub fn new(
        y: Vec<f64>,
        se: Vec<f64>,
        mu_mean: f64,
        mu_sd: f64,
        tau_scale: f64,
    ) -> Result<Self> {
        let bad = |m: &str| Err(SamplerError::Model(m.to_string()));
        if y.is_empty() || y.len() != se.len() {
            return bad("y and se must be non-empty and of equal length");
        }
        if y.iter().chain([&mu_mean]).any(|v| !v.is_finite()) {
            return bad("y and mu_mean must be finite");
        }
        if se
            .iter()
            .chain([&mu_sd, &tau_scale])
            .any(|s| !(s.is_finite() && *s > 0.0))
        {
            return bad("standard errors and prior scales must be positive and finite");
        }
        Ok(Self {
            y,
            se,
            mu_mean,
            mu_sd,
            tau_scale,
        })
    }

    fn j(&self) -> usize {
        self.y.len()
    }
}

impl Model for NormalMeans {
    fn dim(&self) -> usize {
        2 + self.j()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "tau".to_string()];
        names.extend((1..=self.j()).map(|i| format!("theta.{i}")));
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, log_tau) = (x[0], x[1]);
        let tau = log_tau.exp();
        let d = mu - self.mu_mean;
        let v_mu = self.mu_sd * self.mu_sd;
        let t2 = tau * tau / (self.tau_scale * self.tau_scale);
        let mut lp = -0.5 * d * d / v_mu - 0.5 * t2 + log_tau;
        grad[0] = -d / v_mu;
        grad[1] = -t2 + 1.0;
        for j in 0..self.j() {
            let eta = x[2 + j];
            let theta = mu + tau * eta;
            let r = (self.y[j] - theta) / (self.se[j] * self.se[j]);
            lp += -0.5 * eta * eta - 0.5 * (self.y[j] - theta) * r;
            grad[0] += r;
            grad[1] += r * tau * eta;
            grad[2 + j] = -eta + r * tau;
        }
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let (mu, tau) = (x[0], x[1].exp());
        out.extend([mu, tau]);
        out.extend(x[2..].iter().map(|eta| mu + tau * eta));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::check_gradient;

    #[test]
    fn gradients_match_finite_differences() {
        let m = NormalMeans::new(
            vec![70.0, 64.0, 75.5],
            vec![2.5, 2.5, 4.0],
            50.0,
            25.0,
            10.0,
        )
        .unwrap();
        for x in [[68.0, 1.2, 0.5, -1.0, 2.0], [40.0, -1.5, 0.0, 0.3, -0.7]] {
            let c = check_gradient(&m, &x);
            assert!(c.passes(1e-6), "at {x:?}:\n{c}");
        }
    }

    #[test]
    fn same_density_as_eight_schools_with_its_priors() {
        use crate::Parameterization;
        use crate::eight_schools::{EightSchools, MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
        let m = NormalMeans::new(
            Y.to_vec(),
            SIGMA.to_vec(),
            0.0,
            MU_PRIOR_SD,
            TAU_PRIOR_SCALE,
        )
        .unwrap();
        let e = EightSchools::new(Parameterization::NonCentred);
        let x = [3.0, 1.1, 0.2, -0.4, 1.0, 0.0, 0.5, -1.2, 0.8, 0.1];
        assert!((m.log_density(&x) - e.log_density(&x)).abs() < 1e-10);
    }

    #[test]
    fn bad_data_is_an_error() {
        assert!(NormalMeans::new(vec![], vec![], 0.0, 1.0, 1.0).is_err());
        assert!(NormalMeans::new(vec![1.0], vec![0.0], 0.0, 1.0, 1.0).is_err());
        assert!(NormalMeans::new(vec![1.0, 2.0], vec![1.0], 0.0, 1.0, 1.0).is_err());
        assert!(NormalMeans::new(vec![1.0], vec![1.0], 0.0, 1.0, -1.0).is_err());
    }
}
