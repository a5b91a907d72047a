//! Closed-form estimators of `K` group means from their sample means `ȳ_j`
//! (each of `n` students, known within-group sd `sigma`): no pooling,
//! complete pooling, and partial pooling by empirical Bayes.

use diagnostics::mean;

/// No pooling: each group's own sample mean.
pub fn no_pooling(ybar: &[f64]) -> Vec<f64> {
    ybar.to_vec()
}

/// Complete pooling: the grand mean (of the group means) for every group.
pub fn complete_pooling(ybar: &[f64]) -> Vec<f64> {
    let grand = mean(ybar);
    vec![grand; ybar.len()]
}

/// What the empirical-Bayes recipe estimated along the way.
#[derive(Debug, Clone, PartialEq)]
pub struct EmpiricalBayes {
    /// The partially pooled estimates.
    pub estimates: Vec<f64>,
    /// The grand mean they shrink towards.
    pub grand_mean: f64,
    /// The method-of-moments estimate of `tau²` (floored at 0.01).
    pub tau2_hat: f64,
    /// The weight on each group's own mean, `w = 1 − B`.
    pub weight: f64,
}

/// The floor of the method-of-moments `tau²`, as in the source.
pub const TAU2_FLOOR: f64 = 0.01;

// ANCHOR: empirical_bayes
/// Partial pooling by empirical Bayes: estimate `tau²` by the method of
/// moments — the spread of the group means, `var(ȳ)`, minus the part
/// sampling noise explains, `sigma² / n` — then plug it into the shrinkage
/// formula with weight `w = (n/sigma²) / (n/sigma² + 1/tau²)` on each group.
/// Needs at least two groups.
pub fn empirical_bayes(ybar: &[f64], n: usize, sigma: f64) -> EmpiricalBayes {
    let k = ybar.len() as f64;
    let grand_mean = mean(ybar);
    let between = ybar.iter().map(|y| (y - grand_mean).powi(2)).sum::<f64>() / (k - 1.0);
    let within = sigma * sigma / n as f64;
    let tau2_hat = (between - within).max(TAU2_FLOOR);
    let precision = n as f64 / (sigma * sigma);
    let weight = precision / (precision + 1.0 / tau2_hat);
    let estimates = ybar.iter().map(|y| weight * y + (1.0 - weight) * grand_mean).collect();
    EmpiricalBayes { estimates, grand_mean, tau2_hat, weight }
}
// ANCHOR_END: empirical_bayes

/// Mean squared error of `estimates` against `truth`.
pub fn mse(estimates: &[f64], truth: &[f64]) -> f64 {
    estimates.iter().zip(truth).map(|(e, t)| (e - t) * (e - t)).sum::<f64>() / truth.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipe_by_hand() {
        // ȳ = 60, 70, 80: var = 100; sigma² / n = 100 / 4 = 25; tau² = 75;
        // w = (4/100) / (4/100 + 1/75) = 0.04 / (0.04 + 0.01333…) = 0.75.
        let eb = empirical_bayes(&[60.0, 70.0, 80.0], 4, 10.0);
        assert!((eb.tau2_hat - 75.0).abs() < 1e-12);
        assert!((eb.weight - 0.75).abs() < 1e-12);
        assert!((eb.estimates[0] - 62.5).abs() < 1e-12);
        // Little spread: tau² hits the floor and everything goes to the mean.
        let eb = empirical_bayes(&[69.9, 70.0, 70.1], 4, 10.0);
        assert_eq!(eb.tau2_hat, TAU2_FLOOR);
        assert!(eb.weight < 0.001);
    }

    #[test]
    fn extremes() {
        assert_eq!(complete_pooling(&[1.0, 3.0]), vec![2.0, 2.0]);
        assert_eq!(no_pooling(&[1.0, 3.0]), vec![1.0, 3.0]);
        assert_eq!(mse(&[1.0, 3.0], &[2.0, 2.0]), 1.0);
    }
}
