//! The NUTS transition leaves its target invariant: start many independent
//! replicates from exact draws, apply one and three transitions, and check
//! that the draws still have the target's distribution.
//!
//! Every replicate has its own ChaCha8 stream, so the result does not depend
//! on the thread count. The metric is deliberately wrong (each variance off
//! by a factor of 3) and the step size fixed where the acceptance statistic
//! is about 0.5, so energy errors are large and multinomial weights unequal:
//! the regime where a wrong weight, a wrong stopping rule or a point taken
//! from a divergent subtree shows. Each statistic is tested with its iid
//! standard error (the replicates are independent), and each marginal that
//! has a CDF by a chi-square test of 50 equal-probability bins.
//!
//! A seventh configuration, a normal with one wide coordinate at a small
//! step size, makes trees five doublings deep on average: there the checks
//! across the seam of merged subtrees decide when a tree stops, and a wrong
//! seam momentum shows (at acceptance 0.5 trees are too short for it).
//!
//! Three more configurations run the same targets under a wrong low-rank
//! metric (the wrong diagonal, corrected along a direction the target does
//! not single out, with a made-up eigenvalue), so that the low-rank kinetic
//! energy, velocity and momentum are held to the same standard.
//!
//! The suite runs 2·10⁵ replicates per configuration; the `#[ignore]`d test
//! runs 2·10⁶ (`cargo test --release -p sampler --test invariance -- --ignored`).

mod exact;

use exact::{Exact, Funnel, NormalLogGamma, StudentT, WideNormal};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rayon::prelude::*;
use sampler::hamiltonian::PhasePoint;
use sampler::low_rank::LowRankMetric;
use sampler::metric::{DiagMetric, Metric};
use sampler::nuts::{NutsOptions, NutsWorkspace, transition_in};
use statrs::distribution::{ChiSquared, ContinuousCDF};

/// Replicates per configuration in the suite.
const SUITE: usize = 200_000;
/// Transitions after which the state is tested (1-based).
const CHECKPOINTS: [usize; 2] = [1, 3];
/// Equal-probability bins of the chi-square tests.
const BINS: usize = 50;
/// A moment fails beyond this many standard errors. About 100 moments are
/// tested in the suite; under the null one |z| > 5 has probability 6e-7.
const Z_LIMIT: f64 = 5.0;
/// A chi-square test fails below this p-value.
const P_LIMIT: f64 = 1e-6;

/// What one replicate leaves behind.
struct Replicate {
    /// The state at each checkpoint, concatenated.
    states: Vec<f64>,
    accept_stat: f64,
    divergent: usize,
    max_depth_hits: usize,
    tree_depth: usize,
}

/// What a configuration's run found: failures, and the statistics printed.
struct Outcome {
    failures: Vec<String>,
    report: Vec<String>,
}

/// The metric used: the target's nominal variances, multiplied and divided
/// by 3 in turn, so no coordinate has the right scale.
fn wrong_metric<T: Exact>(target: &T) -> DiagMetric {
    let inv_mass = target
        .nominal_variance()
        .iter()
        .enumerate()
        .map(|(i, v)| if i % 2 == 0 { 3.0 * v } else { v / 3.0 })
        .collect();
    DiagMetric { inv_mass }
}

/// [`wrong_metric`] corrected along `(1, −1, 1, …)/√d` with eigenvalue 3:
/// a low-rank metric as wrong as the diagonal one.
fn wrong_low_rank_metric<T: Exact>(target: &T) -> LowRankMetric {
    let diag = wrong_metric(target).inv_mass;
    let d = diag.len();
    let u: Vec<f64> =
        (0..d).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 } / (d as f64).sqrt()).collect();
    LowRankMetric::new(diag, &[3.0], &[u]).expect("a valid metric")
}

