//! How much each region borrows from the national baseline, and what it buys.
//!
//! Given `alpha` and `pi0`, region r's posterior mean share is
//! `(alpha pi0ₖ + y_rk)/(alpha + n_r) = (1 − B_r) · y_rk/n_r + B_r · pi0ₖ` with
//! `B_r = alpha/(alpha + n_r)`: the Dirichlet-multinomial's shrinkage factor, the
//! counterpart of `sigma²/(sigma² + tau²)` in the normal model. We report its posterior
//! mean, and the widths of 89% HDIs with and without pooling (the latter exact,
//! [`Survey::no_pooling_hdi`]).

use crate::HDI_PROB;
use diagnostics::MissingParameter;
use models::survey::data::Survey;
use sampler::Fit;

/// Posterior mean of `pi.r.k` (from 0-based r, k) and its 89% HDI in `fit`;
/// a fit without that parameter is an error naming it.
pub fn pooled_interval(fit: &Fit, r: usize, k: usize) -> Result<(f64, f64, f64), MissingParameter> {
    let draws = fit.pooled_named(&format!("pi.{}.{}", r + 1, k + 1))?;
    let mean = draws.iter().sum::<f64>() / draws.len() as f64;
    let (lo, hi) = diagnostics::hdi(&draws, HDI_PROB);
    Ok((mean, lo, hi))
}

/// One category of one region: interval widths with and without pooling.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryWidths {
    /// Exact no-pooling 89% HDI.
    pub no_pooling: (f64, f64),
    /// Partial-pooling 89% HDI from the draws.
    pub partial: (f64, f64),
}

impl CategoryWidths {
    /// Percentage by which pooling narrows the interval.
    pub fn reduction_percent(&self) -> f64 {
        let w_np = self.no_pooling.1 - self.no_pooling.0;
        let w_pp = self.partial.1 - self.partial.0;
        100.0 * (1.0 - w_pp / w_np)
    }
}

/// Interval widths for every category of region r.
pub fn category_widths(
    survey: &Survey,
    fit: &Fit,
    r: usize,
) -> Result<Vec<CategoryWidths>, MissingParameter> {
    (0..survey.num_categories())
        .map(|k| {
            let (_, lo, hi) = pooled_interval(fit, r, k)?;
            Ok(CategoryWidths {
                no_pooling: survey.no_pooling_hdi(r, k, HDI_PROB),
                partial: (lo, hi),
            })
        })
        .collect()
}

/// One region's shrinkage summary.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionShrinkage {
    /// Region index (0-based).
    pub region: usize,
    /// Respondents.
    pub n: u32,
    /// Posterior mean of `B_r = alpha/(alpha + n_r)`, the weight on the national baseline.
    pub weight_on_baseline: f64,
    /// Mean over categories of the no-pooling HDI width.
    pub width_no_pooling: f64,
    /// Mean over categories of the partial-pooling HDI width.
    pub width_partial: f64,
}

impl RegionShrinkage {
    /// Percentage by which pooling narrows the average interval.
    pub fn reduction_percent(&self) -> f64 {
        100.0 * (1.0 - self.width_partial / self.width_no_pooling)
    }
}

/// Shrinkage summaries of every region, ordered by size (smallest first); a
/// fit without `alpha` or a region's shares is an error naming the parameter.
pub fn region_shrinkage(
    survey: &Survey,
    fit: &Fit,
) -> Result<Vec<RegionShrinkage>, MissingParameter> {
    let alpha = fit.pooled_named("alpha")?;
    let sizes = survey.sizes();
    survey
        .order_by_size()
        .into_iter()
        .map(|r| {
            let n = sizes[r];
            let widths = category_widths(survey, fit, r)?;
            let k = widths.len() as f64;
            Ok(RegionShrinkage {
                region: r,
                n,
                weight_on_baseline: alpha.iter().map(|a| a / (a + f64::from(n))).sum::<f64>()
                    / alpha.len() as f64,
                width_no_pooling: widths
                    .iter()
                    .map(|w| w.no_pooling.1 - w.no_pooling.0)
                    .sum::<f64>()
                    / k,
                width_partial: widths.iter().map(|w| w.partial.1 - w.partial.0).sum::<f64>() / k,
            })
        })
        .collect()
}
