//! Do the regions differ more than counting noise? Pearson's χ² test of homogeneity.
//!
//! Under one common set of shares for every region, the counts of an r × K table give
//! `X² = Σ (observed − expected)² / expected`, with `expected = n_r · (column total) / N`,
//! approximately χ² with `(r − 1)(K − 1)` degrees of freedom. A statistic near its degrees
//! of freedom says the regions vary no more than multinomial noise: then the
//! Dirichlet-multinomial likelihood does not bound the concentration `alpha` from above,
//! and the prior sets its scale.
//!
//! Reference: Agresti (2013), *Categorical Data Analysis*, 3rd ed., §3.2.

use statrs::distribution::{ChiSquared, ContinuousCDF};

/// A table the test cannot be computed on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// Fewer than two rows or columns.
    #[error("a homogeneity test needs at least two rows and two columns, got {rows} x {cols}")]
    TooSmall { rows: usize, cols: usize },
    /// Rows of unequal length.
    #[error("every row of the table must have {cols} counts")]
    Ragged { cols: usize },
    /// A row or a column with no counts (its expected counts would be zero).
    #[error("a row or a column of the table has no counts")]
    Empty,
}

/// Pearson's χ² test of homogeneity of the rows of a contingency table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChiSquareTest {
    /// The statistic `X²`.
    pub statistic: f64,
    /// Degrees of freedom, `(rows − 1)(columns − 1)`.
    pub df: usize,
    /// Upper-tail probability of `X²` under χ² with `df` degrees of freedom.
    pub p_value: f64,
}

/// Pearson's χ² test that every row of `counts` has the same category shares.
///
/// Errors on fewer than two rows or columns, rows of unequal length, an empty row or an
/// empty column (its expected counts would be zero).
pub fn homogeneity_test(counts: &[Vec<u32>]) -> Result<ChiSquareTest, TableError> {
    let rows = counts.len();
    let cols = counts.first().map_or(0, Vec::len);
    if rows < 2 || cols < 2 {
        return Err(TableError::TooSmall { rows, cols });
    }
    if counts.iter().any(|r| r.len() != cols) {
        return Err(TableError::Ragged { cols });
    }
    let row_totals: Vec<f64> =
        counts.iter().map(|r| r.iter().map(|&c| f64::from(c)).sum()).collect();
    let col_totals: Vec<f64> =
        (0..cols).map(|k| counts.iter().map(|r| f64::from(r[k])).sum()).collect();
    if row_totals.contains(&0.0) || col_totals.contains(&0.0) {
        return Err(TableError::Empty);
    }
    let total: f64 = row_totals.iter().sum();
    let mut statistic = 0.0;
    for (r, row) in counts.iter().enumerate() {
        for (k, &c) in row.iter().enumerate() {
            let expected = row_totals[r] * col_totals[k] / total;
            statistic += (f64::from(c) - expected).powi(2) / expected;
        }
    }
    let df = (rows - 1) * (cols - 1);
    let p_value =
        ChiSquared::new(df as f64).expect("two rows and two columns give df ≥ 1").sf(statistic);
    Ok(ChiSquareTest { statistic, df, p_value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_by_two_table_by_hand() {
        // Rows (10, 20) and (20, 10): every expected count is 15, so
        // X² = 4 · 25 / 15 = 20/3 on one degree of freedom.
        let t = homogeneity_test(&[vec![10, 20], vec![20, 10]]).unwrap();
        assert!((t.statistic - 20.0 / 3.0).abs() < 1e-12, "{t:?}");
        assert_eq!(t.df, 1);
        // P(χ²₁ > x) = erfc(√(x/2)), the two-sided normal tail at √x: erfc(√(10/3)).
        assert!((t.p_value - 0.009_823_274_507_519).abs() < 1e-9, "{t:?}");
    }

    #[test]
    fn identical_rows_give_zero_and_p_one() {
        let t = homogeneity_test(&[vec![3, 5, 2], vec![6, 10, 4], vec![3, 5, 2]]).unwrap();
        assert!(t.statistic.abs() < 1e-12);
        assert_eq!(t.df, 4);
        assert!((t.p_value - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_two_by_four_table_by_hand() {
        // Rows (5, 5, 5, 5) and (5, 5, 5, 25): column totals 10, 10, 10, 30 of N = 60, so
        // the expected counts are 10/3 and 10 in row 1, 20/3 and 20 in row 2, and
        // X² = 3·(5/3)²/(10/3) + 25/10 + 3·(5/3)²/(20/3) + 25/20 = 7.5 on 3 df.
        let t = homogeneity_test(&[vec![5, 5, 5, 5], vec![5, 5, 5, 25]]).unwrap();
        assert!((t.statistic - 7.5).abs() < 1e-12, "{t:?}");
        assert_eq!(t.df, 3);
        // For 3 df, P(χ² > x) = 2(1 − Φ(√x)) + √(2x/π)·e^(−x/2) = 0.0576 at x = 7.5.
        assert!((t.p_value - 0.057_558_45).abs() < 1e-7, "{t:?}");
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(homogeneity_test(&[vec![1, 2]]).is_err());
        assert!(homogeneity_test(&[vec![1], vec![2]]).is_err());
        assert!(homogeneity_test(&[vec![1, 2], vec![1]]).is_err());
        assert!(homogeneity_test(&[vec![0, 0], vec![1, 2]]).is_err());
        assert!(homogeneity_test(&[vec![0, 2], vec![0, 3]]).is_err());
    }
}
