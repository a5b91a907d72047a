//! A hierarchical normal model with one group-level covariate (exercise 5.8.4 d):
//! schools differ systematically by type (public `x = 0`, private `x = 1`).
//!
//! `mu ~ Normal(0, 20)`, `beta ~ Normal(0, 10)`, `tau ~ HalfNormal(10)`,
//! `eta_i ~ Normal(0, 1)`, `theta_i = mu + beta x_i + tau eta_i`,
//! `y_i ~ Normal(theta_i, sigma_i)` — the non-centred form, so no funnel.
//!
//! As in Eight Schools, the model is Gaussian given `tau`:
//! `y ~ Normal(X b, diag(sigma_i² + tau²))` with `b = (mu, beta)` and a
//! normal prior on `b`, so [`CovariateSchools::exact`] integrates `b` out in
//! closed form and `tau` on a grid. [`simulate`] draws the exercise's data sets:
//! eight public and four private schools, private ones 5 points better.
//!
//! Reference: Gelman & Hill (2007), *Data Analysis Using Regression and
//! Multilevel/Hierarchical Models*, ch. 12 (group-level predictors).

use crate::normal_mixture::NormalMixture;
use sampler::Model;
use sampler::rng::{chain_rng, std_normal, uniform};

/// The priors on `mu` and `tau` are Eight Schools' own.
pub use crate::eight_schools::{MU_PRIOR_SD, TAU_PRIOR_SCALE};

/// Prior sd of `beta` (prior mean 0).
pub const BETA_PRIOR_SD: f64 = 10.0;

/// Schools with effects `y`, standard errors `sigma` and a covariate `x`.
///
/// Unconstrained parameters: `mu`, `beta`, `log tau`, `eta.1…J`. Constrained
/// output: `mu`, `beta`, `tau`, `theta.1…J`.
///
/// It keeps a hand-written gradient although a dozen coordinates need no speed: the
/// Eight Schools chapter shows this function as its listing of the covariate model,
/// the chain rule through `theta = mu + beta x + tau eta` following the plain
/// model's hand gradient on the same page. The gradient is checked against the same
/// model declared with the layer at 1000 random points (`tests/hand_gradients.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct CovariateSchools {
    /// Observed effects.
    pub y: Vec<f64>,
    /// Their standard errors.
    pub sigma: Vec<f64>,
    /// The school-level covariate (1 = private, 0 = public).
    pub x: Vec<f64>,
}

/// The exact marginal posteriors of the covariate model.
#[derive(Debug, Clone, PartialEq)]
pub struct CovariateExact {
    /// `p(mu | y)`.
    pub mu: NormalMixture,
    /// `p(beta | y)`.
    pub beta: NormalMixture,
    /// Posterior mean of `tau`.
    pub tau_mean: f64,
    /// Posterior sd of `tau`.
    pub tau_sd: f64,
    /// Posterior probability of each grid cell of `tau` (cells of width
    /// `tau_max / n` starting at 0).
    pub tau_weights: Vec<f64>,
    /// Width of a grid cell of `tau`.
    pub tau_step: f64,
}

impl CovariateExact {
    /// The `p`-quantile of `tau` (linear within a grid cell).
    pub fn tau_quantile(&self, p: f64) -> f64 {
        let mut cdf = 0.0;
        for (k, w) in self.tau_weights.iter().enumerate() {
            if cdf + w >= p && *w > 0.0 {
                return self.tau_step * (k as f64 + (p - cdf) / w);
            }
            cdf += w;
        }
        self.tau_step * self.tau_weights.len() as f64
    }
}

/// One grid cell of `tau`: its unnormalised log posterior weight, and the
/// conditional means and variances of `mu` and `beta` given that `tau`.
struct GridCell {
    log_weight: f64,
    tau: f64,
    mu: (f64, f64),
    beta: (f64, f64),
}

impl CovariateSchools {
    fn j(&self) -> usize {
        self.y.len()
    }

