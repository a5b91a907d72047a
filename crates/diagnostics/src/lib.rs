//! Convergence diagnostics and posterior summaries for MCMC draws, computed exactly as
//! ArviZ 0.23 (and R's `posterior`) do.
//!
//! Everything follows Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021),
//! "Rank-normalization, folding, and localization: An improved R-hat for assessing
//! convergence of MCMC", *Bayesian Analysis* 16(2). Draws are passed as
//! `chains: &[Vec<f64>]`, one `Vec` per chain, all of equal length, in draw order.
//! Where ArviZ returns NaN (too few draws, constant draws, NaN input) so do these
//! functions; none panics on such data. `tests/arviz_parity.rs` checks every statistic
//! against values produced by ArviZ itself.
//!
//! Beside them, a few generic statistics as R computes them: rstan's `print(fit)`
//! summary ([`rstan`]), R's `summary()` of a vector ([`FiveNumbers`]), Gaussian kernel
//! densities with `bw.nrd0` ([`kde`]) and a binned-means smoother ([`binned_means`]).
//!
//! ```
//! let chains: Vec<Vec<f64>> = (0..4)
//!     .map(|c| (0..200).map(|i| (((i * 31 + c * 7) % 97) as f64 / 97.0) - 0.5).collect())
//!     .collect();
//! let row = diagnostics::summarize("theta", &chains, 0.89);
//! assert!(row.r_hat < 1.05);
//! ```

mod autocov;
mod binned;
mod chains;
mod ebfmi;
mod ess;
mod format;
mod intervals;
pub mod kde;
mod labels;
mod mcse;
mod named;
mod normal;
mod ranks;
mod recovery;
mod rhat;
pub mod rstan;
mod summary;
mod warnings;

pub use autocov::autocov;
pub use binned::binned_means;
pub use chains::{mean, mean_se, sd, split_chains};
pub use ebfmi::ebfmi;
pub use ess::{ess_bulk, ess_mean, ess_quantile, ess_sd, ess_tail};
pub use format::{fixed, sig};
pub use intervals::{
    Estimate, FiveNumbers, hdi, median, median_range, quantile, quantile_unsorted,
};
pub use labels::{LabelError, ParamLabels};
pub use mcse::{mcse_mean, mcse_quantile, mcse_sd, share_below};
pub use named::{MissingParameter, NamedDraws, summarize_named};
pub use normal::inv_normal_cdf;
pub use ranks::{average_ranks, rank_normalize};
pub use recovery::{TruthCheck, coverage, misses, truth_checks};
pub use rhat::{rhat, rhat_bulk, rhat_tail};
pub use summary::{SummaryRow, hdi_labels, summarize, summary_markdown};
pub use warnings::{FitFacts, Warning, warnings};
