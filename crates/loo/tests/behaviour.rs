//! Behaviour with known answers: PSIS recovers a known Pareto shape, LOO matches exact
//! leave-one-out densities of a conjugate normal model, stacking finds the true model.

use sampler::rng::{chain_rng, std_normal, uniform_open0};

/// Draws `s` importance ratios `1 + GPD(k, 1)` (on the log scale) from stream `rep`.
fn gpd_log_ratios(k: f64, s: usize, rep: u32) -> Vec<f64> {
    let mut rng = chain_rng(11, rep, 0);
    (0..s)
        .map(|_| {
            let u = uniform_open0(&mut rng);
            (1.0 + loo::gpd_quantile(1.0 - u, k, 1.0)).ln()
        })
        .collect()
}

#[test]
fn psis_recovers_known_pareto_shape_within_sampling_error() {
    let s = 10_000;
    let m = loo::psis_tail_len(s, 1.0) as f64;
    for (j, &k) in [0.2, 0.5, 0.8].iter().enumerate() {
        for rep in 0..5 {
            let res = loo::psis(&gpd_log_ratios(k, s, 10 * j as u32 + rep), 1.0).unwrap();
            // Asymptotic sd of the maximum-likelihood k̂ is (1 + k)/√M; allow 3 sd.
            let tol = 3.0 * (1.0 + k) / m.sqrt();
            assert!((res.pareto_k - k).abs() < tol, "k = {k}, rep {rep}: k̂ = {}", res.pareto_k);
        }
    }
}

#[test]
fn psis_too_short_tail_gives_infinite_k_and_plain_weights() {
    let ratios: Vec<f64> = (0..20).map(|i| (i as f64 * 0.37).sin()).collect();
    let res = loo::psis(&ratios, 1.0).unwrap();
    assert_eq!(res.tail_len, 4);
    assert!(res.pareto_k.is_infinite());
    let norm = loo::logsumexp(&ratios);
    for (w, r) in res.log_weights.iter().zip(&ratios) {
        assert!((w - (r - norm)).abs() < 1e-12);
    }
}

/// Eight schools, complete pooling: mu ~ N(0, 20²), y_i ~ N(mu, sigma_i²).
const Y: [f64; 8] = [28.0, 8.0, -3.0, 7.0, -1.0, 1.0, 18.0, 12.0];
const SIGMA: [f64; 8] = [15.0, 10.0, 16.0, 11.0, 9.0, 11.0, 10.0, 18.0];

fn normal_logpdf(y: f64, mean: f64, sd: f64) -> f64 {
    -0.5 * (2.0 * std::f64::consts::PI).ln() - sd.ln() - 0.5 * ((y - mean) / sd).powi(2)
}

/// Posterior mean and variance of mu given every observation except `skip`.
fn posterior(skip: Option<usize>) -> (f64, f64) {
    let mut prec = 1.0 / 400.0;
    let mut num = 0.0;
    for i in 0..8 {
        if Some(i) != skip {
            prec += 1.0 / (SIGMA[i] * SIGMA[i]);
            num += Y[i] / (SIGMA[i] * SIGMA[i]);
        }
    }
    (num / prec, 1.0 / prec)
}

#[test]
fn loo_matches_exact_leave_one_out_of_a_conjugate_normal_model() {
    let (m, v) = posterior(None);
    let mut rng = chain_rng(5, 0, 0);
    let s = 4000;
    let log_lik: Vec<Vec<f64>> = (0..s)
        .map(|_| {
            let mu = m + v.sqrt() * std_normal(&mut rng);
            (0..8).map(|i| normal_logpdf(Y[i], mu, SIGMA[i])).collect()
        })
        .collect();
    let res = loo::loo(&log_lik, &[1.0; 8]).unwrap();
    let mut exact_total = 0.0;
    for i in 0..8 {
        let (mi, vi) = posterior(Some(i));
        let exact = normal_logpdf(Y[i], mi, (vi + SIGMA[i] * SIGMA[i]).sqrt());
        exact_total += exact;
        // Monte Carlo error of elpd_loo,i = −log mean(1/p) by the delta method.
        let inv: Vec<f64> = log_lik.iter().map(|d| (-d[i]).exp()).collect();
        let mean = inv.iter().sum::<f64>() / s as f64;
        let var = inv.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (s - 1) as f64;
        let mcse = var.sqrt() / (s as f64).sqrt() / mean;
        let err = (res.pointwise[i] - exact).abs();
        assert!(err < 4.0 * mcse, "obs {i}: {} vs {exact} (mcse {mcse})", res.pointwise[i]);
        assert!(res.pareto_k[i] < res.good_k);
    }
    assert!((res.elpd_loo - exact_total).abs() < 0.05);
    // WAIC is close to LOO for such a well-behaved model.
    let w = loo::waic(&log_lik).unwrap();
    assert!((w.elpd_waic - res.elpd_loo).abs() < 0.05);
    assert_eq!(w.num_high_p_waic(), 0);
}

