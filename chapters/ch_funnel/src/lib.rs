//! Neal's funnel and the Eight Schools funnel: why divergences are a geometry
//! problem, not a tuning problem.
//!
//! The chapter fits Neal's funnel in both parameterisations and compares them
//! with the exact marginal of `v`; draws the Eight Schools funnel (scatter and
//! trace); and sweeps target acceptance rates over many seeds to show what
//! raising the target does and does not fix.
//!
//! `cargo run --release -p ch_funnel -- --help` lists the flags.

mod plots;
pub mod source;
pub mod sweep;
mod tables;

use anyhow::Result;
use chapter_support::{ChapterArgs, Defaults, Writer, timed, timed_fit};
use models::eight_schools_exact::ExactPosterior;
use models::neals_funnel::NealsFunnel;
use models::{EightSchools, Parameterization};
use sampler::{Fit, Model, Settings};
use sweep::{SweepCell, SweepConfig};

/// Probabilities whose quantiles of Neal's `v` the chapter compares with the exact
/// ones ([`models::neals_funnel::exact_quantile`]).
pub const QUANTILE_PROBS: [f64; 7] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/// Thresholds `t` for the tail probabilities `P(v < t)` the chapter reports:
/// −2 is the "into the neck"; −4 and −6 are deeper.
pub const NECK_THRESHOLDS: [f64; 3] = [-2.0, -4.0, -6.0];

/// The funnel chapter's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
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
}

/// The funnel chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the funnel chapter: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "funnel";
    type Flags = Flags;
    type Outcome = Outcome;
    /// The single fits use 4 chains of 1000 warmup and 2000 kept draws at
    /// target acceptance 0.9, as the Eight Schools chapter does, so the two
    /// chapters show the same fits.
    const DEFAULTS: Defaults = &[("draws", "2000"), ("target_accept", "0.9")];
    const ABOUT: &'static str =
        "Neal's funnel, the Eight Schools funnel, and a seed sweep over target acceptance";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] =
        &[tables::write_all, source::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        if args.sweep_seeds == 0 {
            anyhow::bail!("the sweep needs at least 1 seed (--sweep-seeds)");
        }
        if args.sweep_targets.is_empty() {
            anyhow::bail!("the sweep needs at least one target acceptance (--sweep-targets)");
        }
        for &t in &args.sweep_targets {
            if !(t > 0.0 && t < 1.0) {
                anyhow::bail!("sweep target acceptance must be strictly between 0 and 1, got {t}");
            }
        }
        if args.sweep_draws == 0 {
            anyhow::bail!("the sweep's draws must be at least 1 (--sweep-draws)");
        }
        sweep::replication(args.sweep_targets.len(), args.sweep_seeds, args.sweep_seeds)?;
        Ok(())
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        vec![
            ("neals_funnel_centred".into(), &o.funnel_centred),
            ("neals_funnel_noncentred".into(), &o.funnel_non_centred),
            ("eight_schools_centred".into(), &o.schools_centred),
            ("eight_schools_noncentred".into(), &o.schools_non_centred),
        ]
    }
}

impl Flags {
    /// The sweep these flags ask for.
    pub fn sweep_config(&self) -> SweepConfig {
        SweepConfig {
            targets: self.sweep_targets.clone(),
            seeds: self.sweep_seeds,
            warmup: self.sweep_warmup,
            draws: self.sweep_draws,
        }
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
    args.sampling.install(|| compute_in_pool(args))
}

fn compute_in_pool(args: &Args) -> Result<Outcome> {
    let settings = Settings { threads: None, ..args.sampling.settings() };
    let quiet = args.sampling.quiet;
    let fit_one =
        |model: &dyn Model, label: &str| timed_fit(label, quiet, || sampler::fit(model, &settings));
    let funnel_centred = fit_one(&NealsFunnel::centred(), "Neal's funnel, centred")?;
    let funnel_non_centred = fit_one(&NealsFunnel::non_centred(), "Neal's funnel, non-centred")?;
    let schools_centred =
        fit_one(&EightSchools::new(Parameterization::Centred), "Eight Schools, centred")?;
    let schools_non_centred =
        fit_one(&EightSchools::new(Parameterization::NonCentred), "Eight Schools, non-centred")?;
    let sweep_config = args.sweep_config();
    let sweep = timed("seed sweep", quiet, || sweep::run_sweep(&settings, &sweep_config, quiet))?;
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
pub use chapter_support::run;
