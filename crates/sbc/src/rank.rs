//! Ranks of a true value among posterior draws, after thinning.

/// Indices of `n_keep` draws spread evenly over `total` draws.
pub fn even_indices(total: usize, n_keep: usize) -> Vec<usize> {
    let n_keep = n_keep.clamp(1, total.max(1));
    (0..n_keep).map(|i| i * total / n_keep).collect()
}

/// How many draws to keep: at most `max_draws`, and no more than the
/// effective sample size, so the kept draws are close to independent.
/// Autocorrelated draws make ranks non-uniform on their own (Talts et al. 2018, §4.1).
pub fn kept_count(total: usize, ess: f64, max_draws: usize) -> usize {
    let by_ess = if ess.is_finite() { ess.floor() as usize } else { total };
    max_draws.min(by_ess).min(total).max(1)
}

/// The rank of `truth` among `draws`: how many draws are smaller.
pub fn rank(truth: f64, draws: &[f64]) -> usize {
    draws.iter().filter(|d| **d < truth).count()
}

/// A rank `r` out of `n` draws turned into a continuous value in (0, 1):
/// `(r + v) / (n + 1)` with `v ~ Uniform(0, 1)`. Under calibration it is
/// exactly Uniform(0, 1) whatever `n`, so replications that kept different
/// numbers of draws can be pooled.
pub fn randomized_pit(rank: usize, n: usize, v: f64) -> f64 {
    (rank as f64 + v) / (n as f64 + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_and_thinning() {
        assert_eq!(rank(0.5, &[0.1, 0.9, 0.4, 0.6]), 2);
        assert_eq!(even_indices(10, 5), vec![0, 2, 4, 6, 8]);
        assert_eq!(kept_count(4000, 57.8, 100), 57);
        assert_eq!(kept_count(4000, 3000.0, 100), 100);
        assert_eq!(kept_count(4000, f64::NAN, 100), 100);
        assert_eq!(randomized_pit(0, 9, 0.0), 0.0);
        assert_eq!(randomized_pit(9, 9, 1.0), 1.0);
    }
}
