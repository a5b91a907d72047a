//! Posterior mean, sd and central 95% interval of a parameter, and of every
//! school's copy of one, as the figures of the fits show them.

use anyhow::{Result, anyhow};
use diagnostics::quantile;
use sampler::Fit;

/// Posterior mean, sd and central 95% interval of one parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Interval {
    pub mean: f64,
    pub sd: f64,
    pub low: f64,
    pub high: f64,
}

/// The [`Interval`] of parameter `name` in `fit`.
pub(crate) fn interval(fit: &Fit, name: &str) -> Result<Interval> {
    let draws = fit
        .chains_by_name(name)
        .ok_or_else(|| anyhow!("the fit has no parameter {name}"))?
        .concat();
    let n = draws.len() as f64;
    let mean = draws.iter().sum::<f64>() / n;
    let sd = (draws.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)).sqrt();
    Ok(Interval {
        mean,
        sd,
        low: quantile(&draws, 0.025),
        high: quantile(&draws, 0.975),
    })
}

/// Intervals of `base.1 … base.J`.
pub(crate) fn school_intervals(fit: &Fit, base: &str, j: usize) -> Result<Vec<Interval>> {
    (1..=j)
        .map(|k| interval(fit, &format!("{base}.{k}")))
        .collect()
}
