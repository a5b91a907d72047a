//! Bootstrap intervals for a ratio of medians over seeds.
//!
//! Every ratio in the benchmark is `median(ours) / median(theirs)`, each
//! median over the seeds of one sampler on one model. With ten seeds that
//! ratio moves by several per cent from one run of the benchmark to the
//! next, so a ratio of 0.98 against essentially the same algorithm says
//! little on its own. The percentile bootstrap (Efron and Tibshirani 1993,
//! *An Introduction to the Bootstrap*, ch. 13) puts an interval on it:
//! resample each sampler's seeds with replacement — the two samplers'
//! seeds independently, as their fits are independent — recompute the
//! ratio of medians, and read off the 2.5% and 97.5% quantiles of the
//! resampled ratios.

use diagnostics::{median, quantile};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

/// Resamples per interval: enough that the interval's ends move by well
/// under a per cent between seeds of the bootstrap itself.
pub const RESAMPLES: usize = 4000;

/// A ratio of medians with its 95% percentile-bootstrap interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatioInterval {
    /// `median(ours) / median(theirs)` over the observed seeds.
    pub ratio: f64,
    /// 2.5% quantile of the resampled ratios.
    pub lower: f64,
    /// 97.5% quantile of the resampled ratios.
    pub upper: f64,
}

impl RatioInterval {
    /// A ratio without an interval (one side has a single seed or only its
    /// median is known): both ends are NaN.
    pub fn point(ratio: f64) -> Self {
        Self { ratio, lower: f64::NAN, upper: f64::NAN }
    }

    /// Whether the interval was computed.
    pub fn has_interval(&self) -> bool {
        self.lower.is_finite() && self.upper.is_finite()
    }
}

/// One resample of `values` with replacement, drawn from `rng`.
fn resample(values: &[f64], rng: &mut ChaCha8Rng, into: &mut Vec<f64>) {
    into.clear();
    into.extend((0..values.len()).map(|_| values[rng.random_range(0..values.len())]));
}

/// `median(ours) / median(theirs)` with its 95% percentile-bootstrap
/// interval over [`RESAMPLES`] resamples. The bootstrap's own random
/// numbers come from `ChaCha8Rng` seeded with 0, so the same values give
/// the same interval. Either side with fewer than two values gives a point
/// without an interval.
pub fn ratio_of_medians(ours: &[f64], theirs: &[f64]) -> RatioInterval {
    let ratio = median(ours) / median(theirs);
    if ours.len() < 2 || theirs.len() < 2 {
        return RatioInterval::point(ratio);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let ratios: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            resample(ours, &mut rng, &mut a);
            resample(theirs, &mut rng, &mut b);
            median(&a) / median(&b)
        })
        .collect();
    RatioInterval { ratio, lower: quantile(&ratios, 0.025), upper: quantile(&ratios, 0.975) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_holds_the_ratio_and_is_repeatable() {
        let ours = [1.0, 1.2, 0.9, 1.1, 1.05, 0.95, 1.3, 0.85, 1.0, 1.15];
        let theirs = [1.0, 0.9, 1.1, 1.0, 0.95, 1.05, 1.2, 0.8, 1.0, 1.02];
        let q = ratio_of_medians(&ours, &theirs);
        assert!((q.ratio - 1.025).abs() < 1e-12); // medians 1.025 and 1.0
        assert!(q.lower < q.ratio && q.ratio < q.upper, "{q:?}");
        // Medians of ten values between 0.8 and 1.3 cannot be further apart
        // than that range allows.
        assert!(q.lower > 0.85 / 1.2 && q.upper < 1.3 / 0.8, "{q:?}");
        assert_eq!(q, ratio_of_medians(&ours, &theirs));
    }

    #[test]
    fn identical_seeds_give_a_degenerate_interval() {
        let q = ratio_of_medians(&[2.0; 5], &[4.0; 5]);
        assert_eq!((q.ratio, q.lower, q.upper), (0.5, 0.5, 0.5));
    }

    #[test]
    fn a_single_seed_gives_no_interval() {
        let q = ratio_of_medians(&[2.0], &[1.0, 3.0]);
        assert_eq!(q.ratio, 1.0);
        assert!(!q.has_interval());
    }

    #[test]
    fn wider_spread_gives_a_wider_interval() {
        let tight = [0.98, 1.0, 1.02, 0.99, 1.01, 1.0, 0.97, 1.03];
        let loose = [0.7, 1.0, 1.3, 0.8, 1.2, 1.0, 0.6, 1.4];
        let t = ratio_of_medians(&tight, &tight);
        let l = ratio_of_medians(&loose, &loose);
        assert!(l.upper - l.lower > 3.0 * (t.upper - t.lower), "{t:?} {l:?}");
    }
}
