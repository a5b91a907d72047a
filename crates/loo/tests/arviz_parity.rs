//! Parity with ArviZ 0.23 on identical draws (fixture made by
//! `fixtures/make_arviz_fixture.py`).
//!
//! Tolerances: PSIS log weights, Pareto k, elpd_loo, p_loo, SE, WAIC, elpd_diff and
//! se_diff agree to 1e-6 relative (we mirror ArviZ's algorithm step by step, so the
//! only differences are floating-point summation order); stacking weights to 1e-3
//! absolute (ArviZ uses SLSQP, we use EM: both stop at a tolerance).

use serde_json::Value;

const REL: f64 = 1e-6;

fn fixture() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/arviz_loo.json"
    ))
    .expect("fixture present");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap_or(f64::INFINITY)).collect()
}

fn close(ours: f64, theirs: f64, what: &str) {
    let scale = theirs.abs().max(1e-3);
    assert!((ours - theirs).abs() <= REL * scale, "{what}: ours {ours}, ArviZ {theirs}");
}

#[test]
fn psis_matches_arviz_psislw() {
    let f = fixture();
    for case in f["psis"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let ratios = floats(&case["log_ratios"]);
        let r_eff = case["r_eff"].as_f64().unwrap();
        let res = loo::psis(&ratios, r_eff).unwrap();
        match case["pareto_k"].as_f64() {
            Some(k) => close(res.pareto_k, k, &format!("{name} k")),
            None => assert!(res.pareto_k.is_infinite(), "{name}: expected k = inf"),
        }
        // Among tied ratios, which draw gets which smoothed value depends on the sort
        // (numpy's is not stable); the multiset of weights does not.
        let (mut ours, mut theirs) = (res.log_weights.clone(), floats(&case["log_weights"]));
        if name.starts_with("ties") {
            ours.sort_by(f64::total_cmp);
            theirs.sort_by(f64::total_cmp);
        }
        for (i, (o, t)) in ours.iter().zip(theirs).enumerate() {
            assert!((o - t).abs() <= 1e-9 + REL * t.abs(), "{name} weight {i}: {o} vs {t}");
        }
    }
}

fn model_log_lik(m: &Value) -> Vec<Vec<f64>> {
    m["log_lik"].as_array().unwrap().iter().map(floats).collect()
}

#[test]
fn loo_and_waic_match_arviz() {
    let f = fixture();
    let r_eff = f["r_eff"].as_f64().unwrap();
    for m in f["models"].as_array().unwrap() {
        let name = m["name"].as_str().unwrap();
        let ll = model_log_lik(m);
        let n = ll[0].len();
        let ours = loo::loo(&ll, &vec![r_eff; n]).unwrap();
        let theirs = &m["loo"];
        close(ours.elpd_loo, theirs["elpd"].as_f64().unwrap(), &format!("{name} elpd_loo"));
        close(ours.se, theirs["se"].as_f64().unwrap(), &format!("{name} se"));
        close(ours.p_loo, theirs["p"].as_f64().unwrap(), &format!("{name} p_loo"));
        close(ours.good_k, theirs["good_k"].as_f64().unwrap(), &format!("{name} good_k"));
        assert_eq!(ours.warning(), theirs["warning"].as_bool().unwrap(), "{name} warning");
        for (o, t) in ours.pointwise.iter().zip(floats(&theirs["pointwise"])) {
            close(*o, t, &format!("{name} loo_i"));
        }
        for (o, t) in ours.pareto_k.iter().zip(floats(&theirs["pareto_k"])) {
            close(*o, t, &format!("{name} pareto_k"));
        }

        let w = loo::waic(&ll).unwrap();
        let theirs = &m["waic"];
        close(w.elpd_waic, theirs["elpd"].as_f64().unwrap(), &format!("{name} elpd_waic"));
        close(w.se, theirs["se"].as_f64().unwrap(), &format!("{name} waic se"));
        close(w.p_waic, theirs["p"].as_f64().unwrap(), &format!("{name} p_waic"));
        assert_eq!(w.num_high_p_waic() > 0, theirs["warning"].as_bool().unwrap());
        for (o, t) in w.pointwise.iter().zip(floats(&theirs["pointwise"])) {
            close(*o, t, &format!("{name} waic_i"));
        }
    }
}

/// Our comparison of the fixture's `models_key` models against ArviZ's `compare_key` table.
fn check_compare(models_key: &str, compare_key: &str) {
    let f = fixture();
    let r_eff = f["r_eff"].as_f64().unwrap();
    let models = f[models_key].as_array().unwrap();
    let results: Vec<(String, loo::LooResult)> = models
        .iter()
        .map(|m| {
            let ll = model_log_lik(m);
            let n = ll[0].len();
            (m["name"].as_str().unwrap().to_string(), loo::loo(&ll, &vec![r_eff; n]).unwrap())
        })
        .collect();
    let refs: Vec<(&str, &loo::LooResult)> = results.iter().map(|(n, r)| (n.as_str(), r)).collect();
    let ours = loo::compare(&refs).unwrap();
    let theirs = f[compare_key].as_array().unwrap();
    assert_eq!(ours.rows.len(), theirs.len());
    for (o, t) in ours.rows.iter().zip(theirs) {
        assert_eq!(o.name, t["name"].as_str().unwrap());
        assert_eq!(o.rank as u64, t["rank"].as_u64().unwrap());
        close(o.elpd, t["elpd"].as_f64().unwrap(), "elpd");
        close(o.p, t["p"].as_f64().unwrap(), "p");
        close(o.se, t["se"].as_f64().unwrap(), "se");
        close(o.elpd_diff, t["elpd_diff"].as_f64().unwrap(), "elpd_diff");
        close(o.se_diff, t["se_diff"].as_f64().unwrap(), "se_diff");
        let w = t["weight"].as_f64().unwrap();
        assert!((o.weight - w).abs() < 1e-3, "{} weight: ours {}, ArviZ {w}", o.name, o.weight);
    }
}

#[test]
fn compare_matches_arviz() {
    check_compare("models", "compare");
}

#[test]
fn interior_stacking_weights_match_arviz() {
    check_compare("mixture_models", "mixture_compare");
}
