//! The school-scores simulation: `K` schools whose true means are drawn from
//! `Normal(70, tau)`, each with `n` students scoring `Normal(true mean, sigma)`.

use sampler::rng::{chain_rng, std_normal};

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

/// One data set: each school's true mean and sample mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Schools {
    pub truth: Vec<f64>,
    pub ybar: Vec<f64>,
}

/// Draws the true means, then every student's score, then the sample means,
/// from random stream `stream` of `seed`.
pub fn schools(d: &Design, seed: u64, stream: u32) -> Schools {
    let mut rng = chain_rng(seed, stream, 0);
    let truth: Vec<f64> = (0..d.schools)
        .map(|_| GRAND_MEAN + d.tau * std_normal(&mut rng))
        .collect();
    let ybar = truth
        .iter()
        .map(|t| {
            let total: f64 = (0..d.students)
                .map(|_| t + d.sigma * std_normal(&mut rng))
                .sum();
            total / d.students as f64
        })
        .collect();
    Schools { truth, ybar }
}

/// Like [`schools`] but draws each sample mean directly as
/// `Normal(true mean, sigma/√n)` — the same distribution, `n` times faster,
/// for simulation studies with thousands of data sets. `rng` is shared by
/// consecutive replications of one study.
pub fn school_means<R: rand::Rng + ?Sized>(d: &Design, rng: &mut R) -> Schools {
    let truth: Vec<f64> = (0..d.schools)
        .map(|_| GRAND_MEAN + d.tau * std_normal(rng))
        .collect();
    let se = d.se();
    let ybar = truth.iter().map(|t| t + se * std_normal(rng)).collect();
    Schools { truth, ybar }
}
