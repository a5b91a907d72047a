//! Exploratory summaries: R's `summary()` ([`FiveNumbers`]) of the scores,
//! SES and school sizes, and a reproducible random sample of schools to look
//! at one by one.

use diagnostics::FiveNumbers;
use models::hsb::data::Hsb;
use sampler::rng::{chain_rng, uniform};

/// Replication number of the random stream that picks the sample of schools.
pub const SAMPLE_REPLICATION: u32 = 100;

/// What the chapter reports before fitting anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Eda {
    /// Summary of math achievement.
    pub math: FiveNumbers,
    /// Summary of SES.
    pub ses: FiveNumbers,
    /// Summary of the number of students per school.
    pub sizes: FiveNumbers,
    /// The sampled schools (0-based, ascending).
    pub sample: Vec<usize>,
}

/// Summaries of `d` and a sample of `k` schools drawn with `seed`.
pub fn explore(d: &Hsb, k: usize, seed: u64) -> Eda {
    let sizes: Vec<f64> = d.sizes.iter().map(|&n| n as f64).collect();
    Eda {
        math: FiveNumbers::of(&d.math()),
        ses: FiveNumbers::of(&d.ses()),
        sizes: FiveNumbers::of(&sizes),
        sample: sample_schools(d.num_schools(), k, seed),
    }
}

/// `k` of `n` schools without replacement (a partial Fisher–Yates shuffle on
/// its own random stream), sorted ascending.
///
/// Reference: Knuth (1997), *The Art of Computer Programming* vol. 2, §3.4.2,
/// Algorithm P.
pub fn sample_schools(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut rng = chain_rng(seed, SAMPLE_REPLICATION, 0);
    let mut order: Vec<usize> = (0..n).collect();
    let k = k.min(n);
    for i in 0..k {
        let j = i + ((uniform(&mut rng) * (n - i) as f64) as usize).min(n - i - 1);
        order.swap(i, j);
    }
    let mut sample = order[..k].to_vec();
    sample.sort_unstable();
    sample
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_distinct_and_reproducible() {
        let a = sample_schools(160, 12, 5);
        assert_eq!(a, sample_schools(160, 12, 5));
        assert_eq!(a.len(), 12);
        assert!(a.windows(2).all(|w| w[0] < w[1]) && a[11] < 160);
        assert_ne!(a, sample_schools(160, 12, 6));
        assert_eq!(sample_schools(3, 12, 5), vec![0, 1, 2]);
    }
}
