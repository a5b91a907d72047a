//! Stein's paradox: the James–Stein estimator's risk by simulation and by
//! the exact formula, and Efron & Morris's batting averages estimated raw,
//! by James–Stein and by a hierarchical binomial model fitted with NUTS.
//!
//! `cargo run --release -p ch_stein -- --help` lists the flags.

pub mod baseball;
mod plots;
mod tables;

use anyhow::Result;
use chapter_support::args::at_least;
use chapter_support::{ChapterArgs, Defaults, Writer, timed};
use models::binomial_logit::BinomialLogit;
use models::efron_morris::{AT_BATS, JamesStein, Player, data_path, james_stein_to_mean, load};
use models::james_stein::{SimulatedRisk, simulate};
use rayon::prelude::*;
use sampler::Fit;

/// Numbers of means in the risk table.
pub const DIMENSIONS: std::ops::RangeInclusive<usize> = 3..=20;
/// First random stream of the risk simulations.
const RISK_STREAM: u32 = 3_000_000;

// ANCHOR: priors
/// Priors of the hierarchical binomial model on the log-odds scale:
/// `mu ~ Normal(−1, 1)` (an average near logistic(−1) ≈ 0.27, give or take
/// a lot) and `tau ~ HalfNormal(1)`.
pub const MU_PRIOR: (f64, f64) = (-1.0, 1.0);
/// See [`MU_PRIOR`].
pub const TAU_PRIOR_SCALE: f64 = 1.0;
// ANCHOR_END: priors

/// The Stein chapter's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Simulated data sets per point of the risk table.
    #[arg(long, default_value_t = 20_000)]
    pub reps: usize,
}

/// The Stein chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the Stein chapter: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "stein";
    type Flags = Flags;
    type Outcome = Outcome;
    /// Target acceptance 0.9.
    const DEFAULTS: Defaults = &[("target_accept", "0.9")];
    const ABOUT: &'static str =
        "Stein's paradox: James-Stein risk, and Efron & Morris's batting averages";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        at_least("reps", args.reps, 2)
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        vec![("stein_batting".into(), &o.fit)]
    }
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Simulated risks at `theta = 0`, one per `p` in [`DIMENSIONS`].
    pub at_zero: Vec<SimulatedRisk>,
    /// Simulated risks with every `theta_i = 1`.
    pub at_one: Vec<SimulatedRisk>,
    /// Simulated risks along `‖theta‖` = 0, 1, …, 12, one list per `p` in
    /// `PLUS_CURVES` (3 and 10), for the positive part's figure.
    pub along_norm: Vec<Vec<SimulatedRisk>>,
    /// The batting data.
    pub players: Vec<Player>,
    /// James–Stein on the early averages.
    pub james_stein: JamesStein,
    /// The hierarchical binomial fit.
    pub fit: Fit,
    /// Its posterior mean of each player's ability.
    pub hierarchical: Vec<f64>,
    /// Simulated data sets per risk estimate.
    pub reps: usize,
}

/// Simulates the risks and fits the batting data.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let seed = args.sampling.seed;
    let quiet = args.sampling.quiet;
    let dims: Vec<usize> = DIMENSIONS.collect();
    let (at_zero, at_one) = timed("risk simulations", quiet, || {
        let sim = |norm_of: fn(usize) -> f64, offset: u32| -> Vec<SimulatedRisk> {
            dims.par_iter()
                .map(|&p| simulate(p, norm_of(p), args.reps, seed, RISK_STREAM + offset + p as u32))
                .collect()
        };
        (sim(|_| 0.0, 0), sim(|p| (p as f64).sqrt(), 1000))
    });
    let along_norm = timed("positive-part risk curves", quiet, || {
        plots::PLUS_CURVES
            .iter()
            .map(|&p| {
                (0..=12u32)
                    .into_par_iter()
                    .map(|k| {
                        let stream = RISK_STREAM + 10_000 + 100 * p as u32 + k;
                        simulate(p, f64::from(k), args.reps, seed, stream)
                    })
                    .collect()
            })
            .collect()
    });

    let players = load(&data_path())?;
    let early: Vec<f64> = players.iter().map(|p| p.early).collect();
    let james_stein = james_stein_to_mean(&early, AT_BATS);
    // ANCHOR: hierarchical
    let model = BinomialLogit::declare(
        players.iter().map(|p| p.hits).collect(),
        vec![AT_BATS; players.len()],
        MU_PRIOR.0,
        MU_PRIOR.1,
        TAU_PRIOR_SCALE,
    )?;
    let fit = timed("hierarchical binomial fit", quiet, || {
        sampler::fit(&model, &args.sampling.settings())
    })?;
    chapter_support::report_warnings("hierarchical binomial fit", &fit, quiet);
    // ANCHOR_END: hierarchical
    let hierarchical = (1..=players.len())
        .map(|j| {
            let d = fit.pooled_named(&format!("p.{j}"))?;
            Ok(d.iter().sum::<f64>() / d.len() as f64)
        })
        .collect::<Result<Vec<f64>>>()?;
    Ok(Outcome {
        at_zero,
        at_one,
        along_norm,
        players,
        james_stein,
        fit,
        hierarchical,
        reps: args.reps,
    })
}

/// Runs the chapter: computes, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a short report to stdout.
pub use chapter_support::run;
