//! The frequentist baselines: least squares with `nalgebra`, as R's `lm`
//! computes and reports them.
//!
//! * Complete pooling, `lm(mathach ~ ses)`: one line for all students.
//! * No pooling, `lm(mathach ~ 0 + school + ses:school)`: a line per school.
//!   The fit is one regression with `2J` coefficients, so its standard errors
//!   use one residual standard deviation pooled over all schools,
//!   `s² = Σ RSS / (N − 2J)`, exactly as `lm` reports them. Its design is
//!   block-diagonal (school by school), so the coefficients are found one
//!   2×2 problem at a time, which gives the same numbers as the full
//!   `N × 2J` least-squares problem (a test checks this).
//!
//! Least squares is solved by a QR decomposition, `X = QR`, so
//! `β̂ = R⁻¹ Qᵀ y` and `Cov(β̂) = s² (RᵀR)⁻¹`.
//! Reference: Golub & Van Loan (2013), *Matrix Computations*, 4th ed., §5.3.

use crate::hsb::data::Hsb;
use nalgebra::{DMatrix, DVector};

/// Why a least-squares fit cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeastSquaresError {
    /// The design has no more rows than columns.
    #[error("least squares needs more rows ({rows}) than columns ({columns})")]
    TooFewRows {
        /// Rows of the design.
        rows: usize,
        /// Columns of the design.
        columns: usize,
    },
    /// A diagonal element of `R` is (numerically) zero.
    #[error("the design matrix is rank deficient")]
    RankDeficient,
    /// `R` cannot be solved or inverted.
    #[error("the design matrix is singular")]
    Singular,
    /// One school's own regression failed (`school` is 1-based).
    #[error("school {school} (id {id}): {error}")]
    School {
        /// The school, numbered from 1.
        school: usize,
        /// Its id in the data file.
        id: u32,
        /// What went wrong.
        error: Box<LeastSquaresError>,
    },
    /// The no-pooling fit has as many coefficients as students.
    #[error("the no-pooling fit has no residual degrees of freedom")]
    NoDegreesOfFreedom,
}

/// The result of a least-squares fit.
pub type Result<T> = std::result::Result<T, LeastSquaresError>;

/// One least-squares fit, with the numbers `summary(lm(...))` prints.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearFit {
    /// Coefficients, in the order of the design's columns.
    pub coef: Vec<f64>,
    /// Their standard errors.
    pub se: Vec<f64>,
    /// Residuals `y − Xβ̂`, in row order.
    pub residuals: Vec<f64>,
    /// `(XᵀX)⁻¹`: the covariance of the coefficients divided by `s²`.
    pub unscaled_cov: DMatrix<f64>,
    /// Residual standard error `s = sqrt(RSS / df)`.
    pub sigma: f64,
    /// Residual degrees of freedom `N − p`.
    pub df: usize,
    /// `R² = 1 − RSS / TSS` (TSS about the mean of `y`).
    pub r_squared: f64,
    /// `1 − (1 − R²)(N − 1) / df`.
    pub adj_r_squared: f64,
}

impl LinearFit {
    /// A simple regression's line `coef[0] + coef[1] x` at `x` inside its
    /// pointwise confidence band, as `(low, line, high)`: the line ∓
    /// `t s √((1, x) (XᵀX)⁻¹ (1, x)ᵀ)`, for `t` a quantile of Student's t on
    /// [`LinearFit::df`] degrees of freedom. This is R's `predict(fit, interval =
    /// "confidence")`, what ggplot's `geom_smooth(method = "lm")` draws.
    pub fn band_at(&self, x: f64, t: f64) -> (f64, f64, f64) {
        let line = self.coef[0] + self.coef[1] * x;
        let c = &self.unscaled_cov;
        let v = c[(0, 0)] + 2.0 * x * c[(0, 1)] + x * x * c[(1, 1)];
        let half = t * self.sigma * v.sqrt();
        (line - half, line, line + half)
    }
}

