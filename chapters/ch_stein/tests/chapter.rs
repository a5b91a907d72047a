//! The Stein chapter: simulated risks against the exact James–Stein risk,
//! the batting averages against Efron & Morris, the committed outputs,
//! determinism and error handling.

use ch_stein::baseball::made_worse;
use ch_stein::{Chapter, Outcome};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    assert_default_outputs_committed, assert_default_run_stays_out_of_book,
    assert_run_thread_count_invariant, default_outcome, expect_cli_failure,
    expect_sampling_flag_failures,
};
use diagnostics::{fixed, rhat, sig};
use models::james_stein::{exact_risk, loss, simulate};

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

/// Every simulated James–Stein risk of the chapter's table lies within four
/// Monte Carlo standard errors of the exact risk, and so do fresh
/// simulations at other distances from the origin.
#[test]
fn simulated_risk_matches_the_exact_formula() {
    let o = outcome();
    for r in o.at_zero.iter().chain(&o.at_one) {
        let exact = exact_risk(r.p, r.norm);
        let z = (r.js.mean - exact) / r.js.se;
        assert!(
            z.abs() < 4.0,
            "p = {}, ‖θ‖ = {}: {} vs {exact} ({z:+.1} se)",
            r.p,
            r.norm,
            r.js.mean
        );
        // The obvious estimator's risk is p.
        assert!(((r.mle.mean - r.p as f64) / r.mle.se).abs() < 4.0);
    }
    for (p, norm, stream) in [(3, 0.5, 11), (3, 3.0, 12), (7, 1.5, 13), (15, 6.0, 14)] {
        let r = simulate(p, norm, 40_000, 5, stream);
        let exact = exact_risk(p, norm);
        assert!(((r.js.mean - exact) / r.js.se).abs() < 4.0, "p = {p}, ‖θ‖ = {norm}");
    }
}

#[test]
fn james_stein_dominates_and_the_positive_part_does_better() {
    let o = outcome();
    for r in &o.at_one {
        assert!(r.js.mean < r.mle.mean - 4.0 * r.mle.se, "p = {}", r.p);
        assert!(r.js_plus.mean < r.js.mean + 2.0 * r.js.se, "p = {}", r.p);
    }
    // At the origin the factor is often negative and flooring it pays most.
    for r in &o.at_zero {
        assert!(r.js_plus.mean < r.js.mean - 4.0 * r.js.se, "p = {}", r.p);
    }
    // Along the norm the positive part never does worse than exact James–Stein.
    for sims in &o.along_norm {
        assert_eq!(sims.len(), 13);
        for r in sims {
            let exact = exact_risk(r.p, r.norm);
            assert!(r.js_plus.mean < exact + 4.0 * r.js_plus.se, "p = {}, ‖θ‖ = {}", r.p, r.norm);
        }
    }
}

#[test]
fn batting_averages_reproduce_efron_and_morris() {
    let o = outcome();
    // Efron & Morris (1977) report a shrinkage factor of 0.212.
    assert_eq!(fixed(o.james_stein.keep, 3), "0.212");
    let truth: Vec<f64> = o.players.iter().map(|p| p.rest).collect();
    let early: Vec<f64> = o.players.iter().map(|p| p.early).collect();
    let raw = loss(&early, &truth);
    // Their total squared errors: about 0.077 raw against 0.022 for James–Stein.
    assert!(loss(&o.james_stein.estimates, &truth) < raw / 3.0);
    assert!(loss(&o.hierarchical, &truth) < raw / 3.0);
    assert_eq!(o.fit.num_divergent(), 0);
    for i in 0..o.fit.param_names.len() {
        assert!(rhat(&o.fit.chains_of(i)) < 1.01, "{}", o.fit.param_names[i]);
    }
}

/// The page explains who loses: James–Stein leaves further from their season
/// average exactly the players whose first 45 at-bats were already the
/// closest to it, and not the most unusual player.
#[test]
fn james_stein_hurts_the_players_whose_raw_average_was_closest() {
    let o = outcome();
    let truth: Vec<f64> = o.players.iter().map(|p| p.rest).collect();
    let early: Vec<f64> = o.players.iter().map(|p| p.early).collect();
    let worse = made_worse(&o.james_stein.estimates, &early, &truth);
    assert_eq!(worse.len(), 2, "{worse:?}");
    let mut ranks: Vec<usize> = worse.iter().map(|w| w.raw_rank).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, [1, 2], "{worse:?}");
    let p_bar = o.james_stein.grand_mean;
    let most_unusual = (0..early.len())
        .max_by(|&a, &b| (early[a] - p_bar).abs().total_cmp(&(early[b] - p_bar).abs()))
        .unwrap();
    assert!(worse.iter().all(|w| w.index != most_unusual));
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    for (z, one) in o.at_zero.iter().zip(&o.at_one) {
        s.push_str(&format!(
            "p {}: zero {} one {} plus {} mle {}\n",
            z.p,
            sig(z.js.mean, 4),
            sig(one.js.mean, 4),
            sig(one.js_plus.mean, 4),
            sig(one.mle.mean, 4)
        ));
    }
    s.push_str(&format!(
        "batting: p̄ {} keep {}\njs {}\nhier {}\n",
        sig(o.james_stein.grand_mean, 4),
        sig(o.james_stein.keep, 4),
        o.james_stein.estimates.iter().map(|v| sig(*v, 4)).collect::<Vec<_>>().join(" "),
        o.hierarchical.iter().map(|v| sig(*v, 4)).collect::<Vec<_>>().join(" "),
    ));
    s
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

/// A reader's experiment (no `--out`, another seed) goes to the scratch
/// directory `out/stein`, never into the book.
#[test]
fn a_run_without_out_leaves_the_book_alone() {
    assert_default_run_stays_out_of_book(
        env!("CARGO_BIN_EXE_ch_stein"),
        "stein",
        &["--seed", "7", "--draws", "200", "--warmup", "300", "--reps", "500"],
    );
}

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let flags = ["--draws", "200", "--warmup", "300", "--reps", "500"];
    assert_run_thread_count_invariant::<Chapter>(&flags);
}

#[test]
fn bad_flags_fail_cleanly() {
    let bin = env!("CARGO_BIN_EXE_ch_stein");
    let expect_failure = |extra: &[&str], needle| expect_cli_failure(bin, extra, needle);
    expect_sampling_flag_failures(bin, &[]);
    expect_failure(&["--reps", "1"], "--reps must be at least 2");
    expect_failure(&["--reps", "many"], "invalid value");
}
