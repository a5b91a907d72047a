//! Full-Bayes posterior means of the normal-means model without sampling,
//! by integrating over `tau` on a grid.
//!
//! Given `tau`, everything is Gaussian: `mu | tau, y` is normal with
//! precision `P = 1/s0² + Σ 1/v_j` (`v_j = se_j² + tau²`) and mean
//! `m = (m0/s0² + Σ y_j/v_j) / P`, and `E[theta_j | tau, y] = (1 − B_j) y_j + B_j m`
//! with `B_j = se_j² / v_j`. The marginal posterior of `tau` is
//! `p(tau | y) ∝ p(tau) P^(−1/2) Π v_j^(−1/2) exp(−½ [Σ y_j²/v_j + m0²/s0² − P m²])`,
//! one-dimensional, so a midpoint rule over `tau` gives `E[theta_j | y]`.
//! The simulation study uses this in place of NUTS (thousands of data sets);
//! the chapter's test checks it against a NUTS fit.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4.

use crate::Priors;
use crate::shrinkage::shrunk_estimate;

/// Grid cells over `tau`.
pub const CELLS: usize = 600;

/// `E[theta_j | y]` for every group, integrating `tau` over
/// `(0, 6 · tau_scale]` (the half-normal prior leaves out mass below 1e-8).
pub fn posterior_means(y: &[f64], se: &[f64], p: &Priors) -> Vec<f64> {
    let tau_max = 6.0 * p.tau_scale;
    let h = tau_max / CELLS as f64;
    let prior_precision = 1.0 / (p.mu_sd * p.mu_sd);
    let mut log_w = Vec::with_capacity(CELLS);
    let mut conditional = Vec::with_capacity(CELLS);
    for k in 0..CELLS {
        let tau = (k as f64 + 0.5) * h;
        let mut precision = prior_precision;
        let mut weighted = p.mu_mean * prior_precision;
        let mut sum_y2 = p.mu_mean * p.mu_mean * prior_precision;
        let mut log_det = 0.0;
        for (yj, sj) in y.iter().zip(se) {
            let v = sj * sj + tau * tau;
            precision += 1.0 / v;
            weighted += yj / v;
            sum_y2 += yj * yj / v;
            log_det += v.ln();
        }
        let m = weighted / precision;
        let log_prior = -0.5 * tau * tau / (p.tau_scale * p.tau_scale);
        log_w.push(
            log_prior - 0.5 * precision.ln() - 0.5 * log_det - 0.5 * (sum_y2 - precision * m * m),
        );
        conditional.push(
            y.iter()
                .zip(se)
                .map(|(yj, sj)| shrunk_estimate(*yj, *sj, m, tau))
                .collect::<Vec<f64>>(),
        );
    }
    let top = log_w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let w: Vec<f64> = log_w.iter().map(|l| (l - top).exp()).collect();
    let total: f64 = w.iter().sum();
    (0..y.len())
        .map(|j| w.iter().zip(&conditional).map(|(wk, c)| wk * c[j]).sum::<f64>() / total)
        .collect()
}

/// The same as [`posterior_means`] when every group has the same standard
/// error `se`, in `O(cells + groups)`: then `B` depends on `tau` alone, so
/// `E[theta_j | y] = E[1 − B] y_j + E[B m]`, both expectations over `tau | y`.
pub fn posterior_means_equal_se(y: &[f64], se: f64, p: &Priors) -> Vec<f64> {
    let k = y.len() as f64;
    let (sum_y, sum_y2) = (y.iter().sum::<f64>(), y.iter().map(|v| v * v).sum::<f64>());
    let tau_max = 6.0 * p.tau_scale;
    let h = tau_max / CELLS as f64;
    let prior_precision = 1.0 / (p.mu_sd * p.mu_sd);
    let mut cells = Vec::with_capacity(CELLS);
    for c in 0..CELLS {
        let tau = (c as f64 + 0.5) * h;
        let v = se * se + tau * tau;
        let precision = prior_precision + k / v;
        let m = (p.mu_mean * prior_precision + sum_y / v) / precision;
        let quad = p.mu_mean * p.mu_mean * prior_precision + sum_y2 / v - precision * m * m;
        let log_prior = -0.5 * tau * tau / (p.tau_scale * p.tau_scale);
        let log_w = log_prior - 0.5 * precision.ln() - 0.5 * k * v.ln() - 0.5 * quad;
        cells.push((log_w, se * se / v, m));
    }
    let top = cells.iter().map(|c| c.0).fold(f64::NEG_INFINITY, f64::max);
    let (mut total, mut keep, mut pull) = (0.0, 0.0, 0.0);
    for (log_w, b, m) in cells {
        let w = (log_w - top).exp();
        total += w;
        keep += w * (1.0 - b);
        pull += w * b * m;
    }
    y.iter().map(|yj| (keep * yj + pull) / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_eight_schools_exact_posterior() {
        use crate::eight_schools::{SIGMA, Y};
        use crate::eight_schools_exact::ExactPosterior;
        let p = Priors::EIGHT_SCHOOLS;
        let ours = posterior_means(&Y, &SIGMA, &p);
        let exact = ExactPosterior::eight_schools(20_000, 80.0);
        for (a, (b, _)) in ours.iter().zip(&exact.theta) {
            assert!((a - b).abs() < 1e-3, "{a} vs {b}");
        }
    }

    #[test]
    fn the_fast_path_agrees() {
        let p = Priors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0 };
        let y = [62.0, 75.5, 70.1, 81.0, 66.6];
        let slow = posterior_means(&y, &[2.5; 5], &p);
        let fast = posterior_means_equal_se(&y, 2.5, &p);
        for (a, b) in slow.iter().zip(&fast) {
            assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        }
    }

    #[test]
    fn equal_means_are_left_alone() {
        let p = Priors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0 };
        let m = posterior_means(&[70.0, 70.0, 70.0], &[2.0, 2.0, 2.0], &p);
        // All groups agree, so all estimates agree (pulled a little to the prior mean).
        assert!((m[0] - m[2]).abs() < 1e-12 && m[0] < 70.0 && m[0] > 69.0);
    }
}
