//! The funnel chapter's default run: its numbers against exact answers, its
//! committed outputs, and a snapshot of its rounded numbers. The default run
//! (single fits plus the full 160-fit sweep) is computed once for this test
//! binary; the fast checks are in [`small`].

#[path = "chapter/small.rs"]
mod small;

use ch_funnel::{Chapter, NECK_THRESHOLDS, Outcome, QUANTILE_PROBS};
use chapter_support::reference_platform_test;
use chapter_support::testing::{assert_default_outputs_committed, default_outcome};
use diagnostics::{mean_se, median_range, sig};
use models::Parameterization;
use models::neals_funnel::{exact_below, exact_quantile};
use sampler::Fit;

/// The share of a fit's draws of `v` below `t`, and its Monte Carlo standard error.
fn share_below(fit: &Fit, t: f64) -> (f64, f64) {
    diagnostics::share_below(&fit.try_chains_by_name("v").unwrap(), t)
}

/// The default run, computed once for all tests in this file.
fn outcome() -> &'static Outcome {
    default_outcome::<Chapter>()
}

#[test]
fn non_centred_funnel_matches_the_exact_marginal_of_v() {
    let fit = &outcome().funnel_non_centred;
    // The draws below each exact quantile make up p of the draws, within
    // Monte Carlo error: the quantiles are right.
    for p in QUANTILE_PROBS {
        let (share, se) = share_below(fit, exact_quantile(p));
        assert!((share - p).abs() < 4.0 * se, "P(v < q_{p}): {share} vs {p}, MCSE {se}");
    }
    for t in NECK_THRESHOLDS {
        let (share, se) = share_below(fit, t);
        let exact = exact_below(t);
        assert!((share - exact).abs() < 4.0 * se, "P(v < {t}): {share} vs {exact}");
    }
    assert_eq!(fit.num_divergent(), 0);
}

#[test]
fn centred_funnel_misses_the_neck() {
    let fit = &outcome().funnel_centred;
    assert!(fit.num_divergent() > 0);
    // Exactly 5% of v lies below its 5% quantile; the centred sampler gets
    // less than half of that.
    let (share, _) = share_below(fit, exact_quantile(0.05));
    assert!(share < 0.025, "centred share below the 5% quantile: {share}");
}

#[test]
fn full_sweep_separates_the_parameterisations() {
    let o = outcome();
    assert_eq!(o.sweep.len(), 8);
    for cell in &o.sweep {
        assert_eq!(cell.fits.len(), 20);
        let ess = median_range(&cell.values(|f| f.ess_bulk_tau)).0;
        match cell.parameterization {
            Parameterization::Centred => {
                assert!(cell.seeds_with_divergences() >= 15, "{}", cell.target_accept);
                assert!(ess < 500.0);
            }
            Parameterization::NonCentred => {
                let (div, total) = cell.divergent_total();
                assert!(div * 1000 < total, "{div} of {total}");
                assert!(ess > 1000.0);
                // Unbiased: the average posterior mean of tau over seeds is
                // within 4 standard errors of the exact one.
                let (m, se) = mean_se(&cell.values(|f| f.mean_tau - o.exact.tau.0));
                assert!(m.abs() < 4.0 * se, "bias {m} ± {se}");
            }
        }
    }
}

reference_platform_test!(
    /// Rounded numbers of the default run, locked by a snapshot.
    default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
);

/// The default run's numbers, rounded for the snapshot.
fn rounded_numbers(o: &Outcome) -> String {
    let mut s = String::new();
    for (label, fit) in
        [("funnel centred", &o.funnel_centred), ("funnel non-centred", &o.funnel_non_centred)]
    {
        let v = fit.pooled(fit.param_index("v").unwrap());
        let q: Vec<String> =
            QUANTILE_PROBS.iter().map(|p| sig(diagnostics::quantile(&v, *p), 4)).collect();
        s.push_str(&format!(
            "{label}: divergent {}, quantiles [{}]\n",
            fit.num_divergent(),
            q.join(", ")
        ));
    }
    for (label, fit) in
        [("schools centred", &o.schools_centred), ("schools non-centred", &o.schools_non_centred)]
    {
        s.push_str(&format!("{label}: divergent {}\n", fit.num_divergent()));
    }
    for cell in &o.sweep {
        let (div, total) = cell.divergent_total();
        let (ess, _, _) = median_range(&cell.values(|f| f.ess_bulk_tau));
        let (bias, se) = mean_se(&cell.values(|f| f.mean_tau - o.exact.tau.0));
        s.push_str(&format!(
            "sweep {:?} {}: seeds with divergences {}, divergent {div}/{total}, \
             median ESS(tau) {}, E[tau] error {} ± {}\n",
            cell.parameterization,
            cell.target_accept,
            cell.seeds_with_divergences(),
            sig(ess, 4),
            sig(bias, 4),
            sig(se, 4),
        ));
    }
    s
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);
