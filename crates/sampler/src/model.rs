//! The model interface: a log density and its gradient on an unconstrained space.

// ANCHOR: model_trait
/// A posterior the sampler can explore.
///
/// The sampler works on an unconstrained vector `x ∈ ℝ^d`. Constrained
/// parameters (scales, simplexes) are written as transforms of `x`, and the
/// log density includes the log absolute Jacobian determinant of each
/// transform, exactly as Stan does (Stan reference manual, "Constraint
/// Transforms"). Gradients are written by hand (check them with
/// [`crate::check_gradient`]) or computed by automatic differentiation in the
/// `models` crate's model layer, which also does the transforms.
pub trait Model: Sync {
    /// Number of unconstrained parameters `d`.
    fn dim(&self) -> usize;

    /// Names of the constrained values [`Model::constrain`] writes, in Stan's
    /// CSV naming (`mu`, `tau`, `theta.1`, …).
    fn param_names(&self) -> Vec<String>;

    /// Log density (up to a constant, Jacobian included) at `x`, writing its
    /// gradient into `grad` (length `d`). A non-finite value is allowed: the
    /// sampler treats it as a divergence, never a panic.
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64;

    /// Log density alone; the default evaluates the gradient too.
    fn log_density(&self, x: &[f64]) -> f64 {
        let mut grad = vec![0.0; self.dim()];
        self.log_density_grad(x, &mut grad)
    }

    /// Maps `x` to the constrained values named by [`Model::param_names`],
    /// appending them to `out` (which the caller has cleared).
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>);
}
// ANCHOR_END: model_trait
