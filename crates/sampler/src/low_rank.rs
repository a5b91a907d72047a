//! The low-rank-plus-diagonal metric: a diagonal scale corrected along a few
//! directions, `M⁻¹ = diag(σ) (I + U (Λ − I) Uᵀ) diag(σ)`.
//!
//! `σ` is the diagonal scale (the square root of a diagonal metric's
//! `inv_mass`), `U` (d × k, orthonormal columns) and `Λ = diag(λ₁ … λ_k)` are
//! the leading eigenpairs of the posterior covariance in the σ-scaled space,
//! the ones far from 1 ([`crate::low_rank_estimate`]). A posterior whose
//! correlations come from a few common factors is then whitened by `k` extra
//! dot products per leapfrog step instead of the `d²` of a dense metric.
//!
//! With `w = σ ⊙ p` and `c = Uᵀ w`:
//! * velocity `M⁻¹ p = σ ⊙ (w + U ((λ − 1) ⊙ c))`;
//! * kinetic energy `½ pᵀ M⁻¹ p = ½ (|w|² + Σⱼ (λⱼ − 1) cⱼ²)`;
//! * momentum `p = σ⁻¹ ⊙ (z + U ((λ^{-1/2} − 1) ⊙ Uᵀ z))` with `z ~ Normal(0, I)`,
//!   whose covariance is `diag(σ)⁻¹ (I + U (Λ⁻¹ − I) Uᵀ) diag(σ)⁻¹ = M`
//!   (`(I + U A Uᵀ)² = I + U (2A + A²) Uᵀ` for orthonormal `U`).
//!
//! References: Seyboldt et al., nutpie / `nuts-rs` (pymc-devs/nuts-rs,
//! `src/transform/low_rank.rs`, where the same matrix appears as the affine
//! map `F(y) = σ ⊙ (I + U (Λ^{1/2} − I) Uᵀ) y`); blackjax's
//! `low_rank_adaptation` follows the same construction.

use crate::error::{Result, SamplerError};
use crate::metric::Metric;
use crate::rng::std_normal;
use crate::sums::lane_sum;
use rand::Rng;

/// `M⁻¹ = diag(σ) (I + U (Λ − I) Uᵀ) diag(σ)`; see the module documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct LowRankMetric {
    /// `σᵢ²`, the diagonal part's inverse mass.
    inv_mass: Vec<f64>,
    /// `σᵢ`.
    sigma: Vec<f64>,
    /// `U`, row-major d × k: `vecs[i * k + j] = U_ij`.
    vecs: Vec<f64>,
    /// `λⱼ − 1`.
    vals_m1: Vec<f64>,
    /// `λⱼ^{-1/2} − 1`.
    inv_sqrt_m1: Vec<f64>,
}

impl LowRankMetric {
    /// The diagonal metric `M⁻¹ = diag(inv_mass)`, with no correction yet.
    pub fn diagonal(inv_mass: Vec<f64>) -> Self {
        Self {
            sigma: inv_mass.iter().map(|m| m.sqrt()).collect(),
            inv_mass,
            vecs: Vec::new(),
            vals_m1: Vec::new(),
            inv_sqrt_m1: Vec::new(),
        }
    }

    /// The metric with diagonal part `inv_mass = σ²` and the correction of
    /// eigenvalues `vals` along the orthonormal columns `vecs[j]` (each of
    /// length d). Errors on mismatched lengths, or a non-finite or
    /// non-positive `σ²` or `λ`.
    pub fn new(inv_mass: Vec<f64>, vals: &[f64], vecs: &[Vec<f64>]) -> Result<Self> {
        let bad = |msg: String| Err(SamplerError::InvalidSettings(msg));
        let d = inv_mass.len();
        let k = vals.len();
        if vecs.len() != k || vecs.iter().any(|v| v.len() != d) {
            return bad(format!("low-rank metric: {k} eigenvalues need {k} vectors of length {d}"));
        }
        let positive = |x: &f64| x.is_finite() && *x > 0.0;
        if !inv_mass.iter().all(positive) || !vals.iter().all(positive) {
            return bad("low-rank metric: scales and eigenvalues must be positive".into());
        }
        if !vecs.iter().flatten().all(|x| x.is_finite()) {
            return bad("low-rank metric: eigenvectors must be finite".into());
        }
        let mut metric = Self::diagonal(inv_mass);
        metric.vecs = (0..d).flat_map(|i| vecs.iter().map(move |v| v[i])).collect();
        metric.vals_m1 = vals.iter().map(|l| l - 1.0).collect();
        metric.inv_sqrt_m1 = vals.iter().map(|l| l.sqrt().recip() - 1.0).collect();
        Ok(metric)
    }

    /// Number of corrected directions `k`.
    pub fn rank(&self) -> usize {
        self.vals_m1.len()
    }

    /// The diagonal part `σ²`.
    pub fn scale_variances(&self) -> &[f64] {
        &self.inv_mass
    }

