//! A Gaussian with a few strong common factors: the target a low-rank metric
//! is made for.
//!
//! `x = μ + S (B f + e)` with `f ~ Normal(0, I_k)` (the factors),
//! `e ~ Normal(0, I_d)` and `S = diag(s)`, so the covariance is
//! `Σ = S (I + B Bᵀ) S`. Every coordinate loads on every factor, so no
//! diagonal metric can whiten it: the posterior is long along `k` directions
//! and narrow across them. A low-rank-plus-diagonal metric with rank `k`
//! whitens it exactly. By Woodbury, `Σ⁻¹ = S⁻¹ (I − B K Bᵀ) S⁻¹` with
//! `K = (I_k + BᵀB)⁻¹`, so the log density and its gradient cost `O(d k)`.
//!
//! The gradient is written by hand (forward mode would cost `d` evaluations
//! at d = 100); it is checked against the same density declared with the
//! layer and a dense precision (`tests/hand_gradients.rs`).
//! Reference for the construction: the factor-analysis model, e.g. Bishop
//! (2006), "Pattern Recognition and Machine Learning", §12.2.4.

use nalgebra::DMatrix;
use sampler::Model;

/// `Normal(μ, S (I + B Bᵀ) S)`; see the module documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct FactorGaussian {
    mean: Vec<f64>,
    scales: Vec<f64>,
    /// `B`, row-major d × k.
    loadings: Vec<f64>,
    /// `K = (I + BᵀB)⁻¹`, row-major k × k.
    inner: Vec<f64>,
    k: usize,
}

/// Number of factors of [`FactorGaussian::benchmark`].
pub const BENCHMARK_FACTORS: usize = 3;

impl FactorGaussian {
    /// The factor Gaussian with mean `mean`, scales `s` and loadings
    /// `loadings[j]` (one vector of length d per factor). Errors when the
    /// lengths differ or a scale is not positive and finite.
    pub fn new(mean: Vec<f64>, scales: Vec<f64>, loadings: &[Vec<f64>]) -> Result<Self, String> {
        let (d, k) = (mean.len(), loadings.len());
        if scales.len() != d || loadings.iter().any(|b| b.len() != d) {
            return Err(format!(
                "a factor Gaussian of dimension {d} needs {d} scales and loadings"
            ));
        }
        if !scales.iter().all(|s| s.is_finite() && *s > 0.0) {
            return Err("the scales must be positive and finite".into());
        }
        if !loadings.iter().flatten().all(|b| b.is_finite()) {
            return Err("the loadings must be finite".into());
        }
        let b = DMatrix::from_fn(d, k, |i, j| loadings[j][i]);
        let inner = (DMatrix::identity(k, k) + b.transpose() * &b)
            .try_inverse()
            .ok_or("I + BᵀB is not invertible")?;
        Ok(Self {
            mean,
            scales,
            loadings: (0..d * k).map(|t| b[(t / k, t % k)]).collect(),
            inner: (0..k * k).map(|t| inner[(t / k, t % k)]).collect(),
            k,
        })
    }

    /// The benchmark target: `d` coordinates with scales spread
    /// log-uniformly from 0.1 to 10 (a factor 100) and three factors whose
    /// loadings are smooth cosines of amplitude 2, 1.5 and 1, so that a
    /// factor explains between half and most of each coordinate's variance.
    pub fn benchmark(d: usize) -> Self {
        let scales = log_spaced_scales(d);
        let amplitude = [2.0, 1.5, 1.0];
        let loadings: Vec<Vec<f64>> = (0..BENCHMARK_FACTORS)
            .map(|j| {
                (0..d)
                    .map(|i| {
                        let phase =
                            std::f64::consts::PI * (j + 1) as f64 * (i as f64 + 0.5) / d as f64;
                        amplitude[j] * (phase + 0.3 * j as f64).cos()
                    })
                    .collect()
            })
            .collect();
        Self::new(vec![0.0; d], scales, &loadings).expect("valid benchmark parameters")
    }

    /// Number of factors `k`.
    pub fn num_factors(&self) -> usize {
        self.k
    }

