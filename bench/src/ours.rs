//! One timed fit with our sampler.

use crate::cpu_time::timed;
use crate::record::{RunRecord, SamplerKind, min_bulk_ess};
use anyhow::{Result, anyhow};
use sampler::{Model, Settings};

/// Warmup and kept draws per chain, and chains per fit, for every sampler.
pub const NUM_WARMUP: usize = 1000;
/// Kept draws per chain.
pub const NUM_DRAWS: usize = 1000;
/// Chains per fit.
pub const NUM_CHAINS: usize = 4;

/// Fits `model` with our NUTS (Stan's defaults: target acceptance 0.8, tree
/// depth 10; the adaptation `kind` names) on rayon's global pool and records
/// time, gradients, divergences and the minimum bulk-ESS.
pub fn run_ours<M: Model>(model: &M, kind: SamplerKind, seed: u64) -> Result<RunRecord> {
    let adaptation =
        kind.adaptation().ok_or_else(|| anyhow!("{} is not our sampler", kind.label()))?;
    // ±10% with rolling windows, as nuts-rs does; none with Stan's schedule.
    let step_size_jitter = adaptation.default_jitter();
    let settings = Settings {
        adaptation,
        metric: kind.metric(),
        step_size_jitter,
        num_chains: NUM_CHAINS,
        num_warmup: NUM_WARMUP,
        num_draws: NUM_DRAWS,
        seed,
        threads: None,
        progress: false,
        ..Settings::default()
    };
    let (fit, seconds, cpu_seconds) = timed(|| sampler::fit(model, &settings));
    let fit = fit?;
    let draws: Vec<Vec<Vec<f64>>> = fit.chains.iter().map(|c| c.draws.clone()).collect();
    let stats: Vec<_> = fit.chains.iter().flat_map(|c| c.stats.iter()).collect();
    let sampling: usize = stats.iter().map(|s| s.n_leapfrog).sum();
    let kept = stats.len() as f64;
    Ok(RunRecord {
        seconds,
        cpu_seconds,
        gradients: fit.gradient_evaluations(),
        warmup_gradients: fit.gradient_evaluations() - sampling as u64,
        divergences: fit.num_divergent(),
        min_ess: min_bulk_ess(&draws),
        step_size: stats.iter().map(|s| s.step_size).sum::<f64>() / kept,
        steps_per_draw: sampling as f64 / kept,
    })
}
