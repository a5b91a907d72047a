//! Cholesky factors of correlation matrices: the transform (round trip, unit rows,
//! log-Jacobian against a finite-difference determinant), the LKJ density against
//! closed forms for K = 2 and 3, the multivariate normal against a direct computation,
//! and NUTS on an LKJ prior with no data against the known marginal of a correlation.

use models::cholesky_corr::{constrain, free_len, unconstrain};
use models::layer::{Declaration, Declared, Density, Matrix, Number, Params, Support};
use models::lpdf::{lkj_corr_cholesky, multi_normal_cholesky};
use nalgebra::{DMatrix, DVector};
use sampler::rng::{chain_rng, std_normal};
use sampler::{Model, Settings};
use statrs::distribution::{Beta, Continuous, ContinuousCDF};

fn random_y(k: usize, scale: f64, rng: &mut impl rand::Rng) -> Vec<f64> {
    (0..free_len(k)).map(|_| scale * std_normal(rng)).collect()
}

/// The strictly lower entries of a row-major `k × k` factor, row by row.
fn below_diagonal(l: &[f64], k: usize) -> Vec<f64> {
    (1..k).flat_map(|i| (0..i).map(move |j| l[i * k + j])).collect()
}

#[test]
fn transform_gives_unit_rows_and_round_trips() {
    let mut rng = chain_rng(1, 0, 0);
    for k in 2..=5 {
        for _ in 0..50 {
            let y = random_y(k, 2.0, &mut rng);
            let mut l = vec![0.0; k * k];
            constrain(&y, &mut l);
            for i in 0..k {
                let norm2: f64 = l[i * k..(i + 1) * k].iter().map(|v| v * v).sum();
                assert!((norm2 - 1.0).abs() < 1e-14, "K={k} row {i}: {norm2}");
                assert!(l[i * k + i] > 0.0);
                assert!(l[i * k + i + 1..(i + 1) * k].iter().all(|&v| v == 0.0));
            }
            let mut back = vec![0.0; free_len(k)];
            unconstrain(&l, &mut back).unwrap();
            for (a, b) in y.iter().zip(&back) {
                assert!((a - b).abs() < 1e-8 * a.abs().max(1.0), "K={k}: {a} vs {b}");
            }
        }
    }
}

#[test]
fn log_jacobian_matches_a_finite_difference_determinant() {
    let mut rng = chain_rng(2, 0, 0);
    for k in 2..=5 {
        let n = free_len(k);
        for _ in 0..20 {
            let y = random_y(k, 1.0, &mut rng);
            let mut l = vec![0.0; k * k];
            let log_jac = constrain(&y, &mut l);
            let h = 1e-6;
            let mut jac = DMatrix::zeros(n, n);
            for c in 0..n {
                let (mut up, mut down) = (y.clone(), y.clone());
                up[c] += h;
                down[c] -= h;
                let (mut lu, mut ld) = (vec![0.0; k * k], vec![0.0; k * k]);
                constrain(&up, &mut lu);
                constrain(&down, &mut ld);
                let (bu, bd) = (below_diagonal(&lu, k), below_diagonal(&ld, k));
                for r in 0..n {
                    jac[(r, c)] = (bu[r] - bd[r]) / (2.0 * h);
                }
            }
            let numeric = jac.determinant().abs().ln();
            assert!((log_jac - numeric).abs() < 1e-6, "K={k}: {log_jac} vs {numeric}");
        }
    }
}

#[test]
fn not_a_factor_is_an_error() {
    let mut y = [0.0];
    // A row of length 1.2, an entry above the diagonal, a negative diagonal.
    assert!(unconstrain(&[1.0, 0.0, 0.6, 1.0], &mut y).is_err());
    assert!(unconstrain(&[1.0, 0.1, 0.0, 1.0], &mut y).is_err());
    assert!(unconstrain(&[1.0, 0.0, 0.6, -0.8], &mut y).is_err());
    let mut p = Declaration::new();
    let _ = p.cholesky_corr("L", 1);
    assert!(!p.errors().is_empty());
}

