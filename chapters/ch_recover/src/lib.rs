//! Simulate and recover: choose parameter values, simulate data from them, fit, and
//! see where each true value falls in its posterior — replicate after replicate. On a
//! normal sample, the model written right and the same model with `−log σ` left out
//! of its likelihood, a mistake that a gradient check, R-hat and the divergence count
//! all miss.
//!
//! `cargo run --release -p ch_recover -- --help` lists the flags.

mod tables;

use anyhow::{Result, bail};
use chapter_support::args::{at_least, positive};
use chapter_support::{ChapterArgs, Writer, timed};
use models::normal_sample::{Likelihood, NormalSample, prior_draw, simulate};
use sampler::rng::chain_rng;
use sampler::{Fit, Settings, check_gradient};
use sbc::recover::{RecoverSettings, Recovery, Truth, simulate_and_recover};

/// The simulate-and-recover page's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Simulated data sets per model and per way of choosing the truth (at least 10).
    #[arg(long, default_value_t = 100)]
    pub replicates: usize,
    /// Observations per data set (at least 2).
    #[arg(long, default_value_t = 20)]
    pub observations: usize,
    /// The fixed true mean.
    #[arg(long, default_value_t = 3.0, allow_negative_numbers = true)]
    pub mu: f64,
    /// The fixed true standard deviation (above 0).
    #[arg(long, default_value_t = 5.0, allow_negative_numbers = true)]
    pub sigma: f64,
}

/// The simulate-and-recover page, as the book runs it.
pub struct Chapter;

/// Command-line flags of the simulate-and-recover page: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "recover";
    type Flags = Flags;
    type Outcome = Outcome;
    const ABOUT: &'static str = "Simulate and recover: where the true values fall in their posteriors, for a right and a wrong model";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        at_least("replicates", args.replicates, 10)?;
        at_least("observations", args.observations, 2)?;
        if !args.mu.is_finite() {
            bail!("--mu must be a finite number, got {}", args.mu);
        }
        positive("sigma", args.sigma)
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        let stem = |m: &ModelRun| format!("recover_{:?}", m.likelihood).to_lowercase();
        o.models.iter().map(|m| (stem(m), &m.first_fit)).collect()
    }
}

/// One model's results.
#[derive(Debug, Clone)]
pub struct ModelRun {
    /// Which likelihood.
    pub likelihood: Likelihood,
    /// The largest relative difference between the model's gradient and finite
    /// differences, over 20 random points.
    pub gradient_error: f64,
    /// The fit to the first data set of the fixed-truth run.
    pub first_fit: Fit,
    /// Replicates with the fixed truth.
    pub fixed: Recovery,
    /// Replicates with truths drawn from the prior.
    pub prior: Recovery,
}

/// Everything the page shows, for both models.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The model written right, then the one missing `−log σ`.
    pub models: Vec<ModelRun>,
    /// The fixed truth `[mu, sigma]`.
    pub truth: [f64; 2],
    /// Observations per data set.
    pub observations: usize,
}

/// The names the tool tracks.
pub const TRACKED: [&str; 2] = ["mu", "sigma"];

fn run_model(args: &Args, likelihood: Likelihood, settings: &Settings) -> Result<ModelRun> {
    let n = args.observations;
    // ANCHOR: recover_call
    let build = |y: Vec<f64>| NormalSample::declare(y, likelihood);
    let recover = RecoverSettings { replicates: args.replicates, sampler: settings.clone() };
    let sim = |t: &[f64], rng: &mut _| simulate(t, n, rng);
    let truth = [args.mu, args.sigma];
    let fixed =
        simulate_and_recover(&TRACKED, &Truth::Fixed(truth.to_vec()), sim, build, &recover)?;
    let prior = simulate_and_recover(&TRACKED, &Truth::Prior(&prior_draw), sim, build, &recover)?;
    // ANCHOR_END: recover_call
    // Replicate 0 of the fixed run again: its data, its chains' streams.
    let mut rng = chain_rng(settings.seed, 0, u32::MAX);
    let model = build(simulate(&truth, n, &mut rng))?;
    let first_fit = sampler::fit_replication(&model, settings, 0)?;
    let points = models::layer::check::random_points(2, 20, settings.seed);
    let gradient_error =
        points.iter().map(|x| check_gradient(&model, x).max_error).fold(0.0, f64::max);
    Ok(ModelRun { likelihood, gradient_error, first_fit, fixed, prior })
}

/// Simulates, fits and recovers, for both models.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let settings = Settings { progress: false, ..args.sampling.settings() };
    let models = args.sampling.install(|| {
        [Likelihood::Library, Likelihood::MissingLogSigma]
            .into_iter()
            .map(|l| {
                let label = format!("simulate and recover ({l:?})");
                timed(&label, args.sampling.quiet, || run_model(args, l, &settings))
            })
            .collect::<Result<Vec<_>>>()
    })?;
    Ok(Outcome { models, truth: [args.mu, args.sigma], observations: args.observations })
}

/// Runs the page: computes, writes its tables to `--out` (draws to
/// `--draws-dir` if given), and prints them.
pub use chapter_support::run;
