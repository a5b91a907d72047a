//! Parity with ArviZ 0.23: every statistic on every draw set of `fixtures/arviz_parity.json`
//! (made by `fixtures/make_arviz_fixture.py`) must agree to 1e-6 relative.

use serde::Deserialize;
use std::collections::BTreeMap;

const REL_TOL: f64 = 1e-6;

#[derive(Deserialize)]
struct Fixture {
    arviz_version: String,
    hdi_probs: Vec<f64>,
    quantile_probs: Vec<f64>,
    sets: Vec<DrawSet>,
}

#[derive(Deserialize)]
struct DrawSet {
    name: String,
    draws: Vec<Vec<f64>>,
    arviz: Expected,
}

/// ArviZ's values; `None` stands for NaN (JSON has no NaN).
#[derive(Deserialize)]
struct Expected {
    r_hat: Option<f64>,
    ess_bulk: Option<f64>,
    ess_tail: Option<f64>,
    ess_mean: Option<f64>,
    ess_sd: Option<f64>,
    mcse_mean: Option<f64>,
    mcse_sd: Option<f64>,
    #[serde(rename = "hdi_0.89")]
    hdi_089: Vec<Option<f64>>,
    #[serde(rename = "hdi_0.94")]
    hdi_094: Vec<Option<f64>>,
    quantiles: Vec<Option<f64>>,
    bfmi: Vec<Option<f64>>,
    summary_089: BTreeMap<String, Option<f64>>,
    summary_089_columns: Vec<String>,
}

fn load() -> Fixture {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/arviz_parity.json");
    let text = std::fs::read_to_string(path).expect("read arviz_parity.json");
    serde_json::from_str(&text).expect("parse arviz_parity.json")
}

/// Collects mismatches so one run reports all of them.
#[derive(Default)]
struct Checker {
    checked: usize,
    worst: f64,
    failures: Vec<String>,
}

impl Checker {
    fn check(&mut self, set: &str, what: &str, expected: Option<f64>, got: f64) {
        self.checked += 1;
        let ok = match expected {
            None => got.is_nan(),
            Some(e) => {
                let scale = e.abs().max(f64::MIN_POSITIVE);
                let rel = if got == e { 0.0 } else { (got - e).abs() / scale };
                self.worst = self.worst.max(rel);
                rel <= REL_TOL
            }
        };
        if !ok {
            let e = expected.map_or("NaN".to_string(), |e| format!("{e:e}"));
            self.failures.push(format!("{set}: {what}: expected {e}, got {got:e}"));
        }
    }
}

#[test]
fn fixture_was_made_by_arviz_0_23() {
    let fx = load();
    assert!(fx.arviz_version.starts_with("0.23."), "{}", fx.arviz_version);
    assert_eq!(fx.hdi_probs, vec![0.89, 0.94]);
    assert!(fx.sets.len() >= 6);
}

#[test]
fn all_statistics_match_arviz() {
    let fx = load();
    let mut c = Checker::default();
    for set in &fx.sets {
        let (name, chains, a) = (set.name.as_str(), &set.draws, &set.arviz);
        c.check(name, "r_hat", a.r_hat, diagnostics::rhat(chains));
        c.check(name, "ess_bulk", a.ess_bulk, diagnostics::ess_bulk(chains));
        c.check(name, "ess_tail", a.ess_tail, diagnostics::ess_tail(chains));
        c.check(name, "ess_mean", a.ess_mean, diagnostics::ess_mean(chains));
        c.check(name, "ess_sd", a.ess_sd, diagnostics::ess_sd(chains));
        c.check(name, "mcse_mean", a.mcse_mean, diagnostics::mcse_mean(chains));
        c.check(name, "mcse_sd", a.mcse_sd, diagnostics::mcse_sd(chains));

        let pooled: Vec<f64> = chains.iter().flatten().copied().collect();
        for (prob, want) in fx.hdi_probs.iter().zip([&a.hdi_089, &a.hdi_094]) {
            let (lo, hi) = diagnostics::hdi(&pooled, *prob);
            c.check(name, &format!("hdi({prob}) low"), want[0], lo);
            c.check(name, &format!("hdi({prob}) high"), want[1], hi);
        }
        for (p, want) in fx.quantile_probs.iter().zip(&a.quantiles) {
            let got = diagnostics::quantile(&pooled, *p);
            c.check(name, &format!("numpy quantile({p})"), *want, got);
        }
        for (i, (chain, want)) in chains.iter().zip(&a.bfmi).enumerate() {
            c.check(name, &format!("bfmi chain {i}"), *want, diagnostics::ebfmi(chain));
        }

        let row = diagnostics::summarize(name, chains, 0.89);
        let (low, high) = diagnostics::hdi_labels(0.89);
        let expected_columns = [
            "mean",
            "sd",
            low.as_str(),
            high.as_str(),
            "mcse_mean",
            "mcse_sd",
            "ess_bulk",
            "ess_tail",
            "r_hat",
        ];
        assert_eq!(a.summary_089_columns, expected_columns, "{name}: columns");
        let got = [
            row.mean,
            row.sd,
            row.hdi_low,
            row.hdi_high,
            row.mcse_mean,
            row.mcse_sd,
            row.ess_bulk,
            row.ess_tail,
            row.r_hat,
        ];
        for (col, g) in expected_columns.iter().zip(got) {
            c.check(name, &format!("summary {col}"), a.summary_089[*col], g);
        }
    }
    assert!(
        c.failures.is_empty(),
        "{} of {} values differ from ArviZ by more than {REL_TOL:e} relative:\n{}",
        c.failures.len(),
        c.checked,
        c.failures.join("\n")
    );
    eprintln!("{} values match ArviZ; worst relative error {:e}", c.checked, c.worst);
}
