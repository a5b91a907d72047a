//! What a model must provide for SBC: a simulator of parameters and data.

use rand::rngs::ChaCha8Rng;
use sampler::Model;

/// Draws "true" parameters from the prior and data given them.
pub trait PriorSimulator: Sync {
    /// The model conditioned on simulated data.
    type Model: Model;

    /// Names (as in the model's `param_names`) of the parameters whose ranks
    /// are recorded.
    fn tracked(&self) -> Vec<String>;

    /// Draws parameters from the prior and data from the likelihood. Returns
    /// the true values of the tracked parameters (in [`Self::tracked`] order)
    /// and the model conditioned on the simulated data.
    fn simulate(&self, rng: &mut ChaCha8Rng) -> (Vec<f64>, Self::Model);
}
