//! Tables of the model comparison: PSIS-LOO, WAIC, the models ranked by
//! each, and the source's printed numbers beside ours.

use crate::{Outcome, source};
use anyhow::Result;
use diagnostics::{ess_bulk, fixed, rhat, sig};
use figures::markdown_table;
use loo::{Comparison, KhatCategory};
use models::hsb::fits::ModelKind;

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
    let good_k = sig(c.loo.first().map_or(0.7, |l| l.good_k), 2);
    let mut s = markdown_table(
        &[
            "model",
            "elpd_loo",
            "SE",
            "p_loo",
            "looic",
            "SE(looic)",
            &format!("k̂ ≤ {good_k}"),
            &format!("{good_k} < k̂ ≤ 1"),
            "k̂ > 1",
        ],
        &rows,
    )?;
    let draws = c.loo.first().map_or(0, |l| l.num_draws);
    s.push_str(&format!(
        "\nEach model has {draws} draws; the k̂ threshold for {draws} draws is {good_k}.\n"
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
        &["model", "elpd_waic", "SE", "p_waic", "waic", "observations with p_waic > 0.4"],
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

/// The source's printed numbers beside ours.
pub fn source_table(o: &Outcome) -> Result<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (c, n) = (o.fit(ModelKind::Centred)?, o.fit(ModelKind::NonCentred)?);
    for (name, mean, n_eff, r_hat) in source::PARTIAL {
        let (cc, nc) = (c.try_chains_by_name(name)?, n.try_chains_by_name(name)?);
        let mean_nc = nc.concat().iter().sum::<f64>() / n.num_draws_total() as f64;
        rows.push(vec![format!("{name}: posterior mean"), sig(mean, 4), sig(mean_nc, 4)]);
        rows.push(vec![
            format!("{name}: effective draws, centred"),
            fixed(n_eff.round(), 0),
            fixed(ess_bulk(&cc).round(), 0),
        ]);
        rows.push(vec![format!("{name}: R-hat, centred"), fixed(r_hat, 3), fixed(rhat(&cc), 3)]);
    }
    let cmp = &o.comparison;
    // The source ranked three models: its differences and stacking weights are
    // compared with ours among the same three.
    let loo_of = |k: &ModelKind| cmp.of(*k).map(|(l, _)| l);
    let named = ModelKind::COMPARED
        .iter()
        .map(|k| Ok((k.label(), loo_of(k)?)))
        .collect::<Result<Vec<_>>>()?;
    let three = loo::compare(&named)?;
    for (k, (looic, se, p)) in ModelKind::COMPARED.iter().zip(source::LOO.iter()) {
        let l = loo_of(k)?;
        rows.push(vec![
            format!("{}: looic (SE)", k.label()),
            format!("{} ({})", fixed(*looic, 1), fixed(*se, 1)),
            format!("{} ({})", fixed(l.looic, 1), fixed(2.0 * l.se, 1)),
        ]);
        rows.push(vec![format!("{}: p_loo", k.label()), fixed(*p, 1), fixed(l.p_loo, 1)]);
    }
    for (k, (diff, se)) in [ModelKind::Complete, ModelKind::NoPooling].iter().zip(source::ELPD_DIFF)
    {
        if let Some(r) = three.rows.iter().find(|r| r.name == k.label()) {
            rows.push(vec![
                format!("{}: elpd_diff (se_diff)", k.label()),
                format!("{} ({})", fixed(diff, 1), fixed(se, 1)),
                format!("{} ({})", fixed(-r.elpd_diff, 1), fixed(r.se_diff, 1)),
            ]);
        }
    }
    for (k, w) in ModelKind::COMPARED.iter().zip(source::STACKING) {
        if let Some(r) = three.rows.iter().find(|r| r.name == k.label()) {
            rows.push(vec![
                format!("{}: stacking weight", k.label()),
                fixed(w, 3),
                fixed(r.weight, 3),
            ]);
        }
    }
    if let Ok((_, w)) = cmp.of(ModelKind::NoPooling) {
        rows.push(vec![
            "no pooling: observations with p_waic > 0.4".into(),
            source::NO_POOLING_HIGH_P_WAIC.to_string(),
            w.num_high_p_waic().to_string(),
        ]);
    }
    for (k, cov) in ModelKind::COMPARED.iter().zip(source::COVERAGE) {
        rows.push(vec![
            format!("{}: 95% interval coverage", k.label()),
            sig(cov, 3),
            fixed(o.check(*k)?.coverage, 3),
        ]);
    }
    Ok(markdown_table(&["quantity", "source (rstan, loo)", "this book"], &rows)?)
}
