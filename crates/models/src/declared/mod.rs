//! Models written with the model layer ([`crate::layer`]): parameters declared with
//! their supports and a log density over any number type, nothing else.

pub mod eight_schools;
pub mod eight_schools_priors;
