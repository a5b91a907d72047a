//! Phase-space points, the Hamiltonian, and the leapfrog integrator.

use crate::metric::Metric;
use crate::model::Model;

/// A point in phase space: position, momentum, and the log density and
/// gradient at the position (cached, since every leapfrog step needs them).
#[derive(Debug)]
pub struct PhasePoint {
    /// Position on the unconstrained space.
    pub q: Vec<f64>,
    /// Momentum.
    pub p: Vec<f64>,
    /// Log density at `q`.
    pub log_density: f64,
    /// Gradient of the log density at `q`.
    pub grad: Vec<f64>,
}

/// Written by hand so that `clone_from` copies into the existing buffers
/// instead of allocating new ones (the derived one would allocate): NUTS
/// copies phase points at every leapfrog step.
impl Clone for PhasePoint {
    fn clone(&self) -> Self {
        Self {
            q: self.q.clone(),
            p: self.p.clone(),
            log_density: self.log_density,
            grad: self.grad.clone(),
        }
    }

    fn clone_from(&mut self, source: &Self) {
        self.q.clone_from(&source.q);
        self.p.clone_from(&source.p);
        self.log_density = source.log_density;
        self.grad.clone_from(&source.grad);
    }
}

impl PhasePoint {
    /// A `d`-dimensional point with everything zero, as a buffer to copy
    /// into.
    pub fn zeros(d: usize) -> Self {
        Self { q: vec![0.0; d], p: vec![0.0; d], log_density: 0.0, grad: vec![0.0; d] }
    }

    /// Evaluates the model at `q`; momentum starts at zero.
    pub fn new<M: Model + ?Sized>(model: &M, q: Vec<f64>) -> Self {
        let mut grad = vec![0.0; q.len()];
        let log_density = model.log_density_grad(&q, &mut grad);
        let p = vec![0.0; q.len()];
        Self { q, p, log_density, grad }
    }

    /// True when the log density and every gradient component are finite.
    pub fn is_finite(&self) -> bool {
        self.log_density.is_finite() && self.grad.iter().all(|g| g.is_finite())
    }
}

/// The Hamiltonian `H(q, p) = −log π(q) + ½ pᵀ M⁻¹ p`; NaN becomes +∞ so that
/// a broken evaluation always counts as a divergence.
pub fn hamiltonian<Me: Metric>(z: &PhasePoint, metric: &Me) -> f64 {
    let h = -z.log_density + metric.kinetic_energy(&z.p);
    if h.is_nan() { f64::INFINITY } else { h }
}

// ANCHOR: leapfrog
/// One leapfrog step of size `epsilon` (negative to integrate backwards):
/// half step in momentum, full step in position, half step in momentum.
///
/// Reference: Neal (2011), "MCMC using Hamiltonian dynamics", Handbook of
/// Markov Chain Monte Carlo, §5.2.3; Stan's `expl_leapfrog`.
pub fn leapfrog<M: Model + ?Sized, Me: Metric>(
    model: &M,
    metric: &Me,
    z: &mut PhasePoint,
    epsilon: f64,
) {
    let half = 0.5 * epsilon;
    for (p, g) in z.p.iter_mut().zip(&z.grad) {
        *p += half * g;
    }
    metric.drift(&mut z.q, &z.p, epsilon);
    z.log_density = model.log_density_grad(&z.q, &mut z.grad);
    for (p, g) in z.p.iter_mut().zip(&z.grad) {
        *p += half * g;
    }
}
// ANCHOR_END: leapfrog
