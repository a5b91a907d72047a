//! Pareto-k diagnostics: when can the PSIS estimate of one observation be trusted?
//!
//! Vehtari et al. (2024) show that with S draws the PSIS estimate is reliable when
//! k̂ ≤ min(1 − 1/log10(S), 0.7); for k̂ > 1 the ratios do not even have a finite mean.
//! These are the categories R's `loo` (≥ 2.7) prints.
//!
//! Reference: Vehtari, Simpson, Gelman, Yao & Gabry (2024), "Pareto Smoothed Importance
//! Sampling", *Journal of Machine Learning Research* 25(72), Section 3.

/// The sample-size-dependent threshold `min(1 − 1/log10(S), 0.7)` for `S` draws.
///
/// ```
/// assert!((loo::khat_threshold(4000) - 0.7).abs() < 1e-12);
/// assert!((loo::khat_threshold(100) - 0.5).abs() < 1e-12);
/// ```
pub fn khat_threshold(num_draws: usize) -> f64 {
    (1.0 - 1.0 / (num_draws as f64).log10()).min(0.7)
}

/// Where one Pareto k̂ falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KhatCategory {
    /// k̂ ≤ threshold: the PSIS estimate is reliable.
    Good,
    /// threshold < k̂ ≤ 1: unreliable; more draws would eventually help only slowly.
    Bad,
    /// k̂ > 1 (or not finite): the importance ratios have no finite mean.
    VeryBad,
}

impl KhatCategory {
    /// The category of `k` given the threshold `good_k` (see [`khat_threshold`]).
    ///
    /// ```
    /// use loo::KhatCategory;
    /// assert_eq!(KhatCategory::of(0.3, 0.7), KhatCategory::Good);
    /// assert_eq!(KhatCategory::of(0.8, 0.7), KhatCategory::Bad);
    /// assert_eq!(KhatCategory::of(1.2, 0.7), KhatCategory::VeryBad);
    /// ```
    pub fn of(k: f64, good_k: f64) -> Self {
        if k <= good_k {
            KhatCategory::Good
        } else if k <= 1.0 {
            KhatCategory::Bad
        } else {
            KhatCategory::VeryBad
        }
    }

    /// A short label for tables: `good`, `bad`, `very bad`.
    pub fn label(self) -> &'static str {
        match self {
            KhatCategory::Good => "good",
            KhatCategory::Bad => "bad",
            KhatCategory::VeryBad => "very bad",
        }
    }
}
