//! Leave-one-out cross-validation by Pareto smoothed importance sampling (PSIS-LOO),
//! WAIC, model comparison and model weights.
//!
//! The numbers agree with ArviZ 0.23 (`az.psislw`, `az.loo`, `az.waic`, `az.compare`)
//! on identical draws; `tests/arviz_parity.rs` checks this against a committed fixture.
//!
//! # API summary (stable: other chapters build on it)
//!
//! Log-likelihood draws are passed as `log_lik: &[Vec<f64>]`, **draws × observations**:
//! `log_lik[s][i] = log p(y_i | θ⁽ˢ⁾)`, with the draws of all chains pooled in chain
//! order (chain 1's draws, then chain 2's, …). Every function returns
//! [`Result`]`<_, `[`LooError`]`>` on bad input (empty, ragged, non-finite, wrong lengths).
//!
//! | call | returns |
//! |---|---|
//! | [`WithLogLik`]`::new(model, n, |constrained, out| ..)` | any `sampler::Model` plus `log_lik.1 … log_lik.N` outputs |
//! | [`log_lik_from_fit`]`(&fit, "log_lik")` | draws × observations from a fit's `log_lik.1 … log_lik.N` columns |
//! | [`relative_eff`]`(log_lik, num_chains)` | `Vec<f64>`: r_eff per observation, ESS of exp(log_lik) / S |
//! | [`psis`]`(log_ratios, r_eff)` | [`Psis`] `{ log_weights (normalised), pareto_k, tail_len }` for one vector of log ratios |
//! | [`loo`]`(log_lik, r_eff)` | [`LooResult`] `{ elpd_loo, se, p_loo, looic, lppd, pointwise, p_loo_pointwise, pareto_k, good_k, .. }` |
//! | [`loo_by_blocks`]`(n, block, num_chains, |range| ..)` | [`LooResult`] of `n` observations, `block` at a time (for data too big for one matrix) |
//! | [`waic`]`(log_lik)` | [`WaicResult`] `{ elpd_waic, se, p_waic, waic, pointwise, p_waic_pointwise, .. }` |
//! | [`join_loo`]`(&parts)`, [`join_waic`]`(&parts)` | one result from the results of consecutive blocks of observations |
//! | [`compare`]`(&[(name, &LooResult)])` | [`Comparison`] rows ranked best first: `elpd, p, se, elpd_diff, se_diff, weight` (stacking) |
//! | [`stacking_weights`]`(&[&[f64]])` | `Vec<f64>`: stacking weights from each model's pointwise elpd |
//! | [`pseudo_bma_plus_weights`]`(&[&[f64]], draws, seed)` | `Vec<f64>`: pseudo-BMA+ weights (seeded Bayesian bootstrap) |
//! | [`gpd_fit`]`(sorted_exceedances)` | `(k, sigma)`: Zhang–Stephens generalised Pareto fit with the weak prior on k |
//! | [`KhatCategory`]`::of(k, good_k)`, [`khat_threshold`]`(S)` | Pareto-k diagnostics |
//!
//! `r_eff` is one value per observation (R's `loo` convention). ArviZ 0.23 uses a single
//! scalar; pass `vec![r; n]` to reproduce it. [`relative_eff`] computes the per-observation
//! value as R's `loo::relative_eff` does, with ArviZ's split-chain mean ESS.
//!
//! Standard errors follow ArviZ: `se = sqrt(N · var(pointwise))` with the population
//! variance (divisor N), and the same for `se_diff`; p_waic uses the population variance
//! of the log-likelihood draws.
//!
//! ```
//! // Two draws' worth of log-likelihood is too few to fit a tail, but the API is the same
//! // for any size: draws × observations.
//! let log_lik: Vec<Vec<f64>> = (0..400)
//!     .map(|s| (0..3).map(|i| -0.5 * ((s % 20) as f64 / 10.0 - 1.0 - i as f64 * 0.1).powi(2)).collect())
//!     .collect();
//! let r_eff = vec![1.0; 3];
//! let res = loo::loo(&log_lik, &r_eff).unwrap();
//! assert_eq!(res.pointwise.len(), 3);
//! assert!(res.p_loo >= 0.0);
//! let w = loo::waic(&log_lik).unwrap();
//! assert!((w.elpd_waic - res.elpd_loo).abs() < 0.05);
//! ```
//!
//! References:
//! * Vehtari, Gelman & Gabry (2017), "Practical Bayesian model evaluation using
//!   leave-one-out cross-validation and WAIC", *Statistics and Computing* 27.
//! * Vehtari, Simpson, Gelman, Yao & Gabry (2024), "Pareto Smoothed Importance Sampling",
//!   *Journal of Machine Learning Research* 25(72).
//! * Zhang & Stephens (2009), "A New and Efficient Estimation Method for the Generalized
//!   Pareto Distribution", *Technometrics* 51(3).
//! * Watanabe (2010), "Asymptotic Equivalence of Bayes Cross Validation and Widely
//!   Applicable Information Criterion in Singular Learning Theory", *JMLR* 11.
//! * Yao, Vehtari, Simpson & Gelman (2018), "Using Stacking to Average Bayesian Predictive
//!   Distributions", *Bayesian Analysis* 13(3).

mod blocks;
mod compare;
mod error;
mod from_fit;
mod gpd;
mod input;
mod khat;
mod loo_cv;
mod pseudo_bma;
mod psis;
mod reff;
mod stacking;
mod waic;
mod with_log_lik;

pub use blocks::{join_loo, join_waic, loo_by_blocks};
pub use compare::{Comparison, ComparisonRow, PointwiseElpd, compare};
pub use error::{LooError, Result};
pub use from_fit::log_lik_from_fit;
pub use gpd::{gpd_fit, gpd_quantile};
pub use khat::{KhatCategory, khat_threshold};
pub use loo_cv::{LooResult, loo};
pub use pseudo_bma::pseudo_bma_plus_weights;
pub use psis::{Psis, psis, psis_tail_len};
pub use reff::relative_eff;
pub use sampler::logsumexp::logsumexp;
pub use stacking::stacking_weights;
pub use waic::{WaicResult, waic};
pub use with_log_lik::WithLogLik;