    /// The exact posterior on `n` midpoint cells of `tau` over `(0, tau_max]`.
    ///
    /// Given `tau`, with `v_i = sigma_i² + tau²` and rows `(1, x_i)`, the
    /// posterior of `b = (mu, beta)` has precision `P = diag(1/20², 1/10²) +
    /// Σ (1, x_i)ᵀ(1, x_i) / v_i` and mean `m = P⁻¹ Σ (1, x_i)ᵀ y_i / v_i`; and
    /// `p(tau | y) ∝ p(tau) |P|^(−½) Π v_i^(−½) exp(−½ [Σ y_i²/v_i − mᵀ P m])`.
    pub fn exact(&self, n: usize, tau_max: f64) -> CovariateExact {
        let h = tau_max / n as f64;
        let mut cells = Vec::with_capacity(n);
        for k in 0..n {
            let tau = (k as f64 + 0.5) * h;
            // Precision matrix [[a, b], [b, d]] and right-hand side (r0, r1).
            let (mut a, mut b, mut d) =
                (1.0 / (MU_PRIOR_SD * MU_PRIOR_SD), 0.0, 1.0 / (BETA_PRIOR_SD * BETA_PRIOR_SD));
            let (mut r0, mut r1, mut sum_y2, mut log_det_v) = (0.0, 0.0, 0.0, 0.0);
            for i in 0..self.j() {
                let v = self.sigma[i] * self.sigma[i] + tau * tau;
                let xi = self.x[i];
                a += 1.0 / v;
                b += xi / v;
                d += xi * xi / v;
                r0 += self.y[i] / v;
                r1 += xi * self.y[i] / v;
                sum_y2 += self.y[i] * self.y[i] / v;
                log_det_v += v.ln();
            }
            let det = a * d - b * b;
            let (m0, m1) = ((d * r0 - b * r1) / det, (a * r1 - b * r0) / det);
            let quad = m0 * r0 + m1 * r1; // mᵀ P m = mᵀ r
            let log_prior = -0.5 * tau * tau / (TAU_PRIOR_SCALE * TAU_PRIOR_SCALE);
            let log_w = log_prior - 0.5 * det.ln() - 0.5 * log_det_v - 0.5 * (sum_y2 - quad);
            // Posterior covariance P⁻¹ = [[d, −b], [−b, a]] / det.
            cells.push(GridCell { log_weight: log_w, tau, mu: (m0, d / det), beta: (m1, a / det) });
        }
        let max = cells.iter().map(|c| c.log_weight).fold(f64::NEG_INFINITY, f64::max);
        let w: Vec<f64> = cells.iter().map(|c| (c.log_weight - max).exp()).collect();
        let total: f64 = w.iter().sum();
        let w: Vec<f64> = w.iter().map(|w| w / total).collect();
        let tau_mean = cells.iter().zip(&w).map(|(c, w)| c.tau * w).sum::<f64>();
        let tau_sd =
            cells.iter().zip(&w).map(|(c, w)| (c.tau - tau_mean).powi(2) * w).sum::<f64>().sqrt();
        let mixture = |pick: fn(&GridCell) -> (f64, f64)| {
            NormalMixture::new(cells.iter().zip(&w).map(|(c, w)| {
                let (m, v) = pick(c);
                (*w, m, v.sqrt())
            }))
        };
        CovariateExact {
            mu: mixture(|c| c.mu),
            beta: mixture(|c| c.beta),
            tau_mean,
            tau_sd,
            tau_weights: w,
            tau_step: h,
        }
    }
}

impl Model for CovariateSchools {
    fn dim(&self) -> usize {
        3 + self.j()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["mu".to_string(), "beta".to_string(), "tau".to_string()];
        names.extend((1..=self.j()).map(|i| format!("theta.{i}")));
        names
    }

    // ANCHOR: log_density
    /// With `r_i = (y_i − theta_i) / sigma_i²`: `∂/∂mu = Σ r_i`,
    /// `∂/∂beta = Σ r_i x_i`, `∂/∂log tau = Σ r_i tau eta_i` (plus the prior
    /// and Jacobian terms), `∂/∂eta_i = −eta_i + r_i tau`.
    fn log_density_grad(&self, p: &[f64], grad: &mut [f64]) -> f64 {
        let (mu, beta, s) = (p[0], p[1], p[2]);
        let tau = s.exp();
        let (v_mu, v_beta, v_tau) = (
            MU_PRIOR_SD * MU_PRIOR_SD,
            BETA_PRIOR_SD * BETA_PRIOR_SD,
            TAU_PRIOR_SCALE * TAU_PRIOR_SCALE,
        );
        // Priors, and the log-Jacobian s of tau = exp(s).
        let mut lp =
            -0.5 * mu * mu / v_mu - 0.5 * beta * beta / v_beta - 0.5 * tau * tau / v_tau + s;
        grad[0] = -mu / v_mu;
        grad[1] = -beta / v_beta;
        grad[2] = -tau * tau / v_tau + 1.0;
        for i in 0..self.j() {
            let eta = p[3 + i];
            let theta = mu + beta * self.x[i] + tau * eta;
            let r = (self.y[i] - theta) / (self.sigma[i] * self.sigma[i]);
            lp += -0.5 * eta * eta - 0.5 * (self.y[i] - theta) * r;
            grad[0] += r;
            grad[1] += r * self.x[i];
            grad[2] += r * tau * eta;
            grad[3 + i] = -eta + r * tau;
        }
        lp
    }
    // ANCHOR_END: log_density

