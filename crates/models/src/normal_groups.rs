//! Grouped normal data with an unknown within-group sd, under the three
//! pooling strategies: complete pooling, no pooling and partial pooling.
//!
//! Observations `y_ij` (group `i`, member `j`) enter only through each
//! group's size `n_i`, mean `ȳ_i` and within-group sum of squares
//! `SS_i = Σ_j (y_ij − ȳ_i)²`, because
//! `Σ_j (y_ij − θ)² = SS_i + n_i (ȳ_i − θ)²`. A group's normal log likelihood
//! with mean `θ` and sd `σ` is therefore, up to a constant,
//! `−n_i log σ − (SS_i + n_i (ȳ_i − θ)²) / (2σ²)`.
//!
//! * [`CompletePoolingMeans`]: one mean `mu` and one sd `sigma` for every group.
//! * [`NoPoolingMeans`]: a separate `theta_i` and `sigma_i` per group, with
//!   independent priors: no information passes between groups.
//! * [`PartialPooling`]: `theta_i ~ Normal(mu, tau)` with `mu`, `tau` learnt
//!   from all groups and one shared `sigma`, either centred (sampling
//!   `theta_i`) or non-centred (`theta_i = mu + tau · eta_i`,
//!   `eta_i ~ Normal(0, 1)`). Non-centred suits small groups, whose data
//!   leave `theta_i` close to its prior; centred suits large groups, whose
//!   data pin `theta_i` down (Papaspiliopoulos, Roberts & Sköld 2007).
//!
//! [`simulate`] draws the pooling chapter's two data sets from a known truth.
//!
//! Scales are sampled on the log scale with the Jacobian added (Stan's
//! transform for positive parameters).
//!
//! Reference: Gelman & Hill (2007), *Data Analysis Using Regression and
//! Multilevel/Hierarchical Models*, §12.2 (complete, no and partial pooling);
//! Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4.

use crate::Parameterization;
use sampler::{Model, Result, SamplerError};

pub mod simulate;

/// Sufficient statistics of grouped observations.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    /// Group sizes `n_i`.
    pub sizes: Vec<usize>,
    /// Group means `ȳ_i`.
    pub means: Vec<f64>,
    /// Within-group sums of squares `SS_i`.
    pub within_ss: Vec<f64>,
}

impl GroupStats {
    /// Summarises raw observations, one vector per group. Errors if there
    /// are no groups, a group is empty or a value is not finite.
    pub fn from_groups(groups: &[Vec<f64>]) -> Result<Self> {
        if groups.is_empty() {
            return Err(SamplerError::Model("no groups".into()));
        }
        let (mut sizes, mut means, mut within_ss) = (vec![], vec![], vec![]);
        for (i, g) in groups.iter().enumerate() {
            if g.is_empty() {
                return Err(SamplerError::Model(format!("group {} is empty", i + 1)));
            }
            if g.iter().any(|v| !v.is_finite()) {
                return Err(SamplerError::Model(format!("group {} has a non-finite value", i + 1)));
            }
            let n = g.len();
            let mean = g.iter().sum::<f64>() / n as f64;
            sizes.push(n);
            means.push(mean);
            within_ss.push(g.iter().map(|v| (v - mean) * (v - mean)).sum());
        }
        Ok(Self { sizes, means, within_ss })
    }

    /// Number of groups.
    pub fn num_groups(&self) -> usize {
        self.sizes.len()
    }

    /// Total number of observations.
    pub fn num_obs(&self) -> usize {
        self.sizes.iter().sum()
    }

    /// Mean of all observations (each observation weighted equally).
    pub fn grand_mean(&self) -> f64 {
        let total: f64 = self.sizes.iter().zip(&self.means).map(|(n, m)| *n as f64 * m).sum();
        total / self.num_obs() as f64
    }

    /// Group `i`'s log likelihood with mean `theta` and sd `sigma = exp(log_sigma)`,
    /// with its derivatives `(∂/∂theta, ∂/∂log_sigma)`.
    fn log_lik(&self, i: usize, theta: f64, log_sigma: f64) -> (f64, f64, f64) {
        let n = self.sizes[i] as f64;
        let inv_var = (-2.0 * log_sigma).exp();
        let dev = self.means[i] - theta;
        let sq = self.within_ss[i] + n * dev * dev;
        let lp = -n * log_sigma - 0.5 * sq * inv_var;
        (lp, n * dev * inv_var, -n + sq * inv_var)
    }
}

/// Hyperpriors shared by the three pooling models.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupPriors {
    /// Prior mean of `mu` (and of each `theta_i` under no pooling).
    pub mu_mean: f64,
    /// Prior sd of `mu` (and of each `theta_i` under no pooling).
    pub mu_sd: f64,
    /// Scale of the half-normal prior on `tau`.
    pub tau_scale: f64,
    /// Scale of the half-normal prior on `sigma` (each `sigma_i` under no pooling).
    pub sigma_scale: f64,
}

impl GroupPriors {
    /// `Normal(mu_mean, mu_sd)` log density of `m` and its derivative.
    fn location(&self, m: f64) -> (f64, f64) {
        let v = self.mu_sd * self.mu_sd;
        let d = m - self.mu_mean;
        (-0.5 * d * d / v, -d / v)
    }
}

