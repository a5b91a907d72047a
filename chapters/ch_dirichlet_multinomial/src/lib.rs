//! The Dirichlet-Multinomial survey: six regions answer a four-way question; a
//! hierarchical model pools the regions' answer shares towards a national baseline.
//!
//! The model is fitted twice with our NUTS — once with all 24 regional proportions as
//! parameters ([`models::survey::FullModel`]), once with them integrated out
//! ([`models::survey::MarginalModel`]) and drawn exactly afterwards — and the two fits are
//! compared. A "try it yourself" variant resizes the smallest and largest regions.
//!
//! `cargo run --release -p ch_dirichlet_multinomial -- --help` lists the flags.

mod plots;
pub mod shrinkage;
mod tables;

use anyhow::{Result, bail};
use chapter_support::{ChapterArgs, Defaults, Writer, timed};
use models::survey::Survey;
use sampler::Fit;
use std::time::Instant;

/// Probability mass of the highest-density intervals reported in this chapter.
pub const HDI_PROB: f64 = 0.89;

/// The Dirichlet-Multinomial chapter's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// "Try it yourself": respondents in the smallest region (region 5, 35 in the data).
    #[arg(long, default_value_t = 10)]
    pub small_n: u32,
    /// "Try it yourself": respondents in the largest region (region 2, 120 in the data).
    #[arg(long, default_value_t = 500)]
    pub large_n: u32,
}

/// The Dirichlet-Multinomial chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the Dirichlet-Multinomial chapter: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "dirichlet_multinomial";
    type Flags = Flags;
    type Outcome = Outcome;
    /// 2000 kept draws per chain, target acceptance 0.9.
    const DEFAULTS: Defaults = &[("draws", "2000"), ("target_accept", "0.9")];
    const ABOUT: &'static str =
        "Dirichlet-Multinomial survey: hierarchical proportions, fitted two ways";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        if args.small_n == 0 || args.large_n == 0 {
            bail!("--small-n and --large-n must be at least 1");
        }
        if args.small_n > 1_000_000 || args.large_n > 1_000_000 {
            bail!("--small-n and --large-n must be at most 1000000");
        }
        Ok(())
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        vec![
            ("dirichlet_multinomial_full".into(), &o.full),
            ("dirichlet_multinomial_marginal".into(), &o.marginal),
        ]
    }
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The survey as printed.
    pub survey: Survey,
    /// Fit with all 24 proportions as parameters.
    pub full: Fit,
    /// Fit of `alpha`, `pi0` with `pi_r` integrated out, plus exact `pi_r` draws.
    pub marginal: Fit,
    /// The "try it yourself" survey (smallest and largest regions resized).
    pub try_survey: Survey,
    /// Marginal fit (with exact `pi_r` draws) of the resized survey.
    pub try_fit: Fit,
}

/// Fits one model, printing its wall time and ESS per second to stderr.
fn fit_timed<M: sampler::Model>(label: &str, model: &M, args: &Args) -> Result<Fit> {
    let settings = args.sampling.settings();
    let start = Instant::now();
    let fit = timed(label, args.sampling.quiet, || sampler::fit(model, &settings))?;
    chapter_support::report_warnings(label, &fit, args.sampling.quiet);
    if !args.sampling.quiet {
        let secs = start.elapsed().as_secs_f64();
        let alpha = fit.try_chains_by_name("alpha")?;
        eprintln!(
            "{label}: bulk-ESS(alpha) per second = {:.0} (timing varies from run to run)",
            diagnostics::ess_bulk(&alpha) / secs
        );
    }
    Ok(fit)
}

/// Fits the printed survey both ways, and the resized survey with the marginal model.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let survey = Survey::printed();
    let full = fit_timed(
        "full model (24 proportions sampled)",
        &models::survey::FullModel::new(&survey),
        args,
    )?;
    let raw = fit_timed(
        "marginal model (proportions integrated out)",
        &models::survey::MarginalModel::new(&survey),
        args,
    )?;
    let marginal = models::survey::with_region_draws(&raw, &survey);
    let try_survey = survey.resized(args.small_n, args.large_n);
    let try_raw = fit_timed(
        "try it: marginal model, resized regions",
        &models::survey::MarginalModel::new(&try_survey),
        args,
    )?;
    let try_fit = models::survey::with_region_draws(&try_raw, &try_survey);
    Ok(Outcome { survey, full, marginal, try_survey, try_fit })
}

/// Runs the chapter: fits, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a readable summary to stdout.
pub use chapter_support::run;
