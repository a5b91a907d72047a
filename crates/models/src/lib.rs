//! The book's models: log densities with hand-written gradients, their data,
//! and the exact answers where a model has one.
//!
//! Every model here implements [`sampler::Model`] and has a finite-difference
//! gradient test. The model layer ([`layer`], with the density library [`lpdf`])
//! lets a model be declared instead: parameters with their supports and a log
//! density, with transforms and gradients done for it ([`declared`]).

pub mod binomial_logit;
pub mod declared;
pub mod eight_schools;
pub mod eight_schools_covariate;
pub mod eight_schools_exact;
pub mod eight_schools_marginals;
pub mod eight_schools_prior_grid;
pub mod gaussian;
pub mod grouped_regression;
pub mod hierarchical_poisson;
pub mod layer;
pub mod lpdf;
pub mod neals_funnel;
pub mod normal_groups;
pub mod normal_mixture;
pub mod pooling_regression;
pub mod regression_priors;
pub mod simplex;
pub mod varying_slopes;

pub use eight_schools::{EightSchools, Parameterization, Priors};
pub use layer::{Declaration, Declared, Density, Number, Params, Support, Target};
