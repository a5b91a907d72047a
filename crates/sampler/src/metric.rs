//! The Euclidean metric: what a transition needs of it ([`Metric`]), and the
//! diagonal one every chapter uses ([`DiagMetric`]).
//!
//! A transition draws a momentum `p ~ Normal(0, M)`, moves the position
//! along the velocity `M⁻¹ p`, and counts the kinetic energy `½ pᵀ M⁻¹ p` in
//! the Hamiltonian. Those three operations are all the tree needs, so it is
//! generic over them; the low-rank-plus-diagonal metric
//! ([`crate::low_rank`]) is the other implementation.
//! Reference: Betancourt (2017), "A Conceptual Introduction to Hamiltonian
//! Monte Carlo", arXiv:1701.02434, §4.2.

use crate::rng::std_normal;
use crate::sums::squares_weighted;
use rand::Rng;

/// A Euclidean metric: a fixed positive-definite mass matrix `M`.
pub trait Metric: Clone + std::fmt::Debug + Send + Sync {
    /// Kinetic energy `½ pᵀ M⁻¹ p`.
    fn kinetic_energy(&self, p: &[f64]) -> f64;

    /// Velocity `M⁻¹ p`, written into `out`.
    fn velocity(&self, p: &[f64], out: &mut [f64]);

    /// Draws a momentum `p ~ Normal(0, M)` into `p`.
    fn sample_momentum<R: Rng + ?Sized>(&self, rng: &mut R, p: &mut [f64]);

    /// The position step of a leapfrog: `q += epsilon · M⁻¹ p`.
    fn drift(&self, q: &mut [f64], p: &[f64], epsilon: f64);

    /// The diagonal of `M⁻¹` when the metric is diagonal, `None` otherwise:
    /// the tree then fuses the velocity into its other per-leaf copies.
    fn as_diagonal(&self) -> Option<&[f64]> {
        None
    }

    /// The diagonal of `M⁻¹` (the marginal variances the metric assumes),
    /// reported with a chain's draws.
    fn inv_mass_diagonal(&self) -> Vec<f64>;
}

/// A diagonal inverse mass matrix `M⁻¹ = diag(inv_mass)`.
///
/// With momentum `p ~ Normal(0, M)` the kinetic energy is `½ pᵀ M⁻¹ p` and
/// the velocity is `dq/dt = M⁻¹ p` (Stan calls it `p_sharp`). Warmup sets
/// `inv_mass` to an estimate of the posterior variances, so that every
/// coordinate moves on the same scale. Reference: Betancourt (2017), §4.2.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagMetric {
    /// Diagonal of the inverse mass matrix (posterior variance estimates).
    pub inv_mass: Vec<f64>,
}

impl DiagMetric {
    /// The unit metric `M = I` of dimension `d`.
    pub fn unit(d: usize) -> Self {
        Self { inv_mass: vec![1.0; d] }
    }
}

impl Metric for DiagMetric {
    /// Kinetic energy `½ pᵀ M⁻¹ p`, summed in four lanes ([`crate::sums`]).
    fn kinetic_energy(&self, p: &[f64]) -> f64 {
        0.5 * squares_weighted(p, &self.inv_mass)
    }

    fn velocity(&self, p: &[f64], out: &mut [f64]) {
        for ((o, pi), mi) in out.iter_mut().zip(p).zip(&self.inv_mass) {
            *o = pi * mi;
        }
    }

    fn sample_momentum<R: Rng + ?Sized>(&self, rng: &mut R, p: &mut [f64]) {
        for (pi, mi) in p.iter_mut().zip(&self.inv_mass) {
            *pi = std_normal(rng) / mi.sqrt();
        }
    }

    fn drift(&self, q: &mut [f64], p: &[f64], epsilon: f64) {
        for ((q, p), m) in q.iter_mut().zip(p).zip(&self.inv_mass) {
            *q += epsilon * m * p;
        }
    }

    fn as_diagonal(&self) -> Option<&[f64]> {
        Some(&self.inv_mass)
    }

    fn inv_mass_diagonal(&self) -> Vec<f64> {
        self.inv_mass.clone()
    }
}
