//! The simulation study: mean squared error of each estimator over a grid
//! of students per school `n` and between-school spread `tau`, averaged
//! over many simulated data sets.

use models::Priors;
use models::normal_means_exact::posterior_means_equal_se;
use models::pooling_estimators::{complete_pooling, empirical_bayes, mse, no_pooling};
use models::school_scores::{Design, school_means};
use rayon::prelude::*;
use sampler::rng::chain_rng;

/// Between-school spreads of the grid (one figure panel each).
pub const TAUS: [f64; 6] = [1.0, 3.0, 5.0, 8.0, 10.0, 15.0];
/// Students per school of the grid.
pub const STUDENTS: [usize; 8] = [5, 10, 15, 20, 30, 50, 75, 100];
/// The estimators, in the order of [`Cell::mse`].
pub const ESTIMATORS: [&str; 4] = [
    "no pooling",
    "complete pooling",
    "partial pooling (empirical Bayes)",
    "partial pooling (full Bayes)",
];

/// First random stream of the grid (cell `c` uses stream `GRID_STREAM + c`).
const GRID_STREAM: u32 = 2_100_000;

/// One cell of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub design: Design,
    /// MSE of each estimator in [`ESTIMATORS`] order, averaged over replications.
    pub mse: [f64; 4],
}

// ANCHOR: replicate
/// The squared error (averaged over schools) of each estimator on `reps`
/// data sets drawn from `design`, one row per data set.
pub fn replicate(
    d: &Design,
    priors: &Priors,
    seed: u64,
    stream: u32,
    reps: usize,
) -> Vec<[f64; 4]> {
    let mut rng = chain_rng(seed, stream, 0);
    (0..reps)
        .map(|_| {
            let s = school_means(d, &mut rng);
            [
                mse(&no_pooling(&s.ybar), &s.truth),
                mse(&complete_pooling(&s.ybar), &s.truth),
                mse(&empirical_bayes(&s.ybar, d.students, d.sigma).estimates, &s.truth),
                mse(&posterior_means_equal_se(&s.ybar, d.se(), priors), &s.truth),
            ]
        })
        .collect()
}
// ANCHOR_END: replicate

/// Averages the rows of [`replicate`].
pub fn average(rows: &[[f64; 4]]) -> [f64; 4] {
    let mut m = [0.0; 4];
    for r in rows {
        for (a, b) in m.iter_mut().zip(r) {
            *a += b;
        }
    }
    m.map(|a| a / rows.len() as f64)
}

/// Every cell of the grid (`tau` major, `n` minor), cells in parallel; each
/// cell has its own random stream, so the result does not depend on the
/// number of threads.
pub fn grid(schools: usize, sigma: f64, priors: &Priors, seed: u64, reps: usize) -> Vec<Cell> {
    let designs: Vec<Design> = TAUS
        .iter()
        .flat_map(|&tau| {
            STUDENTS.iter().map(move |&students| Design { schools, students, tau, sigma })
        })
        .collect();
    designs
        .par_iter()
        .enumerate()
        .map(|(c, d)| Cell {
            design: *d,
            mse: average(&replicate(d, priors, seed, GRID_STREAM + c as u32, reps)),
        })
        .collect()
}
