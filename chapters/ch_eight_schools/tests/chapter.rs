//! The Eight Schools chapter: its numbers against the exact posterior, its
//! committed outputs, its determinism, and its error handling.

use ch_eight_schools::predictive::{mean_sd, share_at_or_above};
use ch_eight_schools::{Chapter, Outcome, reported_names, run};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    args, assert_default_outputs_committed, assert_thread_count_invariant_with_draws,
    default_outcome, expect_cli_failure, expect_one_line_error, expect_sampling_flag_failures,
    files_in,
};
use diagnostics::{ess_bulk, mcse_mean, rhat, sig};
use models::eight_schools::Y;

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

#[test]
fn non_centred_fit_agrees_with_the_exact_posterior() {
    let o = outcome();
    let exact_means: Vec<f64> = [o.exact.mu.0, o.exact.tau.0]
        .into_iter()
        .chain(o.exact.theta.iter().map(|t| t.0))
        .collect();
    for (name, exact) in reported_names().iter().zip(exact_means) {
        let chains = o.non_centred.chains_by_name(name).unwrap();
        let n = o.non_centred.num_draws_total() as f64;
        let mean = chains.concat().iter().sum::<f64>() / n;
        let se = mcse_mean(&chains);
        assert!((mean - exact).abs() < 4.0 * se, "{name}: exact {exact}, NUTS {mean}, MCSE {se}");
        assert!(rhat(&chains) < 1.01, "{name}: R-hat {}", rhat(&chains));
    }
}

#[test]
fn non_centred_is_healthy_and_centred_is_not() {
    let o = outcome();
    let total = o.non_centred.num_draws_total();
    assert!(o.non_centred.num_divergent() * 2000 <= total, "too many divergences");
    let tau_nc = o.non_centred.chains_by_name("tau").unwrap();
    let tau_c = o.centred.chains_by_name("tau").unwrap();
    assert!(ess_bulk(&tau_nc) > 1000.0, "ESS(tau) {}", ess_bulk(&tau_nc));
    assert!(o.centred.num_divergent() > 0);
    assert!(ess_bulk(&tau_c) < ess_bulk(&tau_nc));
}

#[test]
fn predictive_draws_agree_with_the_exact_predictive_distributions() {
    let o = outcome();
    // Replicated data: each school's P(y_rep >= y) within 0.02 of the exact
    // value (the draws are correlated only through theta, so 8000 draws give
    // a standard error near 0.006).
    for (j, rep) in o.predictive.y_rep.iter().enumerate() {
        let exact = 1.0 - o.exact.y_rep_marginal(j).cdf(Y[j]);
        let nuts = share_at_or_above(rep, Y[j]);
        assert!((nuts - exact).abs() < 0.02, "school {j}: {nuts} vs {exact}");
    }
    // The new school's mean and sd, against Var(mu) + E[tau²].
    let exact = o.exact.new_school_marginal();
    let (m, sd) = mean_sd(&o.predictive.theta_new);
    let se = exact.sd() / (o.non_centred.num_draws_total() as f64 / 4.0).sqrt();
    assert!((m - exact.mean()).abs() < 4.0 * se, "{m} vs {}", exact.mean());
    assert!((sd / exact.sd() - 1.0).abs() < 0.05, "{sd} vs {}", exact.sd());
    // The new school is less certain than any observed school.
    let e = o.non_centred.chains_by_name("theta.5").unwrap().concat();
    assert!(sd > mean_sd(&e).1);
}

#[test]
fn covariate_fit_agrees_with_its_exact_posterior() {
    let o = outcome();
    for (name, exact) in [("mu", &o.covariate.exact.mu), ("beta", &o.covariate.exact.beta)] {
        let chains = o.covariate.fit.chains_by_name(name).unwrap();
        let mean = chains.concat().iter().sum::<f64>() / o.covariate.fit.num_draws_total() as f64;
        let se = mcse_mean(&chains);
        assert!(
            (mean - exact.mean()).abs() < 4.0 * se,
            "{name}: {mean} vs {} (MCSE {se})",
            exact.mean()
        );
        assert!(rhat(&chains) < 1.01);
    }
    assert_eq!(o.covariate.fit.num_divergent(), 0);
    // Over the replications the 89% interval covers the truth most of the time.
    let reps = &o.covariate.replications;
    let covered = reps.iter().filter(|r| r.covers_truth()).count();
    assert!(covered >= 80, "covered {covered} of {}", reps.len());
}

#[test]
fn every_prior_row_agrees_with_its_exact_posterior() {
    let o = outcome();
    assert_eq!(o.priors.len(), 4);
    for row in &o.priors {
        let names = ["E[mu]", "E[tau]", "E[theta_A]", "P(tau < 1)"];
        for ((name, nuts), exact) in names.iter().zip(row.nuts().unwrap()).zip(row.exact_values()) {
            assert!(
                (nuts.mean - exact).abs() < 4.0 * nuts.mcse,
                "{} {name}: exact {exact}, NUTS {} (MCSE {})",
                row.label,
                nuts.mean,
                nuts.mcse
            );
        }
        for name in ["mu", "tau", "theta.1"] {
            let chains = row.fit.chains_by_name(name).unwrap();
            assert!(rhat(&chains) < 1.01, "{} {name}", row.label);
        }
        assert!(row.fit.num_divergent() * 1000 <= row.fit.num_draws_total());
    }
    // The priors matter: tau's exact mean moves by more than a third between rows.
    let taus: Vec<f64> = o.priors.iter().map(|r| r.exact.tau.0).collect();
    let (lo, hi) = (
        taus.iter().copied().fold(f64::INFINITY, f64::min),
        taus.iter().copied().fold(0.0, f64::max),
    );
    assert!(hi > 1.5 * lo, "{taus:?}");
}

