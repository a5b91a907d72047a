//! The LOO chapter: gradients, PSIS against exact leave-one-out, committed outputs,
//! determinism and error handling.

use ch_loo::{Chapter, Outcome, run};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    args, assert_default_outputs_committed, assert_thread_count_invariant_with_draws,
    default_outcome, expect_cli_failure, expect_sampling_flag_failures, files_in,
};
use diagnostics::sig;
use loo::KhatCategory;
use sampler::Model;
use sampler::rng::{chain_rng, std_normal};

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

#[test]
fn log_lik_wrappers_change_nothing_the_sampler_sees() {
    // The models themselves are checked in crates/models (declared models need no
    // gradient test; their values against the fixture recorded before they moved).
    let m = ch_loo::pooling_models::partial_pooling();
    let x: Vec<f64> = (0..m.dim()).map(|i| 0.1 * i as f64).collect();
    assert!(sampler::check_gradient(&m, &x).passes(1e-6));
    assert_eq!(m.param_names().len(), 2 + 8 + 8 + 8);
    let complete = ch_loo::pooling_models::complete_pooling().unwrap();
    let no = ch_loo::pooling_models::no_pooling().unwrap();
    assert_eq!(complete.param_names().len(), 1 + 8);
    assert_eq!(no.param_names().len(), 8 + 8);
    let mut rng = chain_rng(3, 0, 0);
    let x: Vec<f64> = (0..8).map(|_| 10.0 * std_normal(&mut rng)).collect();
    assert!(sampler::check_gradient(&no, &x).passes(1e-6));
    assert!(sampler::check_gradient(&complete, &x[..1]).passes(1e-6));
}

#[test]
fn psis_agrees_with_exact_leave_one_out_where_k_is_small() {
    let o = outcome();
    for m in &o.models {
        let exact: f64 = m.exact.iter().sum();
        for (i, (&p, &e)) in m.loo.pointwise.iter().zip(&m.exact).enumerate() {
            // Below 0.5 PSIS is close to exact. Between 0.5 and the
            // threshold it is still usable but, as the page's pointwise table
            // shows for no pooling, can be off by a tenth or two.
            let k = m.loo.pareto_k[i];
            let tolerance = if k < 0.5 { 0.05 } else { 0.25 };
            if k <= m.loo.good_k {
                assert!(
                    (p - e).abs() < tolerance,
                    "{} school {i}: PSIS {p}, exact {e}, k {k}",
                    m.name
                );
            }
        }
        if m.loo.count_k(KhatCategory::Good) == m.loo.num_obs() {
            assert!(
                (m.loo.elpd_loo - exact).abs() < 0.15,
                "{}: {} vs {exact}",
                m.name,
                m.loo.elpd_loo
            );
        }
    }
}

#[test]
fn no_pooling_has_high_pareto_k_and_the_others_do_not() {
    let o = outcome();
    let k_bad = |name: &str| {
        let m = o.models.iter().find(|m| m.name == name).unwrap();
        m.loo.num_obs() - m.loo.count_k(KhatCategory::Good)
    };
    assert!(k_bad("no pooling") > 0);
    assert_eq!(k_bad("complete pooling"), 0);
    assert_eq!(k_bad("partial pooling"), 0);
}

#[test]
fn comparison_is_consistent() {
    let o = outcome();
    let rows = &o.comparison.rows;
    assert_eq!(rows.len(), 3);
    assert!((rows.iter().map(|r| r.weight).sum::<f64>() - 1.0).abs() < 1e-9);
    assert!((o.pseudo_bma.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    for pair in rows.windows(2) {
        assert!(pair[0].elpd >= pair[1].elpd);
    }
    for r in rows {
        let m = o.models.iter().find(|m| m.name == r.name).unwrap();
        assert!((rows[0].elpd - m.loo.elpd_loo - r.elpd_diff).abs() < 1e-9);
    }
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    for m in &o.models {
        s.push_str(&format!(
            "{}: elpd_loo {} se {} p_loo {} exact {} elpd_waic {} p_waic {} max_k {}\n",
            m.name,
            sig(m.loo.elpd_loo, 4),
            sig(m.loo.se, 4),
            sig(m.loo.p_loo, 4),
            sig(m.exact.iter().sum(), 6),
            sig(m.waic.elpd_waic, 4),
            sig(m.waic.p_waic, 4),
            sig(m.loo.pareto_k.iter().copied().fold(f64::NEG_INFINITY, f64::max), 4),
        ));
    }
    for r in &o.comparison.rows {
        s.push_str(&format!(
            "rank {} {}: elpd_diff {} se_diff {} stacking {}\n",
            r.rank,
            r.name,
            sig(r.elpd_diff, 4),
            sig(r.se_diff, 4),
            diagnostics::fixed(r.weight, 4)
        ));
    }
    s.push_str(&format!(
        "pseudo-BMA+ (model order): {}\n",
        o.pseudo_bma.iter().map(|w| sig(*w, 4)).collect::<Vec<_>>().join(" ")
    ));
    s
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

#[test]
fn outputs_do_not_depend_on_the_thread_count_and_csvs_carry_log_lik() {
    let a = assert_thread_count_invariant_with_draws(|r| {
        run(&args::<Chapter>(&r.flags(&["--draws", "300"]))).unwrap();
    });
    let csvs = files_in(&a.path().join("draws"));
    assert_eq!(csvs.len(), 12);
    let text = std::fs::read_to_string(&csvs[0]).unwrap();
    let header = text.lines().find(|l| !l.starts_with('#')).unwrap();
    assert!(header.ends_with("log_lik.7,log_lik.8"), "{header}");
}

#[test]
fn bad_flags_fail_cleanly() {
    let bin = env!("CARGO_BIN_EXE_ch_loo");
    expect_sampling_flag_failures(bin, &[]);
    expect_cli_failure(bin, &["--bootstrap", "0"], "--bootstrap must be at least 1");
}
