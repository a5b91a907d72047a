//! The crate's error type: bad input is a value, never a panic.

use thiserror::Error;

/// What can be wrong with the draws or arguments passed to this crate.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum LooError {
    /// No draws, or no observations.
    #[error("empty input: {0}")]
    Empty(&'static str),
    /// The draws do not all have the same number of observations.
    #[error("draw {draw} has {found} log-likelihood values, expected {expected}")]
    Ragged {
        /// Index of the offending draw (from 0).
        draw: usize,
        /// Length of the first draw.
        expected: usize,
        /// Length of this draw.
        found: usize,
    },
    /// A log-likelihood or log-ratio value is NaN or infinite.
    #[error("non-finite value {value} at draw {draw}, observation {observation}")]
    NonFinite {
        /// Draw index (from 0).
        draw: usize,
        /// Observation index (from 0).
        observation: usize,
        /// The value found.
        value: f64,
    },
    /// Two arguments that must agree in length do not.
    #[error("length mismatch: {what} has length {found}, expected {expected}")]
    Length {
        /// Which argument.
        what: &'static str,
        /// Expected length.
        expected: usize,
        /// Actual length.
        found: usize,
    },
    /// An argument is outside its allowed range.
    #[error("invalid argument: {0}")]
    Invalid(String),
}

/// Shorthand for results whose error is a [`LooError`].
pub type Result<T> = std::result::Result<T, LooError>;
