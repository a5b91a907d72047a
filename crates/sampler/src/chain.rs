//! One chain: initialisation, warmup with adaptation, then sampling.

use crate::adapt_metric::AdaptiveMetric;
use crate::adaptation::{rolling_warmup, stan_warmup};
use crate::error::{Result, SamplerError};
use crate::fit::ChainDraws;
use crate::hamiltonian::PhasePoint;
use crate::hook::{Hook, Monitor, Phase};
use crate::low_rank::LowRankMetric;
use crate::metric::DiagMetric;
use crate::model::Model;
use crate::nuts::{NutsOptions, NutsWorkspace};
use crate::rng::{chain_rng, uniform};
use crate::settings::{Adaptation, MetricKind, Settings};
use crate::state::ChainState;
use crate::stats::DrawStats;
use indicatif::ProgressBar;
use rand::Rng;
use std::sync::atomic::{AtomicU64, Ordering};

/// Wraps a model to count gradient evaluations.
struct Counting<'a, M: ?Sized> {
    model: &'a M,
    count: AtomicU64,
}

impl<M: Model + ?Sized> Model for Counting<'_, M> {
    fn dim(&self) -> usize {
        self.model.dim()
    }
    fn param_names(&self) -> Vec<String> {
        self.model.param_names()
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        // Each chain has its own counter, used by one thread at a time: a
        // plain load and store is enough and avoids a locked add per step.
        let n = self.count.load(Ordering::Relaxed);
        self.count.store(n + 1, Ordering::Relaxed);
        self.model.log_density_grad(x, grad)
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        self.model.constrain(x, out)
    }
}

/// Draws initial points uniformly in `(-r, r)^d` until one has a finite log
/// density and gradient (Stan's default initialisation).
fn initialize<M: Model + ?Sized, R: Rng + ?Sized>(
    model: &M,
    settings: &Settings,
    chain: usize,
    rng: &mut R,
) -> Result<PhasePoint> {
    let r = settings.init_radius;
    for _ in 0..settings.max_init_tries {
        let q = (0..model.dim()).map(|_| r * (2.0 * uniform(rng) - 1.0)).collect();
        let z = PhasePoint::new(model, q);
        if z.is_finite() {
            return Ok(z);
        }
    }
    Err(SamplerError::InitializationFailed {
        chain: chain + 1,
        tries: settings.max_init_tries,
        radius: r,
    })
}

/// Runs chain `chain` of replication `replication`: adaptive warmup (step
/// size by dual averaging, the metric on Stan's windowed schedule or on
/// rolling windows, as `settings.adaptation` says, diagonal or low-rank as
/// `settings.metric` says) followed by `num_draws` NUTS transitions with
/// everything frozen.
///
/// `hook` is called after every iteration and may stop the chain.
///
/// With `num_warmup = 0` nothing is adapted: the metric is the identity and
/// the step size is the one the initial heuristic finds.
pub fn run_chain<M: Model + ?Sized>(
    model: &M,
    settings: &Settings,
    replication: u32,
    chain: usize,
    progress: &ProgressBar,
    hook: Hook<'_>,
) -> Result<ChainDraws> {
    match settings.metric {
        MetricKind::Diagonal => {
            run_chain_with::<M, DiagMetric>(model, settings, replication, chain, progress, hook)
        }
        MetricKind::LowRank(_) => {
            run_chain_with::<M, LowRankMetric>(model, settings, replication, chain, progress, hook)
        }
    }
}

/// [`run_chain`] with the metric type chosen.
fn run_chain_with<M: Model + ?Sized, Me: AdaptiveMetric>(
    model: &M,
    settings: &Settings,
    replication: u32,
    chain: usize,
    progress: &ProgressBar,
    hook: Hook<'_>,
) -> Result<ChainDraws> {
    let mut monitor = Monitor::new(chain, hook, progress);
    let model = Counting { model, count: AtomicU64::new(0) };
    let mut rng = chain_rng(settings.seed, replication, chain as u32);
    let z = initialize(&model, settings, chain, &mut rng)?;
    let mut state = ChainState {
        metric: Me::from_diagonal(vec![1.0; model.dim()]),
        step_size: settings.initial_step_size,
        workspace: NutsWorkspace::new(model.dim()),
        z,
        rng,
        options: NutsOptions {
            max_tree_depth: settings.max_tree_depth,
            max_energy_error: settings.max_energy_error,
        },
        jitter: settings.step_size_jitter,
    };

    progress.set_message("warmup");
    let warmup_divergences = match settings.adaptation {
        Adaptation::Stan => stan_warmup(&model, settings, chain, &mut state, &mut monitor)?,
        Adaptation::Rolling(estimate) => {
            rolling_warmup(&model, settings, chain, estimate, &mut state, &mut monitor)?
        }
    };

    monitor.start_sampling();
    let mut divergences = 0;
    let mut draws = Vec::with_capacity(settings.num_draws);
    let mut stats = Vec::with_capacity(settings.num_draws);
    let num_values = model.param_names().len();
    for _ in 0..settings.num_draws {
        let (t, step_size) = state.transition(&model);
        let mut values = Vec::with_capacity(num_values);
        model.constrain(&state.z.q, &mut values);
        draws.push(values);
        stats.push(DrawStats {
            lp: state.z.log_density,
            accept_stat: t.accept_stat,
            step_size,
            tree_depth: t.tree_depth,
            n_leapfrog: t.n_leapfrog,
            divergent: t.divergent,
            energy: t.energy,
        });
        divergences += usize::from(t.divergent);
        monitor.tick(Phase::Sampling, divergences)?;
    }
    progress.finish_with_message("done");

    Ok(ChainDraws {
        draws,
        stats,
        warmup_divergences,
        step_size: state.step_size,
        inv_mass: state.metric.inv_mass_diagonal(),
        gradient_evaluations: model.count.load(Ordering::Relaxed),
    })
}
