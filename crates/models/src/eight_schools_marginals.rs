//! Exact marginal distributions of the Eight Schools posterior, as mixtures
//! over the `tau` grid of [`ExactPosterior`].
//!
//! Given `tau`, every quantity below is normal, so integrating `tau` out on
//! the grid gives a [`NormalMixture`] with the grid's posterior weights:
//!
//! * `mu | y`: components `Normal(mu_hat(tau), V_mu(tau))`;
//! * `theta_i | y`: components `Normal((1 − B_i) y_i + B_i mu_hat, v_i + B_i² V_mu)`
//!   with shrinkage `B_i = sigma_i² / (sigma_i² + tau²)` and `v_i = 1 / (1/sigma_i² + 1/tau²)`;
//! * a new school's effect `theta_new ~ Normal(mu, tau)`: components
//!   `Normal(mu_hat, V_mu + tau²)`;
//! * a replicated observation `y_rep_i ~ Normal(theta_i, sigma_i)`: the
//!   `theta_i` mixture widened by `sigma_i`.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4.

use crate::eight_schools_exact::{ExactPosterior, theta_given_tau};
use crate::normal_mixture::NormalMixture;

impl ExactPosterior {
    /// Posterior probability of each grid cell of `tau`.
    fn grid_weights(&self) -> Vec<f64> {
        let h = self.tau_grid[1] - self.tau_grid[0];
        self.tau_density.iter().map(|d| d * h).collect()
    }

    /// The exact marginal posterior `p(mu | y)`.
    pub fn mu_marginal(&self) -> NormalMixture {
        NormalMixture::new(
            self.grid_weights()
                .into_iter()
                .zip(&self.mu_given_tau)
                .map(|(w, (m, v))| (w, *m, v.sqrt())),
        )
    }

    /// The exact marginal posterior `p(theta_i | y)` of school `i` (0-based).
    pub fn theta_marginal(&self, i: usize) -> NormalMixture {
        NormalMixture::new(
            self.grid_weights().into_iter().zip(&self.tau_grid).zip(&self.mu_given_tau).map(
                |((w, tau), (m, v))| {
                    let (mean, var) = theta_given_tau(self.y[i], self.sigma[i], *tau, *m, *v);
                    (w, mean, var.sqrt())
                },
            ),
        )
    }

    /// The exact posterior predictive distribution of a new school's effect,
    /// `theta_new ~ Normal(mu, tau)` averaged over the posterior.
    pub fn new_school_marginal(&self) -> NormalMixture {
        NormalMixture::new(
            self.grid_weights()
                .into_iter()
                .zip(&self.tau_grid)
                .zip(&self.mu_given_tau)
                .map(|((w, tau), (m, v))| (w, *m, (v + tau * tau).sqrt())),
        )
    }

    /// The exact posterior predictive distribution of a replicated
    /// observation of school `i`, `y_rep_i ~ Normal(theta_i, sigma_i)`.
    pub fn y_rep_marginal(&self, i: usize) -> NormalMixture {
        self.theta_marginal(i).convolve(self.sigma[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marginal_moments_agree_with_the_grid_moments() {
        let post = ExactPosterior::eight_schools(20_000, 80.0);
        let mu = post.mu_marginal();
        assert!((mu.mean() - post.mu.0).abs() < 1e-10);
        assert!((mu.sd() - post.mu.1).abs() < 1e-10);
        for i in 0..8 {
            let t = post.theta_marginal(i);
            assert!((t.mean() - post.theta[i].0).abs() < 1e-10);
            assert!((t.sd() - post.theta[i].1).abs() < 1e-10);
        }
    }

    #[test]
    fn new_school_variance_is_var_mu_plus_mean_tau_squared() {
        // Var(theta_new) = Var(mu) + E[tau²] by the law of total variance.
        let post = ExactPosterior::eight_schools(20_000, 80.0);
        let new = post.new_school_marginal();
        let e_tau2 = post.tau.1 * post.tau.1 + post.tau.0 * post.tau.0;
        let var = post.mu.1 * post.mu.1 + e_tau2;
        assert!((new.mean() - post.mu.0).abs() < 1e-10);
        assert!((new.sd() - var.sqrt()).abs() < 1e-8);
        let rep = post.y_rep_marginal(0);
        let expected = (post.theta[0].1.powi(2) + 15.0 * 15.0).sqrt();
        assert!((rep.sd() - expected).abs() < 1e-8);
    }
}
