//! The shrinkage formula of the normal–normal model, given `mu` and `tau`: the
//! shrinkage chapter's subject, and the conditional mean inside the exact posteriors
//! ([`crate::normal_means_exact`]).
//!
//! With `theta_i ~ Normal(mu, tau)` and `y_i | theta_i ~ Normal(theta_i, sigma_i)`,
//! the posterior of `theta_i` given `mu` and `tau` is normal with mean
//! `(1 − B_i) y_i + B_i mu`, where `B_i = sigma_i² / (sigma_i² + tau²)` is the
//! weight on the population mean: the ratio of the measurement's variance to
//! the total variance of `y_i`.
//!
//! Reference: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.4,
//! eq. 5.17; Efron & Morris (1973), "Stein's estimation rule and its
//! competitors — an empirical Bayes approach", JASA 68(341).

// ANCHOR: formula
/// The shrinkage factor `B = sigma² / (sigma² + tau²)`: 0 keeps the
/// group's own estimate, 1 replaces it by the population mean.
pub fn shrinkage_factor(sigma: f64, tau: f64) -> f64 {
    let (s2, t2) = (sigma * sigma, tau * tau);
    s2 / (s2 + t2)
}

/// `E[theta | y, mu, tau] = (1 − B) y + B mu`.
pub fn shrunk_estimate(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    let b = shrinkage_factor(sigma, tau);
    (1.0 - b) * y + b * mu
}
// ANCHOR_END: formula

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!(shrinkage_factor(3.0, 0.0), 1.0);
        assert_eq!(shrinkage_factor(0.0, 3.0), 0.0);
        assert_eq!(shrinkage_factor(2.0, 2.0), 0.5);
        assert_eq!(shrunk_estimate(10.0, 2.0, 0.0, 2.0), 5.0);
    }
}
