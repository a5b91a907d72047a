//! Recovery across seeds: for every parameter with a known truth in the
//! simulation studies, and across several seeds (new data and new chains
//! each time), no truth may lie far out in its posterior, and misses must
//! stay few. This is a guard against a broken model, not a calibration test:
//! the truths are fixed rather than drawn from the priors, so no exact
//! coverage rate is promised, and the misses within one fit are dependent.
//! (Asking for every interval to cover would fail by chance.)

use ch_beta_multilevel::recovery::{INTERVAL, coverage, simulation_checks};
use ch_beta_multilevel::simulate_and_fit;
use sampler::Settings;

const SEEDS: [u64; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

#[test]
fn simulation_truths_are_recovered_across_seeds() {
    let settings =
        Settings { num_warmup: 500, num_draws: 500, target_accept: 0.95, ..Settings::default() };
    let mut checks = Vec::new();
    for seed in SEEDS {
        let sims = simulate_and_fit(seed, &Settings { seed, ..settings.clone() }, true).unwrap();
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
    let (k, n) = coverage(&checks);
    let missed: Vec<String> = checks
        .iter()
        .filter(|c| !c.covered())
        .map(|c| format!("{} {} (z {:.2})", c.model, c.name, c.z()))
        .collect();
    assert_eq!(n, SEEDS.len() * 52, "every study should be checked");
    let far: Vec<String> = checks
        .iter()
        .filter(|c| c.z().abs() >= 4.0)
        .map(|c| format!("{} {} (z {:.2})", c.model, c.name, c.z()))
        .collect();
    assert!(far.is_empty(), "truths 4 or more posterior sds out: {far:?}");
    assert!(
        k * 10 >= n * 9,
        "{k} of {n} truths covered ({:.1}%, intervals at {}%); missed: {missed:?}",
        100.0 * k as f64 / n as f64,
        100.0 * INTERVAL
    );
}
