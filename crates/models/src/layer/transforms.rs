//! Supports of parameters, and the transforms from the unconstrained space to each
//! support with their log-Jacobians: the one transforms module of the workspace.
//!
//! The sampler moves on ℝᵈ. A parameter with a constrained support is written as a
//! smooth bijection of free coordinates `u`; its density on `u` is its density on the
//! support times `|∂value/∂u|`, so the log-Jacobian is added to the log density.
//! To add a support, add a variant and fill in each `match` below: sizes, labels,
//! `constrain` and `unconstrain`.
//!
//! Reference: Stan Development Team, *Stan Reference Manual* (2.36), "Constraint
//! Transforms" (lower bound, lower and upper bounds, unit simplex, Cholesky factors of
//! correlation matrices).

use super::number::Number;
use super::special::{log_logistic, logistic};
use crate::{cholesky_corr, simplex};

/// Where a parameter lives, and so how it is unconstrained.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Support {
    /// The real line; `value = u`.
    Real,
    /// `(0, ∞)`; `value = eᵘ`, `ln |J| = u`.
    Positive,
    /// `(lower, ∞)`; `value = lower + eᵘ`, `ln |J| = u`.
    Lower(f64),
    /// `(lower, upper)`; `value = lower + (upper − lower) · logistic(u)`,
    /// `ln |J| = ln(upper − lower) + ln logistic(u) + ln logistic(−u)`.
    Interval(f64, f64),
    /// The unit simplex of `K` entries (positive, summing to one), from `K − 1` free
    /// coordinates by Stan's stick-breaking ([`crate::simplex`]).
    Simplex(usize),
    /// The lower-triangular Cholesky factor `L` of a `K × K` correlation matrix
    /// (`K²` values, row-major), from `K(K − 1)/2` free coordinates by Stan's
    /// transform through canonical partial correlations ([`crate::cholesky_corr`]).
    CholeskyCorr(usize),
}

impl Support {
    /// Number of constrained values one parameter of this support has.
    pub fn value_len(&self) -> usize {
        match *self {
            Support::Simplex(k) => k,
            Support::CholeskyCorr(k) => k * k,
            _ => 1,
        }
    }

    /// Number of free (unconstrained) coordinates.
    pub fn free_len(&self) -> usize {
        match *self {
            Support::Simplex(k) => k.saturating_sub(1),
            Support::CholeskyCorr(k) => cholesky_corr::free_len(k),
            _ => 1,
        }
    }

    /// True for the supports of a single number (not a vector like the simplex, nor a
    /// matrix like the Cholesky factor).
    pub fn is_scalar(&self) -> bool {
        !matches!(self, Support::Simplex(_) | Support::CholeskyCorr(_))
    }

