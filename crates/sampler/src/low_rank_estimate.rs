//! Estimating the low-rank correction of [`crate::low_rank`] from a window of
//! draws and gradients, as nutpie does.
//!
//! Given the diagonal scale `σ` (whatever the warmup schedule estimated) and
//! `n` draws `x` with gradients `g = ∇ log p(x)`:
//!
//! 1. scale and centre them, `x̃ = (x − x̄) / σ`, `g̃ = (g − ḡ) ⊙ σ`;
//! 2. when `2n < d`, project both onto an orthonormal basis `Q` of the space
//!    they span (nothing is known outside it, and the metric keeps `σ`
//!    there);
//! 3. form the regularised scatter matrices `Cₓ = x̃ x̃ᵀ / γ + I` and
//!    `C_g = g̃ g̃ᵀ / γ + I`;
//! 4. take their SPD geometric mean `Σ = C_g^{-1/2} (C_g^{1/2} Cₓ C_g^{1/2})^{1/2} C_g^{-1/2}`,
//!    the matrix with `Σ C_g Σ = Cₓ`: for a Gaussian posterior with
//!    covariance `S` the draws' covariance is `S` and the gradients' is
//!    `S⁻¹`, so `Σ` estimates `S` from both, as the diagonal
//!    `σᵢ² = √(Var xᵢ / Var gᵢ)` does coordinate by coordinate;
//! 5. keep the eigenpairs of `Σ` whose eigenvalue lies outside
//!    `[1/c, c]`: directions the diagonal scale already gets right within a
//!    factor `c` are left alone.
//!
//! This follows `nuts-rs` (pymc-devs/nuts-rs, `src/transform/adapt/low_rank.rs`:
//! `rescale_points`, `estimate_mass_matrix`, `spd_mean`, defaults `γ = 10⁻⁵`,
//! `c = 2`), except that the basis of step 2 comes from one QR
//! decomposition of `[x̃ g̃]` rather than from the two SVDs `nuts-rs` stacks
//! (the span is the same). blackjax's `low_rank_adaptation` builds
//! the same estimate. Reference for the geometric mean: Bhatia (2007),
//! "Positive Definite Matrices", §4.1.

use nalgebra::{DMatrix, SymmetricEigen};

/// Tuning of the low-rank metric (`nuts-rs`'s `LowRankSettings` and its
/// update frequency).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LowRankOptions {
    /// Regularisation `γ` of the scatter matrices (default `10⁻⁵`).
    pub gamma: f64,
    /// Eigenvalues within `[1/c, c]` are dropped (default `c = 2`).
    pub eigval_cutoff: f64,
    /// Under the rolling schedule, recompute the metric at each window swap
    /// and otherwise every this many iterations (default 20, as `nuts-rs`).
    pub update_every: usize,
}

impl Default for LowRankOptions {
    fn default() -> Self {
        Self { gamma: 1e-5, eigval_cutoff: 2.0, update_every: 20 }
    }
}

/// Draws and gradients of one window, stored whole (the low-rank estimate
/// needs more than running variances).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PointWindow {
    draws: Vec<f64>,
    grads: Vec<f64>,
}

impl PointWindow {
    /// Adds one draw and its gradient.
    pub fn push(&mut self, q: &[f64], grad: &[f64]) {
        self.draws.extend_from_slice(q);
        self.grads.extend_from_slice(grad);
    }

    /// Forgets every point.
    pub fn clear(&mut self) {
        self.draws.clear();
        self.grads.clear();
    }