    /// The eigenvalues `λ` of the correction.
    pub fn eigenvalues(&self) -> Vec<f64> {
        self.vals_m1.iter().map(|v| v + 1.0).collect()
    }

    /// `c = Uᵀ x` with `x_i = f(i)` (`k` numbers: the one allocation per
    /// call is small beside the `O(d k)` products).
    #[inline]
    fn project(&self, f: impl Fn(usize) -> f64) -> Vec<f64> {
        let k = self.rank();
        let mut c = vec![0.0; k];
        if k == 0 {
            return c;
        }
        for (i, row) in self.vecs.chunks_exact(k).enumerate() {
            let x = f(i);
            for (cj, u) in c.iter_mut().zip(row) {
                *cj += u * x;
            }
        }
        c
    }

    /// `(U a)_i` for the row `i` of `U`.
    #[inline]
    fn row_dot(&self, i: usize, a: &[f64]) -> f64 {
        let k = self.rank();
        self.vecs[i * k..(i + 1) * k].iter().zip(a).map(|(u, a)| u * a).sum()
    }
}

impl Metric for LowRankMetric {
    fn kinetic_energy(&self, p: &[f64]) -> f64 {
        let n = p.len().min(self.sigma.len());
        let (p, s) = (&p[..n], &self.sigma[..n]);
        let diagonal = lane_sum(n, |i| p[i] * p[i] * self.inv_mass[i]);
        if self.rank() == 0 {
            return 0.5 * diagonal;
        }
        let c = self.project(|i| s[i] * p[i]);
        let low_rank: f64 = c.iter().zip(&self.vals_m1).map(|(c, l)| l * c * c).sum();
        0.5 * (diagonal + low_rank)
    }

    // ANCHOR: velocity
    fn velocity(&self, p: &[f64], out: &mut [f64]) {
        if self.rank() == 0 {
            for ((o, pi), mi) in out.iter_mut().zip(p).zip(&self.inv_mass) {
                *o = pi * mi;
            }
            return;
        }
        let mut a = self.project(|i| self.sigma[i] * p[i]);
        a.iter_mut().zip(&self.vals_m1).for_each(|(a, l)| *a *= l);
        for (i, (o, s)) in out.iter_mut().zip(&self.sigma).enumerate() {
            *o = s * (s * p[i] + self.row_dot(i, &a));
        }
    }
    // ANCHOR_END: velocity

    fn sample_momentum<R: Rng + ?Sized>(&self, rng: &mut R, p: &mut [f64]) {
        if self.rank() == 0 {
            for (pi, mi) in p.iter_mut().zip(&self.inv_mass) {
                *pi = std_normal(rng) / mi.sqrt();
            }
            return;
        }
        for pi in p.iter_mut() {
            *pi = std_normal(rng);
        }
        let mut a = self.project(|i| p[i]);
        a.iter_mut().zip(&self.inv_sqrt_m1).for_each(|(a, l)| *a *= l);
        for (i, (pi, s)) in p.iter_mut().zip(&self.sigma).enumerate() {
            *pi = (*pi + self.row_dot(i, &a)) / s;
        }
    }

    fn drift(&self, q: &mut [f64], p: &[f64], epsilon: f64) {
        if self.rank() == 0 {
            for ((q, p), m) in q.iter_mut().zip(p).zip(&self.inv_mass) {
                *q += epsilon * m * p;
            }
            return;
        }
        let mut a = self.project(|i| self.sigma[i] * p[i]);
        a.iter_mut().zip(&self.vals_m1).for_each(|(a, l)| *a *= l);
        for (i, (qi, s)) in q.iter_mut().zip(&self.sigma).enumerate() {
            *qi += epsilon * s * (s * p[i] + self.row_dot(i, &a));
        }
    }

