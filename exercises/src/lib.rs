//! Exercises for the book. Each module is one exercise: read its doc comment,
//! replace every `todo!()` with your answer, and run its tests:
//!
//! ```sh
//! cargo test -p exercises shrinkage
//! ```
//!
//! The same tests run against the worked answers in `solutions/`.
#![allow(unused_variables)]

pub mod shrinkage;
