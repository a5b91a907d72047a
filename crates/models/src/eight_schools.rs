//! Eight Schools (Rubin 1981): the coaching-effects data, centred and non-centred.
//!
//! `mu ~ Normal(0, 20)`, `tau ~ HalfNormal(10)`, `theta_i ~ Normal(mu, tau)`,
//! `y_i ~ Normal(theta_i, sigma_i)`. The centred form samples `theta` directly
//! and meets Neal's funnel when `tau` is small; the non-centred form samples
//! `eta_i ~ Normal(0, 1)` and sets `theta_i = mu + tau · eta_i`, which removes
//! the funnel from the geometry the sampler sees.
//!
//! The same model fits any normal means with known standard errors (group
//! means of `n` draws with a known sd `σ` have `sigma_j = σ / √n`): give
//! [`EightSchools::from_data`] the data and [`Priors`] of your choice,
//! `mu ~ Normal(mu_mean, mu_sd)`, `tau ~ HalfNormal(tau_scale)`.
//!
//! References: Rubin (1981), "Estimation in parallel randomized experiments",
//! Journal of Educational Statistics 6(4); Gelman et al. (2013), *Bayesian
//! Data Analysis*, 3rd ed., §5.4–5.5; Papaspiliopoulos, Roberts & Sköld (2007),
//! "A general framework for the parametrization of hierarchical models",
//! Statistical Science 22(1).

use sampler::{Model, Result, SamplerError};

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

/// Hyperpriors of a normal hierarchical model: `mu ~ Normal(mu_mean, mu_sd)`,
/// `tau ~ HalfNormal(tau_scale)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Priors {
    /// Prior mean of `mu`.
    pub mu_mean: f64,
    /// Prior sd of `mu`.
    pub mu_sd: f64,
    /// Scale of the half-normal prior on `tau`.
    pub tau_scale: f64,
}

impl Priors {
    /// The Eight Schools priors: `mu ~ Normal(0, 20)`, `tau ~ HalfNormal(10)`.
    pub const EIGHT_SCHOOLS: Priors =
        Priors { mu_mean: 0.0, mu_sd: MU_PRIOR_SD, tau_scale: TAU_PRIOR_SCALE };

    /// Checks that the mean is finite and both scales positive and finite.
    pub fn validate(&self) -> Result<()> {
        let scales_ok = [self.mu_sd, self.tau_scale].iter().all(|s| s.is_finite() && *s > 0.0);
        if self.mu_mean.is_finite() && scales_ok {
            Ok(())
        } else {
            Err(SamplerError::Model(format!(
                "priors need a finite mean and positive, finite scales, got {self:?}"
            )))
        }
    }

    /// Log prior of `mu` and of `tau = exp(log_tau)`, with the Jacobian of
    /// that map, up to a constant; and its gradient with respect to
    /// `(mu, log_tau)`.
    pub fn log_density_grad(&self, mu: f64, log_tau: f64) -> (f64, [f64; 2]) {
        let tau = log_tau.exp();
        let d = mu - self.mu_mean;
        let v_mu = self.mu_sd * self.mu_sd;
        let v_tau = self.tau_scale * self.tau_scale;
        let lp = -0.5 * d * d / v_mu - 0.5 * tau * tau / v_tau + log_tau;
        (lp, [-d / v_mu, -tau * tau / v_tau + 1.0])
    }
}

impl Default for Priors {
    /// [`Priors::EIGHT_SCHOOLS`].
    fn default() -> Self {
        Self::EIGHT_SCHOOLS
    }
}

/// How the school effects are parameterised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parameterization {
    /// Sample `theta` directly.
    Centred,
    /// Sample `eta` with `theta = mu + tau · eta`.
    NonCentred,
}

impl Parameterization {
    /// The name tables and figures show: `centred` or `non-centred`.
    ///
    /// ```
    /// assert_eq!(models::Parameterization::NonCentred.label(), "non-centred");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Self::Centred => "centred",
            Self::NonCentred => "non-centred",
        }
    }
}

/// The Eight Schools model on data `y`, `sigma` (any number of schools),
/// with hyperpriors `priors`.
///
/// Unconstrained parameters: `mu`, `log tau`, then `theta` (centred) or `eta`
/// (non-centred). Constrained output: `mu`, `tau`, `theta.1…J`, and for the
/// non-centred form also `eta.1…J`.
///
/// The gradient is written by hand for speed: the funnel chapter's sweeps, the
/// benchmark and simulation-based calibration fit this model thousands of times.
/// It is checked against [`crate::declared::eight_schools`] at 1000 random points
/// (`tests/declared_eight_schools.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct EightSchools {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
    /// Which parameterisation to sample.
    pub parameterization: Parameterization,
    /// Priors of `mu` and `tau`.
    pub priors: Priors,
}

