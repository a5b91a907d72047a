//! The No-U-Turn Sampler (NUTS) as Stan runs it, written to be read.
//!
//! Data flows one way through this crate:
//!
//! * a [`Model`] gives the log density and its gradient on the unconstrained
//!   space ([`model`], checked by [`gradient_check`]);
//! * [`fit`](fn@fit) runs several chains in parallel ([`run`]), each one a loop of
//!   warmup and sampling ([`chain`]);
//! * every iteration is one NUTS transition ([`nuts`]) built from leapfrog
//!   steps ([`hamiltonian`]) under a diagonal metric ([`metric`]) or,
//!   optionally, nutpie's low-rank-plus-diagonal one ([`low_rank`],
//!   [`Settings::low_rank`], estimated by [`low_rank_estimate`]);
//! * warmup ([`adaptation`] holds its two loops) tunes the step size by dual
//!   averaging ([`step_size`]) and the metric, by default by windowed
//!   variance estimation ([`mass_matrix`]) on Stan's schedule ([`warmup`]),
//!   or on nutpie's rolling windows ([`rolling`], [`Settings::rolling`]);
//! * the result is a [`Fit`], which can be written as CmdStan CSV
//!   ([`cmdstan_csv`]) for ArviZ or R's `posterior`.
//!
//! References: Hoffman & Gelman (2014), "The No-U-Turn Sampler", JMLR 15;
//! Betancourt (2017), "A Conceptual Introduction to Hamiltonian Monte Carlo",
//! arXiv:1701.02434; the Stan reference manual, "MCMC Sampling".

mod adapt_metric;
pub mod adaptation;
pub mod chain;
pub mod cmdstan_csv;
pub mod error;
pub mod fit;
pub mod gradient_check;
pub mod hamiltonian;
pub mod hook;
pub mod logsumexp;
pub mod low_rank;
pub mod low_rank_estimate;
pub mod mass_matrix;
pub mod metric;
pub mod model;
pub mod nuts;
pub mod progress;
pub mod rng;
pub mod rolling;
pub mod run;
pub mod settings;
mod state;
pub mod stats;
pub mod step_size;
pub mod sums;
pub mod symmetric_accept;
pub mod warmup;

pub use error::{Result, SamplerError};
pub use fit::{ChainDraws, Fit};
pub use gradient_check::{GradientCheck, check_gradient};
pub use hook::{Control, Hook, Iteration, Phase};
pub use logsumexp::logsumexp;
pub use low_rank_estimate::LowRankOptions;
pub use model::Model;
pub use rolling::MetricEstimate;
pub use run::{fit, fit_replication, fit_with_hook};
pub use settings::{Adaptation, MetricKind, Settings};
pub use stats::DrawStats;
