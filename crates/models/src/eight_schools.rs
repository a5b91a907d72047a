//! Eight Schools (Rubin 1981): the coaching-effects data, centred and non-centred.
//!
//! `mu ~ Normal(0, 20)`, `tau ~ HalfNormal(10)`, `theta_i ~ Normal(mu, tau)`,
//! `y_i ~ Normal(theta_i, sigma_i)`. The centred form samples `theta` directly
//! and meets Neal's funnel when `tau` is small; the non-centred form samples
//! `eta_i ~ Normal(0, 1)` and sets `theta_i = mu + tau · eta_i`, which removes
//! the funnel from the geometry the sampler sees.
//!
//! References: Rubin (1981), "Estimation in parallel randomized experiments",
//! Journal of Educational Statistics 6(4); Gelman et al. (2013), *Bayesian
//! Data Analysis*, 3rd ed., §5.5; Papaspiliopoulos, Roberts & Sköld (2007),
//! "A general framework for the parametrization of hierarchical models",
//! Statistical Science 22(1).

use sampler::Model;

// ANCHOR: data
/// Estimated coaching effects (points on the SAT-V scale).
pub const Y: [f64; 8] = [28.0, 8.0, -3.0, 7.0, -1.0, 1.0, 18.0, 12.0];
/// Their standard errors.
pub const SIGMA: [f64; 8] = [15.0, 10.0, 16.0, 11.0, 9.0, 11.0, 10.0, 18.0];
/// School labels.
pub const SCHOOLS: [&str; 8] = ["A", "B", "C", "D", "E", "F", "G", "H"];
// ANCHOR_END: data
/// Prior sd of `mu` (prior mean 0).
pub const MU_PRIOR_SD: f64 = 20.0;
/// Scale of the half-normal prior on `tau`.
pub const TAU_PRIOR_SCALE: f64 = 10.0;

/// How the school effects are parameterised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parameterization {
    /// Sample `theta` directly.
    Centred,
    /// Sample `eta` with `theta = mu + tau · eta`.
    NonCentred,
}

/// The Eight Schools model on data `y`, `sigma` (any number of schools).
///
/// Unconstrained parameters: `mu`, `log tau`, then `theta` (centred) or `eta`
/// (non-centred). Constrained output: `mu`, `tau`, `theta.1…J`, and for the
/// non-centred form also `eta.1…J`.
#[derive(Debug, Clone, PartialEq)]
pub struct EightSchools {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
    /// Which parameterisation to sample.
    pub parameterization: Parameterization,
}

impl EightSchools {
    /// The classic data set in the given parameterisation.
    pub fn new(parameterization: Parameterization) -> Self {
        Self {
            y: Y.to_vec(),
            sigma: SIGMA.to_vec(),
            parameterization,
        }
    }

    fn j(&self) -> usize {
        self.y.len()
    }

    /// Log prior of `mu` and of `tau` (with the Jacobian of `tau = exp(s)`),
    /// adding their gradient to `grad[0]` and `grad[1]`.
    fn hyperprior(&self, mu: f64, s: f64, grad: &mut [f64]) -> f64 {
        let tau = s.exp();
        let v_mu = MU_PRIOR_SD * MU_PRIOR_SD;
        let v_tau = TAU_PRIOR_SCALE * TAU_PRIOR_SCALE;
        grad[0] += -mu / v_mu;
        grad[1] += -tau * tau / v_tau + 1.0;
        -0.5 * mu * mu / v_mu - 0.5 * tau * tau / v_tau + s
    }

    /// The centred level: `theta_i ~ Normal(mu, tau)`, `y_i ~ Normal(theta_i, sigma_i)`.
    /// Adds to `grad`; returns the log density of these terms.
    fn centred(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, s) = (x[0], x[1]);
        let inv_tau2 = (-2.0 * s).exp();
        let mut lp = 0.0;
        for i in 0..self.j() {
            let theta = x[2 + i];
            let dev = theta - mu;
            let r = (self.y[i] - theta) / (self.sigma[i] * self.sigma[i]);
            lp += -0.5 * dev * dev * inv_tau2 - s;
            lp += -0.5 * (self.y[i] - theta) * r;
            grad[0] += dev * inv_tau2;
            grad[1] += dev * dev * inv_tau2 - 1.0;
            grad[2 + i] = -dev * inv_tau2 + r;
        }
        lp
    }

    // ANCHOR: non_centred
    /// The non-centred level: `eta_i ~ Normal(0, 1)`, `theta_i = mu + tau eta_i`,
    /// `y_i ~ Normal(theta_i, sigma_i)`. With `r_i = (y_i − theta_i) / sigma_i²`
    /// the chain rule gives `∂/∂mu = Σ r_i`, `∂/∂log tau = Σ r_i tau eta_i`,
    /// `∂/∂eta_i = −eta_i + r_i tau`.
    fn non_centred(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, tau) = (x[0], x[1].exp());
        let mut lp = 0.0;
        for i in 0..self.j() {
            let eta = x[2 + i];
            let theta = mu + tau * eta;
            let r = (self.y[i] - theta) / (self.sigma[i] * self.sigma[i]);
            lp += -0.5 * eta * eta - 0.5 * (self.y[i] - theta) * r;
            grad[0] += r;
            grad[1] += r * tau * eta;
            grad[2 + i] = -eta + r * tau;
        }
        lp
    }
    // ANCHOR_END: non_centred
}

