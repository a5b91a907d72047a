//! The long reference run of the non-centred partial-pooling model: its
//! summary is committed (`reference/partial_noncentred.json`, written once
//! by `cargo run --release -p ch_hsb --example reference_run`), and every run
//! of the chapter checks its hyperparameters against it within Monte Carlo
//! error.

use anyhow::{Context, Result};
use diagnostics::rstan::summarize;
use sampler::Fit;
use serde::{Deserialize, Serialize};

/// The hyperparameters of the partial-pooling model, in table order.
pub const HYPER: [&str; 5] = ["mu_beta_0", "mu_beta_1", "tau_beta_0", "tau_beta_1", "sigma"];

/// The committed reference summary.
pub const REFERENCE_JSON: &str = include_str!("../reference/partial_noncentred.json");

/// Summary of the reference run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// How the run was made.
    pub description: String,
    pub seed: u64,
    pub chains: usize,
    pub warmup: usize,
    pub draws: usize,
    /// One entry per hyperparameter, in [`HYPER`] order.
    pub params: Vec<ReferenceParam>,
}

/// One hyperparameter of the reference run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceParam {
    pub name: String,
    pub mean: f64,
    pub sd: f64,
    /// Monte Carlo standard error of the mean.
    pub mcse_mean: f64,
    pub ess_bulk: f64,
    pub r_hat: f64,
}

impl Reference {
    /// Parses the committed reference.
    pub fn committed() -> Result<Self> {
        serde_json::from_str(REFERENCE_JSON).context("the committed reference summary is not valid")
    }

    /// Summarises a fit as a reference.
    pub fn from_fit(fit: &Fit, description: &str) -> Result<Self> {
        let s = &fit.settings;
        let params = HYPER
            .iter()
            .map(|name| {
                let r = summarize(name, &fit.try_chains_by_name(name)?);
                Ok(ReferenceParam {
                    name: name.to_string(),
                    mean: r.mean,
                    sd: r.sd,
                    mcse_mean: r.se_mean,
                    ess_bulk: r.ess_bulk,
                    r_hat: r.r_hat,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Self {
            description: description.to_string(),
            seed: s.seed,
            chains: s.num_chains,
            warmup: s.num_warmup,
            draws: s.num_draws,
            params,
        })
    }
}

/// A fit's hyperparameter mean against the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub name: String,
    pub reference_mean: f64,
    pub reference_mcse: f64,
    pub mean: f64,
    pub mcse: f64,
    /// `(mean − reference) / sqrt(mcse² + reference_mcse²)`: about
    /// standard normal when both runs are right.
    pub z: f64,
}

/// Compares `fit`'s hyperparameters with `reference`.
pub fn agreement(fit: &Fit, reference: &Reference) -> Result<Vec<Agreement>> {
    reference
        .params
        .iter()
        .map(|p| {
            let r = summarize(&p.name, &fit.try_chains_by_name(&p.name)?);
            Ok(Agreement {
                name: p.name.clone(),
                reference_mean: p.mean,
                reference_mcse: p.mcse_mean,
                mean: r.mean,
                mcse: r.se_mean,
                z: (r.mean - p.mean) / (r.se_mean.powi(2) + p.mcse_mean.powi(2)).sqrt(),
            })
        })
        .collect()
}
