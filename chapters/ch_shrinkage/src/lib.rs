//! The shrinkage formula: how far partial pooling moves each group, on the
//! Eight Schools at fixed hyperparameters against the full posterior, and
//! in the school-scores experiment (no, complete, empirical-Bayes and
//! full-Bayes pooling), with a simulation study over group size and spread.
//!
//! `cargo run --release -p ch_shrinkage -- --help` lists the flags.

pub mod eight;
pub mod experiment;
pub mod formula;
pub mod grid;
mod plots;
mod tables;

use anyhow::{Result, bail};
use chapter_support::output::default_out_dir;
use chapter_support::{OutputDir, SamplingArgs, timed};
use clap::Parser;
use models::school_scores::Design;
use models::{EightSchools, Parameterization};
use sampler::Fit;
use std::path::PathBuf;

pub use models::school_scores::SCORE_PRIORS;

/// Command-line flags of the shrinkage chapter.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "ch_shrinkage",
    about = "The shrinkage formula, and the school-scores experiment: no, complete and partial pooling"
)]
pub struct Args {
    /// Sampling flags shared by every chapter (the seed also draws the data).
    #[command(flatten)]
    pub sampling: SamplingArgs,
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
    /// Directory for figures and tables (default: out/shrinkage, a git-ignored
    /// scratch directory; `cargo xtask book` writes the book's copy).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// This chapter's defaults for the shared flags: target acceptance 0.9.
pub const DEFAULTS: &[(&str, &str)] = &[("target_accept", "0.9")];

impl Args {
    /// Parses flags (the first item is the program name) with [`DEFAULTS`].
    pub fn parse_from_iter<I, T>(itr: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        chapter_support::args::parse_with_defaults(DEFAULTS, itr)
    }

    /// Checks every flag, naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        self.sampling.validate()?;
        if self.schools < 2 {
            bail!(
                "--schools must be at least 2 (the spread of the school means needs two), got {}",
                self.schools
            );
        }
        if self.students == 0 {
            bail!("--students must be at least 1, got 0");
        }
        if !(self.tau.is_finite() && self.tau >= 0.0) {
            bail!("--tau must be a finite number, 0 or more, got {}", self.tau);
        }
        if !(self.sigma.is_finite() && self.sigma > 0.0) {
            bail!(
                "--sigma must be a finite number above 0, got {}",
                self.sigma
            );
        }
        if self.replications == 0 {
            bail!("--replications must be at least 1, got 0");
        }
        Ok(())
    }

    /// The experiment's design from the flags.
    pub fn design(&self) -> Design {
        Design {
            schools: self.schools,
            students: self.students,
            tau: self.tau,
            sigma: self.sigma,
        }
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
        sampler::fit_replication(
            &EightSchools::new(Parameterization::NonCentred),
            &settings,
            0,
        )
    })?;
    chapter_support::report_warnings("eight schools fit", &eight_schools, quiet);
    let formula = eight::rows(&eight_schools)?;
    let experiment = timed("experiment", quiet, || {
        experiment::run(&args.design(), &SCORE_PRIORS, &settings, seed, 1)
    })?;
    let grid = timed("simulation study", quiet, || {
        grid::grid(
            args.schools,
            args.sigma,
            &SCORE_PRIORS,
            seed,
            args.replications,
        )
    });
    Ok(Outcome {
        eight_schools,
        formula,
        experiment,
        grid,
        replications: args.replications,
    })
}

/// Runs the chapter: computes, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a short report to stdout.
pub fn run(args: &Args) -> Result<()> {
    args.validate()?;
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| default_out_dir("shrinkage"));
    let out = OutputDir::create(&out_dir)?;
    let outcome = compute(args)?;
    tables::write_all(&out, &outcome)?;
    plots::write_all(&out, &outcome)?;
    if let Some(dir) = &args.sampling.draws_dir {
        sampler::cmdstan_csv::write_cmdstan_csv(
            dir,
            "shrinkage_eight_schools",
            &outcome.eight_schools,
        )?;
        sampler::cmdstan_csv::write_cmdstan_csv(
            dir,
            "shrinkage_experiment",
            &outcome.experiment.fit,
        )?;
    }
    print!("{}", tables::console_report(&outcome)?);
    chapter_support::output::report_written("shrinkage", &out_dir, args.sampling.quiet);
    Ok(())
}
