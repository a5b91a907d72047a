//! One timed fit with `nuts-rs`, on the same [`sampler::Model`] as ours.
//!
//! The adapter hands `nuts-rs` our log density unchanged and counts its
//! calls; chains run on a rayon pool of the same size as ours, start from
//! points drawn as ours are (uniform in `(−2, 2)`), and their draws are mapped
//! through the model's `constrain`, so both samplers are judged on the same
//! values by the same ESS function.

use crate::cpu_time::timed;
use crate::ours::{NUM_CHAINS, NUM_DRAWS, NUM_WARMUP};
use crate::record::{RunRecord, SamplerKind, min_bulk_ess};
use anyhow::{Result, anyhow, bail};
use nuts_rs::{
    Chain, CpuLogpFunc, CpuMath, CpuMathError, DiagNutsSettings, LogpError, LowRankNutsSettings,
    Settings,
};
use rayon::prelude::*;
use sampler::Model;
use sampler::rng::{chain_rng, uniform};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// The log density was not finite: `nuts-rs` treats a recoverable error as
/// a divergence, as our sampler treats a non-finite value.
#[derive(Debug, thiserror::Error)]
#[error("the log density is not finite")]
pub struct NotFinite;

impl LogpError for NotFinite {
    fn is_recoverable(&self) -> bool {
        true
    }
}

/// Our model seen through `nuts-rs`'s interface, counting evaluations.
struct Density<'a, M: ?Sized> {
    model: &'a M,
    evaluations: &'a AtomicU64,
}

impl<M: Model + ?Sized> nuts_rs::HasDims for Density<'_, M> {
    fn dim_sizes(&self) -> HashMap<String, u64> {
        HashMap::from([("unconstrained_parameter".to_string(), self.model.dim() as u64)])
    }
}

impl<M: Model + ?Sized> CpuLogpFunc for Density<'_, M> {
    type LogpError = NotFinite;
    type FlowParameters = ();
    type ExpandedVector = Vec<f64>;

    fn dim(&self) -> usize {
        self.model.dim()
    }

    fn logp(&mut self, position: &[f64], gradient: &mut [f64]) -> Result<f64, NotFinite> {
        // One chain per counter: a plain load and store, no locked add.
        let n = self.evaluations.load(Ordering::Relaxed);
        self.evaluations.store(n + 1, Ordering::Relaxed);
        let lp = self.model.log_density_grad(position, gradient);
        if lp.is_finite() { Ok(lp) } else { Err(NotFinite) }
    }

    fn expand_vector<R: nuts_rs::rand::Rng + ?Sized>(
        &mut self,
        _rng: &mut R,
        array: &[f64],
    ) -> Result<Vec<f64>, CpuMathError> {
        Ok(array.to_vec())
    }
}

/// `nuts-rs` settings for 4 × (1000 + 1000) draws with either diagonal
/// adaptation; everything else is its default (target acceptance 0.8, tree
/// depth 10).
pub fn settings(kind: SamplerKind, seed: u64) -> DiagNutsSettings {
    let mut s = DiagNutsSettings {
        num_tune: NUM_WARMUP as u64,
        num_draws: NUM_DRAWS as u64,
        num_chains: NUM_CHAINS,
        seed,
        maxdepth: 10,
        ..DiagNutsSettings::default()
    };
    s.adapt_options.mass_matrix_options.use_grad_based_estimate =
        kind == SamplerKind::NutsRsDefault;
    s
}

/// `nuts-rs`'s low-rank settings (nutpie's `low_rank_modified_mass_matrix`)
/// for 4 × (1000 + 1000) draws; everything else is its default (target
/// acceptance 0.8, tree depth 10, the metric updated every 20 iterations
/// besides each window switch, `γ = 10⁻⁵`, eigenvalue cutoff 2).
pub fn low_rank_settings(seed: u64) -> LowRankNutsSettings {
    LowRankNutsSettings {
        num_tune: NUM_WARMUP as u64,
        num_draws: NUM_DRAWS as u64,
        num_chains: NUM_CHAINS,
        seed,
        maxdepth: 10,
        ..LowRankNutsSettings::default()
    }
}

/// What one chain returns: constrained draws, divergences after warmup,
/// gradient evaluations before the first kept draw, and the sums of the step
/// sizes and leapfrog steps of the kept draws.
struct ChainOutput {
    draws: Vec<Vec<f64>>,
    divergences: usize,
    warmup_gradients: u64,
    step_size_sum: f64,
    steps: u64,
}

