//! Finite-difference checks of hand-written gradients.

use crate::model::Model;

/// The outcome of comparing a model's gradient with central differences.
#[derive(Debug, Clone)]
pub struct GradientCheck {
    /// The gradient the model returned.
    pub analytic: Vec<f64>,
    /// Central-difference estimates `(f(x + h e_i) − f(x − h e_i)) / 2h`.
    pub numeric: Vec<f64>,
    /// Largest `|analytic − numeric| / max(1, |numeric|)` over coordinates.
    pub max_error: f64,
}

impl GradientCheck {
    /// True when every coordinate agrees within `tol` (relative, floored at 1).
    pub fn passes(&self, tol: f64) -> bool {
        self.max_error <= tol
    }
}

impl std::fmt::Display for GradientCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "max error {:.3e}", self.max_error)?;
        for (i, (a, n)) in self.analytic.iter().zip(&self.numeric).enumerate() {
            writeln!(f, "  [{i}] analytic {a:.10e}  numeric {n:.10e}")?;
        }
        Ok(())
    }
}

/// Compares [`Model::log_density_grad`] with central finite differences at `x`.
///
/// The step for coordinate `i` is `h = 1e-5 · max(1, |x_i|)`; the central
/// difference has error `O(h²)`, so agreement to about `1e-6` is expected for
/// a correct gradient of a smooth density.
///
/// Reference: Nocedal & Wright (2006), *Numerical Optimization*, §8.1.
pub fn check_gradient<M: Model + ?Sized>(model: &M, x: &[f64]) -> GradientCheck {
    let d = model.dim();
    let mut analytic = vec![0.0; d];
    model.log_density_grad(x, &mut analytic);
    let mut numeric = vec![0.0; d];
    let mut xp = x.to_vec();
    for i in 0..d {
        let h = 1e-5 * x[i].abs().max(1.0);
        xp[i] = x[i] + h;
        let up = model.log_density(&xp);
        xp[i] = x[i] - h;
        let down = model.log_density(&xp);
        xp[i] = x[i];
        numeric[i] = (up - down) / (2.0 * h);
    }
    let max_error = analytic
        .iter()
        .zip(&numeric)
        .map(|(a, n)| (a - n).abs() / n.abs().max(1.0))
        .fold(0.0, f64::max);
    GradientCheck { analytic, numeric, max_error }
}
