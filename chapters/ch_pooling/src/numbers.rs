//! Small numeric helpers the chapter's tables share: means, standard
//! deviations, errors against the truth, and intervals as text.

use diagnostics::sig;

/// `mean [low, high]` to three significant digits.
pub(crate) fn interval(e: (f64, f64, f64)) -> String {
    format!("{} [{}, {}]", sig(e.0, 3), sig(e.1, 3), sig(e.2, 3))
}

/// Arithmetic mean.
pub(crate) fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Sample standard deviation (divisor `n − 1`).
pub(crate) fn sd(v: &[f64]) -> f64 {
    let m = mean(v);
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() as f64 - 1.0)).sqrt()
}

/// Root mean square of the differences between estimates and truth.
pub(crate) fn rms_error(estimates: &[f64], truth: &[f64]) -> f64 {
    let sq: Vec<f64> = estimates.iter().zip(truth).map(|(e, t)| (e - t) * (e - t)).collect();
    mean(&sq).sqrt()
}
