//! One run of the school-scores experiment: simulate, then estimate the
//! school means four ways, the last by fitting the hierarchical model with
//! NUTS.

use crate::estimators::{EmpiricalBayes, complete_pooling, empirical_bayes, mse, no_pooling};
use crate::exact::posterior_means_equal_se;
use anyhow::Result;
use models::school_scores::{Design, SimulatedSchools, schools};
use models::{EightSchools, Parameterization, Priors};
use sampler::{Fit, Settings};

/// Random stream of the experiment's data.
const EXPERIMENT_STREAM: u32 = 2_000_001;

/// Everything one experiment produced.
#[derive(Debug, Clone)]
pub struct Experiment {
    pub design: Design,
    pub data: SimulatedSchools,
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

// ANCHOR: experiment
/// Simulates one data set from `design` and estimates its school means.
/// Full Bayes fits `ȳ_j ~ Normal(theta_j, sigma/√n)`, `theta_j ~ Normal(mu, tau)`
/// with `priors`, sampled non-centred by NUTS (fit number `replication`).
pub fn run(
    design: &Design,
    priors: &Priors,
    settings: &Settings,
    seed: u64,
    replication: u32,
) -> Result<Experiment> {
    let data = schools(design, seed, EXPERIMENT_STREAM);
    let eb = empirical_bayes(&data.ybar, design.students, design.sigma);
    let model = EightSchools::from_data(
        data.ybar.clone(),
        vec![design.se(); design.schools],
        *priors,
        Parameterization::NonCentred,
    )?;
    let fit = sampler::fit_replication(&model, settings, replication)?;
    let bayes = (1..=design.schools)
        .map(|j| {
            let draws = fit.pooled_named(&format!("theta.{j}"))?;
            Ok(draws.iter().sum::<f64>() / draws.len() as f64)
        })
        .collect::<Result<Vec<f64>>>()?;
    // ANCHOR_END: experiment
    let bayes_exact = posterior_means_equal_se(&data.ybar, design.se(), priors);
    let mse = [
        mse(&no_pooling(&data.ybar), &data.truth),
        mse(&complete_pooling(&data.ybar), &data.truth),
        mse(&eb.estimates, &data.truth),
        mse(&bayes, &data.truth),
    ];
    Ok(Experiment {
        design: *design,
        data,
        eb,
        fit,
        bayes,
        bayes_exact,
        mse,
    })
}
