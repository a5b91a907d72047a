//! One chain: initialisation, warmup with adaptation, then sampling.

use crate::error::{Result, SamplerError};
use crate::fit::ChainDraws;
use crate::hamiltonian::PhasePoint;
use crate::mass_matrix::{WelfordVariance, regularize};
use crate::metric::DiagMetric;
use crate::model::Model;
use crate::nuts::{NutsOptions, NutsWorkspace, transition_in};
use crate::rng::{chain_rng, uniform};
use crate::settings::Settings;
use crate::stats::DrawStats;
use crate::step_size::{DualAveraging, find_initial_step_size};
use crate::warmup::WindowSchedule;
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
        let q = (0..model.dim())
            .map(|_| r * (2.0 * uniform(rng) - 1.0))
            .collect();
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

/// Runs chain `chain` of replication `replication`: Stan's adaptive warmup
/// (step size by dual averaging, diagonal metric on the windowed schedule)
/// followed by `num_draws` NUTS transitions with everything frozen.
///
/// With `num_warmup = 0` nothing is adapted: the metric is the identity and
/// the step size is the one the initial heuristic finds.
pub fn run_chain<M: Model + ?Sized>(
    model: &M,
    settings: &Settings,
    replication: u32,
    chain: usize,
    progress: &ProgressBar,
) -> Result<ChainDraws> {
    let model = Counting {
        model,
        count: AtomicU64::new(0),
    };
    let mut rng = chain_rng(settings.seed, replication, chain as u32);
    let options = NutsOptions {
        max_tree_depth: settings.max_tree_depth,
        max_energy_error: settings.max_energy_error,
    };
    let step_error = |reason| SamplerError::StepSizeSearch {
        chain: chain + 1,
        reason,
    };

    let mut z = initialize(&model, settings, chain, &mut rng)?;
    let mut metric = DiagMetric::unit(model.dim());
    let mut step_size =
        find_initial_step_size(&model, &metric, &z, settings.initial_step_size, &mut rng)
            .map_err(step_error)?;
    let mut dual = DualAveraging::new(settings.target_accept, settings.initial_step_size);
    let mut schedule = WindowSchedule::new(settings.num_warmup);
    let mut variance = WelfordVariance::new(model.dim());
    let mut warmup_divergences = 0;
    let mut workspace = NutsWorkspace::new(model.dim());

    progress.set_message("warmup");
    // ANCHOR: warmup_loop
    for _ in 0..settings.num_warmup {
        let t = transition_in(
            &mut workspace,
            &model,
            &metric,
            step_size,
            &options,
            &mut z,
            &mut rng,
        );
        warmup_divergences += usize::from(t.divergent);
        step_size = dual.learn(t.accept_stat);
        if schedule.in_window() {
            variance.add_sample(&z.q);
        }
        if schedule.advance() {
            metric.inv_mass = regularize(&variance.variance(), variance.num_samples());
            variance.restart();
            step_size = find_initial_step_size(&model, &metric, &z, step_size, &mut rng)
                .map_err(step_error)?;
            dual.mu = (10.0 * step_size).ln();
            dual.restart();
        }
        progress.inc(1);
    }
    if settings.num_warmup > 0 {
        step_size = dual.final_step_size();
    }
    // ANCHOR_END: warmup_loop

    progress.set_message("sampling");
    let mut draws = Vec::with_capacity(settings.num_draws);
    let mut stats = Vec::with_capacity(settings.num_draws);
    let num_values = model.param_names().len();
    for _ in 0..settings.num_draws {
        let t = transition_in(
            &mut workspace,
            &model,
            &metric,
            step_size,
            &options,
            &mut z,
            &mut rng,
        );
        let mut values = Vec::with_capacity(num_values);
        model.constrain(&z.q, &mut values);
        draws.push(values);
        stats.push(DrawStats {
            lp: z.log_density,
            accept_stat: t.accept_stat,
            step_size,
            tree_depth: t.tree_depth,
            n_leapfrog: t.n_leapfrog,
            divergent: t.divergent,
            energy: t.energy,
        });
        progress.inc(1);
    }
    progress.finish_with_message("done");

    Ok(ChainDraws {
        draws,
        stats,
        warmup_divergences,
        step_size,
        inv_mass: metric.inv_mass,
        gradient_evaluations: model.count.load(Ordering::Relaxed),
    })
}
