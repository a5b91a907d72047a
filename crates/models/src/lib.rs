//! The book's models: log densities with hand-written gradients, their data,
//! and the exact answers where a model has one.
//!
//! Every model here implements [`sampler::Model`] and has a finite-difference
//! gradient test.

pub mod eight_schools;
pub mod eight_schools_exact;
pub mod gaussian;

pub use eight_schools::{EightSchools, Parameterization};
