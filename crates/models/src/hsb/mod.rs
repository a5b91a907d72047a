//! High School and Beyond (1982): the data loader, the four fits of its chapter
//! (complete, no and partial pooling, centred and non-centred) and the reading of a
//! fit as one line per school. The models themselves are
//! [`crate::pooling_regression`] and [`crate::varying_slopes`].

pub mod data;
pub mod declared;
pub mod fits;
pub mod lines;

/// The data file shipped with the book, `data/hsb82.csv`.
pub const DEFAULT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/hsb82.csv");