impl EightSchools {
    /// The classic data set and priors in the given parameterisation.
    pub fn new(parameterization: Parameterization) -> Self {
        Self {
            y: Y.to_vec(),
            sigma: SIGMA.to_vec(),
            parameterization,
            priors: Priors::EIGHT_SCHOOLS,
        }
    }

    /// The model on other data and priors. Checks the data: at least one
    /// group, equal lengths, finite `y`, positive and finite `sigma`; and the
    /// priors ([`Priors::validate`]).
    pub fn from_data(
        y: Vec<f64>,
        sigma: Vec<f64>,
        priors: Priors,
        parameterization: Parameterization,
    ) -> Result<Self> {
        let bad = |m: &str| Err(SamplerError::Model(m.to_string()));
        if y.is_empty() || y.len() != sigma.len() {
            return bad("y and sigma must be non-empty and of equal length");
        }
        if y.iter().any(|v| !v.is_finite()) {
            return bad("y must be finite");
        }
        if sigma.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
            return bad("standard errors sigma must be positive and finite");
        }
        priors.validate()?;
        Ok(Self { y, sigma, parameterization, priors })
    }

    fn j(&self) -> usize {
        self.y.len()
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
        let (lp, g) = self.priors.log_density_grad(mu, s);
        grad[0] += g[0];
        grad[1] += g[1];
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

    #[test]
    fn gradients_match_finite_differences_with_other_priors() {
        let priors = Priors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0 };
        let (y, sigma) = (vec![70.0, 64.0, 75.5], vec![2.5, 2.5, 4.0]);
        for p in [Parameterization::Centred, Parameterization::NonCentred] {
            let m = EightSchools::from_data(y.clone(), sigma.clone(), priors, p).unwrap();
            for x in [[68.0, 1.2, 0.5, -1.0, 2.0], [40.0, -1.5, 0.0, 0.3, -0.7]] {
                let c = sampler::check_gradient(&m, &x);
                assert!(c.passes(1e-6), "{p:?} at {x:?}:\n{c}");
            }
        }
    }

    #[test]
    fn classic_priors_give_the_fixed_prior_density_bit_for_bit() {
        // The hyperprior as it was written before the priors became a field.
        let fixed = |mu: f64, s: f64| {
            let tau = s.exp();
            let (v_mu, v_tau) = (MU_PRIOR_SD * MU_PRIOR_SD, TAU_PRIOR_SCALE * TAU_PRIOR_SCALE);
            let lp = -0.5 * mu * mu / v_mu - 0.5 * tau * tau / v_tau + s;
            (lp, [-mu / v_mu, -tau * tau / v_tau + 1.0])
        };
        let mut rng = sampler::rng::chain_rng(8, 0, 0);
        for _ in 0..1000 {
            let mu = 30.0 * sampler::rng::std_normal(&mut rng);
            let s = 3.0 * sampler::rng::std_normal(&mut rng);
            let (lp, g) = Priors::default().log_density_grad(mu, s);
            let (lp0, g0) = fixed(mu, s);
            assert_eq!(lp.to_bits(), lp0.to_bits(), "at ({mu}, {s})");
            assert_eq!(g.map(f64::to_bits), g0.map(f64::to_bits), "at ({mu}, {s})");
        }
    }

    #[test]
    fn from_data_checks_data_and_priors() {
        let nc = Parameterization::NonCentred;
        let ok = Priors::EIGHT_SCHOOLS;
        let m = EightSchools::from_data(Y.to_vec(), SIGMA.to_vec(), ok, nc).unwrap();
        assert_eq!(m, EightSchools::new(nc));
        assert!(EightSchools::from_data(vec![], vec![], ok, nc).is_err());
        assert!(EightSchools::from_data(vec![1.0], vec![0.0], ok, nc).is_err());
        assert!(EightSchools::from_data(vec![1.0, 2.0], vec![1.0], ok, nc).is_err());
        assert!(EightSchools::from_data(vec![f64::NAN], vec![1.0], ok, nc).is_err());
        for bad in [
            Priors { tau_scale: -1.0, ..ok },
            Priors { mu_sd: 0.0, ..ok },
            Priors { mu_mean: f64::INFINITY, ..ok },
        ] {
            assert!(EightSchools::from_data(vec![1.0], vec![1.0], bad, nc).is_err());
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
