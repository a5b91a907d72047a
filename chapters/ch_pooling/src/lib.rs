//! Pooling: five instructors' exam scores fitted with complete, no and
//! partial pooling; the plate diagram of the hierarchical model; prediction
//! for a new instructor; and twenty simulated schools fitted with varying
//! intercepts, with Stan-style progress output on stderr.
//!
//! `cargo run --release -p ch_pooling -- --help` lists the flags.

mod numbers;
mod plate;
mod plots;
mod predict;
mod tables;
mod tables_instructors;
mod tables_schools;

use anyhow::Result;
use chapter_support::stan_progress::fit_progress_text;
use chapter_support::{ChapterArgs, Defaults, NoFlags, Writer};
use models::Parameterization;
use models::normal_groups::simulate::{self, Simulated};
use models::normal_groups::{CompletePoolingMeans, GroupPriors, NoPoolingMeans, PartialPooling};
use sampler::{Fit, Model, Settings};
use std::time::Instant;

pub use predict::NewGroup;

/// Probability mass of the highest-density intervals in this chapter.
pub const HDI_PROB: f64 = 0.89;

// ANCHOR: priors
/// Priors of the instructor models: `mu ~ Normal(50, 25)` (and each
/// `theta_i` under no pooling), `tau ~ HalfNormal(10)`, `sigma ~ HalfNormal(15)`.
pub const INSTRUCTOR_PRIORS: GroupPriors =
    GroupPriors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0, sigma_scale: 15.0 };

/// Priors of the twenty-schools model: `mu ~ Normal(0, 10)`,
/// `tau ~ HalfNormal(10)`, `sigma ~ HalfNormal(10)`, fixed before seeing data.
pub const SCHOOL_PRIORS: GroupPriors =
    GroupPriors { mu_mean: 0.0, mu_sd: 10.0, tau_scale: 10.0, sigma_scale: 10.0 };
// ANCHOR_END: priors

/// The pooling chapter, as the book runs it.
pub struct Chapter;

/// Command-line flags of the pooling chapter: the shared ones.
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "pooling";
    type Flags = NoFlags;
    type Outcome = Outcome;
    /// Target acceptance 0.9 (five groups leave `tau` poorly identified; a
    /// smaller step is safer).
    const DEFAULTS: Defaults = &[("target_accept", "0.9")];
    const ABOUT: &'static str =
        "Complete, no and partial pooling of simulated exam scores, and twenty schools";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        vec![
            ("pooling_complete".into(), &o.complete),
            ("pooling_none".into(), &o.none),
            ("pooling_partial".into(), &o.partial),
            ("pooling_twenty_schools".into(), &o.schools_fit),
            ("pooling_twenty_schools_noncentred".into(), &o.schools_fit_nc),
        ]
    }
}

/// Everything the chapter computes, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The five instructors' simulated scores and true means.
    pub instructors: Simulated,
    /// Complete pooling fit (`mu`, `sigma`).
    pub complete: Fit,
    /// No pooling fit (`theta.i`, `sigma.i`).
    pub none: Fit,
    /// Partial pooling fit (`mu`, `tau`, `sigma`, `theta.i`).
    pub partial: Fit,
    /// Predictions for a sixth, unseen instructor.
    pub new_group: NewGroup,
    /// The twenty schools' simulated scores and true effects.
    pub schools: Simulated,
    /// Varying-intercepts fit of the twenty schools (centred).
    pub schools_fit: Fit,
    /// The same model non-centred, to compare the two parameterisations.
    pub schools_fit_nc: Fit,
}

/// Mean and [`HDI_PROB`] highest-density interval of `draws`.
pub fn mean_hdi(draws: &[f64]) -> (f64, f64, f64) {
    let (low, high) = diagnostics::hdi(draws, HDI_PROB);
    (diagnostics::mean(draws), low, high)
}

/// Mean and highest-density interval of a named parameter's draws.
pub fn estimate(fit: &Fit, name: &str) -> Result<(f64, f64, f64)> {
    Ok(mean_hdi(&fit.pooled_named(name)?))
}

/// Each group's estimate under a fit: `theta.i`, or `mu` for every group
/// when the fit pools completely.
pub fn group_estimates(fit: &Fit, groups: usize) -> Result<Vec<(f64, f64, f64)>> {
    (1..=groups)
        .map(|i| {
            let name = format!("theta.{i}");
            if fit.param_index(&name).is_some() {
                estimate(fit, &name)
            } else {
                estimate(fit, "mu")
            }
        })
        .collect()
}

/// Fits `model` as fit number `replication` of this chapter (each fit gets
/// its own random streams).
fn fit_model(model: &dyn Model, settings: &Settings, replication: u32) -> Result<Fit> {
    Ok(sampler::fit_replication(model, settings, replication)?)
}

/// Simulates both data sets and fits every model.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.sampling.validate()?;
    let settings = args.sampling.settings();
    let seed = args.sampling.seed;
    let instructors = simulate::instructors(seed)?;
    let data = instructors.data.clone();
    let priors = INSTRUCTOR_PRIORS;
    let complete = fit_model(&CompletePoolingMeans { data: data.clone(), priors }, &settings, 0)?;
    let none = fit_model(&NoPoolingMeans { data: data.clone(), priors }, &settings, 1)?;
    let partial = PartialPooling { data, priors, parameterization: Parameterization::NonCentred };
    let partial = fit_model(&partial, &settings, 2)?;
    let new_group = predict::new_group(&partial, &complete, seed)?;

    let schools = simulate::twenty_schools(seed)?;
    // ANCHOR: schools_fit
    let model = PartialPooling {
        data: schools.data.clone(),
        priors: SCHOOL_PRIORS,
        parameterization: Parameterization::Centred,
    };
    let start = Instant::now();
    let schools_fit = fit_model(&model, &settings, 3)?;
    // ANCHOR_END: schools_fit
    if !args.sampling.quiet {
        let refresh = (settings.num_warmup + settings.num_draws).div_ceil(10);
        eprint!(
            "{}",
            fit_progress_text(&schools_fit, "varying_intercepts", refresh, Some(start.elapsed()))
        );
    }
    let non_centred = PartialPooling { parameterization: Parameterization::NonCentred, ..model };
    let schools_fit_nc = fit_model(&non_centred, &settings, 4)?;
    Ok(Outcome {
        instructors,
        complete,
        none,
        partial,
        new_group,
        schools,
        schools_fit,
        schools_fit_nc,
    })
}

/// Runs the chapter: fits, writes figures and tables to `--out`, draws to
/// `--draws-dir` if given, and prints a short report to stdout.
pub use chapter_support::run;
