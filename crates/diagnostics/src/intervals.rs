//! Quantiles, the median, the highest-density interval (HDI), R's `summary()`
//! and estimates (mean, sd, central interval) of pooled draws.

use crate::chains::{mean, variance};
use crate::named::{MissingParameter, NamedDraws};

/// Posterior mean, standard deviation and central interval of one quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Mean of the draws.
    pub mean: f64,
    /// Standard deviation of the draws (divisor `n − 1`).
    pub sd: f64,
    /// Lower end of the central interval.
    pub low: f64,
    /// Upper end of the central interval.
    pub high: f64,
}

impl Estimate {
    /// The estimate from `draws`, its interval running from [`quantile`]
    /// `p_low` to `p_high` (e.g. `(0.025, 0.975)` for the central 95%).
    ///
    /// ```
    /// let e = diagnostics::Estimate::of(&[1.0, 2.0, 3.0, 4.0, 5.0], (0.25, 0.75));
    /// assert_eq!((e.mean, e.low, e.high), (3.0, 2.0, 4.0));
    /// ```
    pub fn of(draws: &[f64], (p_low, p_high): (f64, f64)) -> Self {
        Self {
            mean: mean(draws),
            sd: variance(draws, 1).sqrt(),
            low: quantile(draws, p_low),
            high: quantile(draws, p_high),
        }
    }

    /// [`Estimate::of`] the pooled draws of the parameter called `name`; a
    /// name the draws lack is an error naming it.
    pub fn named<D: NamedDraws + ?Sized>(
        draws: &D,
        name: &str,
        tails: (f64, f64),
    ) -> Result<Self, MissingParameter> {
        let chains = draws.chains_named(name).ok_or_else(|| MissingParameter(name.to_string()))?;
        Ok(Self::of(&chains.concat(), tails))
    }
}

/// The six numbers of R's `summary()` of a numeric vector (quantiles of
/// type 7, as `quantile()` computes them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FiveNumbers {
    /// Smallest value.
    pub min: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Third quartile.
    pub q3: f64,
    /// Largest value.
    pub max: f64,
}

impl FiveNumbers {
    /// The summary of `values` (not empty).
    pub fn of(values: &[f64]) -> Self {
        Self {
            min: quantile(values, 0.0),
            q1: quantile(values, 0.25),
            median: quantile(values, 0.5),
            mean: mean(values),
            q3: quantile(values, 0.75),
            max: quantile(values, 1.0),
        }
    }
}

/// Sorted copy (NaNs last, as numpy sorts them).
fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or_else(|| a.is_nan().cmp(&b.is_nan())));
    v
}

/// Sample quantile by linear interpolation, exactly as `numpy.quantile(values, p)` (default
/// method `"linear"`, Hyndman & Fan type 7).
///
/// Returns NaN for an empty slice or when `values` holds a NaN.
///
/// Reference: Hyndman, R. J. & Fan, Y. (1996), "Sample Quantiles in Statistical Packages",
/// *The American Statistician* 50(4).
///
/// # Panics
/// If `p` is not in `[0, 1]`.
///
/// ```
/// assert_eq!(diagnostics::quantile(&[4.0, 1.0, 3.0, 2.0], 0.5), 2.5);
/// assert_eq!(diagnostics::quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.9), 4.6);
/// ```
pub fn quantile(values: &[f64], p: f64) -> f64 {
    assert!((0.0..=1.0).contains(&p), "quantile: p = {p} is not in [0, 1]");
    if values.is_empty() || values.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let x = sorted(values);
    let n = x.len();
    let virtual_index = (n - 1) as f64 * p;
    let (below, above, t) = if virtual_index >= (n - 1) as f64 {
        (n - 1, n - 1, 0.0)
    } else {
        let lo = virtual_index.floor();
        (lo as usize, lo as usize + 1, virtual_index - lo)
    };
    numpy_lerp(x[below], x[above], t)
}

