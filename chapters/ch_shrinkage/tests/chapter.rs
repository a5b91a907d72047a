//! The shrinkage chapter: the formula's arithmetic, the full posterior against
//! exact answers, the simulation's MSE ordering over many replications, the
//! committed outputs, determinism and error handling.

use ch_shrinkage::grid::replicate;
use ch_shrinkage::{Chapter, Outcome, SCORE_PRIORS};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    assert_default_outputs_committed, assert_run_thread_count_invariant, committed_outputs,
    default_outcome, expect_cli_failure, expect_sampling_flag_failures,
};
use diagnostics::{mcse_mean, sig};
use models::eight_schools_exact::ExactPosterior;
use models::normal_means_exact::posterior_means;
use models::school_scores::Design;

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

/// `B_i = σ²/(σ² + 36)` and `(1 − B) y + 8B = (36 y + 8 σ²)/(σ² + 36)` as
/// exact fractions, against the table the chapter writes.
#[test]
fn the_formula_table_is_exact() {
    let o = outcome();
    // (school, y, sigma, shrunk estimate rounded by hand from the fraction)
    let expected = [
        ("A", 28, 15, "10.76", 3), // 2808/261 = 10.7586…
        ("B", 8, 10, "8.00", 6),   // 1088/136 = 8
        ("C", -3, 16, "6.64", 2),  // 1940/292 = 6.6438…
        ("D", 7, 11, "7.77", 4),   // 1220/157 = 7.7707…
        ("E", -1, 9, "5.23", 8),   // 612/117 = 5.2307…
        ("F", 1, 11, "6.39", 4),   // 1004/157 = 6.3949…
        ("G", 18, 10, "10.65", 6), // 1448/136 = 10.6470…
        ("H", 12, 18, "8.40", 1),  // 3024/360 = 8.4
    ];
    for (row, (school, y, sigma, shrunk, rank)) in o.formula.iter().zip(expected) {
        let s2 = sigma * sigma;
        assert_eq!(row.school, school);
        // One correctly rounded division, as the formula does it: bit for bit.
        assert_eq!(row.b, f64::from(s2) / f64::from(s2 + 36), "B of {school}");
        let exact = f64::from(36 * y + 8 * s2) / f64::from(s2 + 36);
        assert!((row.shrunk - exact).abs() < 1e-12, "{school}: {} vs {exact}", row.shrunk);
        assert_eq!(diagnostics::fixed(row.shrunk, 2), shrunk);
        assert_eq!(row.rank, rank, "rank of {school}");
    }
    let table = std::fs::read_to_string(committed_outputs("shrinkage").join("formula.md")).unwrap();
    assert!(table.contains("| A | 28 | 15 | 0.862 | 3 | 10.76 |"), "{table}");
    assert!(table.contains("| E | -1 | 9 | 0.692 | 8 | 5.23 |"), "{table}");
}

#[test]
fn full_posterior_means_are_the_formula_averaged_over_the_posterior() {
    let o = outcome();
    let exact = ExactPosterior::eight_schools(20_000, 80.0);
    for (i, row) in o.formula.iter().enumerate() {
        let tol = 4.0 * row.nuts_mcse;
        assert!((row.nuts - exact.theta[i].0).abs() < tol, "{}: NUTS vs exact", row.school);
        assert!((row.averaged - row.nuts).abs() < tol, "{}: averaged vs NUTS", row.school);
        // Averaging over tau shrinks more than tau = 6 does: E[B | y] > B(6).
        assert!(row.mean_b > row.b);
    }
}

#[test]
fn nuts_agrees_with_the_exact_posterior_in_the_experiment() {
    let e = &outcome().experiment;
    let se = vec![e.design.se(); e.design.schools];
    let slow = posterior_means(&e.data.ybar, &se, &SCORE_PRIORS);
    for (j, slow_j) in slow.iter().enumerate() {
        let chains = e.fit.chains_by_name(&format!("theta.{}", j + 1)).unwrap();
        let tol = 4.0 * mcse_mean(&chains);
        assert!((e.bayes[j] - e.bayes_exact[j]).abs() < tol, "school {}", j + 1);
        assert!((slow_j - e.bayes_exact[j]).abs() < 1e-9);
    }
}

/// The source's first "thing to try": n = 5, tau = 5. Over 4000 data sets,
/// both partial-pooling estimators beat no pooling, which beats complete
/// pooling, each by many standard errors of the paired difference.
#[test]
fn partial_pooling_wins_at_n_5_tau_5_over_many_replications() {
    let d = Design { schools: 12, students: 5, tau: 5.0, sigma: 10.0 };
    let rows = replicate(&d, &SCORE_PRIORS, 99, 7, 4000);
    let diff = |a: usize, b: usize| -> (f64, f64) {
        let v: Vec<f64> = rows.iter().map(|r| r[a] - r[b]).collect();
        let n = v.len() as f64;
        let m = v.iter().sum::<f64>() / n;
        let sd = (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        (m, sd / n.sqrt())
    };
    for (worse, better) in [(0, 2), (0, 3), (1, 0)] {
        let (m, se) = diff(worse, better);
        assert!(m > 5.0 * se, "estimator {better} vs {worse}: difference {m} ± {se}");
    }
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    for r in &o.formula {
        s.push_str(&format!(
            "{}: E[B|y] {} averaged {} nuts {}\n",
            r.school,
            sig(r.mean_b, 4),
            sig(r.averaged, 4),
            sig(r.nuts, 4)
        ));
    }
    let e = &o.experiment;
    s.push_str(&format!(
        "experiment: tau2_hat {} w {} mse {}\n",
        sig(e.eb.tau2_hat, 4),
        sig(e.eb.weight, 4),
        e.mse.iter().map(|m| sig(*m, 4)).collect::<Vec<_>>().join(" ")
    ));
    for c in o.grid.iter().filter(|c| [5, 100].contains(&c.design.students)) {
        s.push_str(&format!(
            "tau {} n {}: {}\n",
            c.design.tau,
            c.design.students,
            c.mse.iter().map(|m| sig(*m, 4)).collect::<Vec<_>>().join(" ")
        ));
    }
    s
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let flags = ["--draws", "200", "--warmup", "300", "--replications", "40"];
    assert_run_thread_count_invariant::<Chapter>(&flags);
}

#[test]
fn bad_flags_fail_cleanly() {
    let bin = env!("CARGO_BIN_EXE_ch_shrinkage");
    let expect_failure = |extra: &[&str], needle| expect_cli_failure(bin, extra, needle);
    expect_sampling_flag_failures(bin, &[]);
    expect_failure(&["--schools", "1"], "--schools must be at least 2");
    expect_failure(&["--students", "0"], "--students must be at least 1");
    expect_failure(&["--tau", "-1"], "--tau must be a finite number, 0 or more");
    expect_failure(&["--sigma", "0"], "--sigma must be a finite number above 0");
    expect_failure(&["--replications", "0"], "--replications must be at least 1");
}
