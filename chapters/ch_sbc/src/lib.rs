//! Appendix: how we know the sampler is right. Simulation-based calibration
//! of our NUTS on the book's models, written into the book.
//!
//! `cargo run --release -p ch_sbc -- --help` lists the flags.

pub mod divergences;
pub mod report;

use anyhow::Result;
use chapter_support::args::at_least;
use chapter_support::{ChapterArgs, Defaults, OutputDir, timed};
use models::Parameterization;
use report::ModelReport;
use sbc::priors::{EightSchoolsPrior, HospitalsPrior, SurveyFullPrior, SurveyPrior};
use sbc::{EcdfBand, PriorSimulator, SbcSettings, ecdf_band, run_sbc};

/// The calibration appendix's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
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
}

/// The calibration appendix, as the book runs it.
pub struct Chapter;

/// Command-line flags of the calibration appendix: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "sbc";
    type Flags = Flags;
    type Outcome = Outcome;
    /// Stan's defaults, with a smaller number of draws per fit (thinned to at
    /// most 100 anyway).
    const DEFAULTS: Defaults = &[("draws", "1000"), ("target_accept", "0.8")];
    const ABOUT: &'static str = "Simulation-based calibration of NUTS on the book's models";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const REPORT: fn(&Outcome) -> Result<String> = report::summary_table;

    fn validate(args: &Args) -> Result<()> {
        at_least("replications", args.replications, 20)?;
        at_least("max-draws", args.max_draws, 2)?;
        if args.bins < 2 || args.bins > args.replications {
            anyhow::bail!("--bins must be between 2 and the number of replications");
        }
        Ok(())
    }

    fn write(args: &Args, o: &Outcome, out: &OutputDir) -> Result<()> {
        report::write_all(out, o, args)
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
        sampler: sampler::Settings { progress: false, ..args.sampling.settings() },
        fit_lines: !args.sampling.quiet,
    };
    let result = timed(&format!("SBC {name}"), args.sampling.quiet, || run_sbc(sim, &settings))?;
    Ok(ModelReport::new(name, title, short, result, args.bins))
}

/// Runs SBC on every model of the appendix.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let band_points = args.replications.min(100);
    let band = ecdf_band(args.replications, band_points, 0.05, 1000, args.sampling.seed);
    let mut models = vec![
        calibrate(
            ("eight_schools_noncentred", "Eight Schools, non-centred", "8 schools, non-centred"),
            &EightSchoolsPrior(Parameterization::NonCentred),
            args,
        )?,
        calibrate(
            ("eight_schools_centred", "Eight Schools, centred", "8 schools, centred"),
            &EightSchoolsPrior(Parameterization::Centred),
            args,
        )?,
        calibrate(
            ("hospitals", "Hierarchical Poisson (eight hospitals)", "8 hospitals, Poisson"),
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
pub use chapter_support::run;
