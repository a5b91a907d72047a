//! A side-by-side benchmark of our NUTS against `nuts-rs`, the engine behind
//! nutpie, on the book's own log densities.
//!
//! Both samplers see exactly the same [`sampler::Model`]: ours calls it
//! directly, `nuts-rs` through the thin adapter in [`nutsrs`]. Each fit runs
//! 4 chains of 1000 warmup and 1000 kept draws; the draws of both are mapped
//! to the same constrained values and judged by the same function,
//! [`diagnostics::ess_bulk`], so the efficiency numbers are comparable.
//!
//! * [`targets`]: the benchmark models, including the 100-dimensional
//!   correlated Gaussian built here;
//! * [`ours`] and [`nutsrs`]: one fit with each sampler, timed in wall-clock
//!   and CPU seconds ([`cpu_time`]);
//! * [`record`]: what a fit reports (time, gradients, divergences, ESS) and
//!   medians over seeds;
//! * [`report`]: the markdown tables and the machine description;
//! * [`interval`] and [`goals`]: bootstrap intervals over seeds for every
//!   ratio, and the goals table that judges them;
//! * [`low_rank`]: the low-rank metric against our diagonal one and against
//!   `nuts-rs`'s low-rank option, on every model and on the factor target
//!   built for it;
//! * [`peers`]: the table `peers/peers.py` wrote for Stan, PyMC and nutpie,
//!   read back and set beside ours.
//!
//! `cargo run --release -p bench -- --help` lists the flags.

pub mod cpu_time;
pub mod goals;
pub mod interval;
pub mod low_rank;
pub mod nutsrs;
pub mod ours;
pub mod peers;
pub mod record;
pub mod report;
pub mod targets;