fn run_replicates<T: Exact, Me: Metric>(
    target: &T,
    metric: &Me,
    step_size: f64,
    max_depth: usize,
    n: usize,
    seed: u64,
) -> Vec<Replicate> {
    let d = target.dim();
    let options = NutsOptions { max_tree_depth: max_depth, ..NutsOptions::default() };
    let last = *CHECKPOINTS.last().unwrap_or(&1);
    (0..n)
        .into_par_iter()
        .map_init(
            || NutsWorkspace::new(d),
            |workspace, r| {
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                rng.set_stream(r as u64);
                let mut q = vec![0.0; d];
                target.draw(&mut rng, &mut q);
                let mut z = PhasePoint::new(target, q);
                let mut rep = Replicate {
                    states: Vec::with_capacity(d * CHECKPOINTS.len()),
                    accept_stat: 0.0,
                    divergent: 0,
                    max_depth_hits: 0,
                    tree_depth: 0,
                };
                for t in 1..=last {
                    let tr = transition_in(
                        workspace, target, metric, step_size, &options, &mut z, &mut rng,
                    );
                    rep.accept_stat += tr.accept_stat / last as f64;
                    rep.divergent += usize::from(tr.divergent);
                    rep.max_depth_hits += usize::from(tr.tree_depth == max_depth);
                    rep.tree_depth += tr.tree_depth;
                    if CHECKPOINTS.contains(&t) {
                        rep.states.extend_from_slice(&z.q);
                    }
                }
                rep
            },
        )
        .collect()
}

