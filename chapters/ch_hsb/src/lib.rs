//! High School and Beyond end to end: 7185 students in 160 schools, math
//! achievement against socio-economic status. Least-squares baselines, then
//! complete, no and partial pooling with our NUTS (partial pooling centred
//! and non-centred, and with correlated intercepts and slopes), posterior
//! predictive checks, and LOO/WAIC comparison; the figures and tables go into
//! the book.
//!
//! `cargo run --release -p ch_hsb -- --help` lists the flags.

pub mod comparison;
pub mod correlated;
pub mod eda;
mod interval;
mod plots_draws;
mod plots_eda;
mod plots_fits;
mod plots_ppc;
mod plots_schools;
pub mod reference;
pub mod source;
pub mod tables;
mod tables_fits;
mod tables_loo;

use anyhow::{Context, Result};
use chapter_support::{ChapterArgs, OutputDir, Writer, timed};
use comparison::{ModelComparison, compare_models};
use eda::Eda;
use models::hsb::data::Hsb;
use models::hsb::fits::{self, ModelFit, ModelKind};
use models::hsb::ols::{self, LinearFit, NoPoolingFit};
use models::hsb::predictive::{self, PredictiveCheck, with_log_lik};
use sampler::Fit;
use std::path::{Path, PathBuf};

pub use models::hsb::DEFAULT_DATA;

/// Number of schools shown one by one (the source's 12 random schools).
pub const SAMPLE_SIZE: usize = 12;

/// Replicated data sets kept for the predictive density overlays.
pub const NUM_REPLICATES: usize = 100;

/// Schools (1-based, as the book numbers them) of the per-school predictive checks.
pub const CHECKED_SCHOOLS: [usize; 5] = [1, 25, 50, 100, 150];

/// The High School and Beyond chapter's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// The data: a CSV file with columns school, ses and mAch.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DATA)]
    pub data: PathBuf,
    /// With --draws-dir, also write each model's 7185 pointwise log-likelihood
    /// columns (log_lik.1, ...) into its CSV files: hundreds of megabytes each.
    #[arg(long, requires = "draws_dir")]
    pub export_log_lik: bool,
    /// Target acceptance rate of the correlated model's fit alone (the others use
    /// --target-accept): at the default 0.8 its chains met a divergence.
    #[arg(long, value_name = "RATE", default_value_t = CORRELATED_TARGET_ACCEPT)]
    pub correlated_target_accept: f64,
}

/// The High School and Beyond chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the High School and Beyond chapter: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "hsb";
    type Flags = Flags;
    type Outcome = Outcome;
    const ABOUT: &'static str =
        "High School and Beyond: complete, no and partial pooling of school lines";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[write_outputs];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        let stem = |m: &ModelFit| format!("hsb_{}", m.kind.key());
        o.fits.iter().map(|m| (stem(m), &m.fit)).collect()
    }

    /// The fits of [`Chapter::fits`](chapter_support::Chapter::fits), each with
    /// its pointwise log likelihood ([`with_log_lik`]) when `--export-log-lik`
    /// asks for it. Replicated data are never written: at 7185 columns per
    /// draw they would dwarf everything else.
    fn write_draws(args: &Args, o: &Outcome, dir: &Path) -> Result<()> {
        for (stem, fit) in Self::fits(o) {
            let with = if args.export_log_lik { Some(with_log_lik(&o.data, fit)?) } else { None };
            sampler::cmdstan_csv::write_cmdstan_csv(dir, &stem, with.as_ref().unwrap_or(fit))?;
        }
        Ok(())
    }
}

/// The correlated model's default target acceptance rate.
pub const CORRELATED_TARGET_ACCEPT: f64 = 0.9;

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The data.
    pub data: Hsb,
    /// Exploratory summaries and the sample of schools.
    pub eda: Eda,
    /// `lm(mathach ~ ses)`.
    pub ols_complete: LinearFit,
    /// `lm(mathach ~ 0 + school + ses:school)`.
    pub ols_no_pooling: NoPoolingFit,
    /// The five fits, in [`ModelKind::ALL`] order.
    pub fits: Vec<ModelFit>,
    /// Predictive checks of the compared models, in [`ModelKind::COMPARED`] order.
    pub checks: Vec<PredictiveCheck>,
    /// LOO and WAIC of the ranked models ([`ModelKind::RANKED`]).
    pub comparison: ModelComparison,
}

impl Outcome {
    /// The fit of `kind`; an error if the chapter did not fit it.
    pub fn fit(&self, kind: ModelKind) -> Result<&Fit> {
        self.fits
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| &f.fit)
            .with_context(|| format!("the chapter has no fit of {}", kind.label()))
    }

    /// The predictive check of `kind`; an error unless `kind` is one of
    /// [`ModelKind::COMPARED`].
    pub fn check(&self, kind: ModelKind) -> Result<&PredictiveCheck> {
        ModelKind::COMPARED
            .iter()
            .position(|k| *k == kind)
            .and_then(|i| self.checks.get(i))
            .with_context(|| format!("the chapter has no predictive check of {}", kind.label()))
    }
}

/// Loads the data, fits everything and computes every check.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.sampling.validate()?;
    let quiet = args.sampling.quiet;
    let data = Hsb::load(&args.data)?;
    let eda = eda::explore(&data, SAMPLE_SIZE, args.sampling.seed);
    let ols_complete = ols::complete_pooling(&data)?;
    let ols_no_pooling = ols::no_pooling(&data)?;
    let grouped = data.grouped()?;
    let settings = args.sampling.settings();
    let correlated =
        sampler::Settings { target_accept: args.correlated_target_accept, ..settings.clone() };
    correlated.validate()?;
    let fits = ModelKind::ALL
        .iter()
        .map(|&kind| match kind {
            ModelKind::Correlated => fits::fit_model(kind, &grouped, &correlated, quiet),
            _ => fits::fit_model(kind, &grouped, &settings, quiet),
        })
        .collect::<sampler::Result<Vec<_>>>()?;
    for m in &fits {
        let label = format!("{} fit", m.kind.label());
        chapter_support::report_warnings(&label, &m.fit, quiet);
    }
    let checks = timed("predictive checks", quiet, || {
        ModelKind::COMPARED
            .iter()
            .map(|&kind| {
                let m = fits
                    .iter()
                    .find(|m| m.kind == kind)
                    .ok_or_else(|| anyhow::anyhow!("no fit of {}", kind.label()))?;
                Ok(predictive::predictive_check(&data, m, NUM_REPLICATES, args.sampling.seed)?)
            })
            .collect::<Result<Vec<_>>>()
    })?;
    let comparison =
        timed("LOO and WAIC", quiet, || compare_models(&data, &fits, &ModelKind::RANKED))?;
    Ok(Outcome { data, eda, ols_complete, ols_no_pooling, fits, checks, comparison })
}

/// Writes every table and figure of `outcome` into `out`.
pub fn write_outputs(out: &OutputDir, outcome: &Outcome) -> Result<()> {
    tables::write_all(out, outcome)?;
    plots_eda::write_all(out, outcome)?;
    plots_draws::write_all(out, outcome)?;
    plots_fits::write_all(out, outcome)?;
    plots_schools::write_all(out, outcome)?;
    plots_ppc::write_all(out, outcome)?;
    correlated::write_all(out, outcome)?;
    Ok(())
}

/// Runs the chapter: fits, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a readable summary to stdout.
pub use chapter_support::run;
