//! The school-scores simulation of the shrinkage chapter: `K` schools whose true
//! means are drawn from `Normal(70, tau)`, each with `n` students scoring
//! `Normal(true mean, sigma)`. It lives here, below the chapters, so that other
//! programs (the explorer) can draw the same data sets.

use crate::Priors;
use sampler::rng::{chain_rng, std_normal};

// ANCHOR: priors
/// Priors of the full-Bayes fit of the school-scores experiment:
/// `mu ~ Normal(50, 25)`, `tau ~ HalfNormal(10)` (those of the pooling chapter).
pub const SCORE_PRIORS: Priors = Priors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0 };
// ANCHOR_END: priors

/// The population's grand mean (exam points), as in the source.
pub const GRAND_MEAN: f64 = 70.0;

/// The settings of one simulated data set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Design {
    /// Number of schools `K`.
    pub schools: usize,
    /// Students per school `n`.
    pub students: usize,
    /// Spread of the true school means.
    pub tau: f64,
    /// Spread of students' scores within a school.
    pub sigma: f64,
}

impl Design {
    /// Standard error of a school's sample mean, `sigma / √n`.
    pub fn se(&self) -> f64 {
        self.sigma / (self.students as f64).sqrt()
    }
}

/// One simulated data set: each school's true mean and sample mean.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedSchools {
    /// True school means (known only because they were simulated).
    pub truth: Vec<f64>,
    /// Each school's sample mean of its students' scores.
    pub ybar: Vec<f64>,
}

/// Draws the true means, then every student's score, then the sample means,
/// from random stream `stream` of `seed`.
pub fn schools(d: &Design, seed: u64, stream: u32) -> SimulatedSchools {
    let mut rng = chain_rng(seed, stream, 0);
    let truth: Vec<f64> =
        (0..d.schools).map(|_| GRAND_MEAN + d.tau * std_normal(&mut rng)).collect();
    let ybar = truth
        .iter()
        .map(|t| {
            let total: f64 = (0..d.students).map(|_| t + d.sigma * std_normal(&mut rng)).sum();
            total / d.students as f64
        })
        .collect();
    SimulatedSchools { truth, ybar }
}

/// Like [`schools`] but draws each sample mean directly as
/// `Normal(true mean, sigma/√n)` — the same distribution, `n` times faster,
/// for simulation studies with thousands of data sets. `rng` is shared by
/// consecutive replications of one study.
pub fn school_means<R: rand::Rng + ?Sized>(d: &Design, rng: &mut R) -> SimulatedSchools {
    let truth: Vec<f64> = (0..d.schools).map(|_| GRAND_MEAN + d.tau * std_normal(rng)).collect();
    let se = d.se();
    let ybar = truth.iter().map(|t| t + se * std_normal(rng)).collect();
    SimulatedSchools { truth, ybar }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_noise_the_sample_means_are_the_truth() {
        let d = Design { schools: 5, students: 4, tau: 10.0, sigma: 0.0 };
        let full = schools(&d, 3, 0);
        assert_eq!(full.ybar, full.truth);
        assert!(full.truth.iter().any(|t| (t - GRAND_MEAN).abs() > 1e-9));
        let fast = school_means(&d, &mut chain_rng(3, 0, 0));
        assert_eq!(fast.ybar, fast.truth);
        assert_eq!(d.se(), 0.0);
    }
}