/// `HalfNormal(scale)` log density of `s = exp(x)` with the Jacobian `x`, and
/// its derivative with respect to `x`.
fn half_normal_log(x: f64, scale: f64) -> (f64, f64) {
    let s2 = (2.0 * x).exp() / (scale * scale);
    (-0.5 * s2 + x, -s2 + 1.0)
}

fn indexed(name: &str, j: usize) -> impl Iterator<Item = String> + '_ {
    (1..=j).map(move |i| format!("{name}.{i}"))
}

/// Complete pooling: `y_ij ~ Normal(mu, sigma)` for every group.
/// Unconstrained parameters `(mu, log sigma)`; output `mu`, `sigma`.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletePoolingMeans {
    /// The data.
    pub data: GroupStats,
    /// Priors on `mu` and `sigma` (`tau_scale` is not used).
    pub priors: GroupPriors,
}

impl Model for CompletePoolingMeans {
    fn dim(&self) -> usize {
        2
    }
    fn param_names(&self) -> Vec<String> {
        vec!["mu".into(), "sigma".into()]
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mut lp, g0) = self.priors.location(x[0]);
        let (lp_s, g1) = half_normal_log(x[1], self.priors.sigma_scale);
        lp += lp_s;
        grad[0] = g0;
        grad[1] = g1;
        for i in 0..self.data.num_groups() {
            let (l, d_theta, d_log_sigma) = self.data.log_lik(i, x[0], x[1]);
            lp += l;
            grad[0] += d_theta;
            grad[1] += d_log_sigma;
        }
        lp
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0]);
        out.push(x[1].exp());
    }
}

/// No pooling: `y_ij ~ Normal(theta_i, sigma_i)` with independent priors
/// `theta_i ~ Normal(mu_mean, mu_sd)`, `sigma_i ~ HalfNormal(sigma_scale)`.
/// Unconstrained parameters `(theta_1..J, log sigma_1..J)`; output
/// `theta.1..J`, `sigma.1..J`.
#[derive(Debug, Clone, PartialEq)]
pub struct NoPoolingMeans {
    /// The data.
    pub data: GroupStats,
    /// Priors on each `theta_i` and `sigma_i` (`tau_scale` is not used).
    pub priors: GroupPriors,
}

impl Model for NoPoolingMeans {
    fn dim(&self) -> usize {
        2 * self.data.num_groups()
    }
    fn param_names(&self) -> Vec<String> {
        let j = self.data.num_groups();
        indexed("theta", j).chain(indexed("sigma", j)).collect()
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let j = self.data.num_groups();
        let mut lp = 0.0;
        for i in 0..j {
            let (lp_m, g_m) = self.priors.location(x[i]);
            let (lp_s, g_s) = half_normal_log(x[j + i], self.priors.sigma_scale);
            let (l, d_theta, d_log_sigma) = self.data.log_lik(i, x[i], x[j + i]);
            lp += lp_m + lp_s + l;
            grad[i] = g_m + d_theta;
            grad[j + i] = g_s + d_log_sigma;
        }
        lp
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let j = self.data.num_groups();
        out.extend_from_slice(&x[..j]);
        out.extend(x[j..].iter().map(|s| s.exp()));
    }
}

/// Partial pooling: `theta_i ~ Normal(mu, tau)`, `y_ij ~ Normal(theta_i, sigma)`.
/// Unconstrained parameters `(mu, log tau, log sigma, z_1..J)` where `z_i` is
/// `eta_i` (non-centred) or `theta_i` (centred); output `mu`, `tau`, `sigma`,
/// `theta.1..J`.
///
/// The three pooling models keep the hand-written gradients the pooling chapter
/// shows; each is checked against the same model declared with the layer at 1000
/// random points (`tests/hand_gradients.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct PartialPooling {
    /// The data.
    pub data: GroupStats,
    /// Priors on `mu`, `tau` and `sigma`.
    pub priors: GroupPriors,
    /// Which parameterisation the sampler sees.
    pub parameterization: Parameterization,
}

impl PartialPooling {
    /// The hyperprior terms, their gradient written into `grad[0..3]`.
    fn hyperprior(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (lp_mu, g_mu) = self.priors.location(x[0]);
        let (lp_tau, g_tau) = half_normal_log(x[1], self.priors.tau_scale);
        let (lp_sigma, g_sigma) = half_normal_log(x[2], self.priors.sigma_scale);
        grad[0] = g_mu;
        grad[1] = g_tau;
        grad[2] = g_sigma;
        lp_mu + lp_tau + lp_sigma
    }

