//! The exact Eight Schools posterior under any of the [`HyperPriors`] of the
//! prior-sensitivity check, on a grid over `tau`, as an [`ExactPosterior`].
//!
//! The calculation is the one of [`crate::eight_schools_exact`]: given `tau`,
//! `y_i | mu, tau ~ Normal(mu, sqrt(sigma_i² + tau²))`, so `mu` integrates out in
//! closed form. A Normal(m0, s0) prior on `mu` adds its precision `1/s0²` to that
//! of `mu | tau, y` and `m0/s0²` to its weighted sum; a flat prior adds nothing
//! (BDA3 §5.4, eq. 5.20–5.21). The prior of `tau` multiplies
//! `p(tau | y)` (a flat prior by one). With both flat, `p(tau | y)` falls like
//! `tau^(1 − J)` for large `tau`, so the grid must reach far: the tests check
//! that doubling its reach and resolution changes nothing that is reported.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4–5.5.

use crate::declared::eight_schools_priors::{HyperPriors, MuPrior};
use crate::eight_schools_exact::ExactPosterior;
use sampler::{Result, SamplerError};

/// Log of the unnormalised `p(tau | y)` and the mean and variance of
/// `mu | tau, y`.
fn given_tau(priors: &HyperPriors, y: &[f64], sigma: &[f64], tau: f64) -> (f64, f64, f64) {
    let (mut precision, mut weighted) = match priors.mu {
        MuPrior::Normal { mean, sd } => (1.0 / (sd * sd), mean / (sd * sd)),
        MuPrior::Flat => (0.0, 0.0),
    };
    let (mut quadratic, mut log_det) = (0.0, 0.0);
    for (yi, si) in y.iter().zip(sigma) {
        let v = si * si + tau * tau;
        precision += 1.0 / v;
        weighted += yi / v;
        quadratic += yi * yi / v;
        log_det += v.ln();
    }
    if let MuPrior::Normal { mean, sd } = priors.mu {
        quadratic += mean * mean / (sd * sd);
    }
    let v_mu = 1.0 / precision;
    let mu_hat = v_mu * weighted;
    let log_marginal = priors.log_prior_tau(tau) + 0.5 * v_mu.ln()
        - 0.5 * log_det
        - 0.5 * (quadratic - mu_hat * mu_hat / v_mu);
    (log_marginal, mu_hat, v_mu)
}

/// Mean and variance of `mu | tau, y` under `priors` at one value of `tau`
/// (the same calculation as each grid cell of [`ExactPosterior::under`]).
pub fn mu_given_tau(priors: &HyperPriors, y: &[f64], sigma: &[f64], tau: f64) -> (f64, f64) {
    let (_, mu_hat, v_mu) = given_tau(priors, y, sigma, tau);
    (mu_hat, v_mu)
}

impl ExactPosterior {
    /// The exact posterior of data `y`, `sigma` under `priors`, on `n` cells over
    /// `(0, tau_max]` (midpoint rule). Errors on bad priors, on data of unequal
    /// lengths or non-positive standard errors, and on a grid of fewer than two
    /// cells or a non-positive reach.
    pub fn under(
        priors: &HyperPriors,
        y: &[f64],
        sigma: &[f64],
        n: usize,
        tau_max: f64,
    ) -> Result<Self> {
        priors.validate()?;
        if y.len() != sigma.len() || y.is_empty() {
            return Err(SamplerError::Model(format!(
                "{} effects but {} standard errors",
                y.len(),
                sigma.len()
            )));
        }
        if sigma.iter().any(|s| !(s.is_finite() && *s > 0.0)) || y.iter().any(|v| !v.is_finite()) {
            return Err(SamplerError::Model(
                "effects must be finite and standard errors positive".into(),
            ));
        }
        if n < 2 || !(tau_max.is_finite() && tau_max > 0.0) {
            return Err(SamplerError::Model(format!(
                "the tau grid needs at least 2 cells and a positive reach, got {n} and {tau_max}"
            )));
        }
        let h = tau_max / n as f64;
        let tau_grid: Vec<f64> = (0..n).map(|k| (k as f64 + 0.5) * h).collect();
        let cond: Vec<(f64, f64, f64)> =
            tau_grid.iter().map(|&t| given_tau(priors, y, sigma, t)).collect();
        let max = cond.iter().map(|c| c.0).fold(f64::NEG_INFINITY, f64::max);
        let w: Vec<f64> = cond.iter().map(|c| (c.0 - max).exp()).collect();
        let total: f64 = w.iter().sum();
        let mean_tau = tau_grid.iter().zip(&w).map(|(t, w)| t * w).sum::<f64>() / total;
        let second = tau_grid.iter().zip(&w).map(|(t, w)| t * t * w).sum::<f64>() / total;
        let mut post = Self {
            tau_density: w.iter().map(|x| x / total / h).collect(),
            tau_grid,
            mu: (f64::NAN, f64::NAN),
            tau: (mean_tau, (second - mean_tau * mean_tau).sqrt()),
            theta: Vec::new(),
            mu_given_tau: cond.iter().map(|c| (c.1, c.2)).collect(),
            y: y.to_vec(),
            sigma: sigma.to_vec(),
        };
        let mu = post.mu_marginal();
        post.mu = (mu.mean(), mu.sd());
        post.theta = (0..y.len())
            .map(|i| {
                let theta = post.theta_marginal(i);
                (theta.mean(), theta.sd())
            })
            .collect();
        Ok(post)
    }