/// `ln` of the Beta(b, b) density stretched to (−1, 1), at `z`.
fn ln_beta2(z: f64, b: f64) -> f64 {
    Beta::new(b, b).unwrap().ln_pdf((z + 1.0) / 2.0) - 2f64.ln()
}

#[test]
fn lkj_matches_closed_forms_for_two_and_three() {
    let mut rng = chain_rng(3, 0, 0);
    for eta in [0.5, 1.0, 2.0, 4.5] {
        for _ in 0..20 {
            // K = 2: the correlation is Beta(η, η) on (−1, 1).
            let y = random_y(2, 1.0, &mut rng);
            let mut l = vec![0.0; 4];
            constrain(&y, &mut l);
            let lp: f64 = lkj_corr_cholesky(&l, eta);
            let closed = ln_beta2(l[2], eta);
            assert!((lp - closed).abs() < 1e-12, "K=2 η={eta}: {lp} vs {closed}");
            // K = 3: the canonical partial correlations are independent, the two of
            // the first column Beta(η + ½, η + ½) and the last Beta(η, η) on (−1, 1)
            // (Lewandowski et al. 2009, section 2.4). L[2][1] = z₂₁ √(1 − z₂₀²), so the
            // density of L and that of z differ by ½ ln(1 − z₂₀²).
            let y = random_y(3, 1.0, &mut rng);
            let z: Vec<f64> = y.iter().map(|v| v.tanh()).collect();
            let mut l = vec![0.0; 9];
            constrain(&y, &mut l);
            let lp: f64 = lkj_corr_cholesky(&l, eta);
            let lp_z = lp + 0.5 * (1.0 - z[1] * z[1]).ln();
            let closed =
                ln_beta2(z[0], eta + 0.5) + ln_beta2(z[1], eta + 0.5) + ln_beta2(z[2], eta);
            assert!((lp_z - closed).abs() < 1e-11, "K=3 η={eta}: {lp_z} vs {closed}");
        }
    }
    let bad: f64 = lkj_corr_cholesky(&[1.0, 0.0, 0.0, 1.0], -1.0);
    assert!(bad.is_nan());
    let bad: f64 = lkj_corr_cholesky(&[1.0, 0.0, 0.0], 2.0);
    assert!(bad.is_nan());
}

#[test]
fn multi_normal_cholesky_matches_a_direct_computation() {
    let mut rng = chain_rng(4, 0, 0);
    for k in 1..=4 {
        for _ in 0..20 {
            // A random covariance factor: lower triangle normal, diagonal positive.
            let mut l = vec![0.0; k * k];
            for i in 0..k {
                for j in 0..i {
                    l[i * k + j] = std_normal(&mut rng);
                }
                l[i * k + i] = (0.5 * std_normal(&mut rng)).exp();
            }
            let y: Vec<f64> = (0..k).map(|_| 2.0 * std_normal(&mut rng)).collect();
            let mu: Vec<f64> = (0..k).map(|_| std_normal(&mut rng)).collect();
            let lp: f64 = multi_normal_cholesky(&y, &mu, &l);
            let lm = DMatrix::from_row_slice(k, k, &l);
            let sigma = &lm * lm.transpose();
            let inv = sigma.clone().try_inverse().unwrap();
            let r = DVector::from_vec(y.iter().zip(&mu).map(|(a, b)| a - b).collect());
            let quad = (r.transpose() * inv * &r)[(0, 0)];
            let direct = -0.5 * (k as f64 * (2.0 * std::f64::consts::PI).ln())
                - 0.5 * sigma.determinant().ln()
                - 0.5 * quad;
            assert!((lp - direct).abs() < 1e-9 * (1.0 + direct.abs()), "{lp} vs {direct}");
        }
    }
    let bad: f64 = multi_normal_cholesky(&[0.0, 0.0], &[0.0], &[1.0, 0.0, 0.0, 1.0]);
    assert!(bad.is_nan());
    let bad: f64 = multi_normal_cholesky(&[0.0], &[0.0], &[-1.0]);
    assert!(bad.is_nan());
}

