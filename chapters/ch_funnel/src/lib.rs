//! Neal's funnel and the Eight Schools funnel: why divergences are a geometry
//! problem, not a tuning problem.
//!
//! The chapter fits Neal's funnel in both parameterisations and compares them
//! with the exact marginal of `v`; draws the Eight Schools funnel (scatter and
//! trace); and sweeps target acceptance rates over many seeds to show what
//! raising the target does and does not fix.
//!
//! `cargo run --release -p ch_funnel -- --help` lists the flags.

pub mod neal;
mod plots;
pub mod source;
pub mod sweep;
mod tables;

use anyhow::Result;
use chapter_support::output::default_out_dir;
use chapter_support::{OutputDir, SamplingArgs, timed};
use clap::Parser;
use models::eight_schools_exact::ExactPosterior;
use models::neals_funnel::NealsFunnel;
use models::{EightSchools, Parameterization};
use sampler::{Fit, Model, Settings};
use std::path::PathBuf;
use std::time::Instant;
use sweep::{SweepCell, SweepConfig};

/// Command-line flags of the funnel chapter.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "ch_funnel",
    about = "Neal's funnel, the Eight Schools funnel, and a seed sweep over target acceptance"
)]
pub struct Args {
    /// Sampling flags shared by every chapter (they set the single fits; the
    /// sweep takes its seed, chains and tree depth from them).
    #[command(flatten)]
    pub sampling: SamplingArgs,
    /// Seeds per target acceptance and parameterisation in the sweep.
    #[arg(long, default_value_t = 20)]
    pub sweep_seeds: usize,
    /// Target acceptance rates of the sweep, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [0.8, 0.9, 0.95, 0.99])]
    pub sweep_targets: Vec<f64>,
    /// Warmup iterations per chain in each sweep fit.
    #[arg(long, default_value_t = 1000)]
    pub sweep_warmup: usize,
    /// Kept draws per chain in each sweep fit (2000, as in the source's fits).
    #[arg(long, default_value_t = 2000)]
    pub sweep_draws: usize,
    /// Directory for figures and tables (default: out/funnel, a git-ignored
    /// scratch directory; `cargo xtask book` writes the book's copy).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// This chapter's defaults for the shared flags: the single fits use 4
/// chains of 1000 warmup and 2000 kept draws at target acceptance 0.9, as
/// the Eight Schools chapter does, so the two chapters show the same fits.
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

    /// The sweep these flags ask for.
    pub fn sweep_config(&self) -> SweepConfig {
        SweepConfig {
            targets: self.sweep_targets.clone(),
            seeds: self.sweep_seeds,
            warmup: self.sweep_warmup,
            draws: self.sweep_draws,
        }
    }

    /// Checks every flag up front, so a bad value fails before any work.
    pub fn validate(&self) -> Result<()> {
        self.sampling.validate()?;
        if self.sweep_seeds == 0 {
            anyhow::bail!("the sweep needs at least 1 seed (--sweep-seeds)");
        }
        if self.sweep_targets.is_empty() {
            anyhow::bail!("the sweep needs at least one target acceptance (--sweep-targets)");
        }
        for &t in &self.sweep_targets {
            if !(t > 0.0 && t < 1.0) {
                anyhow::bail!("sweep target acceptance must be strictly between 0 and 1, got {t}");
            }
        }
        if self.sweep_draws == 0 {
            anyhow::bail!("the sweep's draws must be at least 1 (--sweep-draws)");
        }
        sweep::replication(self.sweep_targets.len(), self.sweep_seeds, self.sweep_seeds)?;
        Ok(())
    }
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Neal's funnel sampled directly in `(v, x)`.
    pub funnel_centred: Fit,
    /// Neal's funnel sampled in `(v, z)` with `x = exp(v/2) z`.
    pub funnel_non_centred: Fit,
    /// Eight Schools, centred.
    pub schools_centred: Fit,
    /// Eight Schools, non-centred.
    pub schools_non_centred: Fit,
    /// The exact Eight Schools posterior.
    pub exact: ExactPosterior,
    /// The sweep as configured.
    pub sweep_config: SweepConfig,
    /// The sweep's results, one cell per (target, parameterisation).
    pub sweep: Vec<SweepCell>,
}

/// Runs all fits. With `--threads N` everything (chains and sweep fits)
/// shares one pool of N threads; the results do not depend on N.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    match args.sampling.threads {
        None => compute_in_pool(args),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| anyhow::anyhow!("thread pool: {e}"))?
            .install(|| compute_in_pool(args)),
    }
}

fn compute_in_pool(args: &Args) -> Result<Outcome> {
    let settings = Settings {
        threads: None,
        ..args.sampling.settings()
    };
    let quiet = args.sampling.quiet;
    let fit_one = |model: &dyn Model, label: &str| -> Result<Fit> {
        let fit = timed(label, quiet, || sampler::fit(model, &settings))?;
        chapter_support::report_warnings(label, &fit, quiet);
        Ok(fit)
    };
    let funnel_centred = fit_one(&NealsFunnel::centred(), "Neal's funnel, centred")?;
    let funnel_non_centred = fit_one(&NealsFunnel::non_centred(), "Neal's funnel, non-centred")?;
    let schools_centred = fit_one(
        &EightSchools::new(Parameterization::Centred),
        "Eight Schools, centred",
    )?;
    let schools_non_centred = fit_one(
        &EightSchools::new(Parameterization::NonCentred),
        "Eight Schools, non-centred",
    )?;
    let sweep_config = args.sweep_config();
    let sweep = timed("seed sweep", quiet, || {
        sweep::run_sweep(&settings, &sweep_config, quiet)
    })?;
    Ok(Outcome {
        funnel_centred,
        funnel_non_centred,
        schools_centred,
        schools_non_centred,
        exact: ExactPosterior::eight_schools(20_000, 80.0),
        sweep_config,
        sweep,
    })
}

/// Runs the chapter: fits, writes figures and tables to `--out`, draws of
/// the single fits to `--draws-dir` if given, prints a summary to stdout,
/// and returns what it computed.
pub fn run_with_outcome(args: &Args) -> Result<Outcome> {
    let start = Instant::now();
    args.validate()?;
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| default_out_dir("funnel"));
    let out = OutputDir::create(&out_dir)?;
    let outcome = compute(args)?;
    tables::write_all(&out, &outcome)?;
    plots::write_all(&out, &outcome)?;
    if let Some(dir) = &args.sampling.draws_dir {
        for (name, fit) in [
            ("neals_funnel_centred", &outcome.funnel_centred),
            ("neals_funnel_noncentred", &outcome.funnel_non_centred),
            ("eight_schools_centred", &outcome.schools_centred),
            ("eight_schools_noncentred", &outcome.schools_non_centred),
        ] {
            sampler::cmdstan_csv::write_cmdstan_csv(dir, name, fit)?;
        }
    }
    print!("{}", tables::console_report(&outcome)?);
    chapter_support::output::report_written("funnel", &out_dir, args.sampling.quiet);
    if !args.sampling.quiet {
        eprintln!(
            "ch_funnel: total elapsed {:.1} s",
            start.elapsed().as_secs_f64()
        );
    }
    Ok(outcome)
}

/// Runs the chapter (see [`run_with_outcome`]).
pub fn run(args: &Args) -> Result<()> {
    run_with_outcome(args).map(|_| ())
}
