//! Worked answers to the exercises. Each module mirrors one in `exercises/`
//! and is checked by the same file of tests (`exercises/checks/`), so the
//! student and the solution are judged by the same assertions.

/// Assertions the checks share (expected vs got, with a tolerance).
#[cfg(test)]
#[path = "../../exercises/checks/common.rs"]
mod common;

pub mod beta_mean_size;
pub mod correlated_effects;
pub mod hand_gradient;
pub mod hospitals;
pub mod hsb_ppc;
pub mod new_school;
pub mod non_centred;
pub mod shrinkage;
pub mod survey_sizes;
