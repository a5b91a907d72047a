//! The pooling chapter: its numbers against the simulation's truth and the
//! logic of pooling, its committed outputs, determinism and error handling.

use ch_pooling::{Chapter, Outcome, estimate, group_estimates};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    assert_default_outputs_committed, assert_run_thread_count_invariant, default_outcome,
    expect_sampling_flag_failures,
};
use diagnostics::{ess_bulk, rhat, sig};
use models::normal_groups::simulate::{NOISE_SD, TRUE_MU};

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

#[test]
fn every_fit_converged() {
    let o = outcome();
    // The non-centred twenty-schools fit is the page's example of the wrong
    // parameterisation for these data: its ESS is a fraction of the centred
    // fit's, and its largest R-hat sits near 1.01 (above it on the book's
    // seed), so it only has to stay clear of real disagreement.
    for (fit, limit) in [
        (&o.complete, 1.01),
        (&o.none, 1.01),
        (&o.partial, 1.01),
        (&o.schools_fit, 1.01),
        (&o.schools_fit_nc, 1.05),
    ] {
        assert_eq!(fit.num_divergent(), 0);
        for i in 0..fit.param_names.len() {
            let r = rhat(&fit.chains_of(i));
            assert!(r < limit, "{}: R-hat {r}", fit.param_names[i]);
        }
    }
}

#[test]
fn partial_pooling_lies_between_the_extremes() {
    let o = outcome();
    let j = o.instructors.truth.len();
    let none = group_estimates(&o.none, j).unwrap();
    let partial = group_estimates(&o.partial, j).unwrap();
    let (mu, _, _) = estimate(&o.partial, "mu").unwrap();
    for i in 0..j {
        // No pooling is close to the raw mean: the Normal(50, 25) prior pulls
        // a section of 10–20 students by about a point at most.
        let pull = none[i].0 - o.instructors.data.means[i];
        assert!(pull.abs() < 1.5, "instructor {}: pulled {pull}", i + 1);
        // Partial pooling moves it towards the grand mean, never past it
        // (checked where the raw mean is clearly off the grand mean: near it,
        // averaging over the posterior of mu and tau blurs the comparison).
        let (raw, shrunk) = (none[i].0 - mu, partial[i].0 - mu);
        if raw.abs() > 2.0 {
            assert!(shrunk.abs() < raw.abs(), "instructor {}", i + 1);
            assert!(shrunk * raw > 0.0, "instructor {} crossed the mean", i + 1);
        }
    }
    // And borrows strength: narrower intervals on average (not always: no
    // pooling estimates each section's own spread).
    let width = |e: &[(f64, f64, f64)]| e.iter().map(|x| x.2 - x.1).sum::<f64>();
    assert!(width(&partial) < width(&none));
    // Complete pooling returns the mean of all scores (the prior barely moves it).
    let (c, _, _) = estimate(&o.complete, "mu").unwrap();
    assert!((c - o.instructors.data.grand_mean()).abs() < 0.5);
}

#[test]
fn a_new_instructor_is_predicted_from_the_population() {
    let g = &outcome().new_group;
    // The population interval is wider than the grand mean's, and holds a
    // new instructor's true mean far more often.
    assert!(g.partial_mean.2 - g.partial_mean.1 > 2.0 * (g.complete_mean.2 - g.complete_mean.1));
    assert!(g.partial_coverage > 0.7, "{}", g.partial_coverage);
    assert!(g.complete_coverage < g.partial_coverage);
    assert!(g.partial_mean.1 < TRUE_MU && TRUE_MU < g.partial_mean.2);
}

#[test]
fn twenty_schools_are_recovered() {
    let o = outcome();
    let (sigma, lo, hi) = estimate(&o.schools_fit, "sigma").unwrap();
    assert!(lo < NOISE_SD && NOISE_SD < hi, "sigma {sigma} [{lo}, {hi}]");
    let e = group_estimates(&o.schools_fit, o.schools.truth.len()).unwrap();
    let inside =
        e.iter().zip(&o.schools.truth).filter(|((_, lo, hi), t)| lo <= *t && *t <= hi).count();
    assert!(inside >= 15, "only {inside} of 20 true means inside their intervals");
    // With ~25 students a school, the centred form mixes better.
    let mu_c = ess_bulk(&o.schools_fit.chains_by_name("mu").unwrap());
    let mu_nc = ess_bulk(&o.schools_fit_nc.chains_by_name("mu").unwrap());
    assert!(mu_c > 2.0 * mu_nc, "ESS centred {mu_c}, non-centred {mu_nc}");
}

#[test]
fn progress_text_has_stan_lines() {
    let o = outcome();
    let text = chapter_support::stan_progress::fit_progress_text(&o.schools_fit, "m", 200, None);
    assert!(text.contains("Chain 4: Iteration: 1001 / 2000 [ 50%]  (Sampling)"));
    assert_eq!(text.matches("SAMPLING FOR MODEL").count(), 4);
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    let j = o.instructors.truth.len();
    for (label, fit) in [("complete", &o.complete), ("none", &o.none), ("partial", &o.partial)] {
        s.push_str(&format!("{label}:"));
        for (m, lo, hi) in group_estimates(fit, j).unwrap() {
            s.push_str(&format!(" {} [{}, {}]", sig(m, 4), sig(lo, 4), sig(hi, 4)));
        }
        s.push('\n');
    }
    for name in ["mu", "tau", "sigma"] {
        let (m, lo, hi) = estimate(&o.partial, name).unwrap();
        s.push_str(&format!("partial {name}: {} [{}, {}]\n", sig(m, 4), sig(lo, 4), sig(hi, 4)));
        let (m, lo, hi) = estimate(&o.schools_fit, name).unwrap();
        s.push_str(&format!("schools {name}: {} [{}, {}]\n", sig(m, 4), sig(lo, 4), sig(hi, 4)));
    }
    let g = &o.new_group;
    s.push_str(&format!(
        "new instructor: partial {} [{}, {}] coverage {}, complete {} [{}, {}] coverage {}\n",
        sig(g.partial_mean.0, 4),
        sig(g.partial_mean.1, 4),
        sig(g.partial_mean.2, 4),
        sig(g.partial_coverage, 4),
        sig(g.complete_mean.0, 4),
        sig(g.complete_mean.1, 4),
        sig(g.complete_mean.2, 4),
        sig(g.complete_coverage, 4),
    ));
    s
}

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    assert_run_thread_count_invariant::<Chapter>(&["--draws", "200", "--warmup", "300"]);
}

#[test]
fn bad_flags_fail_cleanly() {
    expect_sampling_flag_failures(env!("CARGO_BIN_EXE_ch_pooling"), &[]);
}
