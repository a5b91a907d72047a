//! The chapter's markdown tables, prose sentences and console report.

use crate::{ModelResult, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::sig;
use figures::markdown_table;
use loo::KhatCategory;
use models::eight_schools::{SCHOOLS, SIGMA, Y};

/// `az.compare` as printed in the source: (model, elpd_loo, weight, se, dse).
const SOURCE: [(&str, f64, f64, f64, f64); 3] = [
    ("partial pooling", -30.8, 0.89, 1.40, 0.00),
    ("no pooling", -31.4, 0.11, 1.28, 0.42),
    ("complete pooling", -31.9, 0.00, 1.53, 0.89),
];

fn fixed(x: f64, d: usize) -> String {
    diagnostics::fixed(x, d)
}

/// Two decimals with an explicit sign, and no "-0.00".
fn signed(x: f64) -> String {
    let t = fixed(x, 2);
    if x > 0.0 && t != "0.00" { format!("+{t}") } else { t }
}

fn sum(v: &[f64]) -> f64 {
    v.iter().sum()
}

/// PSIS-LOO of each model beside the exact leave-one-out answer.
pub fn loo_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .models
        .iter()
        .map(|m| {
            let l = &m.loo;
            let max_k = l.pareto_k.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let r_min = m.r_eff.iter().copied().fold(f64::INFINITY, f64::min);
            let r_max = m.r_eff.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            vec![
                m.name.to_string(),
                format!("{} ± {}", fixed(l.elpd_loo, 2), fixed(l.se, 2)),
                fixed(l.p_loo, 2),
                fixed(sum(&m.exact), 2),
                signed(l.elpd_loo - sum(&m.exact)),
                fixed(max_k, 2),
                format!(
                    "{} of {}",
                    l.count_k(KhatCategory::Bad) + l.count_k(KhatCategory::VeryBad),
                    l.num_obs()
                ),
                format!("{}–{}", fixed(r_min, 2), fixed(r_max, 2)),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "elpd_loo ± SE",
            "p_loo",
            "exact elpd_loo",
            "PSIS − exact",
            "max Pareto k",
            "k above threshold",
            "r_eff (range)",
        ],
        &rows,
    )?)
}

/// School by school: PSIS and exact `log p(y_i | y_{-i})` and Pareto k per model.
pub fn pointwise_table(o: &Outcome) -> Result<String> {
    let mut header = vec!["school".to_string(), "y".into(), "sigma".into()];
    for m in &o.models {
        header.push(format!("{}: PSIS (exact)", m.name));
        header.push("k".into());
    }
    let rows: Vec<Vec<String>> = (0..Y.len())
        .map(|i| {
            let mut row =
                vec![SCHOOLS[i].to_string(), format!("{}", Y[i]), format!("{}", SIGMA[i])];
            for m in &o.models {
                row.push(format!("{} ({})", fixed(m.loo.pointwise[i], 2), fixed(m.exact[i], 2)));
                row.push(fixed(m.loo.pareto_k[i], 2));
            }
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Ok(markdown_table(&header, &rows)?)
}

fn by_name<'a>(o: &'a Outcome, name: &str) -> (usize, &'a ModelResult) {
    let i = o.models.iter().position(|m| m.name == name).expect("model present");
    (i, &o.models[i])
}

/// The comparison table, ranked best first, with both kinds of weights.
pub fn compare_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .comparison
        .rows
        .iter()
        .map(|r| {
            let (i, _) = by_name(o, &r.name);
            vec![
                r.rank.to_string(),
                r.name.clone(),
                fixed(r.elpd, 2),
                fixed(r.p, 2),
                fixed(r.elpd_diff, 2),
                fixed(r.se_diff, 2),
                fixed(r.se, 2),
                fixed(r.weight, 2),
                fixed(o.pseudo_bma[i], 2),
                if r.warning { "yes".into() } else { "no".into() },
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "rank",
            "model",
            "elpd_loo",
            "p_loo",
            "elpd_diff",
            "se_diff",
            "SE",
            "stacking weight",
            "pseudo-BMA+ weight",
            "high Pareto k",
        ],
        &rows,
    )?)
}

