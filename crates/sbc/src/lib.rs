//! Simulation-based calibration (SBC): checking the whole inference pipeline
//! over data sets drawn from the prior.
//!
//! If parameters are drawn from the prior, data from the model given them,
//! and the posterior is then sampled correctly, the rank of each true value
//! among (independent) posterior draws is uniform. Any systematic departure
//! points at a bug in the model code, a transform, or the sampler; a skewed
//! rank histogram means bias, a ∪ shape over-confidence, a ∩ shape
//! under-confidence.
//!
//! * [`simulator`]: the prior-and-data simulator a model provides;
//! * [`priors`]: the simulators of the book's models that the appendix calibrates;
//! * [`rank`]: thinning by effective sample size, ranks, and randomised PIT values;
//! * [`run`]: the replication loop, parallel and reproducible;
//! * [`uniformity`]: rank histograms with binomial bands, a chi-square test,
//!   and simultaneous ECDF bands;
//! * [`recover`]: simulate and recover — data from chosen or prior-drawn true
//!   values, and where each truth falls in its posterior, replicate after
//!   replicate ([`ks`] tests the quantiles for uniformity).
//!
//! References: Talts, Betancourt, Simpson, Vehtari & Gelman (2018),
//! "Validating Bayesian inference algorithms with simulation-based
//! calibration", arXiv:1804.06788; Säilynoja, Bürkner & Vehtari (2022),
//! "Graphical test for discrete uniformity and its applications in goodness
//! of fit evaluation and multiple sample comparison", Statistics and
//! Computing 32; Modrák et al. (2023), "Simulation-based calibration checking
//! for Bayesian computation: the choice of test quantities shapes
//! sensitivity", Bayesian Analysis.

pub mod ks;
pub mod priors;
pub mod rank;
pub mod recover;
pub mod run;
pub mod simulator;
pub mod uniformity;

pub use recover::{RecoverSettings, Recovery, Truth, simulate_and_recover};
pub use run::{Replication, SbcResult, SbcSettings, run_sbc};
pub use simulator::PriorSimulator;
pub use uniformity::{EcdfBand, chi_square_test, ecdf_band, histogram_band};
