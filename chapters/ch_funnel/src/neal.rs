//! Neal's funnel against its exact answer: the marginal of `v` is
//! `Normal(0, 3)`, so every quantile and tail probability is known.

use diagnostics::{MissingParameter, inv_normal_cdf, mcse_mean};
use models::neals_funnel::V_SD;
use models::normal_mixture::std_normal_cdf;
use sampler::Fit;

/// Probabilities whose quantiles of `v` the chapter compares.
pub const QUANTILE_PROBS: [f64; 7] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/// Thresholds `t` for the tail probabilities `P(v < t)` the chapter reports:
/// −2 is the "into the neck"; −4 and −6 are deeper.
pub const NECK_THRESHOLDS: [f64; 3] = [-2.0, -4.0, -6.0];

/// The exact `p`-quantile of `v`, `3 Φ⁻¹(p)`.
pub fn exact_quantile(p: f64) -> f64 {
    V_SD * inv_normal_cdf(p)
}

/// The exact `P(v < t)`, `Φ(t / 3)`.
pub fn exact_below(t: f64) -> f64 {
    std_normal_cdf(t / V_SD)
}

/// The share of a fit's draws of `v` below `t`, with its Monte Carlo
/// standard error (the MCSE of the mean of the indicator `v < t`, which
/// accounts for autocorrelation within chains). A fit without `v` is an
/// error.
pub fn share_below(fit: &Fit, t: f64) -> Result<(f64, f64), MissingParameter> {
    let indicator: Vec<Vec<f64>> = fit
        .try_chains_by_name("v")?
        .iter()
        .map(|c| c.iter().map(|v| f64::from(u8::from(*v < t))).collect())
        .collect();
    let all = indicator.concat();
    let share = all.iter().sum::<f64>() / all.len().max(1) as f64;
    Ok((share, mcse_mean(&indicator)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_answers() {
        assert!((exact_quantile(0.5)).abs() < 1e-15);
        assert!((exact_quantile(0.975) - 3.0 * 1.959963984540054).abs() < 1e-12);
        assert!((exact_below(-2.0) - 0.2524925375469229).abs() < 1e-14);
        assert!((exact_below(exact_quantile(0.05)) - 0.05).abs() < 1e-14);
    }
}
