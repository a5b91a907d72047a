//! One run of the school-scores experiment; it lives in
//! [`models::school_scores_experiment`], which the explorer shares.

pub use models::school_scores_experiment::{Experiment, run};