    fn constrain(&self, p: &[f64], out: &mut Vec<f64>) {
        let (mu, beta, tau) = (p[0], p[1], p[2].exp());
        out.extend([mu, beta, tau]);
        out.extend(p[3..].iter().zip(&self.x).map(|(eta, x)| mu + beta * x + tau * eta));
    }
}

// The simulation study of exercise 5.8.4 d: the design and its data.

/// Public schools (`x = 0`).
pub const PUBLIC: usize = 8;
/// Private schools (`x = 1`).
pub const PRIVATE: usize = 4;
/// True population mean of public schools.
pub const TRUE_MU: f64 = 8.0;
/// True private-school advantage.
pub const TRUE_BETA: f64 = 5.0;
/// True between-school sd.
pub const TRUE_TAU: f64 = 4.0;
/// Standard errors are drawn uniformly from this range.
pub const SIGMA_RANGE: (f64, f64) = (8.0, 16.0);
/// Stream family of the simulated data (data set `r` uses stream `r`).
const DATA_STREAMS: u32 = 1002;

// ANCHOR: simulate
/// Simulates data set `r`: `theta_i = 8 + 5 x_i + 4 eta_i`, `sigma_i ~ Uniform(8, 16)`,
/// `y_i ~ Normal(theta_i, sigma_i)`, with 8 public then 4 private schools.
pub fn simulate(seed: u64, r: u32) -> CovariateSchools {
    let mut rng = chain_rng(seed, DATA_STREAMS, r);
    let x: Vec<f64> = (0..PUBLIC + PRIVATE).map(|i| if i < PUBLIC { 0.0 } else { 1.0 }).collect();
    let mut y = Vec::new();
    let mut sigma = Vec::new();
    for &xi in &x {
        let theta = TRUE_MU + TRUE_BETA * xi + TRUE_TAU * std_normal(&mut rng);
        let s = SIGMA_RANGE.0 + (SIGMA_RANGE.1 - SIGMA_RANGE.0) * uniform(&mut rng);
        y.push(theta + s * std_normal(&mut rng));
        sigma.push(s);
    }
    CovariateSchools { y, sigma, x }
}
// ANCHOR_END: simulate

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eight_schools::{SIGMA, Y};
    use crate::eight_schools_exact::ExactPosterior;

    fn demo() -> CovariateSchools {
        CovariateSchools {
            y: vec![28.0, 8.0, -3.0, 7.0, -1.0, 1.0, 18.0, 12.0, 20.0, 9.0],
            sigma: vec![15.0, 10.0, 16.0, 11.0, 9.0, 11.0, 10.0, 18.0, 12.0, 14.0],
            x: vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0],
        }
    }

    #[test]
    fn constrain_writes_theta() {
        let model = demo();
        let mut p = vec![1.0, 2.0, 0.0];
        p.extend(vec![0.5; model.j()]);
        let mut out = Vec::new();
        model.constrain(&p, &mut out);
        assert_eq!(out.len(), model.param_names().len());
        assert_eq!(out[3], 1.5);
        assert_eq!(out[3 + 9], 3.5);
    }

    #[test]
    fn without_the_covariate_the_exact_posterior_is_eight_schools() {
        // All x = 0: beta keeps its prior and mu is Eight Schools' mu.
        let model = CovariateSchools { y: Y.to_vec(), sigma: SIGMA.to_vec(), x: vec![0.0; 8] };
        let exact = model.exact(20_000, 80.0);
        let reference = ExactPosterior::eight_schools(20_000, 80.0);
        assert!((exact.mu.mean() - reference.mu.0).abs() < 1e-9);
        assert!((exact.mu.sd() - reference.mu.1).abs() < 1e-9);
        assert!((exact.tau_mean - reference.tau.0).abs() < 1e-9);
        assert!((exact.tau_sd - reference.tau.1).abs() < 1e-9);
        for p in [0.055, 0.5, 0.945] {
            let (a, b) = (exact.tau_quantile(p), reference.tau_quantile(p));
            assert!((a - b).abs() < 1e-9, "{p}: {a} vs {b}");
        }
        assert!(exact.beta.mean().abs() < 1e-12);
        assert!((exact.beta.sd() - BETA_PRIOR_SD).abs() < 1e-9);
    }

    #[test]
    fn simulation_is_reproducible_and_has_the_design() {
        let (a, b) = (simulate(7, 3), simulate(7, 3));
        assert_eq!(a, b);
        assert_ne!(a, simulate(7, 4));
        assert_eq!(a.x.iter().filter(|x| **x == 1.0).count(), PRIVATE);
        assert!(a.sigma.iter().all(|s| (8.0..16.0).contains(s)));
    }
}
