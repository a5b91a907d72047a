//! Ranking models by elpd, with standard errors of the differences and stacking weights.
//!
//! The difference between two models is summed from pointwise differences, so its
//! standard error `sqrt(N · var(elpd_best,i − elpd_k,i))` accounts for the two models
//! being evaluated on the same data: it is usually much smaller than either model's own
//! SE. Computed as ArviZ 0.23 `az.compare(method="stacking")`: `elpd_diff` is the best
//! model's elpd minus this model's (so ≥ 0; R's `loo_compare` prints its negative).
//!
//! Reference: Vehtari, Gelman & Gabry (2017), "Practical Bayesian model evaluation using
//! leave-one-out cross-validation and WAIC", *Statistics and Computing* 27, Section 5.

use crate::error::{LooError, Result};
use crate::input::se_of_sum;
use crate::loo_cv::LooResult;
use crate::stacking::stacking_weights;
use crate::waic::WaicResult;

/// Anything with a pointwise elpd estimate: [`LooResult`] or [`WaicResult`].
pub trait PointwiseElpd {
    /// Total elpd.
    fn elpd(&self) -> f64;
    /// Effective number of parameters (p_loo or p_waic).
    fn p(&self) -> f64;
    /// Standard error of the total elpd.
    fn se(&self) -> f64;
    /// Pointwise elpd, one per observation.
    fn pointwise(&self) -> &[f64];
    /// The estimate's own reliability warning (high Pareto k, or high p_waic).
    fn warning(&self) -> bool;
}

impl PointwiseElpd for LooResult {
    fn elpd(&self) -> f64 {
        self.elpd_loo
    }
    fn p(&self) -> f64 {
        self.p_loo
    }
    fn se(&self) -> f64 {
        self.se
    }
    fn pointwise(&self) -> &[f64] {
        &self.pointwise
    }
    fn warning(&self) -> bool {
        LooResult::warning(self)
    }
}

impl PointwiseElpd for WaicResult {
    fn elpd(&self) -> f64 {
        self.elpd_waic
    }
    fn p(&self) -> f64 {
        self.p_waic
    }
    fn se(&self) -> f64 {
        self.se
    }
    fn pointwise(&self) -> &[f64] {
        &self.pointwise
    }
    fn warning(&self) -> bool {
        self.num_high_p_waic() > 0
    }
}

/// One model's row in a [`Comparison`].
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    /// The model's name as passed in.
    pub name: String,
    /// 0 for the best model.
    pub rank: usize,
    /// The model's elpd.
    pub elpd: f64,
    /// Its effective number of parameters.
    pub p: f64,
    /// Its standard error.
    pub se: f64,
    /// Best model's elpd minus this model's (0 for the best).
    pub elpd_diff: f64,
    /// Standard error of `elpd_diff` from pointwise differences (0 for the best).
    pub se_diff: f64,
    /// Stacking weight.
    pub weight: f64,
    /// The model's own reliability warning.
    pub warning: bool,
}

/// Models ranked from the highest elpd to the lowest.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Rows, best model first.
    pub rows: Vec<ComparisonRow>,
}

/// Compares models by their pointwise elpd (all computed on the same observations).
/// Ties keep the input order.
///
/// ```
/// let ll_a: Vec<Vec<f64>> = (0..200).map(|s| vec![-1.0 - 0.001 * (s % 7) as f64; 4]).collect();
/// let ll_b: Vec<Vec<f64>> = (0..200).map(|s| vec![-1.5 - 0.001 * (s % 5) as f64; 4]).collect();
/// let a = loo::loo(&ll_a, &[1.0; 4]).unwrap();
/// let b = loo::loo(&ll_b, &[1.0; 4]).unwrap();
/// let table = loo::compare(&[("b", &b), ("a", &a)]).unwrap();
/// assert_eq!(table.rows[0].name, "a");
/// assert!((table.rows[1].elpd_diff - (a.elpd_loo - b.elpd_loo)).abs() < 1e-12);
/// ```
pub fn compare<T: PointwiseElpd>(models: &[(&str, &T)]) -> Result<Comparison> {
    if models.is_empty() {
        return Err(LooError::Empty("no models to compare"));
    }
    let n = models[0].1.pointwise().len();
    for (name, m) in models {
        if m.pointwise().len() != n {
            return Err(LooError::Invalid(format!(
                "model {name} has {} observations, the first model {n}",
                m.pointwise().len()
            )));
        }
    }
    let mut order: Vec<usize> = (0..models.len()).collect();
    order.sort_by(|&a, &b| models[b].1.elpd().total_cmp(&models[a].1.elpd()));
    let pointwise: Vec<&[f64]> = order.iter().map(|&i| models[i].1.pointwise()).collect();
    let weights = stacking_weights(&pointwise)?;
    let best = pointwise[0];
    let rows = order
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            let (name, m) = models[i];
            let diff: Vec<f64> = best.iter().zip(m.pointwise()).map(|(b, x)| b - x).collect();
            ComparisonRow {
                name: name.to_string(),
                rank,
                elpd: m.elpd(),
                p: m.p(),
                se: m.se(),
                elpd_diff: diff.iter().sum(),
                se_diff: se_of_sum(&diff),
                weight: weights[rank],
                warning: m.warning(),
            }
        })
        .collect();
    Ok(Comparison { rows })
}
