//! Rank normalisation: average ranks of tied values, then Blom's normal scores.

use crate::chains::pooled;
use crate::normal::inv_normal_cdf;

/// Ranks 1..=n of `values`, ties receiving the average of their ranks (`scipy.stats.rankdata`
/// with `method="average"`).
///
/// NaNs are ranked above every number; callers reject NaN input before ranking.
///
/// ```
/// assert_eq!(diagnostics::average_ranks(&[3.0, 1.0, 3.0, 2.0]), vec![3.5, 1.0, 3.5, 2.0]);
/// ```
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean is (start + 1 + end) / 2.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Rank-normalise draws jointly over all chains: z = Φ⁻¹((r − 3/8) / (S + 1/4)).
///
/// `r` are average ranks over all `S` draws (ArviZ's `_z_scale` with Blom's offset 3/8).
/// The chain layout is kept.
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC";
/// Blom, G. (1958), "Statistical Estimates and Transformed Beta-Variables".
///
/// ```
/// let z = diagnostics::rank_normalize(&[vec![10.0, 30.0], vec![20.0, 20.0]]);
/// assert!(z[0][0] < 0.0 && z[0][1] > 0.0);
/// assert!(z[1][0].abs() < 1e-15 && z[1][1] == z[1][0]);
/// ```
pub fn rank_normalize(chains: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let all = pooled(chains);
    let size = all.len() as f64;
    let mut z =
        average_ranks(&all).into_iter().map(|r| inv_normal_cdf((r - 0.375) / (size + 0.25)));
    chains.iter().map(|c| z.by_ref().take(c.len()).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_get_average_rank() {
        assert_eq!(average_ranks(&[2.0, 2.0, 2.0, 1.0, 5.0]), vec![3.0, 3.0, 3.0, 1.0, 5.0]);
        assert_eq!(average_ranks(&[]), Vec::<f64>::new());
    }

    #[test]
    fn normal_scores_are_symmetric() {
        let z = rank_normalize(&[vec![1.0, 2.0, 3.0, 4.0]]);
        assert!((z[0][0] + z[0][3]).abs() < 1e-15);
        assert!((z[0][1] + z[0][2]).abs() < 1e-15);
        // Blom: first score is Φ⁻¹(0.625 / 4.25).
        assert!((z[0][0] - crate::inv_normal_cdf(0.625 / 4.25)).abs() < 1e-15);
    }
}