/// Mean and iid standard error of `values`.
fn mean_se(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

/// Chi-square statistic and p-value of `u` (supposedly Uniform(0, 1)) over
/// `BINS` equal bins.
fn chi_square(u: &[f64]) -> (f64, f64) {
    let mut counts = [0usize; BINS];
    for &x in u {
        let b = ((x * BINS as f64) as usize).min(BINS - 1);
        counts[b] += 1;
    }
    let expected = u.len() as f64 / BINS as f64;
    let stat: f64 = counts.iter().map(|&c| (c as f64 - expected).powi(2) / expected).sum();
    let dist = ChiSquared::new((BINS - 1) as f64).expect("positive degrees of freedom");
    (stat, dist.sf(stat))
}

/// Runs one configuration under the wrong diagonal metric.
fn check<T: Exact>(target: &T, step_size: f64, max_depth: usize, n: usize, seed: u64) -> Outcome {
    let metric = wrong_metric(target);
    check_with(target, &metric, "", step_size, max_depth, n, seed)
}

/// Runs one configuration under `metric` (named by `label` in messages)
/// and tests every statistic at every checkpoint.
fn check_with<T: Exact, Me: Metric>(
    target: &T,
    metric: &Me,
    label: &str,
    step_size: f64,
    max_depth: usize,
    n: usize,
    seed: u64,
) -> Outcome {
    let d = target.dim();
    let reps = run_replicates(target, metric, step_size, max_depth, n, seed);
    let name = format!("{}{label} (depth {max_depth}, step {step_size})", target.name());
    let mut out = Outcome { failures: Vec::new(), report: Vec::new() };
    let accept = reps.iter().map(|r| r.accept_stat).sum::<f64>() / n as f64;
    let transitions = (n * CHECKPOINTS[CHECKPOINTS.len() - 1]) as f64;
    let divergent = reps.iter().map(|r| r.divergent).sum::<usize>() as f64 / transitions;
    let hits = reps.iter().map(|r| r.max_depth_hits).sum::<usize>() as f64 / transitions;
    let depth = reps.iter().map(|r| r.tree_depth).sum::<usize>() as f64 / transitions;
    // The regime the test claims: acceptance near 0.5; the funnel diverges.
    if target.name() != "wide normal" && !(0.35..0.7).contains(&accept) {
        out.failures.push(format!("{name}: mean accept_stat {accept:.3}, not near 0.5"));
    }
    if target.name() == "funnel" && divergent < 0.01 {
        out.failures.push(format!("{name}: only {divergent:.4} of transitions diverged"));
    }
    out.report.push(format!(
        "{name}: {n} replicates, mean accept_stat {accept:.3}, divergent {:.3}%, \
         mean tree depth {depth:.2}, at max depth {:.2}%",
        100.0 * divergent,
        100.0 * hits
    ));
    for (k, t) in CHECKPOINTS.iter().enumerate() {
        let state = |r: &Replicate| r.states[k * d..(k + 1) * d].to_vec();
        let states: Vec<Vec<f64>> = reps.iter().map(state).collect();
        let mut worst_z: (f64, &str) = (0.0, "");
        for m in target.moments() {
            let values: Vec<f64> = states.iter().map(|q| (m.f)(q)).collect();
            let (mean, se) = mean_se(&values);
            let z = (mean - m.truth) / se;
            if z.abs() > worst_z.0.abs() {
                worst_z = (z, m.label);
            }
            if z.abs() > Z_LIMIT {
                out.failures.push(format!(
                    "{name}, after {t}: {} = {mean:.5}, truth {:.5}, z = {z:.1}",
                    m.label, m.truth
                ));
            }
        }
        let mut worst_p: (f64, f64, &str) = (1.0, 0.0, "");
        let uniforms: Vec<Vec<(&str, f64)>> = states.iter().map(|q| target.uniforms(q)).collect();
        for j in 0..uniforms[0].len() {
            let u: Vec<f64> = uniforms.iter().map(|us| us[j].1).collect();
            let (stat, p) = chi_square(&u);
            let label = uniforms[0][j].0;
            if p < worst_p.0 {
                worst_p = (p, stat, label);
            }
            if p < P_LIMIT {
                out.failures.push(format!(
                    "{name}, after {t}: chi-square of {label} = {stat:.1} on {} df, p = {p:.2e}",
                    BINS - 1
                ));
            }
        }
        let chi = if worst_p.2.is_empty() {
            "no marginal CDF tested".to_string()
        } else {
            format!("smallest chi-square p {:.2e} ({} = {:.1})", worst_p.0, worst_p.2, worst_p.1)
        };
        out.report.push(format!(
            "  after {t}: largest |z| {:.2} ({}); {chi}",
            worst_z.0.abs(),
            worst_z.1
        ));
    }
    out
}

/// The configurations: each target at max depth 3 and 10, with a step size
/// giving a mean acceptance statistic near 0.5 under the wrong metric.
fn run_all(n: usize) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for (i, depth) in [3, 10].into_iter().enumerate() {
        let seed = 1000 + i as u64;
        outcomes.push(check(&StudentT, 0.8, depth, n, seed));
        outcomes.push(check(&NormalLogGamma, 0.61, depth, n, seed + 10));
        outcomes.push(check(&Funnel, 0.22, depth, n, seed + 20));
    }
    // Long trajectories at high acceptance, where the seam checks decide.
    outcomes.push(check(&WideNormal, 0.1, 10, n, 1030));
    // The low-rank metric, at depth 10.
    let low_rank = ", low-rank metric";
    let metric = wrong_low_rank_metric(&StudentT);
    outcomes.push(check_with(&StudentT, &metric, low_rank, 0.58, 10, n, 1040));
    let metric = wrong_low_rank_metric(&NormalLogGamma);
    outcomes.push(check_with(&NormalLogGamma, &metric, low_rank, 0.42, 10, n, 1050));
    let metric = wrong_low_rank_metric(&Funnel);
    outcomes.push(check_with(&Funnel, &metric, low_rank, 0.16, 10, n, 1060));
    outcomes
}

fn assert_all(outcomes: &[Outcome]) {
    let mut failures = Vec::new();
    for o in outcomes {
        for line in &o.report {
            eprintln!("{line}");
        }
        failures.extend(o.failures.iter().cloned());
    }
    assert!(failures.is_empty(), "the transition moved the target:\n{}", failures.join("\n"));
}

#[test]
fn nuts_transition_leaves_the_target_invariant() {
    assert_all(&run_all(SUITE));
}

#[test]
#[ignore = "about 10x the suite's run time; run with --release -- --ignored"]
fn nuts_transition_leaves_the_target_invariant_large() {
    assert_all(&run_all(10 * SUITE));
}

#[test]
fn the_targets_gradients_are_right() {
    let points = [[0.3, -1.2, 0.7], [-2.0, 0.5, -0.4], [1.5, 2.5, 1.0]];
    for x in points {
        let checks = [
            ("t", sampler::check_gradient(&StudentT, &x)),
            ("normal x log-gamma", sampler::check_gradient(&NormalLogGamma, &x)),
            ("funnel", sampler::check_gradient(&Funnel, &x)),
        ];
        for (name, c) in checks {
            assert!(c.passes(1e-6), "{name} at {x:?}: {c:?}");
        }
    }
}
