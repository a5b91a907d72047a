//! Did a fit recover the truth its data were simulated from? For each
//! parameter with a known true value: the posterior mean and sd, a central
//! interval, whether the interval covers the truth, and how far the truth
//! lies from the posterior mean in posterior sds.

use crate::intervals::Estimate;
use crate::named::NamedDraws;

/// One parameter whose true value is known, beside what a fit says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthCheck {
    /// Which fit.
    pub model: &'static str,
    /// Parameter name.
    pub name: String,
    /// The value the data were simulated with.
    pub truth: f64,
    /// What the fit says.
    pub estimate: Estimate,
}

impl TruthCheck {
    /// Whether the interval covers the truth.
    pub fn covered(&self) -> bool {
        (self.estimate.low..=self.estimate.high).contains(&self.truth)
    }

    /// The truth's distance from the posterior mean, in posterior sds.
    pub fn z(&self) -> f64 {
        (self.truth - self.estimate.mean) / self.estimate.sd
    }
}

/// Checks of the fit `model` (its `draws`) for each `(name, truth)`, with
/// intervals from the quantiles `tails` (see [`Estimate::named`]); names the
/// draws lack are skipped.
pub fn truth_checks<D: NamedDraws + ?Sized>(
    model: &'static str,
    draws: &D,
    truths: &[(String, f64)],
    tails: (f64, f64),
) -> Vec<TruthCheck> {
    truths
        .iter()
        .filter_map(|(name, truth)| {
            Estimate::named(draws, name, tails).ok().map(|estimate| TruthCheck {
                model,
                name: name.clone(),
                truth: *truth,
                estimate,
            })
        })
        .collect()
}

/// Covered count and total.
pub fn coverage(checks: &[TruthCheck]) -> (usize, usize) {
    (checks.iter().filter(|c| c.covered()).count(), checks.len())
}

/// The checks whose interval misses the truth.
pub fn misses(checks: &[TruthCheck]) -> Vec<&TruthCheck> {
    checks.iter().filter(|c| !c.covered()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truth_inside_the_interval_is_covered() {
        let check = |truth| TruthCheck {
            model: "m",
            name: "x".into(),
            truth,
            estimate: Estimate { mean: 1.0, sd: 0.5, low: 0.0, high: 2.0 },
        };
        let checks = [check(0.5), check(2.0), check(3.0)];
        assert_eq!(coverage(&checks), (2, 3));
        assert_eq!(misses(&checks)[0].truth, 3.0);
        assert_eq!(checks[2].z(), 4.0);
    }
}
