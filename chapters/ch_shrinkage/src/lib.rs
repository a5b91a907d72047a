//! The shrinkage formula: how far partial pooling moves each group, on the
//! Eight Schools at fixed hyperparameters against the full posterior, and
//! in the school-scores experiment (no, complete, empirical-Bayes and
//! full-Bayes pooling), with a simulation study over group size and spread.
//!
//! `cargo run --release -p ch_shrinkage -- --help` lists the flags.

pub mod eight;
pub mod experiment;
pub mod grid;
mod plots;
mod tables;

use anyhow::{Result, bail};
use chapter_support::args::{at_least, positive};
use chapter_support::{ChapterArgs, Defaults, Writer, timed};
use models::school_scores::Design;
use models::{EightSchools, Parameterization};
use sampler::Fit;

pub use models::school_scores::SCORE_PRIORS;

/// The shrinkage chapter's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Number of schools K in the experiment (at least 2).
    #[arg(long, default_value_t = 12)]
    pub schools: usize,
    /// Students per school n (at least 1).
    #[arg(long, default_value_t = 15)]
    pub students: usize,
    /// Spread tau of the true school means (0 or more).
    #[arg(long, default_value_t = 5.0, allow_negative_numbers = true)]
    pub tau: f64,
    /// Spread sigma of students' scores within a school (more than 0).
    #[arg(long, default_value_t = 10.0, allow_negative_numbers = true)]
    pub sigma: f64,
    /// Simulated data sets per cell of the simulation study.
    #[arg(long, default_value_t = 1000)]
    pub replications: usize,
}

/// The shrinkage chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the shrinkage chapter: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "shrinkage";
    type Flags = Flags;
    type Outcome = Outcome;
    /// Target acceptance 0.9.
    const DEFAULTS: Defaults = &[("target_accept", "0.9")];
    const ABOUT: &'static str =
        "The shrinkage formula, and the school-scores experiment: no, complete and partial pooling";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        if args.schools < 2 {
            bail!(
                "--schools must be at least 2 (the spread of the school means needs two), got {}",
                args.schools
            );
        }
        at_least("students", args.students, 1)?;
        if !(args.tau.is_finite() && args.tau >= 0.0) {
            bail!("--tau must be a finite number, 0 or more, got {}", args.tau);
        }
        positive("sigma", args.sigma)?;
        at_least("replications", args.replications, 1)
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        vec![
            ("shrinkage_eight_schools".into(), &o.eight_schools),
            ("shrinkage_experiment".into(), &o.experiment.fit),
        ]
    }
}

impl Flags {
    /// The experiment's design from the flags.
    pub fn design(&self) -> Design {
        Design { schools: self.schools, students: self.students, tau: self.tau, sigma: self.sigma }
    }
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The Eight Schools fit (non-centred).
    pub eight_schools: Fit,
    /// The formula's table against that fit.
    pub formula: Vec<eight::FormulaRow>,
    /// The school-scores experiment.
    pub experiment: experiment::Experiment,
    /// The simulation study.
    pub grid: Vec<grid::Cell>,
    /// Replications per grid cell.
    pub replications: usize,
}

/// Fits, simulates and runs the simulation study.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let settings = args.sampling.settings();
    let seed = args.sampling.seed;
    let quiet = args.sampling.quiet;
    let eight_schools = timed("eight schools fit", quiet, || {
        sampler::fit_replication(&EightSchools::new(Parameterization::NonCentred), &settings, 0)
    })?;
    chapter_support::report_warnings("eight schools fit", &eight_schools, quiet);
    let formula = eight::rows(&eight_schools)?;
    let experiment = timed("experiment", quiet, || {
        experiment::run(&args.design(), &SCORE_PRIORS, &settings, seed, 1)
    })?;
    let grid = timed("simulation study", quiet, || {
        grid::grid(args.schools, args.sigma, &SCORE_PRIORS, seed, args.replications)
    });
    Ok(Outcome { eight_schools, formula, experiment, grid, replications: args.replications })
}

/// Runs the chapter: fits, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a short report to stdout.
pub use chapter_support::run;
