//! The stick-breaking simplex transform: round trip, log-Jacobian against finite
//! differences, gradient, and NUTS on a Dirichlet "model" with no data recovering the
//! Dirichlet's known means and variances.

use models::simplex;
use sampler::rng::{chain_rng, std_normal};
use sampler::{Model, Settings};

#[test]
fn transform_round_trips() {
    let mut rng = chain_rng(1, 0, 0);
    for k in 2..=6 {
        for _ in 0..50 {
            let y: Vec<f64> = (0..k - 1).map(|_| 3.0 * std_normal(&mut rng)).collect();
            let mut x = vec![0.0; k];
            simplex::constrain(&y, &mut x);
            assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-14);
            assert!(x.iter().all(|&v| v > 0.0));
            let mut back = vec![0.0; k - 1];
            simplex::unconstrain(&x, &mut back);
            for (a, b) in y.iter().zip(&back) {
                assert!((a - b).abs() < 1e-8 * a.abs().max(1.0), "K={k}: {a} vs {b}");
            }
        }
    }
}

/// log|det A| by Gaussian elimination with partial pivoting.
fn log_abs_det(mut a: Vec<Vec<f64>>) -> f64 {
    let n = a.len();
    let mut log_det = 0.0;
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap();
        a.swap(c, p);
        log_det += a[c][c].abs().ln();
        let pivot_row = a[c].clone();
        for row in a.iter_mut().skip(c + 1) {
            let f = row[c] / pivot_row[c];
            for (v, p) in row.iter_mut().zip(&pivot_row).skip(c) {
                *v -= f * p;
            }
        }
    }
    log_det
}

#[test]
fn log_jacobian_matches_finite_differences() {
    let mut rng = chain_rng(2, 0, 0);
    for k in 2..=5 {
        for _ in 0..20 {
            let y: Vec<f64> = (0..k - 1).map(|_| 1.5 * std_normal(&mut rng)).collect();
            let mut x = vec![0.0; k];
            let log_jac = simplex::constrain(&y, &mut x);
            // Jacobian of (x_1 … x_{K-1}) with respect to y by central differences.
            let h = 1e-6;
            let mut jac = vec![vec![0.0; k - 1]; k - 1];
            for j in 0..k - 1 {
                let (mut up, mut down) = (y.clone(), y.clone());
                up[j] += h;
                down[j] -= h;
                let (mut xu, mut xd) = (vec![0.0; k], vec![0.0; k]);
                simplex::constrain(&up, &mut xu);
                simplex::constrain(&down, &mut xd);
                for i in 0..k - 1 {
                    jac[i][j] = (xu[i] - xd[i]) / (2.0 * h);
                }
            }
            let numeric = log_abs_det(jac);
            assert!((numeric - log_jac).abs() < 1e-6, "K={k}: {numeric} vs {log_jac}");
        }
    }
}

/// A Dirichlet(a) "posterior" with no data, sampled through the simplex transform.
struct DirichletOnly {
    a: Vec<f64>,
}

impl Model for DirichletOnly {
    fn dim(&self) -> usize {
        self.a.len() - 1
    }
    fn param_names(&self) -> Vec<String> {
        (1..=self.a.len()).map(|k| format!("x.{k}")).collect()
    }
    fn log_density_grad(&self, y: &[f64], grad: &mut [f64]) -> f64 {
        let mut x = vec![0.0; self.a.len()];
        let log_jac = simplex::constrain(y, &mut x);
        let grad_x: Vec<f64> = self.a.iter().zip(&x).map(|(a, v)| (a - 1.0) / v).collect();
        grad.iter_mut().for_each(|g| *g = 0.0);
        simplex::backprop(y, &x, &grad_x, grad);
        self.a.iter().zip(&x).map(|(a, v)| (a - 1.0) * v.ln()).sum::<f64>() + log_jac
    }
    fn constrain(&self, y: &[f64], out: &mut Vec<f64>) {
        let mut x = vec![0.0; self.a.len()];
        simplex::constrain(y, &mut x);
        out.extend(x);
    }
}

#[test]
fn gradient_through_the_transform_matches_finite_differences() {
    let model = DirichletOnly { a: vec![2.0, 0.7, 5.0, 1.3] };
    let mut rng = chain_rng(3, 0, 0);
    for _ in 0..20 {
        let y: Vec<f64> = (0..3).map(|_| 1.5 * std_normal(&mut rng)).collect();
        let check = sampler::check_gradient(&model, &y);
        assert!(check.passes(1e-6), "{check}");
    }
}

#[test]
fn nuts_on_a_dirichlet_recovers_its_means_and_variances() {
    let a = vec![2.0, 0.7, 5.0, 1.3];
    let a0: f64 = a.iter().sum();
    let model = DirichletOnly { a: a.clone() };
    let settings = Settings { seed: 20, ..Settings::default() };
    let fit = sampler::fit(&model, &settings).unwrap();
    assert_eq!(fit.num_divergent(), 0);
    for (k, &ak) in a.iter().enumerate() {
        let chains = fit.chains_of(k);
        let mean = ak / a0;
        let var = ak * (a0 - ak) / (a0 * a0 * (a0 + 1.0));
        let est = chains.concat().iter().sum::<f64>() / fit.num_draws_total() as f64;
        let mcse = diagnostics::mcse_mean(&chains);
        assert!((est - mean).abs() < 4.0 * mcse, "x.{}: mean {est} vs {mean} (mcse {mcse})", k + 1);
        // Variance as the mean of squared deviations from the known mean.
        let sq: Vec<Vec<f64>> =
            chains.iter().map(|c| c.iter().map(|v| (v - mean).powi(2)).collect()).collect();
        let est_var = sq.concat().iter().sum::<f64>() / fit.num_draws_total() as f64;
        let mcse_var = diagnostics::mcse_mean(&sq);
        assert!(
            (est_var - var).abs() < 4.0 * mcse_var,
            "x.{}: var {est_var} vs {var} (mcse {mcse_var})",
            k + 1
        );
    }
}