    /// The exact covariance `Σ = S (I + B Bᵀ) S`, row-major d × d.
    pub fn covariance(&self) -> Vec<f64> {
        let (d, k) = (self.mean.len(), self.k);
        let b = |i: usize, j: usize| self.loadings[i * k + j];
        (0..d * d)
            .map(|t| {
                let (i, j) = (t / d, t % d);
                let bbt: f64 = (0..k).map(|f| b(i, f) * b(j, f)).sum();
                let eye = if i == j { 1.0 } else { 0.0 };
                self.scales[i] * (eye + bbt) * self.scales[j]
            })
            .collect()
    }

    /// The mean `μ`.
    pub fn mean(&self) -> &[f64] {
        &self.mean
    }
}

impl Model for FactorGaussian {
    fn dim(&self) -> usize {
        self.mean.len()
    }

    fn param_names(&self) -> Vec<String> {
        (1..=self.dim()).map(|i| format!("x.{i}")).collect()
    }

    /// `−½ yᵀ (I − B K Bᵀ) y` with `y = S⁻¹ (x − μ)`; the gradient is
    /// `−S⁻¹ (y − B K Bᵀ y)`.
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let k = self.k;
        let mut c = vec![0.0; k];
        let mut yy = 0.0;
        for (i, ((xi, m), s)) in x.iter().zip(&self.mean).zip(&self.scales).enumerate() {
            let y = (xi - m) / s;
            grad[i] = y;
            yy += y * y;
            for (cj, b) in c.iter_mut().zip(&self.loadings[i * k..(i + 1) * k]) {
                *cj += b * y;
            }
        }
        let kc: Vec<f64> =
            (0..k).map(|a| (0..k).map(|b| self.inner[a * k + b] * c[b]).sum()).collect();
        let ckc: f64 = c.iter().zip(&kc).map(|(c, kc)| c * kc).sum();
        for (i, (g, s)) in grad.iter_mut().zip(&self.scales).enumerate() {
            let bkc: f64 =
                self.loadings[i * k..(i + 1) * k].iter().zip(&kc).map(|(b, v)| b * v).sum();
            *g = -(*g - bkc) / s;
        }
        -0.5 * (yy - ckc)
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

/// `d` scales spaced evenly in log from 0.1 to 10 (a factor of 100), the
/// benchmark Gaussians' marginal standard deviations; one coordinate gets 1.
///
/// ```
/// let s = models::factor_gaussian::log_spaced_scales(3);
/// assert_eq!(s.len(), 3);
/// assert!((s[0] - 0.1).abs() < 1e-12 && (s[1] - 1.0).abs() < 1e-12 && (s[2] - 10.0).abs() < 1e-12);
/// ```
pub fn log_spaced_scales(d: usize) -> Vec<f64> {
    (0..d)
        .map(|i| {
            let t = if d > 1 { i as f64 / (d - 1) as f64 } else { 0.5 };
            10f64.powf(-1.0 + 2.0 * t)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The precision Woodbury gives times the covariance is the identity,
    /// read off the gradient: `∇ log p(μ + Σ eⱼ) = −eⱼ`.
    #[test]
    fn the_gradient_inverts_the_covariance() {
        let g = FactorGaussian::benchmark(12);
        let d = 12;
        let cov = g.covariance();
        let mut grad = vec![0.0; d];
        for j in 0..d {
            let x: Vec<f64> = (0..d).map(|i| cov[i * d + j]).collect();
            g.log_density_grad(&x, &mut grad);
            for (i, gi) in grad.iter().enumerate() {
                let want = if i == j { -1.0 } else { 0.0 };
                assert!((gi - want).abs() < 1e-9, "({i}, {j}): {gi}");
            }
        }
    }

    #[test]
    fn bad_parameters_are_errors() {
        assert!(FactorGaussian::new(vec![0.0; 2], vec![1.0], &[]).is_err());
        assert!(FactorGaussian::new(vec![0.0; 2], vec![1.0, 0.0], &[]).is_err());
        assert!(FactorGaussian::new(vec![0.0; 2], vec![1.0, 1.0], &[vec![1.0]]).is_err());
        assert_eq!(FactorGaussian::benchmark(100).num_factors(), 3);
    }
}