/// WAIC beside PSIS-LOO and the exact answer.
pub fn waic_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .models
        .iter()
        .map(|m| {
            let w = &m.waic;
            vec![
                m.name.to_string(),
                format!("{} ± {}", fixed(w.elpd_waic, 2), fixed(w.se, 2)),
                fixed(w.p_waic, 2),
                format!("{} of {}", w.num_high_p_waic(), w.pointwise.len()),
                fixed(m.loo.elpd_loo, 2),
                fixed(sum(&m.exact), 2),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "elpd_waic ± SE",
            "p_waic",
            "p_waic,i > 0.4",
            "elpd_loo (PSIS)",
            "exact elpd_loo",
        ],
        &rows,
    )?)
}

/// Our comparison beside the one printed in the source.
pub fn source_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = SOURCE
        .iter()
        .map(|&(name, elpd, weight, se, dse)| {
            let r = o.comparison.rows.iter().find(|r| r.name == name).expect("model present");
            vec![
                name.to_string(),
                format!("{elpd:.1} ± {se:.2} (dse {dse:.2}), weight {weight:.2}"),
                format!(
                    "{} ± {} (se_diff {}), weight {}",
                    fixed(r.elpd, 1),
                    fixed(r.se, 2),
                    fixed(r.se_diff, 2),
                    fixed(r.weight, 2)
                ),
                fixed(sum(&by_name(o, name).1.exact), 2),
            ]
        })
        .collect();
    Ok(markdown_table(
        &["model", "printed in the source", "ours (PSIS-LOO)", "exact elpd_loo"],
        &rows,
    )?)
}

/// Sentences with the comparison's key numbers, for the page's prose.
pub fn differences_sentence(o: &Outcome) -> String {
    let rows = &o.comparison.rows;
    let best = &rows[0];
    let exact_of = |name: &str| sum(&by_name(o, name).1.exact);
    let mut s =
        format!("The best-ranked model is {} (elpd_loo {}).", best.name, fixed(best.elpd, 2));
    for r in &rows[1..] {
        s.push_str(&format!(
            " {} trails it by {}, with se_diff {} ({} standard errors); the exact difference is {}.",
            capitalise(&r.name),
            fixed(r.elpd_diff, 2),
            fixed(r.se_diff, 2),
            sig(r.elpd_diff / r.se_diff, 2),
            fixed(exact_of(&best.name) - exact_of(&r.name), 2),
        ));
    }
    let se_min = rows.iter().map(|r| r.se).fold(f64::INFINITY, f64::min);
    let se_max = rows.iter().map(|r| r.se).fold(f64::NEG_INFINITY, f64::max);
    s.push_str(&format!(
        " Each model's own SE lies between {} and {}.\n",
        fixed(se_min, 2),
        fixed(se_max, 2)
    ));
    s
}

/// Sentence on the no-pooling model's Pareto k values.
pub fn khat_sentence(o: &Outcome) -> String {
    let (_, m) = by_name(o, "no pooling");
    let l = &m.loo;
    let bad = l.count_k(KhatCategory::Bad) + l.count_k(KhatCategory::VeryBad);
    let max_k = l.pareto_k.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let worst = l.pareto_k.iter().position(|&k| k == max_k).unwrap_or(0);
    format!(
        "With {} draws the threshold is {}; under no pooling {} of the 8 schools exceed it, the worst \
         being School {} (k = {}), where PSIS gives {} against the exact {}.\n",
        l.num_draws,
        fixed(l.good_k, 2),
        bad,
        SCHOOLS[worst],
        fixed(max_k, 2),
        fixed(l.pointwise[worst], 2),
        fixed(m.exact[worst], 2)
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("loo.md", &loo_table(o)?)?;
    out.write("pointwise.md", &pointwise_table(o)?)?;
    out.write("compare.md", &compare_table(o)?)?;
    out.write("waic.md", &waic_table(o)?)?;
    out.write("source_comparison.md", &source_table(o)?)?;
    out.write("differences.md", &differences_sentence(o))?;
    out.write("khat.md", &khat_sentence(o))?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    Ok(format!(
        "\nPSIS-LOO and exact LOO\n\n{}\nComparison\n\n{}\nWAIC\n\n{}\n{}{}",
        loo_table(o)?,
        compare_table(o)?,
        waic_table(o)?,
        differences_sentence(o),
        khat_sentence(o)
    ))
}
