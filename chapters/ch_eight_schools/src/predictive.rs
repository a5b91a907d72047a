//! The posterior predictive check's statistics; the draws themselves are
//! [`models::eight_schools_predictive`].

/// The share of `values` at or above `observed`: a posterior predictive p-value.
pub fn share_at_or_above(values: &[f64], observed: f64) -> f64 {
    values.iter().filter(|v| **v >= observed).count() as f64 / values.len().max(1) as f64
}

/// Mean and standard deviation (divisor n) of `values`.
pub fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// Test statistics of a data set of school effects: max, min and sd.
pub fn statistics(y: &[f64]) -> [f64; 3] {
    let max = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = y.iter().copied().fold(f64::INFINITY, f64::min);
    [max, min, mean_sd(y).1]
}

/// Names of [`statistics`], in order.
pub const STATISTIC_NAMES: [&str; 3] = ["largest effect", "smallest effect", "sd of effects"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(share_at_or_above(&[1.0, 2.0, 3.0, 4.0], 3.0), 0.5);
        assert_eq!(mean_sd(&[1.0, 3.0]), (2.0, 1.0));
        assert_eq!(statistics(&[1.0, 3.0]), [3.0, 1.0, 1.0]);
    }
}
