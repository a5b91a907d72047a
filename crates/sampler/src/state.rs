//! The state one chain carries from transition to transition, shared by
//! the warmup loops (`adaptation.rs`) and the chain driver (`chain.rs`).

use crate::error::{Result, SamplerError};
use crate::hamiltonian::PhasePoint;
use crate::metric::Metric;
use crate::model::Model;
use crate::nuts::{NutsOptions, NutsWorkspace, Transition, transition_in};
use crate::rng::uniform;
use crate::step_size::find_initial_step_size;
use rand::rngs::ChaCha8Rng;

/// The moving parts of one chain: the current point, the metric and step
/// size in force, the NUTS buffers and the chain's random stream.
pub(crate) struct ChainState<Me> {
    /// The current point (position, momentum, log density, gradient).
    pub z: PhasePoint,
    /// The metric in force.
    pub metric: Me,
    /// The step size in force (before jitter).
    pub step_size: f64,
    /// Reused NUTS buffers.
    pub workspace: NutsWorkspace,
    /// This chain's random stream.
    pub rng: ChaCha8Rng,
    /// Tree options.
    pub options: NutsOptions,
    /// Step-size jitter (0: none).
    pub jitter: f64,
}

impl<Me: Metric> ChainState<Me> {
    /// One NUTS transition from the current point; returns it with the
    /// (jittered) step size it used.
    pub fn transition<M: Model + ?Sized>(&mut self, model: &M) -> (Transition, f64) {
        let step_size = if self.jitter > 0.0 {
            self.step_size * (1.0 + self.jitter * (2.0 * uniform(&mut self.rng) - 1.0))
        } else {
            self.step_size
        };
        let t = transition_in(
            &mut self.workspace,
            model,
            &self.metric,
            step_size,
            &self.options,
            &mut self.z,
            &mut self.rng,
        );
        (t, step_size)
    }

    /// Re-runs the initial step-size heuristic from the current step size.
    pub fn search_step_size<M: Model + ?Sized>(&mut self, model: &M, chain: usize) -> Result<f64> {
        find_initial_step_size(model, &self.metric, &self.z, self.step_size, &mut self.rng)
            .map_err(|reason| SamplerError::StepSizeSearch { chain: chain + 1, reason })
    }
}
