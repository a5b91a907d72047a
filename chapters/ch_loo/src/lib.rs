//! LOO model comparison: complete, no and partial pooling of the Eight Schools,
//! compared by PSIS-LOO (with exact leave-one-out densities beside it), WAIC,
//! stacking and pseudo-BMA+ weights.
//!
//! `cargo run --release -p ch_loo -- --help` lists the flags.

pub mod exact;
mod plots;
pub mod pooling_models;
mod tables;

use anyhow::{Result, bail};
use chapter_support::output::default_out_dir;
use chapter_support::{OutputDir, SamplingArgs, timed};
use clap::Parser;
use loo::{Comparison, LooResult, WaicResult};
use sampler::{Fit, Model};
use std::path::PathBuf;

/// Command-line flags of the LOO chapter.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "ch_loo",
    about = "LOO comparison of three pooling strategies for the Eight Schools"
)]
pub struct Args {
    /// Sampling flags shared by every chapter.
    #[command(flatten)]
    pub sampling: SamplingArgs,
    /// Bayesian-bootstrap replicates for the pseudo-BMA+ weights (seeded by --seed).
    #[arg(long, default_value_t = 1000)]
    pub bootstrap: usize,
    /// Directory for figures and tables (default: out/loo, a git-ignored
    /// scratch directory; `cargo xtask book` writes the book's copy).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// This chapter's defaults for the shared flags: 2000 kept draws per chain, target
/// acceptance 0.9.
pub const DEFAULTS: &[(&str, &str)] = &[("draws", "2000"), ("target_accept", "0.9")];

impl Args {
    /// Parses flags (the first item is the program name) with [`DEFAULTS`].
    pub fn parse_from_iter<I, T>(itr: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        chapter_support::args::parse_with_defaults(DEFAULTS, itr)
    }

    /// Checks every flag before any work starts.
    pub fn validate(&self) -> Result<()> {
        self.sampling.validate()?;
        if self.bootstrap == 0 {
            bail!("--bootstrap must be at least 1");
        }
        Ok(())
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
    Ok(ModelResult {
        name,
        fit,
        r_eff,
        loo,
        waic,
        exact,
    })
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
        evaluate(
            "no pooling",
            &pooling_models::no_pooling()?,
            exact::no_pooling(),
            args,
        )?,
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
    Ok(Outcome {
        models,
        comparison,
        pseudo_bma,
    })
}
// ANCHOR_END: evaluate

/// Runs the chapter: fits, writes figures and tables to `--out`, draws (with their
/// `log_lik` columns) to `--draws-dir` if given, and prints a summary to stdout.
pub fn run(args: &Args) -> Result<()> {
    args.validate()?;
    let out_dir = args.out.clone().unwrap_or_else(|| default_out_dir("loo"));
    let out = OutputDir::create(&out_dir)?;
    let outcome = compute(args)?;
    tables::write_all(&out, &outcome)?;
    plots::write_all(&out, &outcome)?;
    if let Some(dir) = &args.sampling.draws_dir {
        for m in &outcome.models {
            let file_name = format!("eight_schools_{}", m.name.replace(' ', "_"));
            sampler::cmdstan_csv::write_cmdstan_csv(dir, &file_name, &m.fit)?;
        }
    }
    print!("{}", tables::console_report(&outcome)?);
    chapter_support::output::report_written("loo", &out_dir, args.sampling.quiet);
    Ok(())
}
