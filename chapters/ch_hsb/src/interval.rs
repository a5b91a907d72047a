//! Posterior mean, sd and central 95% interval of a parameter, and of every
//! school's copy of one, as the figures of the fits show them.

use anyhow::Result;
use diagnostics::Estimate;
use sampler::Fit;

/// The [`Estimate`] of parameter `name` in `fit`, with its central 95% interval.
pub(crate) fn interval(fit: &Fit, name: &str) -> Result<Estimate> {
    Ok(Estimate::named(fit, name, (0.025, 0.975))?)
}

/// Estimates of `base.1 … base.J`.
pub(crate) fn school_intervals(fit: &Fit, base: &str, j: usize) -> Result<Vec<Estimate>> {
    (1..=j).map(|k| interval(fit, &format!("{base}.{k}"))).collect()
}

/// One number of each school's estimate (`|e| e.mean`, `|e| e.sd`).
pub(crate) fn per_school(
    fit: &Fit,
    base: &str,
    j: usize,
    f: fn(&Estimate) -> f64,
) -> Result<Vec<f64>> {
    Ok(school_intervals(fit, base, j)?.iter().map(f).collect())
}
