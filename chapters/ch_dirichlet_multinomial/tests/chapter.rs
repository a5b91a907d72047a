//! The Dirichlet-Multinomial chapter: the two fits agree, its committed outputs are
//! up to date and deterministic, and bad flags fail cleanly.

use ch_dirichlet_multinomial::shrinkage::region_shrinkage;
use ch_dirichlet_multinomial::{Chapter, Outcome, run};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    args, assert_default_outputs_committed, assert_thread_count_invariant_with_draws,
    default_outcome, expect_cli_failure, expect_sampling_flag_failures, files_in,
};
use diagnostics::{mcse_mean, rhat, sig};
use models::survey::Survey;
use models::survey::homogeneity::homogeneity_test;

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

fn mean_and_mcse(fit: &sampler::Fit, name: &str) -> (f64, f64) {
    let chains = fit.chains_by_name(name).unwrap();
    let all = chains.concat();
    (all.iter().sum::<f64>() / all.len() as f64, mcse_mean(&chains))
}

#[test]
fn the_two_fits_agree_within_monte_carlo_error() {
    let o = outcome();
    let mut names = vec!["alpha".to_string()];
    names.extend((1..=4).map(|k| format!("pi0.{k}")));
    names.extend((1..=6).flat_map(|r| (1..=4).map(move |k| format!("pi.{r}.{k}"))));
    for name in &names {
        let (m1, s1) = mean_and_mcse(&o.full, name);
        let (m2, s2) = mean_and_mcse(&o.marginal, name);
        let z = (m1 - m2) / (s1 * s1 + s2 * s2).sqrt();
        assert!(z.abs() < 4.0, "{name}: full {m1} ± {s1}, integrated {m2} ± {s2}");
        for fit in [&o.full, &o.marginal] {
            let r = rhat(&fit.chains_by_name(name).unwrap());
            assert!(r < 1.01, "{name}: R-hat {r}");
        }
    }
    assert_eq!(o.full.num_divergent(), 0);
    assert_eq!(o.marginal.num_divergent(), 0);
}

/// The page says the printed counts vary between regions no more than counting noise
/// around one set of shares, so the data do not bound `alpha` from above.
#[test]
fn the_printed_regions_vary_no_more_than_counting_noise() {
    let t = homogeneity_test(&Survey::printed().counts).unwrap();
    assert_eq!(t.df, 15);
    assert!(
        t.statistic < t.df as f64 && t.p_value > 0.2,
        "chi-square {} on {} df, p = {}",
        t.statistic,
        t.df,
        t.p_value
    );
}

#[test]
fn smaller_regions_lean_more_on_the_baseline() {
    let o = outcome();
    for (survey, fit) in [(&o.survey, &o.full), (&o.try_survey, &o.try_fit)] {
        let s = region_shrinkage(survey, fit).unwrap();
        for pair in s.windows(2) {
            assert!(pair[0].weight_on_baseline > pair[1].weight_on_baseline);
            assert!(pair[0].n <= pair[1].n);
        }
        assert!(s.iter().all(|r| r.width_partial < r.width_no_pooling));
    }
    // Shrinking region 5 from 35 to 10 respondents raises its weight on the baseline.
    let before = region_shrinkage(&o.survey, &o.full).unwrap()[0].weight_on_baseline;
    let after = region_shrinkage(&o.try_survey, &o.try_fit).unwrap()[0].weight_on_baseline;
    assert!(after > 2.0 * before, "{before} -> {after}");
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    for (label, fit) in [("full", &o.full), ("integrated", &o.marginal), ("try it", &o.try_fit)] {
        s.push_str(&format!("{label}: divergent {}\n", fit.num_divergent()));
        for name in ["alpha", "pi0.1", "pi0.2", "pi0.3", "pi0.4", "pi.5.1", "pi.2.1"] {
            let (m, se) = mean_and_mcse(fit, name);
            s.push_str(&format!("  {name:7} mean {:>8} mcse {}\n", sig(m, 4), sig(se, 2)));
        }
    }
    for (label, survey, fit) in
        [("printed", &o.survey, &o.full), ("try it", &o.try_survey, &o.try_fit)]
    {
        for r in region_shrinkage(survey, fit).unwrap() {
            s.push_str(&format!(
                "{label}: region {} n {} weight {} widths {} -> {}\n",
                r.region + 1,
                r.n,
                sig(r.weight_on_baseline, 4),
                sig(r.width_no_pooling, 4),
                sig(r.width_partial, 4)
            ));
        }
    }
    s
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let a = assert_thread_count_invariant_with_draws(|r| {
        run(&args::<Chapter>(&r.flags(&["--draws", "200", "--warmup", "300"]))).unwrap();
    });
    assert_eq!(files_in(&a.path().join("draws")).len(), 8);
}

#[test]
fn bad_flags_fail_cleanly() {
    let bin = env!("CARGO_BIN_EXE_ch_dirichlet_multinomial");
    let expect_failure = |extra: &[&str], needle| expect_cli_failure(bin, extra, needle);
    expect_sampling_flag_failures(bin, &[]);
    expect_failure(&["--small-n", "0"], "--small-n and --large-n must be at least 1");
    expect_failure(&["--large-n", "-3"], "unexpected argument");
    expect_failure(&["--large-n", "lots"], "invalid value");
}
