//! The exact Eight Schools posterior, by integrating out `mu` and `theta`.
//!
//! Given `tau`, the model is Gaussian: `y_i | mu, tau ~ Normal(mu, sigma_i² + tau²)`
//! and, with the prior `mu ~ Normal(0, s0²)`,
//! `mu | tau, y ~ Normal(mu_hat, V_mu)` with precision
//! `1/V_mu = 1/s0² + Σ 1/(sigma_i² + tau²)` and
//! `mu_hat = V_mu Σ y_i / (sigma_i² + tau²)`. The marginal
//! `p(tau | y) ∝ p(tau) · sqrt(V_mu) · Π (sigma_i² + tau²)^(-1/2)
//!  · exp(-½ [Σ y_i²/(sigma_i² + tau²) − mu_hat²/V_mu])`
//! is one-dimensional, so a fine grid gives its moments and quantiles to many
//! digits. Finally `theta_i | mu, tau, y` is Normal with precision
//! `1/sigma_i² + 1/tau²`, which gives `E[theta_i]` and `sd(theta_i)` by the
//! laws of total expectation and variance.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4
//! (derived there for a flat prior on `mu`; here the Normal prior's precision
//! `1/s0²` enters `mu | tau, y`, and both priors enter `p(tau | y)`).

use crate::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};

/// Exact posterior summaries computed on a grid over `tau`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExactPosterior {
    /// Grid of `tau` values (midpoints).
    pub tau_grid: Vec<f64>,
    /// Normalised density `p(tau | y)` on the grid.
    pub tau_density: Vec<f64>,
    /// Posterior mean and sd of `mu`.
    pub mu: (f64, f64),
    /// Posterior mean and sd of `tau`.
    pub tau: (f64, f64),
    /// Posterior mean and sd of each `theta_i`.
    pub theta: Vec<(f64, f64)>,
    /// Mean and variance of `mu | tau, y` at each grid point (`mu_hat`, `V_mu`).
    pub mu_given_tau: Vec<(f64, f64)>,
    /// The data the posterior conditions on: effects and their standard errors.
    pub y: Vec<f64>,
    /// Standard errors of `y`.
    pub sigma: Vec<f64>,
}

/// Conditional quantities given `tau`.
struct GivenTau {
    log_marginal: f64,
    mu_hat: f64,
    v_mu: f64,
}

// ANCHOR: given_tau
fn given_tau(y: &[f64], sigma: &[f64], tau: f64) -> GivenTau {
    let mut precision = 1.0 / (MU_PRIOR_SD * MU_PRIOR_SD);
    let mut weighted = 0.0;
    let mut sum_y2 = 0.0;
    let mut log_det = 0.0;
    for (yi, si) in y.iter().zip(sigma) {
        let v = si * si + tau * tau;
        precision += 1.0 / v;
        weighted += yi / v;
        sum_y2 += yi * yi / v;
        log_det += v.ln();
    }
    let v_mu = 1.0 / precision;
    let mu_hat = v_mu * weighted;
    let log_prior_tau = -0.5 * tau * tau / (TAU_PRIOR_SCALE * TAU_PRIOR_SCALE);
    let log_marginal =
        log_prior_tau + 0.5 * v_mu.ln() - 0.5 * log_det - 0.5 * (sum_y2 - mu_hat * mu_hat / v_mu);
    GivenTau { log_marginal, mu_hat, v_mu }
}
// ANCHOR_END: given_tau

/// Mean and variance of `theta_i | tau, y` for a school with effect `y_i` and
/// standard error `sigma_i`, given `mu | tau, y ~ Normal(mu_hat, v_mu)`.
pub fn theta_given_tau(y_i: f64, sigma_i: f64, tau: f64, mu_hat: f64, v_mu: f64) -> (f64, f64) {
    let (t2, s2) = (tau * tau, sigma_i * sigma_i);
    // Weight on mu when combining y_i and mu: the shrinkage factor B_i.
    let b = s2 / (s2 + t2);
    let v_cond = 1.0 / (1.0 / s2 + 1.0 / t2);
    ((1.0 - b) * y_i + b * mu_hat, v_cond + b * b * v_mu)
}

impl ExactPosterior {
    /// The exact posterior of the classic data set, on `n` grid cells over
    /// `(0, tau_max]` (midpoint rule). `tau_max = 80` leaves out prior mass
    /// below 1e-15; `n = 20_000` gives moments to about 8 digits.
    pub fn eight_schools(n: usize, tau_max: f64) -> Self {
        Self::compute(&Y, &SIGMA, n, tau_max)
    }

