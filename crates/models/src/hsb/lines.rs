//! Reading a High School and Beyond fit as lines: each school's intercept and slope,
//! and sigma, found by name in any of the five models' draws.

use sampler::{Fit, Result, SamplerError};

/// Where each school's intercept and slope, and sigma, sit in a model's
/// constrained draws (complete pooling uses one column for every school).
#[derive(Debug, Clone, PartialEq)]
pub struct LineIndex {
    intercept: Vec<usize>,
    slope: Vec<usize>,
    sigma: usize,
}

impl LineIndex {
    /// Finds `beta_0.j`/`beta_1.j` (or `beta_0`/`beta_1`) and `sigma` in `fit`.
    pub fn new(fit: &Fit, num_schools: usize) -> Result<Self> {
        let find = |name: &str| {
            fit.param_index(name)
                .ok_or_else(|| SamplerError::Model(format!("the fit has no parameter {name}")))
        };
        let per_school = |base: &str| -> Result<Vec<usize>> {
            match fit.param_index(base) {
                Some(i) => Ok(vec![i; num_schools]),
                None => (1..=num_schools).map(|j| find(&format!("{base}.{j}"))).collect(),
            }
        };
        Ok(Self {
            intercept: per_school("beta_0")?,
            slope: per_school("beta_1")?,
            sigma: find("sigma")?,
        })
    }

    /// The line's value `beta_0[j] + beta_1[j] ses` at one draw.
    #[inline]
    pub fn mean(&self, draw: &[f64], school: usize, ses: f64) -> f64 {
        draw[self.intercept[school]] + draw[self.slope[school]] * ses
    }

    /// School `school`'s slope at one draw.
    #[inline]
    pub fn slope(&self, draw: &[f64], school: usize) -> f64 {
        draw[self.slope[school]]
    }

    /// `sigma` at one draw.
    #[inline]
    pub fn sigma(&self, draw: &[f64]) -> f64 {
        draw[self.sigma]
    }

    /// Posterior means of every school's intercept and slope.
    pub fn posterior_means(&self, draws: &[&[f64]]) -> (Vec<f64>, Vec<f64>) {
        let n = draws.len() as f64;
        let mean = |cols: &[usize]| -> Vec<f64> {
            cols.iter().map(|&c| draws.iter().map(|d| d[c]).sum::<f64>() / n).collect()
        };
        (mean(&self.intercept), mean(&self.slope))
    }
}

/// Every kept draw of `fit`, chain after chain.
pub fn pooled_draws(fit: &Fit) -> Vec<&[f64]> {
    fit.chains.iter().flat_map(|c| c.draws.iter().map(Vec::as_slice)).collect()
}