/// An LKJ(η) prior on a `K × K` correlation matrix and nothing else.
struct LkjPrior {
    l: Matrix,
    eta: f64,
}

impl Density for LkjPrior {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        lkj_corr_cholesky(&p[self.l], self.eta)
    }
}

fn lkj_prior(k: usize, eta: f64) -> Declared<LkjPrior> {
    let mut p = Declaration::new();
    let l = p.cholesky_corr("L", k);
    Declared::new(p, LkjPrior { l, eta }).unwrap()
}

#[test]
fn declared_factor_has_stan_names_and_a_checked_gradient() {
    let model = lkj_prior(3, 2.0);
    assert_eq!(model.dim(), 3);
    assert_eq!(model.param_names()[3], "L.2.1");
    assert_eq!(model.free_names()[2], "atanh cpc L.3.2");
    assert_eq!(Support::CholeskyCorr(3).value_len(), 9);
    let mut rng = chain_rng(5, 0, 0);
    let mut grad = vec![0.0; 3];
    for _ in 0..20 {
        let x = random_y(3, 1.0, &mut rng);
        model.log_density_grad(&x, &mut grad);
        for i in 0..3 {
            let h = 1e-6;
            let (mut up, mut down) = (x.clone(), x.clone());
            up[i] += h;
            down[i] -= h;
            let fd = (model.log_density(&up) - model.log_density(&down)) / (2.0 * h);
            assert!((grad[i] - fd).abs() < 1e-6, "{i}: {} vs {fd}", grad[i]);
        }
    }
}

/// The Kolmogorov–Smirnov distance between a sample and a continuous CDF.
fn ks_distance(sample: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let mut v = sample.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    v.iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            ((i + 1) as f64 / n - f).max(f - i as f64 / n)
        })
        .fold(0.0, f64::max)
}

#[test]
fn nuts_on_the_lkj_prior_recovers_the_beta_marginal() {
    // K = 3, η = 2: every correlation is Beta(2.5, 2.5) on (−1, 1).
    let (k, eta) = (3, 2.0);
    let settings = Settings { num_warmup: 1000, num_draws: 2500, seed: 19, ..Settings::default() };
    let fit = sampler::fit(&lkj_prior(k, eta), &settings).unwrap();
    assert_eq!(fit.num_divergent(), 0);
    // Ω₂₁ = L₂₁ and Ω₃₂ = L₃₁ L₂₁ + L₃₂ L₂₂, every 5th draw (2000 of 10 000).
    let [l21, l31, l32, l22] =
        ["L.2.1", "L.3.1", "L.3.2", "L.2.2"].map(|n| fit.pooled_named(n).unwrap());
    let thin = |v: Vec<f64>| v.into_iter().step_by(5).collect::<Vec<f64>>();
    let r21 = thin(l21.clone());
    let r32 = thin((0..l21.len()).map(|s| l31[s] * l21[s] + l32[s] * l22[s]).collect());
    let ess = diagnostics::ess_bulk(&fit.chains_by_name("L.2.1").unwrap());
    eprintln!("bulk-ESS of L.2.1: {ess}");
    assert!(ess > 2000.0, "bulk-ESS {ess}: the thinned draws would not be independent");
    let b = eta - 1.0 + k as f64 / 2.0;
    let right = Beta::new(b, b).unwrap();
    let wrong = Beta::new(b - 1.0, b - 1.0).unwrap();
    // The 1% critical value of D for n = 2000 is 1.63 / √2000 = 0.036.
    let critical = 1.63 / (r21.len() as f64).sqrt();
    for r in [&r21, &r32] {
        let d = ks_distance(r, |x| right.cdf((x + 1.0) / 2.0));
        eprintln!("KS D = {d:.4} (1% critical {critical:.4})");
        assert!(d < critical, "D = {d} against Beta({b}, {b})");
        // The η = 1 marginal, Beta(1.5, 1.5), must be told apart.
        let d = ks_distance(r, |x| wrong.cdf((x + 1.0) / 2.0));
        assert!(d > critical, "D = {d} against the η = 1 marginal");
    }
}
