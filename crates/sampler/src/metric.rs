//! The diagonal Euclidean metric: kinetic energy, velocity and momentum draws.

use crate::rng::std_normal;
use crate::sums::lane_sum;
use rand::Rng;

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
        Self {
            inv_mass: vec![1.0; d],
        }
    }

    /// Kinetic energy `½ pᵀ M⁻¹ p`, summed in four lanes ([`crate::sums`]).
    pub fn kinetic_energy(&self, p: &[f64]) -> f64 {
        let n = p.len().min(self.inv_mass.len());
        let (p, m) = (&p[..n], &self.inv_mass[..n]);
        0.5 * lane_sum(n, |i| p[i] * p[i] * m[i])
    }

    /// Velocity `M⁻¹ p`, written into `out`.
    pub fn velocity(&self, p: &[f64], out: &mut [f64]) {
        for ((o, pi), mi) in out.iter_mut().zip(p).zip(&self.inv_mass) {
            *o = pi * mi;
        }
    }

    /// Draws a momentum `p ~ Normal(0, M)` into `p`.
    pub fn sample_momentum<R: Rng + ?Sized>(&self, rng: &mut R, p: &mut [f64]) {
        for (pi, mi) in p.iter_mut().zip(&self.inv_mass) {
            *pi = std_normal(rng) / mi.sqrt();
        }
    }
}
