//! The book's models: log densities with hand-written gradients, their data,
//! and the exact answers where a model has one.
//!
//! Every model here implements [`sampler::Model`] and has a finite-difference
//! gradient test.

pub mod binomial_logit;
pub mod eight_schools;
pub mod eight_schools_covariate;
pub mod eight_schools_exact;
pub mod eight_schools_marginals;
pub mod gaussian;
pub mod grouped_regression;
pub mod hierarchical_poisson;
pub mod neals_funnel;
pub mod normal_groups;
pub mod normal_mixture;
pub mod pooling_regression;
pub mod regression_priors;
pub mod simplex;
pub mod varying_slopes;

pub use eight_schools::{EightSchools, Parameterization, Priors};
