//! Tables of the prior-sensitivity check: every prior's exact posterior beside
//! its NUTS fit, and the source's printed summary measured against each.

use crate::HDI_PROB;
use crate::predictive::mean_sd;
use crate::priors::{PriorRow, SOURCE};
use crate::tables_predictive::fmt_interval as interval;
use anyhow::Result;
use diagnostics::sig;
use figures::markdown_table;

/// Two lines per prior (exact, NUTS) and one for the source's printed table:
/// the means of `mu`, `tau` and School A's effect, `tau`'s sd and HDI, and
/// `P(tau < 1)`.
pub fn priors_table(rows: &[PriorRow]) -> Result<String> {
    let mut lines = Vec::new();
    for row in rows {
        let e = &row.exact;
        lines.push(vec![
            short(row.label),
            "exact".to_string(),
            sig(e.mu.0, 4),
            sig(e.tau.0, 4),
            sig(e.tau.1, 4),
            interval(e.tau_hdi(HDI_PROB)),
            sig(e.theta[0].0, 4),
            sig(e.tau_cdf(1.0), 3),
        ]);
        let [mu, tau, theta_a, below] = row.nuts()?;
        let sd = mean_sd(&row.fit.pooled_named("tau")?).1;
        lines.push(vec![
            String::new(),
            "NUTS".to_string(),
            sig(mu.mean, 4),
            sig(tau.mean, 4),
            sig(sd, 4),
            interval(row.nuts_tau_hdi(HDI_PROB)?),
            sig(theta_a.mean, 4),
            sig(below.mean, 3),
        ]);
    }
    lines.push(vec![
        "the source's table".to_string(),
        "PyMC, printed".to_string(),
        SOURCE.mu.0.to_string(),
        SOURCE.tau.0.to_string(),
        SOURCE.tau.1.to_string(),
        interval(SOURCE.tau_hdi),
        SOURCE.theta_a.0.to_string(),
        "–".to_string(),
    ]);
    let divergent: Vec<String> =
        rows.iter().map(|r| format!("{} {}", short(r.label), r.fit.num_divergent())).collect();
    let table = markdown_table(
        &[
            "priors",
            "",
            "E[mu]",
            "E[tau]",
            "sd(tau)",
            &format!("{:.0}% HDI of tau", 100.0 * HDI_PROB),
            "E[theta_A]",
            "P(tau < 1)",
        ],
        &lines,
    )?;
    Ok(format!("{table}\nDivergent transitions of the NUTS fits: {}.\n", divergent.join(", ")))
}

/// The row's letter, `(a)` to `(d)`, for narrow tables.
fn short(label: &str) -> String {
    label.split_whitespace().next().unwrap_or(label).to_string()
}

/// How far the source's printed means are from each prior's exact means, in
/// units of the source's own Monte Carlo standard error (sd / sqrt(bulk-ESS)).
pub fn source_table(rows: &[PriorRow]) -> Result<String> {
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let z = SOURCE.z_scores(&row.exact);
            let worst = z.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            let mut line = vec![short(row.label)];
            line.extend(z.iter().map(|v| format!("{v:+.1}")));
            line.push(format!("{worst:.1}"));
            line
        })
        .collect();
    Ok(markdown_table(&["priors", "mu", "tau", "theta_A", "largest |distance|"], &lines)?)
}

/// The row the source's table matches, and by how much, in one sentence.
pub fn source_sentence(rows: &[PriorRow]) -> String {
    let worst =
        |row: &PriorRow| SOURCE.z_scores(&row.exact).iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let mut order: Vec<&PriorRow> = rows.iter().collect();
    order.sort_by(|a, b| worst(a).total_cmp(&worst(b)));
    match order.as_slice() {
        [best, next, ..] => format!(
            "The source's three means are all within {} of its own Monte Carlo standard \
             errors of the exact posterior under priors {}; under every other row at \
             least one of them is {} or more away (the nearest is {}).\n",
            sig(worst(best), 2),
            short(best.label),
            sig(worst(next), 2),
            short(next.label),
        ),
        _ => String::new(),
    }
}