    /// The correction `(λ, U)` for the diagonal scale `σ² = inv_mass`: the
    /// eigenvalues outside `[1/c, c]` and their eigenvectors (each of
    /// length d), or `None` when there are fewer than 3 points or the
    /// decomposition is not finite.
    pub fn correction(
        &self,
        inv_mass: &[f64],
        options: &LowRankOptions,
    ) -> Option<(Vec<f64>, Vec<Vec<f64>>)> {
        let d = inv_mass.len();
        let n = self.draws.len().checked_div(d).unwrap_or(0);
        if n < 3 {
            return None;
        }
        let sigma: Vec<f64> = inv_mass.iter().map(|m| m.sqrt()).collect();
        let x = centred(&self.draws, d, n, |i, v| v / sigma[i]);
        let g = centred(&self.grads, d, n, |i, v| v * sigma[i]);
        let basis = (2 * n < d).then(|| {
            let mut both = DMatrix::zeros(d, 2 * n);
            both.columns_mut(0, n).copy_from(&x);
            both.columns_mut(n, n).copy_from(&g);
            both.qr().q()
        });
        let (x, g) = match &basis {
            Some(q) => (q.transpose() * &x, q.transpose() * &g),
            None => (x, g),
        };
        let scatter = |m: &DMatrix<f64>| {
            let k = m.nrows();
            (m * m.transpose()) / options.gamma + DMatrix::identity(k, k)
        };
        let sigma_hat = spd_mean(&scatter(&x), &scatter(&g))?;
        let eig = SymmetricEigen::new(sigma_hat);
        let c = options.eigval_cutoff;
        let kept: Vec<(f64, usize)> = eig
            .eigenvalues
            .iter()
            .enumerate()
            .filter(|&(_, &l)| l > c || l < c.recip())
            .map(|(j, &l)| (l.clamp(1e-20, 1e20), j))
            .collect();
        let mut vals = Vec::with_capacity(kept.len());
        let mut vecs = Vec::with_capacity(kept.len());
        for (l, j) in kept {
            let v = eig.eigenvectors.column(j);
            let u = match &basis {
                Some(q) => q * v,
                None => v.into_owned(),
            };
            vals.push(l);
            vecs.push(u.iter().copied().collect::<Vec<f64>>());
        }
        let finite = vals.iter().chain(vecs.iter().flatten()).all(|x| x.is_finite());
        finite.then_some((vals, vecs))
    }
}

/// The d × n matrix of `f(i, value)` minus its row means, from `n` points of
/// length `d` stored one after another.
fn centred(points: &[f64], d: usize, n: usize, f: impl Fn(usize, f64) -> f64) -> DMatrix<f64> {
    let mut m = DMatrix::from_fn(d, n, |i, t| f(i, points[t * d + i]));
    for mut row in m.row_iter_mut() {
        let mean = row.sum() / n as f64;
        row.add_scalar_mut(-mean);
    }
    m
}

/// `f(A) = V f(Λ) Vᵀ` for a symmetric `A = V Λ Vᵀ`.
fn spectral(eig: &SymmetricEigen<f64, nalgebra::Dyn>, f: impl Fn(f64) -> f64) -> DMatrix<f64> {
    let v = &eig.eigenvectors;
    let scaled = DMatrix::from_fn(v.nrows(), v.ncols(), |i, j| v[(i, j)] * f(eig.eigenvalues[j]));
    scaled * v.transpose()
}

