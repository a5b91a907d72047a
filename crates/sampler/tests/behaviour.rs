//! How the sampler behaves: reproducibility, errors, divergences, limits.

use models::gaussian::Gaussian;
use models::{EightSchools, Parameterization};
use sampler::{Model, SamplerError, Settings, fit, fit_replication};

fn small() -> Settings {
    Settings { num_warmup: 300, num_draws: 200, ..Settings::default() }
}

#[test]
fn same_seed_same_draws_whatever_the_thread_count() {
    let model = EightSchools::new(Parameterization::NonCentred);
    let one = fit(&model, &Settings { threads: Some(1), ..small() }).unwrap();
    let four = fit(&model, &Settings { threads: Some(4), ..small() }).unwrap();
    assert_eq!(one.chains, four.chains);
    let other_seed = fit(&model, &Settings { seed: 2, ..small() }).unwrap();
    assert_ne!(one.chains[0].draws, other_seed.chains[0].draws);
    let other_rep = fit_replication(&model, &small(), 1).unwrap();
    assert_ne!(one.chains[0].draws, other_rep.chains[0].draws);
}

#[test]
fn chains_differ_from_each_other() {
    let model = Gaussian::diagonal(vec![0.0; 3], &[1.0; 3]);
    let f = fit(&model, &small()).unwrap();
    assert_ne!(f.chains[0].draws, f.chains[1].draws);
}

#[test]
fn bad_settings_are_errors_not_panics() {
    let model = Gaussian::diagonal(vec![0.0], &[1.0]);
    for s in [
        Settings { num_chains: 0, ..small() },
        Settings { num_draws: 0, ..small() },
        Settings { target_accept: 1.5, ..small() },
        Settings { target_accept: 1.0, ..small() },
        Settings { max_tree_depth: 0, ..small() },
        Settings { threads: Some(0), ..small() },
    ] {
        assert!(matches!(fit(&model, &s), Err(SamplerError::InvalidSettings(_))), "{s:?}");
    }
}

/// A density that is NaN everywhere: initialisation must fail cleanly.
struct Broken;
impl Model for Broken {
    fn dim(&self) -> usize {
        2
    }
    fn param_names(&self) -> Vec<String> {
        vec!["a".into(), "b".into()]
    }
    fn log_density_grad(&self, _: &[f64], g: &mut [f64]) -> f64 {
        g.iter_mut().for_each(|v| *v = 0.0);
        f64::NAN
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

#[test]
fn a_nan_density_fails_initialisation_with_a_clear_error() {
    let err = fit(&Broken, &small()).unwrap_err();
    assert!(matches!(err, SamplerError::InitializationFailed { tries: 100, .. }));
    assert!(err.to_string().contains("finite log density"), "{err}");
}

/// A standard normal truncated to x < 1 by returning -inf (NaN gradient)
/// outside: trajectories that cross the wall must count as divergent.
struct Wall;
impl Model for Wall {
    fn dim(&self) -> usize {
        1
    }
    fn param_names(&self) -> Vec<String> {
        vec!["x".into()]
    }
    fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 {
        if x[0] >= 1.0 {
            g[0] = f64::NAN;
            return f64::NEG_INFINITY;
        }
        g[0] = -x[0];
        -0.5 * x[0] * x[0]
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0]);
    }
}

#[test]
fn non_finite_density_mid_trajectory_is_a_divergence() {
    let f = fit(&Wall, &Settings { init_radius: 0.5, ..small() }).unwrap();
    assert!(f.num_divergent() > 0);
    assert!(f.pooled(0).iter().all(|x| *x < 1.0));
}

#[test]
fn names_must_match_constrained_values() {
    struct Mismatch;
    impl Model for Mismatch {
        fn dim(&self) -> usize {
            1
        }
        fn param_names(&self) -> Vec<String> {
            vec!["a".into(), "b".into()]
        }
        fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 {
            g[0] = -x[0];
            -0.5 * x[0] * x[0]
        }
        fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
            out.push(x[0]);
        }
    }
    assert!(matches!(fit(&Mismatch, &small()), Err(SamplerError::Model(_))));
}

#[test]
fn tree_depth_limit_is_respected() {
    let model = Gaussian::bivariate([0.0, 0.0], [1.0, 100.0], 0.999);
    let f = fit(&model, &Settings { max_tree_depth: 3, num_warmup: 0, ..small() }).unwrap();
    for c in &f.chains {
        for s in &c.stats {
            assert!(s.tree_depth <= 3 && s.n_leapfrog <= 7, "{s:?}");
        }
    }
    assert!(f.chains.iter().flat_map(|c| &c.stats).any(|s| s.tree_depth == 3));
}