/// Type-7 quantile of `v` (reorders `v`), R's `quantile()` default, found by
/// selection instead of sorting. It interpolates from the lower neighbour,
/// `x[lo] + t (x[lo+1] − x[lo])`, where [`quantile`] interpolates from the nearer
/// one as numpy does, so the two can differ in the last bit.
///
/// # Panics
/// If `v` is empty.
pub fn quantile_unsorted(v: &mut [f64], p: f64) -> f64 {
    let h = (v.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let (_, &mut below, above) = v.select_nth_unstable_by(lo, f64::total_cmp);
    match above.iter().copied().min_by(f64::total_cmp) {
        Some(next) => below + (h - lo as f64) * (next - below),
        None => below,
    }
}

/// numpy's `_lerp`: interpolate from the nearer end for numerical symmetry.
fn numpy_lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 { b - diff * (1.0 - t) } else { a + diff * t }
}

/// Type-7 quantile as ArviZ computes it, `scipy.stats.mstats.mquantiles(alphap=1, betap=1)`.
///
/// Same definition as [`quantile`] but evaluated as (1 − γ)·x₍ₖ₋₁₎ + γ·x₍ₖ₎, which can fall
/// one ulp below a tied value; ArviZ's tail ESS depends on that, so it is mirrored here.
pub(crate) fn arviz_quantile(values: &[f64], p: f64) -> f64 {
    let x = sorted(values);
    let n = x.len();
    if n == 0 {
        return f64::NAN;
    }
    if n == 1 {
        return x[0];
    }
    // mquantiles' m = alphap + p * (1 - alphap - betap) with alphap = betap = 1 (exactly 1 - p).
    let m = 1.0 - p;
    let aleph = n as f64 * p + m;
    let k = aleph.clamp(1.0, (n - 1) as f64).floor();
    let gamma = (aleph - k).clamp(0.0, 1.0);
    let k = k as usize;
    (1.0 - gamma) * x[k - 1] + gamma * x[k]
}

/// Median as `numpy.median`: the middle value, or the mean of the two middle values.
///
/// Returns NaN for an empty slice or when `values` holds a NaN.
///
/// ```
/// assert_eq!(diagnostics::median(&[3.0, 1.0, 2.0, 10.0]), 2.5);
/// ```
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() || values.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let x = sorted(values);
    let n = x.len();
    if n % 2 == 1 { x[n / 2] } else { (x[n / 2 - 1] + x[n / 2]) / 2.0 }
}

/// [`median`], minimum and maximum of `values` (the extremes pass over NaNs).
///
/// ```
/// assert_eq!(diagnostics::median_range(&[3.0, 1.0, 2.0]), (2.0, 1.0, 3.0));
/// ```
pub fn median_range(values: &[f64]) -> (f64, f64, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (median(values), min, max)
}