    /// The centred group level: `theta_i ~ Normal(mu, tau)` sampled directly.
    fn centred(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, log_tau, log_sigma) = (x[0], x[1], x[2]);
        let inv_tau2 = (-2.0 * log_tau).exp();
        let mut lp = 0.0;
        for i in 0..self.data.num_groups() {
            let theta = x[3 + i];
            let dev = theta - mu;
            let (l, d_theta, d_log_sigma) = self.data.log_lik(i, theta, log_sigma);
            lp += -0.5 * dev * dev * inv_tau2 - log_tau + l;
            grad[0] += dev * inv_tau2;
            grad[1] += dev * dev * inv_tau2 - 1.0;
            grad[2] += d_log_sigma;
            grad[3 + i] = -dev * inv_tau2 + d_theta;
        }
        lp
    }
}

impl Model for PartialPooling {
    fn dim(&self) -> usize {
        3 + self.data.num_groups()
    }
    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "tau".to_string(), "sigma".to_string()];
        names.extend(indexed("theta", self.data.num_groups()));
        names
    }
    // ANCHOR: partial_pooling
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        // Hyperpriors: mu ~ Normal, tau and sigma ~ HalfNormal (with Jacobians).
        let mut lp = self.hyperprior(x, grad);
        if self.parameterization == Parameterization::Centred {
            return lp + self.centred(x, grad);
        }
        let (mu, log_tau, log_sigma) = (x[0], x[1], x[2]);
        let tau = log_tau.exp();
        for i in 0..self.data.num_groups() {
            let eta = x[3 + i];
            let theta = mu + tau * eta; // the non-centred group mean
            let (l, d_theta, d_log_sigma) = self.data.log_lik(i, theta, log_sigma);
            lp += -0.5 * eta * eta + l;
            grad[0] += d_theta;
            grad[1] += d_theta * tau * eta;
            grad[2] += d_log_sigma;
            grad[3 + i] = -eta + d_theta * tau;
        }
        lp
    }
    // ANCHOR_END: partial_pooling
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let (mu, tau) = (x[0], x[1].exp());
        out.extend([mu, tau, x[2].exp()]);
        match self.parameterization {
            Parameterization::Centred => out.extend_from_slice(&x[3..]),
            Parameterization::NonCentred => out.extend(x[3..].iter().map(|eta| mu + tau * eta)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> GroupStats {
        GroupStats::from_groups(&[
            vec![61.0, 70.0, 66.5],
            vec![80.0, 75.0, 90.0, 72.0],
            vec![55.0, 58.0],
        ])
        .unwrap()
    }

    const PRIORS: GroupPriors =
        GroupPriors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0, sigma_scale: 15.0 };

    #[test]
    fn sufficient_statistics() {
        let d = data();
        assert_eq!(d.sizes, vec![3, 4, 2]);
        assert!((d.means[2] - 56.5).abs() < 1e-12);
        assert!((d.within_ss[2] - 4.5).abs() < 1e-12);
        assert!((d.grand_mean() - 627.5 / 9.0).abs() < 1e-12);
        assert!(GroupStats::from_groups(&[vec![1.0], vec![]]).is_err());
        assert!(GroupStats::from_groups(&[]).is_err());
        assert!(GroupStats::from_groups(&[vec![f64::NAN]]).is_err());
    }

    #[test]
    fn likelihood_matches_the_sum_over_observations() {
        let groups = [vec![61.0, 70.0, 66.5], vec![80.0, 75.0]];
        let d = GroupStats::from_groups(&groups).unwrap();
        let (theta, log_sigma) = (64.0, 1.7f64);
        for (i, g) in groups.iter().enumerate() {
            let s = log_sigma.exp();
            let direct: f64 =
                g.iter().map(|y| -log_sigma - 0.5 * (y - theta) * (y - theta) / (s * s)).sum();
            assert!((d.log_lik(i, theta, log_sigma).0 - direct).abs() < 1e-10);
        }
    }

    #[test]
    fn outputs_match_names() {
        let d = data();
        let pp = PartialPooling {
            data: d.clone(),
            priors: PRIORS,
            parameterization: Parameterization::NonCentred,
        };
        let mut out = vec![];
        pp.constrain(&[60.0, 0.0, 0.0, 1.0, -1.0, 0.5], &mut out);
        assert_eq!(out, vec![60.0, 1.0, 1.0, 61.0, 59.0, 60.5]);
        assert_eq!(pp.param_names().len(), out.len());
        let np = NoPoolingMeans { data: d, priors: PRIORS };
        assert_eq!(np.param_names()[3], "sigma.1");
    }

    #[test]
    fn parameterisations_differ_by_the_jacobian() {
        // Same (mu, tau, sigma, theta): the densities differ by J log tau.
        let d = data();
        let nc = PartialPooling {
            data: d,
            priors: PRIORS,
            parameterization: Parameterization::NonCentred,
        };
        let c = PartialPooling { parameterization: Parameterization::Centred, ..nc.clone() };
        let (mu, s) = (62.0, 1.3f64);
        let eta = [0.4, -1.1, 0.9];
        let xn = [mu, s, 2.5, eta[0], eta[1], eta[2]];
        let xc = [mu, s, 2.5, mu + s.exp() * eta[0], mu + s.exp() * eta[1], mu + s.exp() * eta[2]];
        let diff = c.log_density(&xc) - nc.log_density(&xn);
        assert!((diff + 3.0 * s).abs() < 1e-9, "diff {diff}");
    }
}
