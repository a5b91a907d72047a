//! One run of the school-scores experiment: simulate, then estimate the
//! school means four ways, the last by fitting the hierarchical model with
//! NUTS. The shrinkage chapter runs it once; the explorer runs it per request,
//! with a hook that can cancel the fit.

use crate::normal_means_exact::posterior_means_equal_se;
use crate::pooling_estimators::{
    EmpiricalBayes, complete_pooling, empirical_bayes, mse, no_pooling,
};
use crate::school_scores::{Design, SimulatedSchools, schools};
use crate::{EightSchools, Parameterization, Priors};
use sampler::hook::no_hook;
use sampler::{Fit, Hook, Result, SamplerError, Settings};

/// Random stream of the experiment's data.
const EXPERIMENT_STREAM: u32 = 2_000_001;

/// Everything one experiment produced.
#[derive(Debug, Clone)]
pub struct Experiment {
    /// The design the data were simulated from.
    pub design: Design,
    /// The simulated data: true and sample means.
    pub data: SimulatedSchools,
    /// The empirical-Bayes estimates and what the recipe estimated.
    pub eb: EmpiricalBayes,
    /// The NUTS fit of the hierarchical model to the school means.
    pub fit: Fit,
    /// Posterior means of each school's mean from the NUTS draws.
    pub bayes: Vec<f64>,
    /// The same posterior means by numerical integration (no sampling).
    pub bayes_exact: Vec<f64>,
    /// MSE against the truth of no, complete, EB and full-Bayes pooling.
    pub mse: [f64; 4],
}

/// Simulates one data set from `design` and estimates its school means (see
/// [`run_with_hook`]).
pub fn run(
    design: &Design,
    priors: &Priors,
    settings: &Settings,
    seed: u64,
    replication: u32,
) -> Result<Experiment> {
    run_with_hook(design, priors, settings, seed, replication, &no_hook)
}

/// The posterior mean of each `theta.j`, `j = 1..=schools`, from `fit`.
fn theta_means(fit: &Fit, schools: usize) -> Result<Vec<f64>> {
    (1..=schools)
        .map(|j| {
            let draws = fit
                .pooled_named(&format!("theta.{j}"))
                .map_err(|e| SamplerError::Model(e.to_string()))?;
            Ok(draws.iter().sum::<f64>() / draws.len() as f64)
        })
        .collect()
}

// ANCHOR: experiment
/// Simulates one data set from `design` and estimates its school means.
/// Full Bayes fits `ȳ_j ~ Normal(theta_j, sigma/√n)`, `theta_j ~ Normal(mu, tau)`
/// with `priors`, sampled non-centred by NUTS (fit number `replication`);
/// `hook` is called after every iteration and may cancel the fit.
pub fn run_with_hook(
    design: &Design,
    priors: &Priors,
    settings: &Settings,
    seed: u64,
    replication: u32,
    hook: Hook<'_>,
) -> Result<Experiment> {
    let data = schools(design, seed, EXPERIMENT_STREAM);
    let eb = empirical_bayes(&data.ybar, design.students, design.sigma);
    let model = EightSchools::from_data(
        data.ybar.clone(),
        vec![design.se(); design.schools],
        *priors,
        Parameterization::NonCentred,
    )?;
    let fit = sampler::fit_with_hook(&model, settings, replication, hook)?;
    let bayes = theta_means(&fit, design.schools)?;
    // ANCHOR_END: experiment
    let bayes_exact = posterior_means_equal_se(&data.ybar, design.se(), priors);
    let mse = [
        mse(&no_pooling(&data.ybar), &data.truth),
        mse(&complete_pooling(&data.ybar), &data.truth),
        mse(&eb.estimates, &data.truth),
        mse(&bayes, &data.truth),
    ];
    Ok(Experiment { design: *design, data, eb, fit, bayes, bayes_exact, mse })
}
