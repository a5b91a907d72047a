//! Is a sample of ranks (or PIT values) uniform? Histograms with binomial
//! bands, a chi-square test, and simultaneous ECDF bands.

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use sampler::rng::uniform;
use statrs::distribution::{ChiSquared, ContinuousCDF};
use statrs::function::gamma::ln_gamma;

/// The cumulative distribution of Binomial(n, p) at 0..=n.
fn binomial_cdf_table(n: usize, p: f64) -> Vec<f64> {
    let nf = n as f64;
    let log_pmf = |k: usize| {
        let kf = k as f64;
        let comb = ln_gamma(nf + 1.0) - ln_gamma(kf + 1.0) - ln_gamma(nf - kf + 1.0);
        let a = if k == 0 { 0.0 } else { kf * p.ln() };
        let b = if k == n { 0.0 } else { (nf - kf) * (1.0 - p).ln() };
        comb + a + b
    };
    let mut acc = 0.0;
    (0..=n)
        .map(|k| {
            acc += log_pmf(k).exp();
            acc.min(1.0)
        })
        .collect()
}

/// Smallest `k` with `cdf[k] ≥ q`.
fn quantile_from_table(cdf: &[f64], q: f64) -> usize {
    cdf.iter().position(|c| *c >= q).unwrap_or(cdf.len() - 1)
}

/// Counts of `values` in (0, 1) falling into `bins` equal bins.
pub fn bin_counts(values: &[f64], bins: usize) -> Vec<usize> {
    let mut counts = vec![0; bins];
    for v in values {
        let b = ((v * bins as f64).floor() as usize).min(bins - 1);
        counts[b] += 1;
    }
    counts
}

/// The central `prob` interval of one bin's count when `n` uniform values
/// fall into `bins` bins: Binomial(n, 1/bins) quantiles (Talts et al. 2018, §4).
pub fn histogram_band(n: usize, bins: usize, prob: f64) -> (usize, usize) {
    let cdf = binomial_cdf_table(n, 1.0 / bins as f64);
    let tail = 0.5 * (1.0 - prob);
    (quantile_from_table(&cdf, tail), quantile_from_table(&cdf, 1.0 - tail))
}

/// Pearson's chi-square test of uniform bin counts: returns the statistic
/// and its p-value on `bins − 1` degrees of freedom.
pub fn chi_square_test(values: &[f64], bins: usize) -> (f64, f64) {
    let counts = bin_counts(values, bins);
    let expected = values.len() as f64 / bins as f64;
    let stat: f64 = counts.iter().map(|c| (*c as f64 - expected).powi(2) / expected).sum();
    let p = ChiSquared::new((bins - 1) as f64).map(|d| d.sf(stat)).unwrap_or(f64::NAN);
    (stat, p)
}

/// Simultaneous `1 − alpha` bands for the ECDF of `n` uniform values at the
/// points `z_i = i / K`, on the ECDF-difference scale (`ECDF(z) − z`).
#[derive(Debug, Clone, PartialEq)]
pub struct EcdfBand {
    /// Evaluation points in (0, 1).
    pub z: Vec<f64>,
    /// Lower band of `ECDF(z) − z`.
    pub lower: Vec<f64>,
    /// Upper band of `ECDF(z) − z`.
    pub upper: Vec<f64>,
    /// The pointwise level that gives simultaneous coverage `1 − alpha`.
    pub gamma: f64,
}

impl EcdfBand {
    /// Whether the ECDF of `values` stays inside the band at every point.
    pub fn contains(&self, values: &[f64]) -> bool {
        ecdf_difference(values, &self.z)
            .iter()
            .zip(self.lower.iter().zip(&self.upper))
            .all(|(d, (lo, hi))| *lo <= *d && *d <= *hi)
    }
}

/// `ECDF(z) − z` of `values` at each point of `z`.
pub fn ecdf_difference(values: &[f64], z: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    z.iter().map(|zi| v.partition_point(|x| x <= zi) as f64 / n - zi).collect()
}