    /// The exact posterior for any data `y`, `sigma`.
    pub fn compute(y: &[f64], sigma: &[f64], n: usize, tau_max: f64) -> Self {
        let h = tau_max / n as f64;
        let tau_grid: Vec<f64> = (0..n).map(|k| (k as f64 + 0.5) * h).collect();
        let cond: Vec<GivenTau> = tau_grid.iter().map(|&t| given_tau(y, sigma, t)).collect();
        let max = cond.iter().map(|c| c.log_marginal).fold(f64::NEG_INFINITY, f64::max);
        let w: Vec<f64> = cond.iter().map(|c| (c.log_marginal - max).exp()).collect();
        let total: f64 = w.iter().sum();
        let w: Vec<f64> = w.iter().map(|x| x / total).collect();
        let tau_density = w.iter().map(|x| x / h).collect();

        let moments = |f: &dyn Fn(usize) -> (f64, f64)| {
            // f returns (conditional mean, conditional variance) at grid point k.
            let mean: f64 = (0..n).map(|k| w[k] * f(k).0).sum();
            let second: f64 = (0..n).map(|k| w[k] * (f(k).1 + f(k).0 * f(k).0)).sum();
            (mean, (second - mean * mean).sqrt())
        };
        let mu = moments(&|k| (cond[k].mu_hat, cond[k].v_mu));
        let tau = moments(&|k| (tau_grid[k], 0.0));
        let theta = (0..y.len())
            .map(|i| {
                moments(&|k| {
                    theta_given_tau(y[i], sigma[i], tau_grid[k], cond[k].mu_hat, cond[k].v_mu)
                })
            })
            .collect();
        Self {
            tau_grid,
            tau_density,
            mu,
            tau,
            theta,
            mu_given_tau: cond.iter().map(|c| (c.mu_hat, c.v_mu)).collect(),
            y: y.to_vec(),
            sigma: sigma.to_vec(),
        }
    }

    /// Points `(tau, p(tau | y))` of every `every`-th grid cell up to
    /// `tau = up_to`, to draw the density as a line.
    pub fn tau_curve(&self, every: usize, up_to: f64) -> Vec<(f64, f64)> {
        self.tau_grid
            .iter()
            .zip(&self.tau_density)
            .step_by(every.max(1))
            .take_while(|(t, _)| **t <= up_to)
            .map(|(t, d)| (*t, *d))
            .collect()
    }

    /// `P(tau ≤ t | y)`, integrating the grid density (exact within a cell).
    pub fn tau_cdf(&self, t: f64) -> f64 {
        let h = self.tau_grid[1] - self.tau_grid[0];
        self.tau_grid
            .iter()
            .zip(&self.tau_density)
            .map(|(mid, d)| d * ((t - (mid - 0.5 * h)).clamp(0.0, h)))
            .sum()
    }

    /// The `p`-quantile of `tau` (linear interpolation of the grid CDF).
    pub fn tau_quantile(&self, p: f64) -> f64 {
        let h = self.tau_grid[1] - self.tau_grid[0];
        let mut cdf = 0.0;
        for (t, d) in self.tau_grid.iter().zip(&self.tau_density) {
            let next = cdf + d * h;
            if next >= p {
                // Cell [t - h/2, t + h/2] carries mass d·h.
                return t - 0.5 * h + h * (p - cdf) / (d * h);
            }
            cdf = next;
        }
        *self.tau_grid.last().unwrap_or(&f64::NAN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_is_converged() {
        let coarse = ExactPosterior::eight_schools(20_000, 80.0);
        let fine = ExactPosterior::eight_schools(80_000, 120.0);
        let d = (coarse.tau.0 - fine.tau.0).abs();
        assert!(d < 1e-6, "tau mean differs by {d:e}: {} vs {}", coarse.tau.0, fine.tau.0);
        assert!((coarse.mu.1 - fine.mu.1).abs() < 1e-6);
        assert!((coarse.theta[0].0 - fine.theta[0].0).abs() < 1e-6);
    }

    #[test]
    fn tau_density_integrates_to_one_and_quantiles_are_ordered() {
        let post = ExactPosterior::eight_schools(20_000, 80.0);
        let h = post.tau_grid[1] - post.tau_grid[0];
        let mass: f64 = post.tau_density.iter().map(|d| d * h).sum();
        assert!((mass - 1.0).abs() < 1e-12);
        let (q05, q50, q95) =
            (post.tau_quantile(0.05), post.tau_quantile(0.5), post.tau_quantile(0.95));
        assert!(0.0 < q05 && q05 < q50 && q50 < q95, "{q05} {q50} {q95}");
        assert!((post.tau_cdf(q50) - 0.5).abs() < 1e-9);
        assert!((post.tau_cdf(1e9) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn huge_tau_prior_recovers_no_pooling_limit_for_large_tau() {
        // With tau fixed large, theta_i's conditional mean approaches y_i.
        let g = given_tau(&Y, &SIGMA, 1e6);
        assert!(g.v_mu > 300.0); // the prior on mu dominates when tau is huge
    }
}
