//! Eight Schools end to end: fit the centred and non-centred models with our
//! NUTS, compare both with the exact posterior, check the model with
//! posterior predictive draws, predict a new school, fit a covariate model
//! for schools that are not exchangeable, refit under four pairs of
//! hyperpriors (prior sensitivity), and write the chapter's figures and
//! tables into the book.
//!
//! `cargo run --release -p ch_eight_schools -- --help` lists the flags.

pub mod covariate;
mod plots;
pub mod predictive;
pub mod priors;
mod tables;
mod tables_predictive;
mod tables_priors;

use anyhow::Result;
use chapter_support::{ChapterArgs, Defaults, NoFlags, Writer, fit_summary, timed, timed_fit};
use covariate::CovariateStudy;
use diagnostics::SummaryRow;
use models::eight_schools_exact::ExactPosterior;
use models::eight_schools_predictive::{self, Predictive};
use models::{EightSchools, Parameterization};
use priors::PriorRow;
use sampler::Fit;

/// Probability mass of the highest-density intervals reported in this chapter.
pub const HDI_PROB: f64 = 0.89;

/// The Eight Schools chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the Eight Schools chapter: the shared ones.
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "eight_schools";
    type Flags = NoFlags;
    type Outcome = Outcome;
    /// 4 chains of 1000 warmup and 2000 kept draws, target acceptance 0.9.
    const DEFAULTS: Defaults = &[("draws", "2000"), ("target_accept", "0.9")];
    const ABOUT: &'static str =
        "Eight Schools: centred vs non-centred NUTS and the exact posterior";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        vec![
            ("eight_schools_centred".into(), &o.centred),
            ("eight_schools_noncentred".into(), &o.non_centred),
            ("eight_schools_covariate".into(), &o.covariate.fit),
        ]
    }
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The centred fit.
    pub centred: Fit,
    /// The non-centred fit.
    pub non_centred: Fit,
    /// Summaries of `mu`, `tau`, `theta.1..8` for the centred fit.
    pub centred_summary: Vec<SummaryRow>,
    /// The same for the non-centred fit.
    pub non_centred_summary: Vec<SummaryRow>,
    /// The exact posterior, for comparison.
    pub exact: ExactPosterior,
    /// Replicated data and a new school's effect, from the non-centred fit.
    pub predictive: Predictive,
    /// The covariate model of exercise 5.8.4 d.
    pub covariate: CovariateStudy,
    /// The prior-sensitivity check: one row per pair of hyperpriors.
    pub priors: Vec<PriorRow>,
}

/// Names of the parameters the chapter reports, in table order.
pub fn reported_names() -> Vec<String> {
    let mut names = vec!["mu".to_string(), "tau".to_string()];
    names.extend((1..=8).map(|i| format!("theta.{i}")));
    names
}

/// Fits both parameterisations with the flags' settings (the chapter's own
/// defaults: 2000 draws, target acceptance 0.9, unless the user overrode them).
pub fn compute(args: &Args) -> Result<Outcome> {
    args.sampling.validate()?;
    let settings = args.sampling.settings();
    let quiet = args.sampling.quiet;
    let names = reported_names();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let fit_one = |p: Parameterization, label: &str| {
        timed_fit(label, quiet, || sampler::fit(&EightSchools::new(p), &settings))
    };
    let centred = fit_one(Parameterization::Centred, "centred fit")?;
    let non_centred = fit_one(Parameterization::NonCentred, "non-centred fit")?;
    let predictive = eight_schools_predictive::draw(&non_centred, settings.seed)?;
    let covariate = timed("covariate study", quiet, || covariate::run(&settings))?;
    let priors = timed("prior sensitivity", quiet, || priors::run(&settings))?;
    Ok(Outcome {
        centred_summary: fit_summary(&centred, &names, HDI_PROB)?,
        non_centred_summary: fit_summary(&non_centred, &names, HDI_PROB)?,
        centred,
        non_centred,
        exact: ExactPosterior::eight_schools(20_000, 80.0),
        predictive,
        covariate,
        priors,
    })
}

/// Runs the chapter: fits, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a readable summary to stdout.
pub use chapter_support::run;