#[test]
fn the_source_table_matches_the_flat_row_only() {
    let o = outcome();
    for row in &o.priors {
        let z = ch_eight_schools::priors::SOURCE.z_scores(&row.exact);
        let worst = z.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let flat = row.label.starts_with("(d)");
        assert_eq!(worst < 3.0, flat, "{}: {z:?}", row.label);
    }
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    for (label, fit, rows) in [
        ("centred", &o.centred, &o.centred_summary),
        ("non-centred", &o.non_centred, &o.non_centred_summary),
    ] {
        s.push_str(&format!("{label}: divergent {}\n", fit.num_divergent()));
        for r in rows.iter() {
            s.push_str(&format!(
                "  {:8} mean {:>8} sd {:>7} hdi [{:>8}, {:>7}] ess_bulk {:>6} ess_tail {:>6} r_hat {}\n",
                r.name,
                sig(r.mean, 4),
                sig(r.sd, 4),
                sig(r.hdi_low, 4),
                sig(r.hdi_high, 4),
                sig(r.ess_bulk, 4),
                sig(r.ess_tail, 4),
                sig(r.r_hat, 4)
            ));
        }
    }
    for (j, rep) in o.predictive.y_rep.iter().enumerate() {
        s.push_str(&format!(
            "y_rep.{}: mean {} sd {} P(y_rep >= y) {}\n",
            j + 1,
            sig(mean_sd(rep).0, 4),
            sig(mean_sd(rep).1, 4),
            sig(share_at_or_above(rep, Y[j]), 4),
        ));
    }
    let (m, sd) = mean_sd(&o.predictive.theta_new);
    s.push_str(&format!("theta_new: mean {} sd {}\n", sig(m, 4), sig(sd, 4)));
    let beta = o.covariate.fit.chains_by_name("beta").unwrap().concat();
    let reps = &o.covariate.replications;
    s.push_str(&format!(
        "covariate: beta NUTS mean {} sd {}, exact {} ({}); covered {} of {}\n",
        sig(mean_sd(&beta).0, 4),
        sig(mean_sd(&beta).1, 4),
        sig(o.covariate.exact.beta.mean(), 4),
        sig(o.covariate.exact.beta.sd(), 4),
        reps.iter().filter(|r| r.covers_truth()).count(),
        reps.len(),
    ));
    for row in &o.priors {
        let [mu, tau, a, below] = row.nuts().unwrap();
        s.push_str(&format!(
            "priors {}: NUTS mu {} tau {} theta_A {} P(tau<1) {}; divergent {}\n",
            &row.label[..3],
            sig(mu.mean, 4),
            sig(tau.mean, 4),
            sig(a.mean, 4),
            sig(below.mean, 4),
            row.fit.num_divergent()
        ));
    }
    s.push_str(&format!(
        "exact: mu {} ({}), tau {} ({})\n",
        sig(o.exact.mu.0, 6),
        sig(o.exact.mu.1, 6),
        sig(o.exact.tau.0, 6),
        sig(o.exact.tau.1, 6)
    ));
    s
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let a = assert_thread_count_invariant_with_draws(|r| {
        run(&args::<Chapter>(&r.flags(&["--draws", "300"]))).unwrap();
    });
    // Centred, non-centred and covariate fits, 4 chains each.
    assert_eq!(files_in(&a.path().join("draws")).len(), 12);
    // The draws keep CmdStan's indexed names, which ArviZ and cmdstanpy
    // read; the tables show the schools' letters instead.
    for file in files_in(&a.path().join("draws")) {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        if !name.starts_with("eight_schools_noncentred") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let header = text.lines().find(|l| !l.starts_with('#')).unwrap();
        let columns: Vec<&str> = header.split(',').collect();
        let at = columns.iter().position(|c| *c == "mu").unwrap();
        let want: Vec<String> = reported_names();
        assert_eq!(&columns[at..at + want.len()], want.as_slice(), "{name}");
        assert!(!header.contains('['), "{name}: {header}");
    }
    let table = std::fs::read_to_string(a.path().join("summary_noncentred.md")).unwrap();
    assert!(table.contains("\n| theta[A] |") && table.contains("\n| theta[H] |"));
    assert!(!table.contains("theta.1"), "{table}");
}

#[test]
fn bad_flags_fail_cleanly() {
    let bin = env!("CARGO_BIN_EXE_ch_eight_schools");
    expect_sampling_flag_failures(bin, &[]);
    expect_cli_failure(bin, &["--draws", "0"], "draws must be at least 1");
    expect_one_line_error(bin, &["--chains", "0"]);
}