/// The geometric mean `A # B⁻¹ = B^{-1/2} (B^{1/2} A B^{1/2})^{1/2} B^{-1/2}`
/// of two symmetric positive-definite matrices: the `S` with `S B S = A`
/// (`nuts-rs`'s `spd_mean`). `None` if an eigenvalue is not positive.
fn spd_mean(a: &DMatrix<f64>, b: &DMatrix<f64>) -> Option<DMatrix<f64>> {
    let eig_b = SymmetricEigen::new(b.clone());
    if eig_b.eigenvalues.iter().any(|&e| !(e > 0.0 && e.is_finite())) {
        return None;
    }
    let b_sqrt = spectral(&eig_b, f64::sqrt);
    let b_inv_sqrt = spectral(&eig_b, |e| e.sqrt().recip());
    let m = &b_sqrt * a * &b_sqrt;
    let m = (&m + m.transpose()) * 0.5;
    let eig_m = SymmetricEigen::new(m);
    if eig_m.eigenvalues.iter().any(|&e| !(e >= 0.0 && e.is_finite())) {
        return None;
    }
    let s = &b_inv_sqrt * spectral(&eig_m, f64::sqrt) * &b_inv_sqrt;
    Some((&s + s.transpose()) * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{chain_rng, std_normal};
    use nalgebra::DVector;

    #[test]
    fn the_geometric_mean_of_diagonal_matrices_is_elementwise() {
        // nuts-rs's test: diag(1, 4, 8) # diag(1, 1, 0.5)⁻¹ = diag(1, 2, 4).
        let a = DMatrix::from_diagonal(&DVector::from_vec(vec![1.0, 4.0, 8.0]));
        let b = DMatrix::from_diagonal(&DVector::from_vec(vec![1.0, 1.0, 0.5]));
        let s = spd_mean(&a, &b).unwrap();
        let want = DMatrix::from_diagonal(&DVector::from_vec(vec![1.0, 2.0, 4.0]));
        assert!((s - want).abs().max() < 1e-10);
    }

    /// A Gaussian with covariance `S = D (I + u (λ − 1) uᵀ) D`: exact
    /// gradients `−S⁻¹ (x − m)` make the geometric mean recover `S` from any
    /// `n > d` draws, so with `σ = D` the correction is `(λ, ±u)` up to the
    /// regularisation `γ`.
    #[test]
    fn a_gaussian_with_one_factor_is_recovered_exactly() {
        let (d, n, lambda) = (10, 40, 25.0);
        let scale: Vec<f64> = (0..d).map(|i| 10f64.powf(i as f64 / 3.0 - 1.0)).collect();
        let u = DVector::from_fn(d, |i, _| 1.0 + (i % 3) as f64).normalize();
        let dm = DMatrix::from_diagonal(&DVector::from_vec(scale.clone()));
        let inner = DMatrix::identity(d, d) + &u * u.transpose() * (lambda - 1.0);
        let cov = &dm * inner * &dm;
        let chol = cov.clone().cholesky().unwrap().l();
        let precision = cov.try_inverse().unwrap();
        let mut rng = chain_rng(3, 0, 0);
        let mut window = PointWindow::default();
        for _ in 0..n {
            let z = DVector::from_fn(d, |_, _| std_normal(&mut rng));
            let x = &chol * z + DVector::from_element(d, 2.0);
            let g = -&precision * (&x - DVector::from_element(d, 2.0));
            window.push(x.as_slice(), g.as_slice());
        }
        let inv_mass: Vec<f64> = scale.iter().map(|s| s * s).collect();
        let (vals, vecs) = window.correction(&inv_mass, &LowRankOptions::default()).unwrap();
        assert_eq!(vals.len(), 1, "{vals:?}");
        assert!((vals[0] / lambda - 1.0).abs() < 1e-4, "{vals:?}");
        let overlap = DVector::from_vec(vecs[0].clone()).dot(&u).abs();
        assert!((overlap - 1.0).abs() < 1e-6, "{overlap}");
    }

    /// With fewer points than half the dimension the estimate lives in the
    /// span of the points: orthonormal directions, at most 2n of them.
    #[test]
    fn few_points_give_orthonormal_directions_in_their_span() {
        let (d, n) = (30, 6);
        let mut rng = chain_rng(4, 0, 0);
        let mut window = PointWindow::default();
        for _ in 0..n {
            let x: Vec<f64> = (0..d).map(|i| std_normal(&mut rng) * (1.0 + i as f64)).collect();
            let g: Vec<f64> =
                x.iter().enumerate().map(|(i, x)| -x / (1.0 + i as f64).powi(2)).collect();
            window.push(&x, &g);
        }
        let (vals, vecs) = window.correction(&vec![1.0; d], &LowRankOptions::default()).unwrap();
        assert!(!vals.is_empty() && vals.len() <= 2 * n, "{vals:?}");
        for (a, va) in vecs.iter().enumerate() {
            for (b, vb) in vecs.iter().enumerate() {
                let dot: f64 = va.iter().zip(vb).map(|(x, y)| x * y).sum();
                let want = if a == b { 1.0 } else { 0.0 };
                assert!((dot - want).abs() < 1e-8, "({a}, {b}): {dot}");
            }
        }
        let two = PointWindow::default();
        assert!(two.correction(&vec![1.0; d], &LowRankOptions::default()).is_none());
    }
}
