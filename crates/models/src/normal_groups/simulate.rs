//! The two simulated data sets of the pooling chapter (five instructors,
//! twenty schools), drawn from a known truth.
//!
//! Each data set has its own random stream (`chain_rng(seed, stream, 0)`
//! with a stream number no fit uses), so changing the sampler's settings
//! never changes the data.

use super::GroupStats;
use crate::draws::draw_poisson_by_product;
use rand::Rng;
use sampler::Result;
use sampler::rng::{chain_rng, std_normal, uniform};

/// Stream of the instructor data.
const INSTRUCTOR_STREAM: u32 = 1_000_001;
/// Stream of the twenty-schools data.
const SCHOOLS_STREAM: u32 = 1_000_002;

// ANCHOR: instructor_truth
/// Mean of the instructors' true means (exam points).
pub const TRUE_MU: f64 = 72.0;
/// Spread of the instructors' true means.
pub const TRUE_TAU: f64 = 6.0;
/// Spread of students' scores within a section.
pub const TRUE_SIGMA: f64 = 15.0;
/// Number of sections (one per instructor).
pub const SECTIONS: usize = 5;
/// Section sizes are uniform on this range.
pub const SECTION_SIZES: (usize, usize) = (10, 20);
// ANCHOR_END: instructor_truth

// ANCHOR: schools_truth
/// Number of schools.
pub const SCHOOLS: usize = 20;
/// School sizes are Poisson with this mean.
pub const MEAN_SCHOOL_SIZE: f64 = 25.0;
/// Spread of the true school effects (their mean is 0).
pub const EFFECT_SD: f64 = 5.0;
/// Spread of students' scores around their school's effect.
pub const NOISE_SD: f64 = 3.0;
// ANCHOR_END: schools_truth

/// Grouped scores with the truth they were drawn from.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulated {
    /// Every group's raw scores.
    pub groups: Vec<Vec<f64>>,
    /// Every group's true mean.
    pub truth: Vec<f64>,
    /// Sufficient statistics of `groups`.
    pub data: GroupStats,
}

/// A uniform integer in `lo..=hi`.
fn uniform_int<R: Rng + ?Sized>(rng: &mut R, lo: usize, hi: usize) -> usize {
    let k = hi - lo + 1;
    lo + ((uniform(rng) * k as f64) as usize).min(k - 1)
}

/// Draws each group's true mean, then its members' scores.
fn simulate<R: Rng + ?Sized>(
    rng: &mut R,
    sizes: &[usize],
    mu: f64,
    tau: f64,
    sigma: f64,
) -> Result<Simulated> {
    let truth: Vec<f64> = sizes.iter().map(|_| mu + tau * std_normal(rng)).collect();
    let groups: Vec<Vec<f64>> = sizes
        .iter()
        .zip(&truth)
        .map(|(&n, &t)| (0..n).map(|_| t + sigma * std_normal(rng)).collect())
        .collect();
    let data = GroupStats::from_groups(&groups)?;
    Ok(Simulated { groups, truth, data })
}

// ANCHOR: instructors
/// Five sections of 10–20 students: section sizes, then each instructor's
/// true mean `Normal(72, 6)`, then scores `Normal(true mean, 15)`.
pub fn instructors(seed: u64) -> Result<Simulated> {
    let mut rng = chain_rng(seed, INSTRUCTOR_STREAM, 0);
    let sizes: Vec<usize> =
        (0..SECTIONS).map(|_| uniform_int(&mut rng, SECTION_SIZES.0, SECTION_SIZES.1)).collect();
    simulate(&mut rng, &sizes, TRUE_MU, TRUE_TAU, TRUE_SIGMA)
}
// ANCHOR_END: instructors

/// Twenty schools of Poisson(25) students (at least one each), effects
/// `Normal(0, 5)`, scores `Normal(effect, 3)`.
pub fn twenty_schools(seed: u64) -> Result<Simulated> {
    let mut rng = chain_rng(seed, SCHOOLS_STREAM, 0);
    let sizes: Vec<usize> =
        (0..SCHOOLS).map(|_| draw_poisson_by_product(&mut rng, MEAN_SCHOOL_SIZE).max(1)).collect();
    simulate(&mut rng, &sizes, 0.0, EFFECT_SD, NOISE_SD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_in_range_and_data_are_reproducible() {
        let a = instructors(3).unwrap();
        assert_eq!(a, instructors(3).unwrap());
        assert_ne!(a.truth, instructors(4).unwrap().truth);
        assert_eq!(a.groups.len(), SECTIONS);
        assert!(a.data.sizes.iter().all(|n| (10..=20).contains(n)));
        let s = twenty_schools(3).unwrap();
        assert_eq!(s.groups.len(), SCHOOLS);
    }
}
