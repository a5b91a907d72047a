//! Exercise 5.8.1 — shrinkage arithmetic.
//!
//! In the Eight Schools model, given `mu` and `tau`, each school's effect is a
//! precision-weighted average of its own estimate `y_i` and the population
//! mean `mu`. The weight on `mu` is the shrinkage factor `B_i` of the
//! shrinkage chapter.
//!
//! Use the rounded posterior values `mu ≈ 8`, `tau ≈ 6`.

/// (a) The shrinkage factor `B` of a school with standard error `sigma`,
/// given `tau`: the weight its estimate puts on `mu`.
pub fn shrinkage_factor(sigma: f64, tau: f64) -> f64 {
    todo!()
}

/// (a) School indices (0 = A, …, 7 = H) ordered from most shrinkage (largest
/// `B`) to least. Break ties by the smaller index first.
pub fn rank_by_shrinkage(sigma: &[f64], tau: f64) -> Vec<usize> {
    todo!()
}

/// (b) The shrunk estimate of a school with raw effect `y` and standard
/// error `sigma`.
pub fn shrunk_estimate(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    todo!()
}

/// (c) By what percentage shrinkage reduces the raw effect `y` (a
/// percentage of `y` itself).
pub fn percent_reduction(y: f64, sigma: f64, mu: f64, tau: f64) -> f64 {
    todo!()
}

#[cfg(test)]
#[path = "../checks/shrinkage.rs"]
mod checks;