// ANCHOR: qr
/// Least squares of `y` on the columns of `x` by QR. Fails if `x` has fewer
/// rows than columns or is (numerically) rank deficient.
pub fn least_squares(x: &DMatrix<f64>, y: &DVector<f64>) -> Result<LinearFit> {
    let (n, p) = x.shape();
    if n <= p {
        return Err(LeastSquaresError::TooFewRows { rows: n, columns: p });
    }
    let qr = x.clone().qr();
    let r = qr.r();
    let scale = r.diagonal().amax();
    if r.diagonal().iter().any(|d| d.abs() <= 1e-10 * scale) {
        return Err(LeastSquaresError::RankDeficient);
    }
    let qty = qr.q().transpose() * y;
    let beta = r.solve_upper_triangular(&qty).ok_or(LeastSquaresError::Singular)?;
    let r_inv = r.try_inverse().ok_or(LeastSquaresError::Singular)?;
    let residuals = y - x * &beta;
    let rss = residuals.norm_squared();
    let df = n - p;
    let s2 = rss / df as f64;
    // (XᵀX)⁻¹ = (RᵀR)⁻¹ = R⁻¹ R⁻ᵀ.
    let unscaled_cov = &r_inv * r_inv.transpose();
    let se = (0..p).map(|i| (s2 * unscaled_cov[(i, i)]).sqrt()).collect();
    let mean = y.mean();
    let tss = y.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>();
    let r_squared = 1.0 - rss / tss;
    Ok(LinearFit {
        coef: beta.iter().copied().collect(),
        se,
        unscaled_cov,
        residuals: residuals.iter().copied().collect(),
        sigma: s2.sqrt(),
        df,
        r_squared,
        adj_r_squared: 1.0 - (1.0 - r_squared) * (n - 1) as f64 / df as f64,
    })
}
// ANCHOR_END: qr

/// `lm(mathach ~ ses)`: coefficients `[intercept, slope]`.
pub fn complete_pooling(d: &Hsb) -> Result<LinearFit> {
    let n = d.len();
    let x = DMatrix::from_fn(n, 2, |i, c| if c == 0 { 1.0 } else { d.rows[i].ses });
    least_squares(&x, &DVector::from_vec(d.math()))
}

/// The no-pooling fit `lm(mathach ~ 0 + school + ses:school)`.
#[derive(Debug, Clone, PartialEq)]
pub struct NoPoolingFit {
    /// Intercept of each school (0-based school order).
    pub intercept: Vec<f64>,
    /// Standard error of each intercept.
    pub intercept_se: Vec<f64>,
    /// SES slope of each school.
    pub slope: Vec<f64>,
    /// Standard error of each slope.
    pub slope_se: Vec<f64>,
    /// The pooled residual standard error `sqrt(Σ RSS / (N − 2J))`.
    pub sigma: f64,
    /// Residual degrees of freedom `N − 2J`.
    pub df: usize,
}

/// Fits the no-pooling regression school by school (its design is
/// block-diagonal), then rescales every school's standard errors by the
/// residual standard error pooled over all schools. Fails if a school has
/// fewer than three students or no spread in SES.
pub fn no_pooling(d: &Hsb) -> Result<NoPoolingFit> {
    let j_n = d.num_schools();
    let mut fit = NoPoolingFit {
        intercept: Vec::with_capacity(j_n),
        intercept_se: Vec::with_capacity(j_n),
        slope: Vec::with_capacity(j_n),
        slope_se: Vec::with_capacity(j_n),
        sigma: 0.0,
        df: d.len().saturating_sub(2 * j_n),
    };
    let mut rss = 0.0;
    let mut unscaled_var = Vec::with_capacity(j_n);
    for j in 0..j_n {
        let rows = d.rows_of(j);
        let x =
            DMatrix::from_fn(rows.len(), 2, |i, c| if c == 0 { 1.0 } else { d.rows[rows[i]].ses });
        let y = DVector::from_iterator(rows.len(), rows.iter().map(|&i| d.rows[i].math));
        let school = least_squares(&x, &y).map_err(|e| LeastSquaresError::School {
            school: j + 1,
            id: d.school_ids[j],
            error: Box::new(e),
        })?;
        rss += school.residuals.iter().map(|r| r * r).sum::<f64>();
        let v = &school.unscaled_cov;
        unscaled_var.push((v[(0, 0)], v[(1, 1)]));
        fit.intercept.push(school.coef[0]);
        fit.slope.push(school.coef[1]);
    }
    if fit.df == 0 {
        return Err(LeastSquaresError::NoDegreesOfFreedom);
    }
    fit.sigma = (rss / fit.df as f64).sqrt();
    let s2 = fit.sigma * fit.sigma;
    for (v0, v1) in unscaled_var {
        fit.intercept_se.push((s2 * v0).sqrt());
        fit.slope_se.push((s2 * v1).sqrt());
    }
    Ok(fit)
}
