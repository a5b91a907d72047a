//! The exact highest-density interval of a Beta marginal, and of a region's share
//! without pooling.

use super::data::Survey;
use statrs::distribution::{Beta, ContinuousCDF};

impl Survey {
    /// Exact HDI with mass `prob` of category k's share in region r without pooling:
    /// the marginal `Beta(1 + y_rk, K − 1 + n_r − y_rk)` of `Dirichlet(1 + y_r)`, the
    /// posterior under a flat prior.
    pub fn no_pooling_hdi(&self, r: usize, k: usize, prob: f64) -> (f64, f64) {
        let y = &self.counts[r];
        let n: u32 = y.iter().sum();
        let a = 1.0 + f64::from(y[k]);
        let b = (self.num_categories() - 1) as f64 + f64::from(n - y[k]);
        beta_hdi(a, b, prob)
    }
}

/// The exact highest-density interval with mass `prob` of `Beta(a, b)`, `a, b ≥ 1`
/// (unimodal): the shortest `[Q(p), Q(p + prob)]`, found by golden-section search on
/// the lower tail mass p.
pub fn beta_hdi(a: f64, b: f64, prob: f64) -> (f64, f64) {
    let dist = Beta::new(a, b).expect("Beta shapes are positive");
    let width = |p: f64| dist.inverse_cdf(p + prob) - dist.inverse_cdf(p);
    let (mut lo, mut hi) = (0.0, 1.0 - prob);
    let g = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..200 {
        let (m1, m2) = (hi - g * (hi - lo), lo + g * (hi - lo));
        if width(m1) <= width(m2) {
            hi = m2;
        } else {
            lo = m1;
        }
    }
    let p = 0.5 * (lo + hi);
    (dist.inverse_cdf(p), dist.inverse_cdf(p + prob))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta_hdi_has_the_mass_and_equal_density_ends() {
        let (a, b) = (10.0, 28.0);
        let (l, h) = beta_hdi(a, b, 0.89);
        let dist = Beta::new(a, b).unwrap();
        assert!((dist.cdf(h) - dist.cdf(l) - 0.89).abs() < 1e-9);
        let pdf = |x: f64| (a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln();
        assert!((pdf(l) - pdf(h)).abs() < 1e-5);
        // a = 1: the density falls from 0, so the HDI starts at 0.
        let (l, _) = beta_hdi(1.0, 30.0, 0.89);
        assert!(l < 1e-6);
    }

    #[test]
    fn a_no_pooling_hdi_holds_the_region_s_raw_share() {
        let s = Survey::printed();
        for (r, y) in s.counts.iter().enumerate() {
            let share = f64::from(y[0]) / f64::from(y.iter().sum::<u32>());
            let (lo, hi) = s.no_pooling_hdi(r, 0, 0.89);
            assert!(lo < share && share < hi, "region {r}: {share} not in ({lo}, {hi})");
        }
    }
}