#[test]
fn no_warmup_means_no_adaptation() {
    let model = Gaussian::diagonal(vec![0.0; 2], &[1.0, 3.0]);
    let f = fit(&model, &Settings { num_warmup: 0, ..small() }).unwrap();
    for c in &f.chains {
        assert_eq!(c.inv_mass, vec![1.0, 1.0]);
        assert!(c.stats.iter().all(|s| s.step_size == c.step_size));
    }
}

#[test]
fn warmup_learns_the_scales() {
    let model = Gaussian::diagonal(vec![0.0; 2], &[1.0, 10.0]);
    let f = fit(&model, &Settings::default()).unwrap();
    for c in &f.chains {
        let ratio = c.inv_mass[1] / c.inv_mass[0];
        assert!((50.0..200.0).contains(&ratio), "variance ratio {ratio}");
    }
}

#[test]
fn gradient_evaluations_cover_every_leapfrog_step() {
    let model = Gaussian::diagonal(vec![0.0; 2], &[1.0, 1.0]);
    let f = fit(&model, &small()).unwrap();
    for c in &f.chains {
        let sampling: usize = c.stats.iter().map(|s| s.n_leapfrog).sum();
        assert!(c.gradient_evaluations as usize > sampling);
    }
}

/// The CSV follows CmdStan's layout, which readers such as cmdstanpy rely on
/// to find the draws: configuration comments, the header row, the adaptation
/// comments, one row per draw, then a closing timing block.
#[test]
fn cmdstan_csv_has_cmdstans_layout() {
    let model = Gaussian::diagonal(vec![0.0; 2], &[1.0; 2]);
    let f = fit(&model, &small()).unwrap();
    let text = sampler::cmdstan_csv::chain_csv("toy", &f, 0);
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().position(|l| l.starts_with("lp__,")).unwrap();
    assert!(lines[..header].iter().all(|l| l.starts_with('#')));
    assert_eq!(lines[header + 1], "# Adaptation terminated");
    assert!(lines[header + 2].starts_with("# Step size = "));
    let draws: Vec<&&str> =
        lines[header + 5..].iter().take_while(|l| !l.starts_with('#')).collect();
    assert_eq!(draws.len(), small().num_draws);
    let columns = lines[header].split(',').count();
    assert!(draws.iter().all(|d| d.split(',').count() == columns));
    let tail = &lines[header + 5 + draws.len()..];
    assert!(tail.len() >= 2 && tail.iter().all(|l| l.starts_with('#')));
    assert!(tail.iter().any(|l| l.starts_with("#  Elapsed Time")));
}

#[test]
fn the_hook_sees_every_iteration_changes_nothing_and_can_cancel() {
    use sampler::{Control, Iteration, Phase, fit_with_hook};
    use std::sync::Mutex;
    let model = EightSchools::new(Parameterization::Centred);
    let settings = small();
    let seen: Mutex<Vec<Iteration>> = Mutex::new(Vec::new());
    let record = |i: &Iteration| {
        seen.lock().unwrap().push(*i);
        Control::Continue
    };
    let hooked = fit_with_hook(&model, &settings, 0, &record).unwrap();
    let plain = fit(&model, &settings).unwrap();
    assert_eq!(hooked.chains, plain.chains, "the hook changed the draws");
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 4 * (300 + 200));
    for (c, chain) in plain.chains.iter().enumerate() {
        let last = |phase| {
            seen.iter()
                .filter(|i| i.chain == c && i.phase == phase)
                .max_by_key(|i| i.iteration)
                .copied()
                .unwrap()
        };
        let warm = last(Phase::Warmup);
        let samp = last(Phase::Sampling);
        assert_eq!((warm.iteration, samp.iteration), (300, 500));
        assert_eq!(warm.divergences, chain.warmup_divergences);
        let kept = chain.stats.iter().filter(|s| s.divergent).count();
        assert_eq!(samp.divergences, kept);
    }
    // The centred model diverges, so the counts above were not all zero.
    assert!(plain.num_divergent() + plain.chains[0].warmup_divergences > 0);

    let stop = |i: &Iteration| {
        if i.phase == Phase::Sampling && i.iteration == 320 {
            Control::Stop
        } else {
            Control::Continue
        }
    };
    let err = fit_with_hook(&model, &settings, 0, &stop).unwrap_err();
    assert!(matches!(err, SamplerError::Cancelled { iteration: 320, .. }), "{err:?}");
}