    /// The highest-density interval of `tau` with probability `prob`: the grid
    /// cells of highest density, taken until they hold `prob` (an interval when
    /// `p(tau | y)` has one mode, as it has for every prior here).
    pub fn tau_hdi(&self, prob: f64) -> (f64, f64) {
        let h = self.tau_grid[1] - self.tau_grid[0];
        let mut order: Vec<usize> = (0..self.tau_grid.len()).collect();
        order.sort_by(|&a, &b| self.tau_density[b].total_cmp(&self.tau_density[a]));
        let (mut mass, mut lo, mut hi) = (0.0, f64::INFINITY, f64::NEG_INFINITY);
        for k in order {
            if mass >= prob {
                break;
            }
            mass += self.tau_density[k] * h;
            // Cell k spans [k h, (k + 1) h].
            lo = lo.min(k as f64 * h);
            hi = hi.max((k + 1) as f64 * h);
        }
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::declared::eight_schools_priors::{BOOK, SENSITIVITY_ROWS};
    use crate::eight_schools::{SIGMA, Y};

    #[test]
    fn the_book_row_is_the_chapter_grid() {
        let general = ExactPosterior::under(&BOOK, &Y, &SIGMA, 20_000, 80.0).unwrap();
        let classic = ExactPosterior::eight_schools(20_000, 80.0);
        assert!((general.mu.0 - classic.mu.0).abs() < 1e-10);
        assert!((general.mu.1 - classic.mu.1).abs() < 1e-10);
        assert!((general.tau.0 - classic.tau.0).abs() < 1e-10);
        for (g, c) in general.theta.iter().zip(&classic.theta) {
            assert!((g.0 - c.0).abs() < 1e-10 && (g.1 - c.1).abs() < 1e-10);
        }
    }

    #[test]
    fn every_row_is_converged_in_reach_and_resolution() {
        for (label, priors) in SENSITIVITY_ROWS {
            let a = ExactPosterior::under(&priors, &Y, &SIGMA, 100_000, 1000.0).unwrap();
            let b = ExactPosterior::under(&priors, &Y, &SIGMA, 200_000, 2000.0).unwrap();
            for (x, z) in [
                (a.mu.0, b.mu.0),
                (a.tau.0, b.tau.0),
                (a.tau.1, b.tau.1),
                (a.theta[0].0, b.theta[0].0),
                (a.tau_cdf(1.0), b.tau_cdf(1.0)),
                (a.tau_hdi(0.89).1, b.tau_hdi(0.89).1),
            ] {
                assert!((x - z).abs() < 1e-4, "{label}: {x} vs {z}");
            }
        }
    }

    #[test]
    fn flat_mu_matches_the_classic_formula_at_fixed_tau() {
        // BDA3 eq. 5.20: with mu flat, mu_hat is the precision-weighted mean.
        let flat = SENSITIVITY_ROWS[3].1;
        let (_, mu_hat, v_mu) = given_tau(&flat, &Y, &SIGMA, 5.0);
        let w: Vec<f64> = SIGMA.iter().map(|s| 1.0 / (s * s + 25.0)).collect();
        let expected = Y.iter().zip(&w).map(|(y, w)| y * w).sum::<f64>() / w.iter().sum::<f64>();
        assert!((mu_hat - expected).abs() < 1e-12);
        assert!((v_mu - 1.0 / w.iter().sum::<f64>()).abs() < 1e-12);
    }

    #[test]
    fn hdi_of_a_decreasing_density_starts_at_zero_and_holds_its_mass() {
        let post = ExactPosterior::under(&BOOK, &Y, &SIGMA, 20_000, 80.0).unwrap();
        let (lo, hi) = post.tau_hdi(0.89);
        assert_eq!(lo, 0.0);
        assert!((post.tau_cdf(hi) - post.tau_cdf(lo) - 0.89).abs() < 1e-3);
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(ExactPosterior::under(&BOOK, &Y, &SIGMA[..7], 100, 10.0).is_err());
        assert!(ExactPosterior::under(&BOOK, &Y, &SIGMA, 1, 10.0).is_err());
        assert!(ExactPosterior::under(&BOOK, &Y, &[0.0; 8], 100, 10.0).is_err());
    }
}
