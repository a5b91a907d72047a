//! Appendix: how we know the sampler is right. Simulation-based calibration
//! of our NUTS on the book's models, written into the book.
//!
//! `cargo run --release -p ch_sbc -- --help` lists the flags.

pub mod divergences;
pub mod report;
pub mod simulators;

use anyhow::Result;
use chapter_support::output::default_out_dir;
use chapter_support::{OutputDir, SamplingArgs, timed};
use clap::Parser;
use models::Parameterization;
use report::ModelReport;
use sbc::{EcdfBand, PriorSimulator, SbcSettings, ecdf_band, run_sbc};
use simulators::{EightSchoolsPrior, HospitalsPrior, SurveyFullPrior, SurveyPrior};
use std::path::PathBuf;

/// Command-line flags of the calibration appendix.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "ch_sbc",
    about = "Simulation-based calibration of NUTS on the book's models"
)]
pub struct Args {
    /// Sampling flags shared by every chapter (used for every fit).
    #[command(flatten)]
    pub sampling: SamplingArgs,
    /// Simulated data sets per model.
    #[arg(long, default_value_t = 1000)]
    pub replications: usize,
    /// Posterior draws kept per fit at most (after thinning by ESS).
    #[arg(long, default_value_t = 100)]
    pub max_draws: usize,
    /// Bins of the rank histograms.
    #[arg(long, default_value_t = 20)]
    pub bins: usize,
    /// Also calibrate the survey model with every region's shares sampled (slow:
    /// minutes per 40 replications; not part of the book's run).
    #[arg(long)]
    pub survey_full: bool,
    /// Directory for figures and tables (default: out/sbc, a git-ignored
    /// scratch directory; `cargo xtask book` writes the book's copy).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// This chapter's defaults for the shared flags: Stan's defaults, with a
/// smaller number of draws per fit (thinned to at most 100 anyway).
pub const DEFAULTS: &[(&str, &str)] = &[("draws", "1000"), ("target_accept", "0.8")];

impl Args {
    /// Parses flags (the first item is the program name) with [`DEFAULTS`].
    pub fn parse_from_iter<I, T>(itr: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        chapter_support::args::parse_with_defaults(DEFAULTS, itr)
    }

    fn validate(&self) -> Result<()> {
        self.sampling.validate()?;
        if self.replications < 20 {
            anyhow::bail!(
                "--replications must be at least 20, got {}",
                self.replications
            );
        }
        if self.max_draws < 2 {
            anyhow::bail!("--max-draws must be at least 2, got {}", self.max_draws);
        }
        if self.bins < 2 || self.bins > self.replications {
            anyhow::bail!("--bins must be between 2 and the number of replications");
        }
        Ok(())
    }
}

/// Everything the appendix computes.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// One report per calibrated model, in page order.
    pub models: Vec<ModelReport>,
    /// The 95% simultaneous ECDF band for this many replications.
    pub band: EcdfBand,
}

fn calibrate<S: PriorSimulator>(
    (name, title, short): (&str, &str, &str),
    sim: &S,
    args: &Args,
) -> Result<ModelReport> {
    let settings = SbcSettings {
        replications: args.replications,
        max_draws: args.max_draws,
        sampler: sampler::Settings {
            progress: false,
            ..args.sampling.settings()
        },
        fit_lines: !args.sampling.quiet,
    };
    let result = timed(&format!("SBC {name}"), args.sampling.quiet, || {
        run_sbc(sim, &settings)
    })?;
    Ok(ModelReport::new(name, title, short, result, args.bins))
}

/// Runs SBC on every model of the appendix.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let band_points = args.replications.min(100);
    let band = ecdf_band(
        args.replications,
        band_points,
        0.05,
        1000,
        args.sampling.seed,
    );
    let mut models = vec![
        calibrate(
            (
                "eight_schools_noncentred",
                "Eight Schools, non-centred",
                "8 schools, non-centred",
            ),
            &EightSchoolsPrior(Parameterization::NonCentred),
            args,
        )?,
        calibrate(
            (
                "eight_schools_centred",
                "Eight Schools, centred",
                "8 schools, centred",
            ),
            &EightSchoolsPrior(Parameterization::Centred),
            args,
        )?,
        calibrate(
            (
                "hospitals",
                "Hierarchical Poisson (eight hospitals)",
                "8 hospitals, Poisson",
            ),
            &HospitalsPrior,
            args,
        )?,
        calibrate(
            (
                "survey",
                "Dirichlet-multinomial survey, regions integrated out",
                "survey, integrated",
            ),
            &SurveyPrior,
            args,
        )?,
    ];
    if args.survey_full {
        models.push(calibrate(
            (
                "survey_full",
                "Dirichlet-multinomial survey, every region's shares sampled",
                "survey, full",
            ),
            &SurveyFullPrior,
            args,
        )?);
    }
    Ok(Outcome { models, band })
}

/// Runs the appendix: SBC for every model, figures and tables into `--out`,
/// a summary on stdout.
pub fn run(args: &Args) -> Result<()> {
    args.validate()?;
    let out_dir = args.out.clone().unwrap_or_else(|| default_out_dir("sbc"));
    let out = OutputDir::create(&out_dir)?;
    let outcome = compute(args)?;
    report::write_all(&out, &outcome, args)?;
    print!("{}", report::summary_table(&outcome)?);
    chapter_support::output::report_written("sbc", &out_dir, args.sampling.quiet);
    Ok(())
}