    /// Checks the support's own arguments: finite bounds, `lower < upper`, `K ≥ 2`.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Support::Real | Support::Positive => Ok(()),
            Support::Lower(lo) if lo.is_finite() => Ok(()),
            Support::Lower(lo) => Err(format!("a lower bound must be finite, got {lo}")),
            Support::Interval(lo, hi) if lo.is_finite() && hi.is_finite() && lo < hi => Ok(()),
            Support::Interval(lo, hi) => {
                Err(format!("an interval needs finite bounds lower < upper, got ({lo}, {hi})"))
            }
            Support::Simplex(k) if k >= 2 => Ok(()),
            Support::Simplex(k) => Err(format!("a simplex needs at least 2 entries, got {k}")),
            Support::CholeskyCorr(k) if k >= 2 => Ok(()),
            Support::CholeskyCorr(k) => {
                Err(format!("a Cholesky factor of a correlation matrix needs K >= 2, got {k}"))
            }
        }
    }

    /// Suffixes of the constrained values' names: none for a scalar, `1 … K` for a
    /// simplex (so `p` becomes `p.1 … p.K`), `i.j` row by row for a Cholesky factor
    /// (`L.1.1, L.1.2, …, L.K.K`, as Stan names matrix entries).
    pub fn value_suffixes(&self) -> Vec<String> {
        match *self {
            Support::Simplex(k) => (1..=k).map(|i| i.to_string()).collect(),
            Support::CholeskyCorr(k) => {
                (1..=k).flat_map(|i| (1..=k).map(move |j| format!("{i}.{j}"))).collect()
            }
            _ => vec![String::new()],
        }
    }

    /// Names of the free coordinates of a parameter called `name`: `mu`, `log tau`,
    /// `log(sigma - 2)`, `logit p`, `logit((r - 1)/(5 - 1))`, `stick w.1 …`, and
    /// `atanh cpc L.2.1 …` (a canonical partial correlation, row by row).
    pub fn free_labels(&self, name: &str) -> Vec<String> {
        match *self {
            Support::Real => vec![name.to_string()],
            Support::Positive => vec![format!("log {name}")],
            Support::Lower(lo) => vec![format!("log({name} - {lo})")],
            Support::Interval(lo, hi) if lo == 0.0 && hi == 1.0 => vec![format!("logit {name}")],
            Support::Interval(lo, hi) => vec![format!("logit(({name} - {lo})/({hi} - {lo}))")],
            Support::Simplex(k) => (1..k).map(|i| format!("stick {name}.{i}")).collect(),
            Support::CholeskyCorr(k) => (2..=k)
                .flat_map(|i| (1..i).map(move |j| format!("atanh cpc {name}.{i}.{j}")))
                .collect(),
        }
    }

    /// Maps free coordinates `u` (length [`Support::free_len`]) to values `x` (length
    /// [`Support::value_len`]) and returns `ln |J|`. Generic over the number type, so the
    /// same code runs on `f64` and on dual numbers.
    ///
    /// ```
    /// use models::layer::Support;
    /// let mut x = [0.0];
    /// let log_jac = Support::Interval(0.0, 4.0).constrain(&[0.0], &mut x);
    /// assert_eq!(x[0], 2.0);
    /// assert!((log_jac - (4.0f64 * 0.25).ln()).abs() < 1e-15);
    /// ```
    pub fn constrain<T: Number>(&self, u: &[T], x: &mut [T]) -> T {
        match *self {
            Support::Real => {
                x[0] = u[0];
                T::from(0.0)
            }
            Support::Positive => {
                x[0] = u[0].exp();
                u[0]
            }
            Support::Lower(lo) => {
                x[0] = u[0].exp() + lo;
                u[0]
            }
            Support::Interval(lo, hi) => {
                x[0] = logistic(u[0]) * (hi - lo) + lo;
                log_logistic(u[0]) + log_logistic(-u[0]) + (hi - lo).ln()
            }
            Support::Simplex(_) => simplex::constrain(u, x),
            Support::CholeskyCorr(_) => cholesky_corr::constrain(u, x),
        }
    }

    /// The inverse of [`Support::constrain`]: free coordinates `u` from values `x`, or
    /// an error when `x` is outside the support (for initial values and tests).
    ///
    /// ```
    /// use models::layer::Support;
    /// let mut u = [0.0];
    /// Support::Positive.unconstrain(&[1.0], &mut u).unwrap();
    /// assert_eq!(u[0], 0.0);
    /// assert!(Support::Positive.unconstrain(&[-1.0], &mut u).is_err());
    /// ```
    pub fn unconstrain(&self, x: &[f64], u: &mut [f64]) -> Result<(), String> {
        let outside = || Err(format!("{x:?} is outside {self:?}"));
        match *self {
            Support::Real if x[0].is_finite() => u[0] = x[0],
            Support::Positive if x[0] > 0.0 && x[0].is_finite() => u[0] = x[0].ln(),
            Support::Lower(lo) if x[0] > lo && x[0].is_finite() => u[0] = (x[0] - lo).ln(),
            Support::Interval(lo, hi) if x[0] > lo && x[0] < hi => {
                let p = (x[0] - lo) / (hi - lo);
                u[0] = (p / (1.0 - p)).ln();
            }
            Support::Simplex(_)
                if x.iter().all(|&v| v > 0.0) && (x.iter().sum::<f64>() - 1.0).abs() < 1e-9 =>
            {
                simplex::unconstrain(x, u)
            }
            Support::CholeskyCorr(_) => {
                return cholesky_corr::unconstrain(x, u).map_err(|e| format!("{e} ({self:?})"));
            }
            _ => return outside(),
        }
        Ok(())
    }
}
