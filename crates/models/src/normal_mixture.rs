//! Finite mixtures of normal distributions: the form every exact marginal of a
//! Gaussian hierarchical model takes once its variance parameter is put on a
//! grid (`p(mu | y) = Σ_k w_k Normal(mu | m_k, s_k)`).

/// The standard normal CDF `Φ(x)`, to about 1e-15 absolute error.
///
/// Marsaglia's series `Φ(x) = ½ + φ(x) (x + x³/3 + x⁵/(3·5) + …)`, whose
/// terms are all positive, so nothing cancels; beyond `|x| = 8.5` the tail
/// below 1e-17 is returned as 0 or 1.
///
/// Reference: Marsaglia (2004), "Evaluating the Normal Distribution",
/// Journal of Statistical Software 11(4).
///
/// ```
/// use models::normal_mixture::std_normal_cdf;
/// assert!((std_normal_cdf(1.959963984540054) - 0.975).abs() < 1e-14);
/// ```
pub fn std_normal_cdf(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < -8.5 {
        return 0.0;
    }
    if x > 8.5 {
        return 1.0;
    }
    let (mut sum, mut term) = (x, x);
    let x2 = x * x;
    let mut i = 1.0;
    while term.abs() > 1e-17 * sum.abs().max(1e-300) {
        i += 2.0;
        term *= x2 / i;
        sum += term;
    }
    0.5 + sum * std_normal_pdf(x)
}

/// The standard normal density `φ(x)`.
pub fn std_normal_pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// `Σ_k weight_k · Normal(mean_k, sd_k)`, weights summing to one.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalMixture {
    /// Component weights (non-negative, summing to one).
    pub weights: Vec<f64>,
    /// Component means.
    pub means: Vec<f64>,
    /// Component standard deviations (positive).
    pub sds: Vec<f64>,
}

impl NormalMixture {
    /// Builds a mixture from `(weight, mean, sd)` triples, dropping components
    /// whose weight is below 1e-300 of the total and renormalising.
    pub fn new(components: impl IntoIterator<Item = (f64, f64, f64)>) -> Self {
        let comps: Vec<(f64, f64, f64)> = components.into_iter().collect();
        let total: f64 = comps.iter().map(|c| c.0).sum();
        let kept = comps.into_iter().filter(|c| c.0 > 1e-300 * total);
        let (mut weights, mut means, mut sds) = (Vec::new(), Vec::new(), Vec::new());
        for (w, m, s) in kept {
            weights.push(w / total);
            means.push(m);
            sds.push(s);
        }
        Self { weights, means, sds }
    }

    fn components(&self) -> impl Iterator<Item = (f64, f64, f64)> + '_ {
        self.weights.iter().zip(&self.means).zip(&self.sds).map(|((w, m), s)| (*w, *m, *s))
    }

    /// The mixture's mean.
    pub fn mean(&self) -> f64 {
        self.components().map(|(w, m, _)| w * m).sum()
    }

    /// The mixture's standard deviation (law of total variance).
    pub fn sd(&self) -> f64 {
        let mean = self.mean();
        let var: f64 =
            self.components().map(|(w, m, s)| w * (s * s + (m - mean) * (m - mean))).sum();
        var.sqrt()
    }

    /// Density at `x`.
    pub fn pdf(&self, x: f64) -> f64 {
        self.components().map(|(w, m, s)| w * std_normal_pdf((x - m) / s) / s).sum()
    }

    /// `P(X ≤ x)`.
    pub fn cdf(&self, x: f64) -> f64 {
        self.components()
            .map(|(w, m, s)| w * std_normal_cdf((x - m) / s))
            .sum::<f64>()
            .clamp(0.0, 1.0)
    }

    /// The `p`-quantile, by bisection on [`NormalMixture::cdf`] to 1e-10
    /// relative to the mixture's spread. NaN unless `0 < p < 1`.
    pub fn quantile(&self, p: f64) -> f64 {
        if !(p > 0.0 && p < 1.0) || self.weights.is_empty() {
            return f64::NAN;
        }
        let lo_start =
            self.components().map(|(_, m, s)| m - 40.0 * s).fold(f64::INFINITY, f64::min);
        let hi_start =
            self.components().map(|(_, m, s)| m + 40.0 * s).fold(f64::NEG_INFINITY, f64::max);
        let (mut lo, mut hi) = (lo_start, hi_start);
        let tol = 1e-10 * (hi_start - lo_start);
        while hi - lo > tol {
            let mid = 0.5 * (lo + hi);
            if self.cdf(mid) < p {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    }

    /// The same mixture with every component widened by independent
    /// `Normal(0, extra_sd)` noise (e.g. a replicated observation `y = theta + e`).
    pub fn convolve(&self, extra_sd: f64) -> Self {
        Self {
            weights: self.weights.clone(),
            means: self.means.clone(),
            sds: self.sds.iter().map(|s| (s * s + extra_sd * extra_sd).sqrt()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_known_values() {
        // Values from R's pnorm.
        let cases = [
            (0.0, 0.5),
            (-1.0, 0.15865525393145707),
            (2.0, 0.9772498680518208),
            (-2.0 / 3.0, 0.2524925375469229),
            (-5.0, 2.866515718791939e-7),
        ];
        for (x, p) in cases {
            assert!((std_normal_cdf(x) - p).abs() < 1e-15, "Φ({x})");
        }
    }

    #[test]
    fn a_single_component_is_a_normal() {
        let m = NormalMixture::new([(1.0, 3.0, 2.0)]);
        assert!((m.mean() - 3.0).abs() < 1e-15);
        assert!((m.sd() - 2.0).abs() < 1e-15);
        assert!((m.quantile(0.975) - (3.0 + 2.0 * 1.959963984540054)).abs() < 1e-8);
        assert!((m.cdf(3.0) - 0.5).abs() < 1e-15);
        assert!((m.convolve(1.5).sd() - 2.5).abs() < 1e-15);
    }

    #[test]
    fn two_components_have_the_right_moments_and_quantiles() {
        let m = NormalMixture::new([(1.0, -1.0, 1.0), (3.0, 2.0, 0.5)]);
        assert!((m.mean() - 1.25).abs() < 1e-14);
        let var = 0.25 * (1.0 + 2.25f64.powi(2)) + 0.75 * (0.25 + 0.75f64.powi(2));
        assert!((m.sd() - var.sqrt()).abs() < 1e-14);
        for p in [0.01, 0.3, 0.5, 0.9] {
            assert!((m.cdf(m.quantile(p)) - p).abs() < 1e-9);
        }
        // The density integrates to one (trapezoid rule over ±12).
        let h = 1e-3;
        let mass: f64 = (0..24_000).map(|i| m.pdf(-12.0 + i as f64 * h) * h).sum();
        assert!((mass - 1.0).abs() < 1e-9, "{mass}");
    }
}
