//! Chain bookkeeping shared by the diagnostics: validity checks, pooling, splitting, moments.

/// Draws per chain required by ArviZ before any diagnostic is computed.
pub(crate) const MIN_DRAWS: usize = 4;

/// Whether `chains` is unusable, mirroring ArviZ's `not_valid`: no chains, a NaN anywhere,
/// fewer than [`MIN_DRAWS`] draws or fewer than `min_chains` chains.
///
/// # Panics
/// If the chains do not all have the same length.
pub(crate) fn not_valid(chains: &[Vec<f64>], min_chains: usize) -> bool {
    let Some(first) = chains.first() else {
        return true;
    };
    assert!(
        chains.iter().all(|c| c.len() == first.len()),
        "diagnostics: all chains must have the same number of draws"
    );
    chains.len() < min_chains
        || first.len() < MIN_DRAWS
        || chains.iter().flatten().any(|x| x.is_nan())
}

/// Split every chain into a first and a second half, as ArviZ's `_split_chains`.
///
/// The result holds all first halves, then all second halves. With an odd number of
/// draws the middle draw is dropped.
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC".
///
/// ```
/// let split = diagnostics::split_chains(&[vec![1.0, 2.0, 3.0, 4.0, 5.0]]);
/// assert_eq!(split, vec![vec![1.0, 2.0], vec![4.0, 5.0]]);
/// ```
pub fn split_chains(chains: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let n = chains.first().map_or(0, Vec::len);
    let half = n / 2;
    let firsts = chains.iter().map(|c| c[..half].to_vec());
    let seconds = chains.iter().map(|c| c[c.len() - half..].to_vec());
    firsts.chain(seconds).collect()
}

/// All draws of all chains in one vector, chain after chain.
pub(crate) fn pooled(chains: &[Vec<f64>]) -> Vec<f64> {
    chains.iter().flatten().copied().collect()
}

/// Apply `f` to every draw, keeping the chain layout.
pub(crate) fn map_draws(chains: &[Vec<f64>], f: impl Fn(f64) -> f64) -> Vec<Vec<f64>> {
    chains.iter().map(|c| c.iter().map(|&x| f(x)).collect()).collect()
}

/// Arithmetic mean (NaN for an empty slice).
///
/// ```
/// assert_eq!(diagnostics::mean(&[1.0, 2.0, 6.0]), 3.0);
/// ```
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Sample standard deviation, divisor `n − 1` (NaN for fewer than two values).
///
/// ```
/// assert_eq!(diagnostics::sd(&[1.0, 2.0, 3.0]), 1.0);
/// ```
pub fn sd(values: &[f64]) -> f64 {
    variance(values, 1).sqrt()
}

/// Mean of `values` and its standard error, sd (divisor `n − 1`) over √n: an honest
/// error bar for an average of independent values (say, over seeds).
///
/// ```
/// let (m, se) = diagnostics::mean_se(&[1.0, 2.0, 3.0, 4.0]);
/// assert_eq!(m, 2.5);
/// assert!((se - (5.0f64 / 3.0 / 4.0).sqrt()).abs() < 1e-15);
/// ```
pub fn mean_se(values: &[f64]) -> (f64, f64) {
    (mean(values), (variance(values, 1) / values.len() as f64).sqrt())
}

/// Variance with `ddof` degrees of freedom removed, two-pass like `numpy.var`.
pub(crate) fn variance(values: &[f64], ddof: usize) -> f64 {
    let m = mean(values);
    let ss: f64 = values.iter().map(|x| (x - m) * (x - m)).sum();
    ss / (values.len() as f64 - ddof as f64)
}

/// Python's `max(a, b)`: `b` only when `b > a`, so a NaN in first place wins.
pub(crate) fn py_max(a: f64, b: f64) -> f64 {
    if b > a { b } else { a }
}

/// Python's `min(a, b)`: `b` only when `b < a`, so a NaN in first place wins.
pub(crate) fn py_min(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_even_and_odd() {
        let chains = vec![vec![1.0, 2.0, 3.0, 4.0], vec![5.0, 6.0, 7.0, 8.0]];
        assert_eq!(
            split_chains(&chains),
            vec![vec![1.0, 2.0], vec![5.0, 6.0], vec![3.0, 4.0], vec![7.0, 8.0]]
        );
        let odd = vec![vec![1.0, 2.0, 3.0, 4.0, 5.0]];
        assert_eq!(split_chains(&odd), vec![vec![1.0, 2.0], vec![4.0, 5.0]]);
    }

    #[test]
    fn validity() {
        assert!(not_valid(&[], 1));
        assert!(not_valid(&[vec![1.0, 2.0, 3.0]], 1));
        assert!(not_valid(&[vec![1.0, 2.0, 3.0, 4.0]], 2));
        assert!(not_valid(&[vec![1.0, f64::NAN, 3.0, 4.0]], 1));
        assert!(!not_valid(&[vec![1.0, 2.0, 3.0, 4.0]], 1));
    }

    #[test]
    fn python_min_max_nan_order() {
        assert!(py_max(f64::NAN, 1.0).is_nan());
        assert_eq!(py_max(1.0, f64::NAN), 1.0);
        assert!(py_min(f64::NAN, 1.0).is_nan());
        assert_eq!(py_min(1.0, f64::NAN), 1.0);
    }

    #[test]
    fn moments() {
        assert_eq!(mean(&[1.0, 2.0, 3.0]), 2.0);
        assert_eq!(variance(&[1.0, 2.0, 3.0], 1), 1.0);
    }
}
