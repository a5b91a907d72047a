//! The five Bayesian fits of the chapter: complete pooling, no pooling, partial
//! pooling written centred and non-centred, and partial pooling with correlated
//! intercepts and slopes.

use crate::Parameterization;
use crate::correlated_slopes::CorrelatedSlopes;
use crate::grouped_regression::GroupedRows;
use crate::pooling_regression::{CompletePoolingLines, NoPoolingLines};
use crate::varying_slopes::VaryingSlopes;
use sampler::{Fit, Result, Settings};
use std::time::Instant;

/// Which model a fit is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// One line for all schools.
    Complete,
    /// An independent line per school.
    NoPooling,
    /// Partial pooling, centred (as the source writes it).
    Centred,
    /// Partial pooling, non-centred (the chapter's main fit).
    NonCentred,
    /// Partial pooling with correlated intercepts and slopes (non-centred).
    Correlated,
}

impl ModelKind {
    /// All five, in the order they are fitted and reported.
    pub const ALL: [ModelKind; 5] = [
        ModelKind::Complete,
        ModelKind::NoPooling,
        ModelKind::Centred,
        ModelKind::NonCentred,
        ModelKind::Correlated,
    ];

    /// The four models ranked by LOO and WAIC.
    pub const RANKED: [ModelKind; 4] =
        [ModelKind::Complete, ModelKind::NoPooling, ModelKind::NonCentred, ModelKind::Correlated];

    /// The three models checked against their predictions (partial pooling as its
    /// non-centred fit).
    pub const COMPARED: [ModelKind; 3] =
        [ModelKind::Complete, ModelKind::NoPooling, ModelKind::NonCentred];

    /// Name in tables and figures.
    pub fn label(self) -> &'static str {
        match self {
            ModelKind::Complete => "complete pooling",
            ModelKind::NoPooling => "no pooling",
            ModelKind::Centred => "partial pooling (centred)",
            ModelKind::NonCentred => "partial pooling",
            ModelKind::Correlated => "correlated partial pooling",
        }
    }

    /// Short name for files (`hsb_<key>` CSVs).
    pub fn key(self) -> &'static str {
        match self {
            ModelKind::Complete => "complete",
            ModelKind::NoPooling => "no_pooling",
            ModelKind::Centred => "partial_centred",
            ModelKind::NonCentred => "partial",
            ModelKind::Correlated => "correlated",
        }
    }

    /// Replication number of the fit's random streams, so the five fits
    /// draw independent random numbers from one seed.
    pub fn replication(self) -> u32 {
        match self {
            ModelKind::Complete => 0,
            ModelKind::NoPooling => 1,
            ModelKind::Centred => 2,
            ModelKind::NonCentred => 3,
            ModelKind::Correlated => 4,
        }
    }
}

/// One model's fit.
#[derive(Debug, Clone)]
pub struct ModelFit {
    /// The model.
    pub kind: ModelKind,
    /// Its draws.
    pub fit: Fit,
}

/// Fits `kind` to `data`, printing the sampling time to stderr unless `quiet`.
pub fn fit_model(
    kind: ModelKind,
    data: &GroupedRows,
    settings: &Settings,
    quiet: bool,
) -> Result<ModelFit> {
    let rep = kind.replication();
    let start = Instant::now();
    let fit = match kind {
        ModelKind::Complete => {
            sampler::fit_replication(&CompletePoolingLines { data: data.clone() }, settings, rep)
        }
        ModelKind::NoPooling => {
            sampler::fit_replication(&NoPoolingLines { data: data.clone() }, settings, rep)
        }
        ModelKind::Centred => {
            let model = VaryingSlopes::new(data.clone(), Parameterization::Centred);
            sampler::fit_replication(&model, settings, rep)
        }
        ModelKind::NonCentred => {
            let model = VaryingSlopes::new(data.clone(), Parameterization::NonCentred);
            sampler::fit_replication(&model, settings, rep)
        }
        ModelKind::Correlated => {
            let model = CorrelatedSlopes { data: data.clone() };
            sampler::fit_replication(&model, settings, rep)
        }
    }?;
    if !quiet {
        let seconds = start.elapsed().as_secs_f64();
        eprintln!("{} fit: {seconds:.2} s", kind.label());
    }
    Ok(ModelFit { kind, fit })
}

/// Fits all five models, one after the other (each runs its chains in parallel).
pub fn fit_all(data: &GroupedRows, settings: &Settings, quiet: bool) -> Result<Vec<ModelFit>> {
    ModelKind::ALL.iter().map(|&kind| fit_model(kind, data, settings, quiet)).collect()
}
