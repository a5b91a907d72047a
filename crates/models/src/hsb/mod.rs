//! High School and Beyond (1982): the data loader, the least-squares baselines,
//! the five fits of its chapter (complete, no and partial pooling, centred and
//! non-centred, and partial pooling with correlated intercepts and slopes), the
//! reading of a fit as one line per school, and what each fit predicts. The
//! models themselves are [`crate::pooling_regression`], [`crate::varying_slopes`]
//! and [`crate::correlated_slopes`].

pub mod data;
pub mod declared;
pub mod declared_correlated;
pub mod fits;
pub mod lines;
pub mod ols;
pub mod predictive;

/// The data file shipped with the book, `data/hsb82.csv`.
pub const DEFAULT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/hsb82.csv");
