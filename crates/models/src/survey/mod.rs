//! The survey of the Dirichlet-Multinomial chapter: its data ([`data`]) and the
//! hierarchical Dirichlet-Multinomial model, written two ways.
//!
//! `alpha ~ Exponential(1)`, `pi0 ~ Dirichlet(1, …, 1)`,
//! `pi_r ~ Dirichlet(alpha · pi0)`, `y_r ~ Multinomial(n_r, pi_r)`.
//!
//! * [`FullModel`] samples `alpha`, `pi0` and every region's `pi_r` (simplexes through
//!   the stick-breaking transform of [`crate::simplex`]).
//! * [`MarginalModel`] integrates every `pi_r` out (the Dirichlet-multinomial compound
//!   likelihood) and samples only `alpha` and `pi0`; [`with_region_draws`] then draws each
//!   `pi_r` exactly from its conditional `Dirichlet(alpha · pi0 + y_r)`.
//!
//! Both keep hand-written gradients: the Dirichlet-multinomial survey is one of the
//! benchmark's targets and the model a simulation-based calibration fits many times,
//! and forward-mode gradients cost about `d` evaluations each (see the note in
//! [`crate::layer::gradient`]). Each is checked against its declared twin in
//! [`declared`] at 1000 random points (`crates/models/tests/survey.rs`).
//!
//! [`homogeneity`] asks whether the regions differ more than counting noise at all
//! (Pearson's χ² test).

pub mod data;
pub mod declared;
mod full;
mod hdi;
pub mod homogeneity;
mod marginal;

pub use data::Survey;
pub use full::FullModel;
pub use hdi::beta_hdi;
pub use marginal::{MarginalModel, with_region_draws};

/// Names of the constrained values both models report: `alpha`, `pi0.k`, `pi.r.k`.
pub fn param_names(num_regions: usize, num_categories: usize) -> Vec<String> {
    let mut names = vec!["alpha".to_string()];
    names.extend((1..=num_categories).map(|k| format!("pi0.{k}")));
    for r in 1..=num_regions {
        names.extend((1..=num_categories).map(|k| format!("pi.{r}.{k}")));
    }
    names
}
