//! Exercise 5.8.1 — shrinkage arithmetic (solution).

/// (a) The shrinkage factor `B = sigma² / (sigma² + tau²)`.
pub fn shrinkage_factor(sigma: f64, tau: f64) -> f64 {
    let (s2, t2) = (sigma * sigma, tau * tau);
    s2 / (s2 + t2)
}

/// (a) School indices ordered from most shrinkage to least (ties: smaller index first).
pub fn rank_by_shrinkage(sigma: &[f64], tau: f64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..sigma.len()).collect();
    // A stable sort keeps the smaller index first among ties.
    idx.sort_by(|&a, &b| {
        shrinkage_factor(sigma[b], tau).total_cmp(&shrinkage_factor(sigma[a], tau))
    });
    idx
}

/// (b) The shrunk estimate `(1 − B) y + B mu`.
pub fn shrunk_estimate(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    let b = shrinkage_factor(sigma, tau);
    (1.0 - b) * y + b * mu
}

/// (c) Percentage by which shrinkage reduces the raw effect `y`:
/// `100 · (y − shrunk) / y = 100 B (y − mu) / y`.
pub fn percent_reduction(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    100.0 * (y - shrunk_estimate(y, sigma, mu, tau)) / y
}

#[cfg(test)]
#[path = "../../exercises/checks/shrinkage.rs"]
mod checks;
