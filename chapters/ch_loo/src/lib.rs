//! LOO model comparison: complete, no and partial pooling of the Eight Schools,
//! compared by PSIS-LOO (with exact leave-one-out densities beside it), WAIC,
//! stacking and pseudo-BMA+ weights.
//!
//! `cargo run --release -p ch_loo -- --help` lists the flags.

mod plots;
pub mod pooling_models;
mod tables;

use anyhow::Result;
use chapter_support::args::at_least;
use chapter_support::{ChapterArgs, Defaults, Writer, timed};
use loo::{Comparison, LooResult, WaicResult};
use models::eight_schools_loo as exact;
use sampler::{Fit, Model};

/// The LOO chapter's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Bayesian-bootstrap replicates for the pseudo-BMA+ weights (seeded by --seed).
    #[arg(long, default_value_t = 1000)]
    pub bootstrap: usize,
}

/// The LOO chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the LOO chapter: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "loo";
    type Flags = Flags;
    type Outcome = Outcome;
    /// 2000 kept draws per chain, target acceptance 0.9.
    const DEFAULTS: Defaults = &[("draws", "2000"), ("target_accept", "0.9")];
    const ABOUT: &'static str = "LOO comparison of three pooling strategies for the Eight Schools";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        at_least("bootstrap", args.bootstrap, 1)
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        let stem = |m: &ModelResult| format!("eight_schools_{}", m.name.replace(' ', "_"));
        o.models.iter().map(|m| (stem(m), &m.fit)).collect()
    }
}

/// One model's fit and its predictive accuracy.
#[derive(Debug, Clone)]
pub struct ModelResult {
    /// Display name ("complete pooling", …).
    pub name: &'static str,
    /// The fit, with `log_lik.1 … log_lik.8` columns.
    pub fit: Fit,
    /// Relative efficiency of each school's likelihood draws.
    pub r_eff: Vec<f64>,
    /// PSIS-LOO.
    pub loo: LooResult,
    /// WAIC.
    pub waic: WaicResult,
    /// Exact `log p(y_i | y_{-i})` per school.
    pub exact: Vec<f64>,
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Complete, no and partial pooling, in that order.
    pub models: Vec<ModelResult>,
    /// The models ranked by elpd_loo, with stacking weights.
    pub comparison: Comparison,
    /// Pseudo-BMA+ weights, in the order of `models`.
    pub pseudo_bma: Vec<f64>,
}

// ANCHOR: evaluate
/// Fits `model`, reads its pointwise log-likelihood, and estimates elpd three ways.
fn evaluate<M: Model>(
    name: &'static str,
    model: &M,
    exact: Vec<f64>,
    args: &Args,
) -> Result<ModelResult> {
    let settings = args.sampling.settings();
    let fit = timed(name, args.sampling.quiet, || sampler::fit(model, &settings))?;
    chapter_support::report_warnings(name, &fit, args.sampling.quiet);
    let log_lik = loo::log_lik_from_fit(&fit, "log_lik")?;
    let r_eff = loo::relative_eff(&log_lik, fit.chains.len())?;
    let loo = loo::loo(&log_lik, &r_eff)?;
    let waic = loo::waic(&log_lik)?;
    Ok(ModelResult { name, fit, r_eff, loo, waic, exact })
}

/// Fits the three models and compares them.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let models = vec![
        evaluate(
            "complete pooling",
            &pooling_models::complete_pooling()?,
            exact::complete_pooling(),
            args,
        )?,
        evaluate("no pooling", &pooling_models::no_pooling()?, exact::no_pooling(), args)?,
        evaluate(
            "partial pooling",
            &pooling_models::partial_pooling(),
            exact::partial_pooling(),
            args,
        )?,
    ];
    let named: Vec<(&str, &LooResult)> = models.iter().map(|m| (m.name, &m.loo)).collect();
    let comparison = loo::compare(&named)?;
    let pointwise: Vec<&[f64]> = models.iter().map(|m| m.loo.pointwise.as_slice()).collect();
    let pseudo_bma = loo::pseudo_bma_plus_weights(&pointwise, args.bootstrap, args.sampling.seed)?;
    Ok(Outcome { models, comparison, pseudo_bma })
}
// ANCHOR_END: evaluate

/// Runs the chapter: fits, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a short report to stdout.
pub use chapter_support::run;
