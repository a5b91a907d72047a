//! Every model of the book in one home: log densities, their data and loaders
//! ([`hsb`], [`survey`], [`efron_morris`], and any grouped CSV file: [`grouped_csv`]),
//! the exact answers where a model has one, and the draws its simulators need
//! ([`draws`]).
//!
//! Every model here implements [`sampler::Model`]. The model layer ([`layer`], with
//! the density library [`lpdf`]) lets a model be declared: parameters with their
//! supports and a log density, with transforms and gradients done for it
//! ([`declared`]). A model that keeps a hand-written gradient for speed says why in
//! its doc comment and is tested against a declared twin or by finite differences.
//! `crates/models/tests/before_move.rs` checks every model against the values
//! recorded before the chapters' models moved here.

pub mod beta_multilevel;
pub mod binomial_logit;
pub mod cholesky_corr;
pub mod correlated_slopes;
pub mod data_error;
pub mod declared;
pub mod draws;
pub mod efron_morris;
pub mod eight_schools;
pub mod eight_schools_covariate;
pub mod eight_schools_exact;
pub mod eight_schools_loo;
pub mod eight_schools_marginals;
pub mod eight_schools_predictive;
pub mod eight_schools_prior_grid;
pub mod factor_gaussian;
pub mod gaussian;
pub mod grouped_csv;
pub mod grouped_regression;
pub mod hierarchical_poisson;
pub mod hsb;
pub mod james_stein;
pub mod layer;
pub mod lpdf;
pub mod neals_funnel;
pub mod normal_groups;
pub mod normal_means_exact;
pub mod normal_mixture;
pub mod normal_sample;
pub mod pooling_estimators;
pub mod pooling_regression;
pub mod regression_priors;
pub mod school_scores;
pub mod school_scores_experiment;
pub mod shrinkage;
pub mod simplex;
pub mod survey;
pub mod varying_slopes;

pub use eight_schools::{EightSchools, Parameterization, Priors};
pub use layer::{Declaration, Declared, Density, Number, Params, Support, Target};
