//! Energy Bayesian fraction of missing information (E-BFMI) of an HMC energy series.

use crate::chains::variance;

/// E-BFMI of one chain's energy series: mean of squared successive differences over the
/// variance (ddof = 1) of the energies.
///
/// As ArviZ 0.23 `az.bfmi` for one chain. Values below about 0.3 indicate that momentum
/// resampling explores the energy distribution poorly. NaN for fewer than two values or a
/// NaN energy; a constant series gives 0/0 = NaN.
///
/// Reference: Betancourt, M. (2016), "Diagnosing Suboptimal Cotangent Disintegrations in
/// Hamiltonian Monte Carlo", arXiv:1604.00695.
///
/// ```
/// // Independent energies give E-BFMI near 2; a slowly drifting series gives a small value.
/// let drift: Vec<f64> = (0..100).map(|i| (i as f64 / 10.0).sin()).collect();
/// assert!(diagnostics::ebfmi(&drift) < 0.3);
/// ```
// ANCHOR: ebfmi
pub fn ebfmi(energy: &[f64]) -> f64 {
    if energy.len() < 2 {
        return f64::NAN;
    }
    let sq_diff = energy.windows(2).map(|w| (w[1] - w[0]).powi(2));
    let num = sq_diff.sum::<f64>() / (energy.len() - 1) as f64;
    num / variance(energy, 1)
}
// ANCHOR_END: ebfmi
