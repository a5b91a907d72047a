//! The survey: counts of four answers in six regions, and the "try it yourself" variant.

// ANCHOR: data
/// Answer categories, in column order.
pub const CATEGORIES: [&str; 4] = ["strongly agree", "agree", "disagree", "strongly disagree"];
/// Short labels for figures.
pub const CATEGORY_SHORT: [&str; 4] = ["SA", "A", "D", "SD"];
/// Counts per region (rows) and category (columns), as printed in the source.
pub const COUNTS: [[u32; 4]; 6] = [
    [8, 19, 10, 8],
    [28, 39, 28, 25],
    [13, 31, 12, 4],
    [21, 26, 15, 18],
    [9, 11, 9, 6],
    [27, 37, 17, 14],
];
// ANCHOR_END: data

/// A survey: one row of category counts per region, with region labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// `counts[r][k]`: respondents of region r who chose category k.
    pub counts: Vec<Vec<u32>>,
    /// Region labels (`region 1` …), in row order.
    pub labels: Vec<String>,
}

impl Survey {
    /// The six regions as printed in the source.
    pub fn printed() -> Self {
        Self {
            counts: COUNTS.iter().map(|r| r.to_vec()).collect(),
            labels: (1..=COUNTS.len()).map(|r| format!("region {r}")).collect(),
        }
    }

    /// Respondents per region.
    pub fn sizes(&self) -> Vec<u32> {
        self.counts.iter().map(|r| r.iter().sum()).collect()
    }

    /// Number of categories K.
    pub fn num_categories(&self) -> usize {
        self.counts[0].len()
    }

    /// Region indices ordered by size, smallest first (ties by index).
    pub fn order_by_size(&self) -> Vec<usize> {
        let n = self.sizes();
        let mut idx: Vec<usize> = (0..n.len()).collect();
        idx.sort_by_key(|&r| (n[r], r));
        idx
    }

    // ANCHOR: try_it
    /// "Try it yourself": the smallest region resized to `small_n` respondents and the
    /// largest to `large_n`, each keeping its own mix of answers (counts rounded by
    /// largest remainders so they add up to the new size). Only n changes, so any change
    /// in shrinkage is the effect of sample size alone.
    pub fn resized(&self, small_n: u32, large_n: u32) -> Self {
        let order = self.order_by_size();
        let (small, large) = (order[0], order[order.len() - 1]);
        let mut out = self.clone();
        out.counts[small] = rescale(&self.counts[small], small_n);
        out.counts[large] = rescale(&self.counts[large], large_n);
        out
    }
    // ANCHOR_END: try_it
}

/// Counts proportional to `counts` that sum to `n` (largest-remainder rounding; ties
/// go to the earlier category).
pub fn rescale(counts: &[u32], n: u32) -> Vec<u32> {
    let total: u32 = counts.iter().sum();
    let exact: Vec<f64> =
        counts.iter().map(|&c| f64::from(c) * f64::from(n) / f64::from(total)).collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let mut left = n - out.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &k in order.iter().cycle() {
        if left == 0 {
            break;
        }
        out[k] += 1;
        left -= 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_sizes_match_the_source() {
        assert_eq!(Survey::printed().sizes(), vec![45, 120, 60, 80, 35, 95]);
    }

    #[test]
    fn rescaling_keeps_the_mix_and_the_total() {
        assert_eq!(rescale(&[9, 11, 9, 6], 10), vec![3, 3, 2, 2]);
        let big = rescale(&[28, 39, 28, 25], 500);
        assert_eq!(big.iter().sum::<u32>(), 500);
        let s = Survey::printed().resized(10, 500);
        assert_eq!(s.sizes(), vec![45, 500, 60, 80, 10, 95]);
    }
}
