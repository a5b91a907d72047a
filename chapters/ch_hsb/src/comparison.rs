//! Model comparison by PSIS-LOO and WAIC with the shared `loo` crate: each
//! model's expected log predictive density, the ranking with standard errors
//! of the differences, and stacking weights.
//!
//! PSIS-LOO and WAIC treat every student separately, so the students are
//! split into blocks that are computed in parallel (and never need the whole
//! 4000 × 7185 log-likelihood matrix in memory); the blocks' results are
//! then joined in student order (`loo::join_loo`, `loo::join_waic`). A test
//! checks that this gives the same numbers as one call on all students.
//!
//! References: Vehtari, Gelman & Gabry (2017), "Practical Bayesian model
//! evaluation using leave-one-out cross-validation and WAIC", Statistics and
//! Computing 27; Yao, Vehtari, Simpson & Gelman (2018), "Using Stacking to
//! Average Bayesian Predictive Distributions", Bayesian Analysis 13(3).

use anyhow::{Result, anyhow};
use loo::{Comparison, LooResult, WaicResult};
use models::hsb::data::Hsb;
use models::hsb::fits::{ModelFit, ModelKind};
use models::hsb::predictive::log_lik_rows;
use rayon::prelude::*;
use sampler::Fit;

/// Students per block.
pub const BLOCK: usize = 256;

/// LOO and WAIC of the compared models, and both rankings.
#[derive(Debug, Clone)]
pub struct ModelComparison {
    /// The models, in the order given.
    pub kinds: Vec<ModelKind>,
    /// PSIS-LOO of each model.
    pub loo: Vec<LooResult>,
    /// WAIC of each model.
    pub waic: Vec<WaicResult>,
    /// Ranking by elpd_loo, with stacking weights.
    pub by_loo: Comparison,
    /// Ranking by elpd_waic.
    pub by_waic: Comparison,
}

impl ModelComparison {
    /// PSIS-LOO and WAIC of `kind`; an error unless it was compared.
    pub fn of(&self, kind: ModelKind) -> Result<(&LooResult, &WaicResult)> {
        let i = self.kinds.iter().position(|k| *k == kind);
        let i = i.ok_or_else(|| anyhow!("no LOO of {}", kind.label()))?;
        Ok((&self.loo[i], &self.waic[i]))
    }
}

// ANCHOR: loo_blocks
/// PSIS-LOO (with per-student relative efficiency) and WAIC of one fit,
/// for the students in `rows`, block by block in parallel.
pub fn loo_and_waic(
    d: &Hsb,
    fit: &Fit,
    rows: std::ops::Range<usize>,
) -> Result<(LooResult, WaicResult)> {
    let starts: Vec<usize> = rows.clone().step_by(BLOCK).collect();
    let blocks = starts
        .par_iter()
        .map(|&start| {
            let ll = log_lik_rows(d, fit, start..(start + BLOCK).min(rows.end))?;
            let r_eff = loo::relative_eff(&ll, fit.chains.len())?;
            Ok((loo::loo(&ll, &r_eff)?, loo::waic(&ll)?))
        })
        .collect::<Result<Vec<_>>>()?;
    let (l, w): (Vec<LooResult>, Vec<WaicResult>) = blocks.into_iter().unzip();
    Ok((loo::join_loo(&l)?, loo::join_waic(&w)?))
}
// ANCHOR_END: loo_blocks

/// LOO and WAIC of every model in `kinds`, and both rankings.
pub fn compare_models(d: &Hsb, fits: &[ModelFit], kinds: &[ModelKind]) -> Result<ModelComparison> {
    let each = kinds.iter().map(|&kind| {
        let m = fits.iter().find(|m| m.kind == kind);
        let m = m.ok_or_else(|| anyhow!("no fit of {}", kind.label()))?;
        loo_and_waic(d, &m.fit, 0..d.len())
    });
    let (loo, waic): (Vec<_>, Vec<_>) = each.collect::<Result<Vec<_>>>()?.into_iter().unzip();
    let labels = || kinds.iter().map(|k| k.label());
    let by_loo = loo::compare(&labels().zip(&loo).collect::<Vec<_>>())?;
    let by_waic = loo::compare(&labels().zip(&waic).collect::<Vec<_>>())?;
    Ok(ModelComparison { kinds: kinds.to_vec(), loo, waic, by_loo, by_waic })
}