/// Random-stream replication of each `nuts-rs` variant (ours uses 0).
fn replication(kind: SamplerKind) -> u32 {
    match kind {
        SamplerKind::NutsRsDefault => 1,
        SamplerKind::NutsRsDrawVariance => 2,
        SamplerKind::NutsRsLowRank => 3,
        _ => 0,
    }
}

fn run_chain<M: Model, S: Settings>(
    model: &M,
    settings: &S,
    kind: SamplerKind,
    chain: usize,
    evaluations: &AtomicU64,
) -> Result<ChainOutput> {
    let mut rng = chain_rng(settings.seed(), replication(kind), chain as u32);
    let d = model.dim();
    let mut grad = vec![0.0; d];
    let init = (0..100)
        .map(|_| (0..d).map(|_| 2.0 * (2.0 * uniform(&mut rng) - 1.0)).collect::<Vec<_>>())
        .find(|q| {
            evaluations.fetch_add(1, Ordering::Relaxed);
            model.log_density_grad(q, &mut grad).is_finite() && grad.iter().all(|g| g.is_finite())
        })
        .ok_or_else(|| anyhow!("chain {}: no finite initial point", chain + 1))?;
    let math = CpuMath::new(Density { model, evaluations });
    let mut sampler = settings
        .new_chain(chain as u64, math, &mut rng)
        .map_err(|e| anyhow!("nuts-rs settings: {e}"))?;
    sampler.set_position(&init).map_err(|e| anyhow!("nuts-rs initialisation: {e}"))?;
    let total = settings.hint_num_tune() + settings.hint_num_draws();
    let mut out = ChainOutput {
        draws: Vec::with_capacity(settings.hint_num_draws()),
        divergences: 0,
        warmup_gradients: 0,
        step_size_sum: 0.0,
        steps: 0,
    };
    for _ in 0..total {
        let before = evaluations.load(Ordering::Relaxed);
        let (position, info) = sampler.draw().map_err(|e| anyhow!("nuts-rs sampling: {e}"))?;
        if info.tuning {
            continue;
        }
        if out.draws.is_empty() {
            out.warmup_gradients = before;
        }
        out.divergences += usize::from(info.diverging);
        out.step_size_sum += info.step_size;
        out.steps += info.num_steps;
        let mut values = Vec::new();
        model.constrain(&position, &mut values);
        out.draws.push(values);
    }
    if out.draws.len() != settings.hint_num_draws() {
        bail!("nuts-rs returned {} kept draws", out.draws.len());
    }
    Ok(out)
}

/// Fits `model` with `nuts-rs` (adaptation chosen by `kind`) on rayon's
/// global pool, as ours runs, and records time, gradients, divergences and
/// the minimum bulk-ESS.
pub fn run_nutsrs<M: Model>(model: &M, kind: SamplerKind, seed: u64) -> Result<RunRecord> {
    match kind {
        SamplerKind::NutsRsLowRank => run_with(model, kind, &low_rank_settings(seed)),
        _ => run_with(model, kind, &settings(kind, seed)),
    }
}

/// [`run_nutsrs`] with the settings made.
fn run_with<M: Model, S: Settings>(
    model: &M,
    kind: SamplerKind,
    settings: &S,
) -> Result<RunRecord> {
    let counters: Vec<AtomicU64> = (0..NUM_CHAINS).map(|_| AtomicU64::new(0)).collect();
    let (chains, seconds, cpu_seconds) = timed(|| {
        (0..NUM_CHAINS)
            .into_par_iter()
            .map(|c| run_chain(model, settings, kind, c, &counters[c]))
            .collect::<Result<Vec<_>>>()
    });
    let chains = chains?;
    let draws: Vec<Vec<Vec<f64>>> = chains.iter().map(|c| c.draws.clone()).collect();
    let kept = (NUM_CHAINS * NUM_DRAWS) as f64;
    Ok(RunRecord {
        seconds,
        cpu_seconds,
        gradients: counters.iter().map(|c| c.load(Ordering::Relaxed)).sum(),
        warmup_gradients: chains.iter().map(|c| c.warmup_gradients).sum(),
        divergences: chains.iter().map(|c| c.divergences).sum(),
        min_ess: min_bulk_ess(&draws),
        step_size: chains.iter().map(|c| c.step_size_sum).sum::<f64>() / kept,
        steps_per_draw: chains.iter().map(|c| c.steps).sum::<u64>() as f64 / kept,
    })
}
