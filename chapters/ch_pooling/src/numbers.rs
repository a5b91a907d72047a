//! Small numeric helpers the chapter's tables share: errors against the
//! truth, and intervals as text.

use diagnostics::{mean, sig};

/// `mean [low, high]` to three significant digits.
pub(crate) fn interval(e: (f64, f64, f64)) -> String {
    format!("{} [{}, {}]", sig(e.0, 3), sig(e.1, 3), sig(e.2, 3))
}

/// Root mean square of the differences between estimates and truth.
pub(crate) fn rms_error(estimates: &[f64], truth: &[f64]) -> f64 {
    let sq: Vec<f64> = estimates.iter().zip(truth).map(|(e, t)| (e - t) * (e - t)).collect();
    mean(&sq).sqrt()
}