impl Model for EightSchools {
    fn dim(&self) -> usize {
        2 + self.j()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "tau".to_string()];
        names.extend((1..=self.j()).map(|i| format!("theta.{i}")));
        if self.parameterization == Parameterization::NonCentred {
            names.extend((1..=self.j()).map(|i| format!("eta.{i}")));
        }
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, s) = (x[0], x[1]);
        grad.iter_mut().for_each(|g| *g = 0.0);
        let lp = self.hyperprior(mu, s, grad);
        lp + match self.parameterization {
            Parameterization::Centred => self.centred(x, grad),
            Parameterization::NonCentred => self.non_centred(x, grad),
        }
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let (mu, tau) = (x[0], x[1].exp());
        out.push(mu);
        out.push(tau);
        match self.parameterization {
            Parameterization::Centred => out.extend_from_slice(&x[2..]),
            Parameterization::NonCentred => {
                out.extend(x[2..].iter().map(|eta| mu + tau * eta));
                out.extend_from_slice(&x[2..]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::check_gradient;

    #[test]
    fn gradients_match_finite_differences() {
        let points = [
            vec![1.0, 0.5, 3.0, -2.0, 0.1, 4.0, -1.0, 2.0, 0.0, 7.0],
            vec![-5.0, -2.0, 0.3, 0.2, -0.4, 0.5, 0.6, -0.7, 0.8, 0.9],
            vec![10.0, 3.0, 20.0, 5.0, -10.0, 2.0, 0.0, 1.0, 15.0, 9.0],
        ];
        for p in [Parameterization::Centred, Parameterization::NonCentred] {
            let model = EightSchools::new(p);
            for x in &points {
                let check = check_gradient(&model, x);
                assert!(check.passes(1e-6), "{p:?} at {x:?}:\n{check}");
            }
        }
    }

    #[test]
    fn non_centred_maps_eta_to_theta() {
        let model = EightSchools::new(Parameterization::NonCentred);
        let mut x = vec![2.0, 0.0];
        x.extend([1.0, -1.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0]);
        let mut out = Vec::new();
        model.constrain(&x, &mut out);
        assert_eq!(out.len(), model.param_names().len());
        assert_eq!(&out[..5], &[2.0, 1.0, 3.0, 1.0, 2.0]);
    }

    // ANCHOR: jacobian_test
    #[test]
    fn parameterisations_agree_on_the_density_of_theta() {
        // Same (mu, tau, theta) with theta = mu + tau eta: the densities
        // differ only by the log-Jacobian of eta -> theta, which is J log tau.
        let c = EightSchools::new(Parameterization::Centred);
        let n = EightSchools::new(Parameterization::NonCentred);
        let j = Y.len() as f64;
        let mut rng = sampler::rng::chain_rng(5_8_2, 0, 0);
        let mut normal = || sampler::rng::std_normal(&mut rng);
        for _ in 0..200 {
            let (mu, log_tau) = (10.0 * normal(), 2.0 * normal());
            let eta: Vec<f64> = (0..Y.len()).map(|_| normal()).collect();
            let mut xn = vec![mu, log_tau];
            xn.extend(&eta);
            let mut xc = vec![mu, log_tau];
            xc.extend(eta.iter().map(|e| mu + log_tau.exp() * e));
            let diff = c.log_density(&xc) - n.log_density(&xn);
            assert!(
                (diff + j * log_tau).abs() < 1e-9 * (1.0 + diff.abs()),
                "log tau {log_tau}: diff {diff}, J log tau {}",
                j * log_tau
            );
        }
    }
    // ANCHOR_END: jacobian_test
}
