//! The page's tables, written as Markdown: the data as read, diagnostics of every fit,
//! the population of partial pooling, and the LOO comparison.

use crate::Outcome;
use anyhow::Result;
use chapter_support::{OutputDir, fit_summary};
use diagnostics::{ess_bulk, ess_tail, fixed, rhat, sig, summary_markdown};
use figures::markdown_table;

/// Highest-density intervals in the tables and figures.
pub const HDI_PROB: f64 = 0.9;

/// The file, the columns and the group sizes.
pub fn data_table(o: &Outcome) -> Result<String> {
    let t = &o.table;
    let file = t
        .path
        .file_name()
        .map_or_else(|| t.path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (min, max) =
        (t.sizes.iter().min().copied().unwrap_or(0), t.sizes.iter().max().copied().unwrap_or(0));
    let rows = vec![
        vec!["file".into(), format!("`{file}`")],
        vec!["rows".into(), t.len().to_string()],
        vec!["groups".into(), format!("{} (column `{}`)", t.num_groups(), t.columns.group)],
        vec!["outcome".into(), format!("`{}`", t.columns.outcome)],
        vec![
            "predictor".into(),
            t.columns.predictor.as_ref().map_or("none".into(), |p| format!("`{p}`")),
        ],
        vec!["rows per group".into(), format!("{min} to {max}")],
    ];
    Ok(markdown_table(&["", ""], &rows)?)
}

/// Every fit's worst R-hat and ESS over all its parameters, and its divergences.
pub fn diagnostics_table(o: &Outcome) -> Result<String> {
    let rows = o
        .fits
        .iter()
        .map(|f| {
            let columns: Vec<Vec<Vec<f64>>> =
                (0..f.fit.param_names.len()).map(|i| f.fit.chains_of(i)).collect();
            let each = |g: fn(&[Vec<f64>]) -> f64| columns.iter().map(move |c| g(c));
            let least = |g| fixed(each(g).fold(f64::INFINITY, f64::min).round(), 0);
            vec![
                f.pooling.label().to_string(),
                f.fit.param_names.len().to_string(),
                fixed(each(rhat).fold(f64::NEG_INFINITY, f64::max), 3),
                least(ess_bulk),
                least(ess_tail),
                f.fit.num_divergent().to_string(),
            ]
        })
        .collect::<Vec<_>>();
    let header = [
        "model",
        "parameters",
        "largest R-hat",
        "smallest bulk ESS",
        "smallest tail ESS",
        "divergences",
    ];
    Ok(markdown_table(&header, &rows)?)
}

/// The population parameters of partial pooling (those without a group index).
pub fn population_table(o: &Outcome) -> Result<String> {
    let fit = &o.partial().fit;
    let names: Vec<&str> =
        fit.param_names.iter().map(String::as_str).filter(|n| !n.contains('.')).collect();
    Ok(summary_markdown(&fit_summary(fit, &names, HDI_PROB)?, HDI_PROB))
}

/// The models ranked by PSIS-LOO, and why no pooling is missing when it is.
pub fn loo_table(o: &Outcome) -> Result<String> {
    let rows = o
        .comparison
        .rows
        .iter()
        .map(|r| {
            let f = o.fits.iter().find(|f| f.pooling.label() == r.name);
            let threshold = f.map_or(0.7, |f| f.loo.good_k);
            let high_k = f.map_or(0, |f| f.loo.pareto_k.iter().filter(|&&k| k > threshold).count());
            vec![
                r.name.clone(),
                sig(r.elpd, 5),
                sig(r.se, 3),
                sig(r.elpd_diff, 3),
                sig(r.se_diff, 3),
                sig(r.p, 3),
                high_k.to_string(),
            ]
        })
        .collect::<Vec<_>>();
    let header =
        ["model", "elpd_loo", "se", "elpd_diff", "se_diff", "p_loo", "Pareto k above threshold"];
    let mut s = markdown_table(&header, &rows)?;
    if let Some(reason) = &o.no_pooling_skipped {
        s.push_str(&format!("\nNo pooling was not fitted: {reason}.\n"));
    }
    Ok(s)
}

/// Writes every table.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("data.md", &data_table(o)?)?;
    out.write("diagnostics.md", &diagnostics_table(o)?)?;
    out.write("population.md", &population_table(o)?)?;
    out.write("loo.md", &loo_table(o)?)?;
    Ok(())
}

/// The tables as the console shows them.
pub fn console_report(o: &Outcome) -> Result<String> {
    Ok(format!(
        "{}\nDiagnostics:\n{}\nPartial pooling, population ({}% HDI):\n{}\nLOO:\n{}",
        data_table(o)?,
        diagnostics_table(o)?,
        HDI_PROB * 100.0,
        population_table(o)?,
        loo_table(o)?
    ))
}
