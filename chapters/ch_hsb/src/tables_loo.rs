//! Tables of the model comparison: PSIS-LOO, WAIC, and the models ranked
//! by each.

use crate::Outcome;
use anyhow::Result;
use diagnostics::{fixed, sig};
use figures::markdown_table;
use loo::{Comparison, KhatCategory};

/// PSIS-LOO of each model with its Pareto-k̂ counts.
pub fn loo_table(o: &Outcome) -> Result<String> {
    let c = &o.comparison;
    let rows: Vec<Vec<String>> = c
        .kinds
        .iter()
        .zip(&c.loo)
        .map(|(k, l)| {
            vec![
                k.label().to_string(),
                fixed(l.elpd_loo, 1),
                fixed(l.se, 1),
                fixed(l.p_loo, 1),
                fixed(l.looic, 1),
                fixed(2.0 * l.se, 1),
                l.count_k(KhatCategory::Good).to_string(),
                l.count_k(KhatCategory::Bad).to_string(),
                l.count_k(KhatCategory::VeryBad).to_string(),
            ]
        })
        .collect();
    let good_k = c.loo.first().map_or(0.7, |l| l.good_k);
    let mut s = markdown_table(
        &[
            "model",
            "elpd_loo",
            "SE",
            "p_loo",
            "looic",
            "SE(looic)",
            &format!("k̂ ≤ {}", sig(good_k, 2)),
            &format!("{} < k̂ ≤ 1", sig(good_k, 2)),
            "k̂ > 1",
        ],
        &rows,
    )?;
    s.push_str(&format!(
        "\nEach model has {} draws; the k̂ threshold for {} draws is {}.\n",
        c.loo.first().map_or(0, |l| l.num_draws),
        c.loo.first().map_or(0, |l| l.num_draws),
        sig(good_k, 2)
    ));
    Ok(s)
}

/// WAIC of each model and its warning count.
pub fn waic_table(o: &Outcome) -> Result<String> {
    let c = &o.comparison;
    let rows: Vec<Vec<String>> = c
        .kinds
        .iter()
        .zip(&c.waic)
        .map(|(k, w)| {
            vec![
                k.label().to_string(),
                fixed(w.elpd_waic, 1),
                fixed(w.se, 1),
                fixed(w.p_waic, 1),
                fixed(w.waic, 1),
                w.num_high_p_waic().to_string(),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "elpd_waic",
            "SE",
            "p_waic",
            "waic",
            "observations with p_waic > 0.4",
        ],
        &rows,
    )?)
}

/// A ranking as R's `loo_compare` prints it (elpd_diff ≤ 0), with weights.
pub fn compare_table(c: &Comparison, with_weights: bool) -> Result<String> {
    let rows: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            let mut v = vec![r.name.clone(), fixed(-r.elpd_diff, 1), fixed(r.se_diff, 1)];
            if with_weights {
                v.push(fixed(r.weight, 3));
            }
            v
        })
        .collect();
    let mut header = vec!["model", "elpd_diff", "se_diff"];
    if with_weights {
        header.push("stacking weight");
    }
    Ok(markdown_table(&header, &rows)?)
}