/// Simultaneous ECDF bands by simulation: the pointwise binomial level
/// `gamma` is the `alpha`-quantile, over `sims` simulated uniform samples, of
/// the smallest two-sided binomial tail probability along the ECDF, so the
/// band `[Binom⁻¹(gamma/2), Binom⁻¹(1 − gamma/2)] / n` covers the whole ECDF
/// with probability `1 − alpha`. Deterministic given `seed`.
///
/// Reference: Säilynoja, Bürkner & Vehtari (2022), §2.2 (simulation method).
pub fn ecdf_band(n: usize, points: usize, alpha: f64, sims: usize, seed: u64) -> EcdfBand {
    let z: Vec<f64> = (1..points).map(|i| i as f64 / points as f64).collect();
    let tables: Vec<Vec<f64>> = z.iter().map(|zi| binomial_cdf_table(n, *zi)).collect();
    let two_sided = |table: &[f64], k: usize| {
        let lower = table[k];
        let upper = 1.0 - if k == 0 { 0.0 } else { table[k - 1] };
        (2.0 * lower.min(upper)).min(1.0)
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut minima: Vec<f64> = (0..sims)
        .map(|_| {
            let mut u: Vec<f64> = (0..n).map(|_| uniform(&mut rng)).collect();
            u.sort_by(f64::total_cmp);
            z.iter()
                .zip(&tables)
                .map(|(zi, t)| two_sided(t, u.partition_point(|x| x <= zi)))
                .fold(1.0, f64::min)
        })
        .collect();
    minima.sort_by(f64::total_cmp);
    let gamma = diagnostics::quantile(&minima, alpha);
    let nf = n as f64;
    let (mut lower, mut upper) = (Vec::new(), Vec::new());
    for (zi, t) in z.iter().zip(&tables) {
        lower.push(quantile_from_table(t, 0.5 * gamma) as f64 / nf - zi);
        upper.push(quantile_from_table(t, 1.0 - 0.5 * gamma) as f64 / nf - zi);
    }
    EcdfBand { z, lower, upper, gamma }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uniforms(n: usize, seed: u64) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..n).map(|_| uniform(&mut rng)).collect()
    }

    #[test]
    fn binomial_table_is_a_cdf() {
        let t = binomial_cdf_table(10, 0.3);
        assert!((t[10] - 1.0).abs() < 1e-12);
        assert!((t[0] - 0.7f64.powi(10)).abs() < 1e-12);
    }

    #[test]
    fn uniform_samples_pass_and_skewed_ones_fail() {
        let band = ecdf_band(500, 50, 0.05, 500, 1);
        assert!(band.gamma < 0.05 && band.gamma > 0.0005, "gamma {}", band.gamma);
        // Most uniform samples stay inside the 95% band...
        let inside = (0..40).filter(|s| band.contains(&uniforms(500, 100 + s))).count();
        assert!(inside >= 33, "only {inside} of 40 uniform samples inside");
        // ...and a sample squeezed towards 0 does not.
        let skewed: Vec<f64> = uniforms(500, 7).iter().map(|u| u.powf(1.3)).collect();
        assert!(!band.contains(&skewed));
        let (_, p) = chi_square_test(&skewed, 20);
        assert!(p < 0.01, "p {p}");
        let (_, p) = chi_square_test(&uniforms(500, 8), 20);
        assert!(p > 0.01, "p {p}");
    }

    #[test]
    fn histogram_band_brackets_the_expected_count() {
        let (lo, hi) = histogram_band(1000, 20, 0.99);
        assert!(lo < 50 && 50 < hi, "{lo} {hi}");
    }
}

#[cfg(test)]
mod coverage {
    use super::*;

    /// The band's simultaneous coverage is close to its nominal level.
    #[test]
    fn band_covers_uniform_samples_at_the_nominal_rate() {
        let band = ecdf_band(200, 100, 0.05, 1000, 3);
        let mut rng = ChaCha8Rng::seed_from_u64(77);
        let inside = (0..400)
            .filter(|_| {
                let u: Vec<f64> = (0..200).map(|_| uniform(&mut rng)).collect();
                band.contains(&u)
            })
            .count();
        // Nominal 95%: 380 of 400, binomial sd about 4.4.
        assert!((364..=396).contains(&inside), "{inside} of 400 inside");
    }
}
