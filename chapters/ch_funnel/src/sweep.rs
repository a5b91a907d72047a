//! The seed sweep: Eight Schools fitted in both parameterisations at several
//! target acceptance rates, with many independent seeds each, so the chapter's
//! claims rest on distributions rather than on one run.

use anyhow::Result;
use diagnostics::{ess_bulk, mean};
use models::{EightSchools, Parameterization};
use rayon::prelude::*;
use sampler::Settings;

/// What the sweep varies and how long each fit runs.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepConfig {
    /// Target acceptance rates (Stan's `adapt_delta`).
    pub targets: Vec<f64>,
    /// Independent seeds (random streams) per target and parameterisation.
    pub seeds: usize,
    /// Warmup iterations per chain.
    pub warmup: usize,
    /// Kept draws per chain.
    pub draws: usize,
}

/// The numbers one fit of the sweep contributes.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepFit {
    /// Which parameterisation was fitted.
    pub parameterization: Parameterization,
    /// Its target acceptance rate.
    pub target_accept: f64,
    /// Which seed (0-based) within its target.
    pub seed_index: usize,
    /// Divergent transitions after warmup, all chains.
    pub divergent: usize,
    /// Transitions after warmup, all chains.
    pub transitions: usize,
    /// Bulk effective sample size of `tau`.
    pub ess_bulk_tau: f64,
    /// Posterior mean of `tau`.
    pub mean_tau: f64,
    /// Share of draws with `tau < 1` (the neck of the funnel).
    pub p_tau_below_1: f64,
    /// Gradient evaluations, warmup included.
    pub gradient_evaluations: u64,
}

/// The sweep's fits of one (parameterisation, target) cell, in seed order.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepCell {
    /// The parameterisation.
    pub parameterization: Parameterization,
    /// The target acceptance rate.
    pub target_accept: f64,
    /// One entry per seed.
    pub fits: Vec<SweepFit>,
}

/// The order parameterisations appear in every table and figure.
pub const PARAMETERIZATIONS: [Parameterization; 2] =
    [Parameterization::Centred, Parameterization::NonCentred];

/// The replication (random stream) of seed `k` at target number `t`: every
/// (target, seed) pair gets its own, both parameterisations share it, and
/// replication 0 is left to the chapter's single fits.
pub fn replication(t: usize, k: usize, seeds: usize) -> Result<u32> {
    u32::try_from(1 + t * seeds + k).map_err(|_| anyhow::anyhow!("the sweep has too many fits"))
}

/// Runs every fit of the sweep in parallel. `base` gives the seed, chains
/// and tree depth; its target, warmup and draws are replaced by the sweep's.
/// Results come back in a fixed order (target, seed, parameterisation),
/// whatever the number of threads.
pub fn run_sweep(base: &Settings, config: &SweepConfig, quiet: bool) -> Result<Vec<SweepCell>> {
    // ANCHOR: jobs
    let mut jobs = Vec::new();
    for (t, &target) in config.targets.iter().enumerate() {
        for k in 0..config.seeds {
            for p in PARAMETERIZATIONS {
                jobs.push((t, target, k, p, replication(t, k, config.seeds)?));
            }
        }
    }
    // ANCHOR_END: jobs
    let bar =
        sampler::progress::bar(jobs.len() as u64, "sweep [{bar:32}] {pos}/{len} fits", !quiet);
    // ANCHOR: parallel
    let fits = jobs
        .par_iter()
        .map(|&(_, target, k, p, rep)| {
            let settings = Settings {
                target_accept: target,
                num_warmup: config.warmup,
                num_draws: config.draws,
                threads: None,
                progress: false,
                ..base.clone()
            };
            let fit = sampler::fit_replication(&EightSchools::new(p), &settings, rep)?;
            bar.inc(1);
            summarise(&fit, p, target, k)
        })
        .collect::<Result<Vec<SweepFit>>>()?;
    // ANCHOR_END: parallel
    bar.finish_and_clear();
    let mut cells = Vec::new();
    for &target in &config.targets {
        for p in PARAMETERIZATIONS {
            cells.push(SweepCell {
                parameterization: p,
                target_accept: target,
                fits: fits
                    .iter()
                    .filter(|f| f.parameterization == p && f.target_accept == target)
                    .cloned()
                    .collect(),
            });
        }
    }
    Ok(cells)
}

fn summarise(fit: &sampler::Fit, p: Parameterization, target: f64, k: usize) -> Result<SweepFit> {
    let tau = fit.try_chains_by_name("tau")?;
    let pooled = tau.concat();
    Ok(SweepFit {
        parameterization: p,
        target_accept: target,
        seed_index: k,
        divergent: fit.num_divergent(),
        transitions: fit.num_draws_total(),
        ess_bulk_tau: ess_bulk(&tau),
        mean_tau: mean(&pooled),
        p_tau_below_1: pooled.iter().filter(|t| **t < 1.0).count() as f64 / pooled.len() as f64,
        gradient_evaluations: fit.gradient_evaluations(),
    })
}

/// The cell of `cells` for `p` at `target`, if the sweep ran it.
pub fn cell(cells: &[SweepCell], p: Parameterization, target: f64) -> Option<&SweepCell> {
    cells.iter().find(|c| c.parameterization == p && c.target_accept == target)
}

impl SweepCell {
    /// A per-seed statistic of this cell.
    pub fn values(&self, f: impl Fn(&SweepFit) -> f64) -> Vec<f64> {
        self.fits.iter().map(f).collect()
    }

    /// Seeds on which at least one transition diverged.
    pub fn seeds_with_divergences(&self) -> usize {
        self.fits.iter().filter(|f| f.divergent > 0).count()
    }

    /// Divergent transitions over all seeds, and transitions over all seeds.
    pub fn divergent_total(&self) -> (usize, usize) {
        (self.fits.iter().map(|f| f.divergent).sum(), self.fits.iter().map(|f| f.transitions).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replications_are_distinct_and_skip_zero() {
        let mut seen = std::collections::BTreeSet::new();
        for t in 0..4 {
            for k in 0..20 {
                assert!(seen.insert(replication(t, k, 20).unwrap()));
            }
        }
        assert!(!seen.contains(&0));
    }
}
