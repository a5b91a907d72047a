//! Observations grouped by school, laid out for one fast pass per gradient.
//!
//! The regressions of the High School and Beyond chapter all have the form
//! `y_i ~ Normal(a_{g(i)} + b_{g(i)} x_i, sigma)`: one intercept and one slope
//! per group. [`GroupedRows`] stores the observations sorted by group, with
//! the index range of each group precomputed, so that a log density touches
//! every observation exactly once, in memory order, and allocates nothing.
//! [`GroupSums`] is what that pass returns for one group.

/// Observations `(x_i, y_i)` sorted by group, with each group's index range.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedRows {
    /// Predictor, sorted by group (stable: file order within a group).
    pub x: Vec<f64>,
    /// Outcome, in the same order as `x`.
    pub y: Vec<f64>,
    /// `ranges[j]` = indices of group `j` in `x` and `y`.
    pub ranges: Vec<std::ops::Range<usize>>,
}

/// What one pass over a group's observations gives for a line `a + b x`:
/// with residuals `r_i = y_i − a − b x_i`, the sums `Σ r_i`, `Σ r_i x_i` and
/// `Σ r_i²`. They are everything the normal log likelihood and its gradient
/// need: `∂/∂a = Σ r_i / σ²`, `∂/∂b = Σ r_i x_i / σ²`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GroupSums {
    /// `Σ r_i`.
    pub r: f64,
    /// `Σ r_i x_i`.
    pub rx: f64,
    /// `Σ r_i²`.
    pub rr: f64,
}

impl GroupedRows {
    /// Groups observations: `group[i]` is the 0-based group of observation
    /// `i` (groups `0..num_groups`, every one non-empty). Errors (with a
    /// message) if the lengths differ, a group index is out of range, a group
    /// is empty or a value is not finite.
    pub fn new(group: &[usize], x: &[f64], y: &[f64], num_groups: usize) -> Result<Self, String> {
        if group.len() != x.len() || x.len() != y.len() {
            return Err(format!(
                "group, x and y have lengths {}, {} and {}",
                group.len(),
                x.len(),
                y.len()
            ));
        }
        if let Some(i) = (0..x.len()).find(|&i| !(x[i].is_finite() && y[i].is_finite())) {
            return Err(format!("observation {} is not finite", i + 1));
        }
        let mut counts = vec![0usize; num_groups];
        for (i, &g) in group.iter().enumerate() {
            if g >= num_groups {
                return Err(format!(
                    "observation {} is in group {g}, but there are {num_groups} groups",
                    i + 1
                ));
            }
            counts[g] += 1;
        }
        if let Some(j) = counts.iter().position(|&c| c == 0) {
            return Err(format!("group {j} has no observations"));
        }
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by_key(|&i| group[i]);
        let mut ranges = Vec::with_capacity(num_groups);
        let mut start = 0;
        for c in counts {
            ranges.push(start..start + c);
            start += c;
        }
        Ok(Self {
            x: order.iter().map(|&i| x[i]).collect(),
            y: order.iter().map(|&i| y[i]).collect(),
            ranges,
        })
    }

    /// Number of groups.
    pub fn num_groups(&self) -> usize {
        self.ranges.len()
    }

    /// Number of observations.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// True when there are no observations.
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    // ANCHOR: group_sums
    /// Residual sums of group `j` for the line `a + b x`: one pass over the
    /// group's observations, nothing allocated.
    #[inline]
    pub fn group_sums(&self, j: usize, a: f64, b: f64) -> GroupSums {
        let range = self.ranges[j].clone();
        let mut s = GroupSums::default();
        for (&x, &y) in self.x[range.clone()].iter().zip(&self.y[range]) {
            let r = y - a - b * x;
            s.r += r;
            s.rx += r * x;
            s.rr += r * r;
        }
        s
    }
    // ANCHOR_END: group_sums
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_sorted_stably_with_ranges() {
        let d = GroupedRows::new(&[1, 0, 1, 0], &[1.0, 2.0, 3.0, 4.0], &[5.0, 6.0, 7.0, 8.0], 2)
            .unwrap();
        assert_eq!(d.x, vec![2.0, 4.0, 1.0, 3.0]);
        assert_eq!(d.y, vec![6.0, 8.0, 5.0, 7.0]);
        assert_eq!(d.ranges, vec![0..2, 2..4]);
        let s = d.group_sums(1, 1.0, 2.0);
        // residuals 5 - 3 = 2 and 7 - 7 = 0
        assert_eq!((s.r, s.rx, s.rr), (2.0, 2.0, 4.0));
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(GroupedRows::new(&[0], &[1.0, 2.0], &[1.0], 1).is_err());
        assert!(GroupedRows::new(&[2], &[1.0], &[1.0], 2).is_err());
        assert!(GroupedRows::new(&[0, 0], &[1.0, 2.0], &[1.0, 1.0], 2).is_err());
        assert!(GroupedRows::new(&[0], &[f64::NAN], &[1.0], 1).is_err());
    }
}