/// Highest-density interval: the narrowest interval holding ⌊prob·n⌋ + 1 sorted draws.
///
/// Mirrors ArviZ's `_hdi` (unimodal, non-circular): with the draws sorted, k = ⌊prob·n⌋,
/// the interval is `[x_i, x_{i+k}]` for the first `i` minimising `x_{i+k} − x_i`.
/// Where ArviZ raises "Too few elements" (empty input, or `prob·n ≥ n`, e.g. `prob = 1`),
/// this returns `(NaN, NaN)`; it also returns `(NaN, NaN)` if a draw is NaN.
///
/// Reference: Hyndman, R. J. (1996), "Computing and Graphing Highest Density Regions",
/// *The American Statistician* 50(2); Kumar, Carroll, Hartikainen & Martin (2019), "ArviZ
/// a unified library for exploratory analysis of Bayesian models in Python", JOSS.
///
/// # Panics
/// If `prob` is not in `(0, 1]`.
///
/// ```
/// let draws: Vec<f64> = (0..=100).map(f64::from).collect();
/// assert_eq!(diagnostics::hdi(&draws, 0.9), (0.0, 90.0));
/// ```
pub fn hdi(values: &[f64], prob: f64) -> (f64, f64) {
    assert!(prob > 0.0 && prob <= 1.0, "hdi: prob = {prob} is not in (0, 1]");
    if values.iter().any(|x| x.is_nan()) {
        return (f64::NAN, f64::NAN);
    }
    let x = sorted(values);
    let n = x.len();
    let inc = (prob * n as f64).floor() as usize;
    if inc >= n {
        return (f64::NAN, f64::NAN);
    }
    let mut best = 0;
    for i in 1..n - inc {
        if x[i + inc] - x[i] < x[best + inc] - x[best] {
            best = i;
        }
    }
    (x[best], x[best + inc])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_linear_quantiles() {
        let v = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0];
        // numpy.quantile(v, [0, 0.05, 0.25, 0.5, 0.9, 1]).
        let want = [1.0, 1.0, 1.75, 3.5, 6.8999999999999995, 9.0];
        for (p, w) in [0.0, 0.05, 0.25, 0.5, 0.9, 1.0].into_iter().zip(want) {
            assert_eq!(quantile(&v, p), w, "p = {p}");
        }
        assert!(quantile(&[], 0.5).is_nan());
    }

    #[test]
    fn selection_quantile_matches_sorting() {
        let v: Vec<f64> = (0..101).map(|i| ((i * 37) % 101) as f64 * 0.5 - 3.0).collect();
        for p in [0.0, 0.025, 0.3, 0.5, 0.975, 1.0] {
            let mut w = v.clone();
            assert_eq!(quantile_unsorted(&mut w, p), quantile(&v, p), "p {p}");
        }
    }

    #[test]
    fn five_numbers_are_those_of_r() {
        // summary(c(1, 2, 4, 10)): 1, 1.75, 3, 4.25, 5.5, 10
        let s = FiveNumbers::of(&[4.0, 1.0, 10.0, 2.0]);
        assert_eq!((s.min, s.q1, s.median, s.mean, s.q3, s.max), (1.0, 1.75, 3.0, 4.25, 5.5, 10.0));
    }

    #[test]
    fn arviz_quantile_agrees_with_numpy_off_ties() {
        let v: Vec<f64> = (0..50).map(|i| ((i * 37) % 50) as f64 * 0.1).collect();
        for p in [0.05, 0.5, 0.95] {
            assert!((arviz_quantile(&v, p) - quantile(&v, p)).abs() < 1e-12);
        }
    }

    #[test]
    fn hdi_of_skewed_sample_is_shorter_than_central_interval() {
        // Exponential(1) quantiles: the 90% HDI is [0, ln 10].
        let n = 20_000;
        let draws: Vec<f64> = (0..n).map(|i| -(1.0 - (i as f64 + 0.5) / n as f64).ln()).collect();
        let (lo, hi) = hdi(&draws, 0.9);
        assert!(lo < 1e-3, "lo = {lo}");
        assert!((hi - 10f64.ln()).abs() < 1e-3, "hi = {hi}");
    }

    #[test]
    fn hdi_of_normal_sample_is_analytic() {
        let n = 20_000;
        let draws: Vec<f64> =
            (0..n).map(|i| crate::inv_normal_cdf((i as f64 + 0.5) / n as f64)).collect();
        let (lo, hi) = hdi(&draws, 0.95);
        assert!((lo + 1.959964).abs() < 2e-3 && (hi - 1.959964).abs() < 2e-3);
    }

    #[test]
    fn hdi_edge_cases() {
        assert!(hdi(&[], 0.9).0.is_nan());
        assert!(hdi(&[1.0, 2.0], 1.0).1.is_nan());
        assert_eq!(hdi(&[2.0, 2.0, 2.0, 2.0], 0.5), (2.0, 2.0));
    }

    #[test]
    fn median_odd_even() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&[4.0, 1.0]), 2.5);
        assert!(median(&[]).is_nan());
    }
}