    fn inv_mass_diagonal(&self) -> Vec<f64> {
        let k = self.rank();
        (0..self.sigma.len())
            .map(|i| {
                let row = &self.vecs[i * k..(i + 1) * k];
                let extra: f64 = row.iter().zip(&self.vals_m1).map(|(u, l)| u * u * l).sum();
                self.inv_mass[i] * (1.0 + extra)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metric::DiagMetric;
    use crate::rng::chain_rng;
    use nalgebra::{DMatrix, DVector};

    /// A metric of dimension 7 with two corrected directions (one wide, one
    /// narrow), and its `M⁻¹` built densely.
    fn example() -> (LowRankMetric, DMatrix<f64>) {
        let d = 7;
        let inv_mass: Vec<f64> = (0..d).map(|i| 0.2 + 0.7 * i as f64).collect();
        let raw = DMatrix::from_fn(d, 2, |i, j| ((i * 3 + j * 5) % 7) as f64 - 2.5 + j as f64);
        let u = raw.qr().q();
        let vals = [6.0, 0.15];
        let vecs: Vec<Vec<f64>> = (0..2).map(|j| u.column(j).iter().copied().collect()).collect();
        let metric = LowRankMetric::new(inv_mass.clone(), &vals, &vecs).unwrap();
        let s =
            DMatrix::from_diagonal(&DVector::from_iterator(d, inv_mass.iter().map(|m| m.sqrt())));
        let lambda_m1 = DMatrix::from_diagonal(&DVector::from_vec(vec![5.0, -0.85]));
        let inner = DMatrix::identity(d, d) + &u * lambda_m1 * u.transpose();
        (metric, &s * inner * &s)
    }

    fn momentum(d: usize) -> Vec<f64> {
        (0..d).map(|i| (i as f64 * 0.37).sin() * 2.0 - 0.3).collect()
    }

    #[test]
    fn velocity_energy_and_drift_match_the_dense_matrix() {
        let (metric, dense) = example();
        let p = momentum(7);
        let want = &dense * DVector::from_column_slice(&p);
        let mut v = vec![0.0; 7];
        metric.velocity(&p, &mut v);
        for (a, b) in v.iter().zip(want.iter()) {
            assert!((a - b).abs() < 1e-12 * (1.0 + b.abs()), "{a} vs {b}");
        }
        let energy = 0.5 * DVector::from_column_slice(&p).dot(&want);
        assert!((metric.kinetic_energy(&p) - energy).abs() < 1e-12 * energy);
        let mut q = vec![1.0; 7];
        metric.drift(&mut q, &p, 0.3);
        for (a, b) in q.iter().zip(want.iter()) {
            assert!((a - (1.0 + 0.3 * b)).abs() < 1e-12 * (1.0 + b.abs()));
        }
        for (a, i) in metric.inv_mass_diagonal().iter().zip(0..7) {
            assert!((a - dense[(i, i)]).abs() < 1e-12 * dense[(i, i)]);
        }
    }

    /// Momenta drawn by the metric have covariance `M = (M⁻¹)⁻¹`: every
    /// entry of the sample covariance of 200 000 draws lies within 5
    /// standard errors of it (`Var(pᵢpⱼ) = MᵢᵢMⱼⱼ + Mᵢⱼ²` for a Gaussian).
    #[test]
    fn momenta_have_covariance_m() {
        let (metric, dense) = example();
        let mass = dense.try_inverse().unwrap();
        let (d, n) = (7, 200_000);
        let mut rng = chain_rng(5, 0, 0);
        let mut p = vec![0.0; d];
        let mut sum = DMatrix::<f64>::zeros(d, d);
        for _ in 0..n {
            metric.sample_momentum(&mut rng, &mut p);
            let v = DVector::from_column_slice(&p);
            sum += &v * v.transpose();
        }
        let cov = sum / n as f64;
        for i in 0..d {
            for j in 0..d {
                let se = ((mass[(i, i)] * mass[(j, j)] + mass[(i, j)].powi(2)) / n as f64).sqrt();
                let z = (cov[(i, j)] - mass[(i, j)]) / se;
                assert!(z.abs() < 5.0, "({i}, {j}): {} vs {}", cov[(i, j)], mass[(i, j)]);
            }
        }
    }

    /// With no correction the metric is the diagonal one, bit for bit.
    #[test]
    fn rank_zero_is_the_diagonal_metric() {
        let inv_mass = vec![0.5, 2.0, 3.0, 0.01, 7.0];
        let (low, diag) = (LowRankMetric::diagonal(inv_mass.clone()), DiagMetric { inv_mass });
        let p = momentum(5);
        assert_eq!(low.kinetic_energy(&p), diag.kinetic_energy(&p));
        let (mut a, mut b) = (vec![0.0; 5], vec![0.0; 5]);
        low.velocity(&p, &mut a);
        diag.velocity(&p, &mut b);
        assert_eq!(a, b);
        let (mut qa, mut qb) = (vec![1.0; 5], vec![1.0; 5]);
        low.drift(&mut qa, &p, 0.7);
        diag.drift(&mut qb, &p, 0.7);
        assert_eq!(qa, qb);
        let (mut r1, mut r2) = (chain_rng(1, 0, 0), chain_rng(1, 0, 0));
        low.sample_momentum(&mut r1, &mut a);
        diag.sample_momentum(&mut r2, &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn bad_inputs_are_errors() {
        let e = [vec![1.0, 0.0]];
        assert!(LowRankMetric::new(vec![1.0, 1.0], &[2.0], &e).is_ok());
        assert!(LowRankMetric::new(vec![1.0, 1.0], &[2.0, 3.0], &e).is_err());
        assert!(LowRankMetric::new(vec![1.0, 1.0], &[-2.0], &e).is_err());
        assert!(LowRankMetric::new(vec![1.0, f64::NAN], &[2.0], &e).is_err());
        assert!(LowRankMetric::new(vec![1.0], &[2.0], &e).is_err());
    }
}
