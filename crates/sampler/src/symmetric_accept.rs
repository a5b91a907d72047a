//! The symmetric acceptance statistic that nuts-rs (nutpie's sampler) tunes
//! the step size against late in its warmup.
//!
//! Stan's statistic for a leapfrog step whose energy changed by
//! `ΔH = H − H₀` is the Metropolis probability `min(1, exp(−ΔH))`: 1 for
//! every step that lowered the energy, however far. nuts-rs also averages
//! `2 min(1, exp(−ΔH)) / (1 + exp(−ΔH)) = 2 / (1 + exp(|ΔH|))`, which
//! depends on the size of the error only, and tunes against it in the last
//! part of warmup (from the point where no further metric window fits, and
//! throughout the final step-size window); before that it uses Stan's.
//!
//! Reference: `nuts-rs` 0.19, `stepsize/dual_avg.rs`
//! (`AcceptanceRateCollector::mean_sym`) and `adapt_strategy.rs`
//! (`update_estimator_late`), <https://github.com/pymc-devs/nuts-rs>.

/// `2 / (1 + exp(|ΔH|))` from `e = exp(−|ΔH|)`, written `2e / (1 + e)` so
/// that a divergent step (`e = 0`) counts as 0 and nothing overflows.
pub fn symmetric_accept(e: f64) -> f64 {
    2.0 * e / (1.0 + e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_its_definition_and_is_symmetric_in_the_energy_error() {
        for dh in [0.0, 0.1, 0.7, 3.0, 40.0] {
            let e = (-f64::abs(dh)).exp();
            let direct = 2.0 / (1.0 + f64::exp(dh));
            assert!((symmetric_accept(e) - direct).abs() < 1e-15, "{dh}");
            // 2 min(1, e^{−ΔH}) / (1 + e^{−ΔH}) at +ΔH and at −ΔH.
            let up = 2.0 * (-dh).exp().min(1.0) / (1.0 + (-dh).exp());
            let down = 2.0 * dh.exp().min(1.0) / (1.0 + dh.exp());
            assert!((up - down).abs() < 1e-15, "{dh}");
        }
        assert_eq!(symmetric_accept(1.0), 1.0);
        assert_eq!(symmetric_accept(0.0), 0.0);
    }
}
