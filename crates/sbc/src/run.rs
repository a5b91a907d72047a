//! The SBC loop: simulate, fit, thin, rank — in parallel and reproducibly.

use crate::rank::{even_indices, kept_count, randomized_pit, rank};
use crate::simulator::PriorSimulator;
use diagnostics::ess_bulk;
use rayon::prelude::*;
use sampler::rng::{chain_rng, uniform};
use sampler::{Control, Iteration, Model, Phase, SamplerError, Settings, fit_with_hook};
use std::sync::atomic::{AtomicUsize, Ordering};

/// How to run SBC.
#[derive(Debug, Clone)]
pub struct SbcSettings {
    /// Number of simulated data sets.
    pub replications: usize,
    /// At most this many posterior draws are kept per replication (Talts's `L`).
    pub max_draws: usize,
    /// Sampler settings for every fit; its seed also seeds the simulations.
    pub sampler: Settings,
    /// Print one line per fit on stderr (replication, divergences after
    /// warmup, counted by the sampler's hook as the fit runs).
    pub fit_lines: bool,
}

/// What one simulated data set produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Replication {
    /// True values of the tracked parameters.
    pub truth: Vec<f64>,
    /// Bulk-ESS of each tracked parameter in this fit.
    pub ess_bulk: Vec<f64>,
    /// Rank among `max_draws` evenly spaced draws (no ESS thinning).
    pub rank_even: Vec<usize>,
    /// Draws kept after thinning by ESS, per parameter.
    pub kept: Vec<usize>,
    /// Randomised PIT of the rank among the ESS-thinned draws.
    pub pit: Vec<f64>,
    /// Divergent transitions after warmup.
    pub divergent: usize,
}

/// The outcome of an SBC run.
#[derive(Debug, Clone, PartialEq)]
pub struct SbcResult {
    /// Tracked parameter names.
    pub names: Vec<String>,
    /// The `L` of [`SbcSettings::max_draws`].
    pub max_draws: usize,
    /// One entry per replication, in replication order.
    pub replications: Vec<Replication>,
}

impl SbcResult {
    /// PIT values of parameter `i` over all replications.
    pub fn pit(&self, i: usize) -> Vec<f64> {
        self.replications.iter().map(|r| r.pit[i]).collect()
    }

    /// Ranks among `L` evenly spaced draws of parameter `i`.
    pub fn rank_even(&self, i: usize) -> Vec<usize> {
        self.replications.iter().map(|r| r.rank_even[i]).collect()
    }

    /// Median bulk-ESS of parameter `i` over replications.
    pub fn median_ess(&self, i: usize) -> f64 {
        let mut e: Vec<f64> = self.replications.iter().map(|r| r.ess_bulk[i]).collect();
        e.sort_by(f64::total_cmp);
        diagnostics::quantile(&e, 0.5)
    }

    /// Total divergent transitions over all replications.
    pub fn divergent(&self) -> usize {
        self.replications.iter().map(|r| r.divergent).sum()
    }
}

/// Runs SBC: for replication `r`, parameters and data are simulated from
/// stream `r · 2³² + (2³² − 1)` of the seed, and the fit's chains use streams
/// `r · 2³² + c`, so the result does not depend on the number of threads.
pub fn run_sbc<S: PriorSimulator>(
    sim: &S,
    settings: &SbcSettings,
) -> Result<SbcResult, SamplerError> {
    let names = sim.tracked();
    let replications = (0..settings.replications)
        .into_par_iter()
        .map(|r| one_replication(sim, settings, &names, r as u32))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SbcResult { names, max_draws: settings.max_draws, replications })
}

fn one_replication<S: PriorSimulator>(
    sim: &S,
    settings: &SbcSettings,
    names: &[String],
    r: u32,
) -> Result<Replication, SamplerError> {
    let mut rng = chain_rng(settings.sampler.seed, r, u32::MAX);
    let (truth, model) = sim.simulate(&mut rng);
    // Divergences so far after warmup, per chain, as the hook last saw them.
    let divergent: Vec<AtomicUsize> =
        (0..settings.sampler.num_chains).map(|_| AtomicUsize::new(0)).collect();
    let watch = |i: &Iteration| {
        if i.phase == Phase::Sampling {
            divergent[i.chain].store(i.divergences, Ordering::Relaxed);
        }
        Control::Continue
    };
    let fit = fit_with_hook(&model, &settings.sampler, r, &watch)?;
    if settings.fit_lines {
        let total: usize = divergent.iter().map(|d| d.load(Ordering::Relaxed)).sum();
        eprintln!("SBC fit {}/{}: {total} divergent after warmup", r + 1, settings.replications);
    }
    let model_names = model.param_names();
    let mut rep = Replication {
        truth: truth.clone(),
        ess_bulk: Vec::new(),
        rank_even: Vec::new(),
        kept: Vec::new(),
        pit: Vec::new(),
        divergent: fit.num_divergent(),
    };
    for (name, t) in names.iter().zip(&truth) {
        let index = model_names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| SamplerError::Model(format!("no parameter named {name}")))?;
        let chains = fit.chains_of(index);
        let pooled = chains.concat();
        let ess = ess_bulk(&chains);
        let even: Vec<f64> =
            even_indices(pooled.len(), settings.max_draws).into_iter().map(|i| pooled[i]).collect();
        let n_keep = kept_count(pooled.len(), ess, settings.max_draws);
        let thinned: Vec<f64> =
            even_indices(pooled.len(), n_keep).into_iter().map(|i| pooled[i]).collect();
        rep.ess_bulk.push(ess);
        rep.rank_even.push(rank(*t, &even));
        rep.kept.push(thinned.len());
        rep.pit.push(randomized_pit(rank(*t, &thinned), thinned.len(), uniform(&mut rng)));
    }
    Ok(rep)
}
