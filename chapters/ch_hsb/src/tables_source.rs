//! The source's printed numbers beside ours.

use crate::{Outcome, source};
use anyhow::Result;
use diagnostics::{ess_bulk, fixed, rhat, sig};
use figures::markdown_table;
use models::hsb::fits::ModelKind;

/// The source's printed numbers beside ours.
pub fn source_table(o: &Outcome) -> Result<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (c, n) = (o.fit(ModelKind::Centred), o.fit(ModelKind::NonCentred));
    for (name, mean, n_eff, r_hat) in source::PARTIAL {
        let (cc, nc) = (c.try_chains_by_name(name)?, n.try_chains_by_name(name)?);
        let mean_nc = nc.concat().iter().sum::<f64>() / n.num_draws_total() as f64;
        rows.push(vec![
            format!("{name}: posterior mean"),
            sig(mean, 4),
            sig(mean_nc, 4),
        ]);
        rows.push(vec![
            format!("{name}: effective draws, centred"),
            fixed(n_eff.round(), 0),
            fixed(ess_bulk(&cc).round(), 0),
        ]);
        rows.push(vec![
            format!("{name}: R-hat, centred"),
            fixed(r_hat, 3),
            fixed(rhat(&cc), 3),
        ]);
    }
    let cmp = &o.comparison;
    // The source ranked three models: its differences and stacking weights are
    // compared with ours among the same three.
    let loo_of = |k: &ModelKind| {
        cmp.kinds
            .iter()
            .position(|c| c == k)
            .map(|i| &cmp.loo[i])
            .ok_or_else(|| anyhow::anyhow!("no LOO of {}", k.label()))
    };
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
        rows.push(vec![
            format!("{}: p_loo", k.label()),
            fixed(*p, 1),
            fixed(l.p_loo, 1),
        ]);
    }
    for (k, (diff, se)) in [ModelKind::Complete, ModelKind::NoPooling]
        .iter()
        .zip(source::ELPD_DIFF)
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
    if let Some(w) = cmp
        .kinds
        .iter()
        .position(|k| *k == ModelKind::NoPooling)
        .map(|i| &cmp.waic[i])
    {
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
            fixed(o.check(*k).coverage, 3),
        ]);
    }
    Ok(markdown_table(
        &["quantity", "source (rstan, loo)", "this book"],
        &rows,
    )?)
}
