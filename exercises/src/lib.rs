//! Exercises for the book. Each module is one exercise: read its doc comment,
//! replace every `todo!()` with your answer, and check it:
//!
//! ```sh
//! cargo xtask exercises            # every exercise: solved / unsolved / does not compile
//! cargo xtask exercise shrinkage   # one exercise's checks, with their messages
//! ```
//!
//! Each exercise is behind a cargo feature of the same name, so the checker
//! builds it alone and a compile error in one exercise does not hide the
//! others. The same checks (`exercises/checks/`) run against the worked
//! answers in `solutions/`.
// Stubs leave their arguments and the imports they hint at unused until
// you fill them in.
#![allow(unused_variables, unused_imports)]

/// Assertions the checks share (expected vs got, with a tolerance).
#[cfg(test)]
#[path = "../checks/common.rs"]
mod common;

#[cfg(feature = "beta_mean_size")]
pub mod beta_mean_size;
#[cfg(feature = "correlated_effects")]
pub mod correlated_effects;
#[cfg(feature = "hand_gradient")]
pub mod hand_gradient;
#[cfg(feature = "hospitals")]
pub mod hospitals;
#[cfg(feature = "hsb_ppc")]
pub mod hsb_ppc;
#[cfg(feature = "new_school")]
pub mod new_school;
#[cfg(feature = "non_centred")]
pub mod non_centred;
#[cfg(feature = "shrinkage")]
pub mod shrinkage;
#[cfg(feature = "survey_sizes")]
pub mod survey_sizes;