#[test]
fn stacking_weights_sum_to_one_and_pick_the_true_model() {
    let mut rng = chain_rng(9, 0, 0);
    let y: Vec<f64> = (0..300).map(|_| std_normal(&mut rng)).collect();
    let truth: Vec<f64> = y.iter().map(|&v| normal_logpdf(v, 0.0, 1.0)).collect();
    let shifted: Vec<f64> = y.iter().map(|&v| normal_logpdf(v, 0.7, 1.0)).collect();
    let wide: Vec<f64> = y.iter().map(|&v| normal_logpdf(v, 0.0, 2.5)).collect();
    let w = loo::stacking_weights(&[&shifted, &truth, &wide]).unwrap();
    assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(w.iter().all(|&x| x >= 0.0));
    assert!(w[1] > 0.9, "weights {w:?}");
    let bma = loo::pseudo_bma_plus_weights(&[&shifted, &truth, &wide], 500, 3).unwrap();
    assert!((bma.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(bma[1] > 0.9, "pseudo-BMA+ {bma:?}");
    // Seeded: same seed, same weights.
    assert_eq!(bma, loo::pseudo_bma_plus_weights(&[&shifted, &truth, &wide], 500, 3).unwrap());
}

#[test]
fn stacking_mixes_models_that_each_fit_half_the_data() {
    // Half the data from N(-2, 1), half from N(2, 1); each model is one component.
    let mut rng = chain_rng(10, 0, 0);
    let y: Vec<f64> =
        (0..400).map(|i| std_normal(&mut rng) + if i % 2 == 0 { -2.0 } else { 2.0 }).collect();
    let left: Vec<f64> = y.iter().map(|&v| normal_logpdf(v, -2.0, 1.0)).collect();
    let right: Vec<f64> = y.iter().map(|&v| normal_logpdf(v, 2.0, 1.0)).collect();
    let w = loo::stacking_weights(&[&left, &right]).unwrap();
    assert!((w[0] - 0.5).abs() < 0.1, "weights {w:?}");
}

#[test]
fn relative_eff_is_near_one_for_independent_draws_and_small_for_sticky_chains() {
    let mut rng = chain_rng(12, 0, 0);
    let iid: Vec<Vec<f64>> = (0..2000).map(|_| vec![-0.5 * std_normal(&mut rng).powi(2)]).collect();
    let r = loo::relative_eff(&iid, 4).unwrap();
    assert!((r[0] - 1.0).abs() < 0.15, "iid r_eff {}", r[0]);
    let mut x = 0.0;
    let sticky: Vec<Vec<f64>> = (0..2000)
        .map(|_| {
            x = 0.95 * x + (1.0f64 - 0.95 * 0.95).sqrt() * std_normal(&mut rng);
            vec![-0.5 * x * x]
        })
        .collect();
    let r = loo::relative_eff(&sticky, 4).unwrap();
    assert!(r[0] < 0.2, "AR(0.95) r_eff {}", r[0]);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(matches!(loo::loo(&[], &[]), Err(loo::LooError::Empty(_))));
    let ragged = vec![vec![0.0, 1.0], vec![0.0]];
    assert!(matches!(loo::loo(&ragged, &[1.0, 1.0]), Err(loo::LooError::Ragged { .. })));
    let nan = vec![vec![0.0, f64::NAN]; 10];
    assert!(matches!(loo::waic(&nan), Err(loo::LooError::NonFinite { .. })));
    let ok = vec![vec![0.0, -1.0]; 10];
    assert!(matches!(loo::loo(&ok, &[1.0]), Err(loo::LooError::Length { .. })));
    assert!(loo::loo(&ok, &[1.0, 0.0]).is_err());
    assert!(loo::psis(&[1.0], 1.0).is_err());
    assert!(loo::relative_eff(&ok, 3).is_err());
    assert!(loo::stacking_weights(&[]).is_err());
    assert!(loo::stacking_weights(&[&[0.0, 1.0], &[0.0]]).is_err());
    assert!(loo::pseudo_bma_plus_weights(&[&[0.0]], 0, 1).is_err());
    let a = loo::loo(&ok, &[1.0, 1.0]).unwrap();
    let b = loo::loo(&vec![vec![0.0]; 10], &[1.0]).unwrap();
    assert!(loo::compare(&[("a", &a), ("b", &b)]).is_err());
}
