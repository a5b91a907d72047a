//! The sampler's error type: everything that can go wrong is a value, not a panic.

use thiserror::Error;

/// What can stop a fit before it produces draws.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum SamplerError {
    /// A setting is outside its allowed range (e.g. zero chains, target acceptance ≥ 1).
    #[error("invalid setting: {0}")]
    InvalidSettings(String),
    /// No initial point with a finite log density and gradient was found.
    #[error(
        "chain {chain}: no initial value with a finite log density and gradient after {tries} tries \
         (uniform(-{radius}, {radius}) on the unconstrained scale); check the model and data"
    )]
    InitializationFailed {
        /// Chain index (from 1, as printed to users).
        chain: usize,
        /// How many random points were tried.
        tries: usize,
        /// Half-width of the uniform initialisation box.
        radius: f64,
    },
    /// The step-size heuristic ran off to 0 or infinity.
    #[error("chain {chain}: step-size search failed: {reason}")]
    StepSizeSearch {
        /// Chain index (from 1).
        chain: usize,
        /// What went wrong.
        reason: String,
    },
    /// Warmup estimated a metric with an infinite, NaN or non-positive
    /// entry (Stan stops here too); sampling on would freeze the chain.
    #[error(
        "chain {chain}: the metric adapted at warmup iteration {iteration} is not finite \
         (inverse mass {value} for unconstrained coordinate {coordinate}); the chain has \
         probably run off to extreme values: check the model's scales and priors"
    )]
    NonFiniteMetric {
        /// Chain index (from 1).
        chain: usize,
        /// Warmup iteration (from 1) that closed the window.
        iteration: usize,
        /// Unconstrained coordinate (from 1).
        coordinate: usize,
        /// The offending value.
        value: f64,
    },
    /// The caller's hook asked the fit to stop.
    #[error("chain {chain}: the fit was cancelled at iteration {iteration}")]
    Cancelled {
        /// Chain index (from 1) whose hook asked first.
        chain: usize,
        /// Iteration (from 1, warmup included) at which it asked.
        iteration: usize,
    },
    /// The model's output does not match its declared dimension or names.
    #[error("model error: {0}")]
    Model(String),
    /// Writing draws failed.
    #[error("I/O error writing {path}: {message}")]
    Io {
        /// The file or directory involved.
        path: String,
        /// The operating system's message.
        message: String,
    },
}

/// Shorthand for results whose error is a [`SamplerError`].
pub type Result<T> = std::result::Result<T, SamplerError>;
