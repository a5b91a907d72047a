//! Exercise 5.8.1 — shrinkage arithmetic.
//!
//! In the Eight Schools model, given `mu` and `tau`, each school's effect is a
//! precision-weighted average of its own estimate `y_i` and the population
//! mean `mu`. The weight on `mu` is the shrinkage factor
//! `B_i = sigma_i² / (sigma_i² + tau²)`.
//!
//! Use the rounded posterior values `mu ≈ 8`, `tau ≈ 6`.

/// (a) The shrinkage factor `B = sigma² / (sigma² + tau²)`.
pub fn shrinkage_factor(sigma: f64, tau: f64) -> f64 {
    todo!("return sigma^2 / (sigma^2 + tau^2)")
}

/// (a) School indices (0 = A, …, 7 = H) ordered from most shrinkage (largest
/// `B`) to least. Break ties by the smaller index first.
pub fn rank_by_shrinkage(sigma: &[f64], tau: f64) -> Vec<usize> {
    todo!("sort the indices by shrinkage_factor, largest first")
}

/// (b) The shrunk estimate `(1 − B) y + B mu`.
pub fn shrunk_estimate(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    todo!("combine y and mu with weights 1 - B and B")
}

/// (c) By what percentage shrinkage reduces the raw effect `y`:
/// `100 · (y − shrunk) / y`.
pub fn percent_reduction(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    todo!("compare the shrunk estimate with the raw effect")
}

#[cfg(test)]
#[path = "../checks/shrinkage.rs"]
mod checks;
