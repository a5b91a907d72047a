//! How warmup replaces the metric in force: with a new diagonal
//! ([`DiagMetric`]), or with a new diagonal and a low-rank correction
//! estimated from the window's draws and gradients ([`LowRankMetric`]).
//!
//! Both warmup schedules ([`crate::adaptation`]) estimate the diagonal as
//! before; with the low-rank metric they also keep the window's points and
//! hand them over here. Reference: nutpie / `nuts-rs` (pymc-devs/nuts-rs,
//! `src/transform/adapt/low_rank.rs`), which pairs its rolling windows with
//! this estimate in the same way.

use crate::low_rank::LowRankMetric;
use crate::low_rank_estimate::{LowRankOptions, PointWindow};
use crate::metric::{DiagMetric, Metric};

/// A metric that warmup can re-estimate.
pub(crate) trait AdaptiveMetric: Metric {
    /// The diagonal metric `M⁻¹ = diag(inv_mass)`.
    fn from_diagonal(inv_mass: Vec<f64>) -> Self;

    /// Replaces the metric by `diag(inv_mass)`, corrected from `points`
    /// when they are given (a metric with no low-rank part ignores them).
    fn update(&mut self, inv_mass: &[f64], points: Option<(&PointWindow, &LowRankOptions)>);
}

impl AdaptiveMetric for DiagMetric {
    fn from_diagonal(inv_mass: Vec<f64>) -> Self {
        Self { inv_mass }
    }

    fn update(&mut self, inv_mass: &[f64], _points: Option<(&PointWindow, &LowRankOptions)>) {
        self.inv_mass.copy_from_slice(inv_mass);
    }
}

impl AdaptiveMetric for LowRankMetric {
    fn from_diagonal(inv_mass: Vec<f64>) -> Self {
        LowRankMetric::diagonal(inv_mass)
    }

    /// The diagonal alone when the window gives no usable correction (too
    /// few points, a non-finite decomposition).
    fn update(&mut self, inv_mass: &[f64], points: Option<(&PointWindow, &LowRankOptions)>) {
        let corrected = points
            .and_then(|(window, options)| window.correction(inv_mass, options))
            .and_then(|(vals, vecs)| LowRankMetric::new(inv_mass.to_vec(), &vals, &vecs).ok());
        *self = corrected.unwrap_or_else(|| LowRankMetric::diagonal(inv_mass.to_vec()));
    }
}
