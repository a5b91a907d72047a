//! Recovery as a rate: across every parameter with a known truth in the
//! simulation studies, and across several seeds (new data and new chains
//! each time), the share of true values inside their 95% intervals must be
//! consistent with 95%. Asking for "every parameter covered" would fail by
//! chance: with 50 parameters, 0.95^50 ≈ 8% of seeds would pass.

use ch_beta_multilevel::recovery::{INTERVAL, coverage, simulation_checks};
use ch_beta_multilevel::simulate_and_fit;
use sampler::Settings;

const SEEDS: [u64; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

#[test]
fn simulation_truths_are_recovered_at_the_nominal_rate() {
    let settings = Settings {
        num_warmup: 500,
        num_draws: 500,
        target_accept: 0.95,
        ..Settings::default()
    };
    let mut checks = Vec::new();
    for seed in SEEDS {
        let sims = simulate_and_fit(
            seed,
            &Settings {
                seed,
                ..settings.clone()
            },
            true,
        )
        .unwrap();
        for (_, fit) in [
            ("heights", &sims.heights.1),
            ("five pooled", &sims.five_schools.2),
            ("three levels", &sims.three_levels.1),
        ] {
            assert!(
                fit.num_divergent() * 100 <= fit.num_draws_total(),
                "seed {seed}: {} divergent",
                fit.num_divergent()
            );
        }
        checks.extend(simulation_checks(&sims));
    }
    let (k, n, p) = coverage(&checks);
    let missed: Vec<String> = checks
        .iter()
        .filter(|c| !c.covered())
        .map(|c| format!("{} {}", c.model, c.name))
        .collect();
    assert_eq!(n, SEEDS.len() * 52, "every study should be checked");
    assert!(
        p > 0.01,
        "{k} of {n} truths covered ({:.1}%, nominal {}%), binomial p = {p:.4}; missed: {missed:?}",
        100.0 * k as f64 / n as f64,
        100.0 * INTERVAL
    );
}
