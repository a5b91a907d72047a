//! The Kolmogorov–Smirnov test of a sample against Uniform(0, 1).

/// The Kolmogorov–Smirnov statistic of a sample against Uniform(0, 1) and its p-value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KsTest {
    /// `D = sup |ECDF(u) − u|`.
    pub statistic: f64,
    /// The probability of a `D` at least this large if the sample is uniform.
    pub p_value: f64,
}

/// Tests `values` (each in [0, 1]) against Uniform(0, 1).
///
/// The p-value is Kolmogorov's limiting distribution at Stephens' corrected statistic
/// `(√n + 0.12 + 0.11/√n) D`, accurate to about two digits from n = 5 on. An empty
/// sample gives a NaN statistic and p-value.
///
/// References: Stephens (1970), "Use of the Kolmogorov–Smirnov, Cramér–von Mises and
/// related statistics without extensive tables", *JRSS B* 32(1); Press et al. (2007),
/// *Numerical Recipes*, 3rd ed., §14.3.3.
///
/// ```
/// use sbc::recover::ks_uniform;
/// let even: Vec<f64> = (0..50).map(|i| (i as f64 + 0.5) / 50.0).collect();
/// assert!(ks_uniform(&even).p_value > 0.99);
/// let squeezed: Vec<f64> = even.iter().map(|u| u * 0.5).collect();
/// assert!(ks_uniform(&squeezed).p_value < 1e-6);
/// ```
pub fn ks_uniform(values: &[f64]) -> KsTest {
    if values.is_empty() {
        return KsTest { statistic: f64::NAN, p_value: f64::NAN };
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let statistic = v
        .iter()
        .enumerate()
        .map(|(i, &u)| ((i + 1) as f64 / n - u).max(u - i as f64 / n))
        .fold(0.0, f64::max);
    let sqrt_n = n.sqrt();
    let lambda = (sqrt_n + 0.12 + 0.11 / sqrt_n) * statistic;
    KsTest { statistic, p_value: kolmogorov_survival(lambda) }
}

/// `Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2 k² λ²)`, the limiting probability that
/// `√n D > λ`.
fn kolmogorov_survival(lambda: f64) -> f64 {
    // Below 0.2 the series converges slowly and Q is 1 to better than 1e-20.
    if lambda < 0.2 {
        return 1.0;
    }
    let mut sum = 0.0;
    let mut sign = 1.0;
    for k in 1..=100 {
        let term = (-2.0 * (k * k) as f64 * lambda * lambda).exp();
        sum += sign * term;
        if term < 1e-16 * sum.abs() {
            break;
        }
        sign = -sign;
    }
    (2.0 * sum).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kolmogorov_critical_values() {
        // The asymptotic 5% and 1% points are 1.3581 and 1.6276 (Stephens 1970, table 1A).
        assert!((kolmogorov_survival(1.3581) - 0.05).abs() < 1e-4);
        assert!((kolmogorov_survival(1.6276) - 0.01).abs() < 1e-4);
        assert_eq!(kolmogorov_survival(0.1), 1.0);
    }

    #[test]
    fn statistic_by_hand() {
        // Sorted 0.1, 0.2, 0.9: ECDF steps to 1/3, 2/3, 1; the largest gap is
        // 2/3 − 0.2 = 0.4667 just after 0.2.
        let t = ks_uniform(&[0.9, 0.1, 0.2]);
        assert!((t.statistic - (2.0 / 3.0 - 0.2)).abs() < 1e-12, "{t:?}");
        assert!(ks_uniform(&[]).p_value.is_nan());
    }
}
