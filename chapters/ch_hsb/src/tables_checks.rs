//! Tables that check the fits: the default run against the long reference
//! run, and posterior predictive checks.

use crate::reference::{Reference, agreement};
use crate::{CHECKED_SCHOOLS, Outcome};
use anyhow::Result;
use diagnostics::{fixed, quantile, sig};
use figures::markdown_table;
use models::hsb::fits::ModelKind;

/// The default non-centred run against the committed long reference run.
pub fn reference_table(o: &Outcome) -> Result<String> {
    let reference = Reference::committed()?;
    let rows: Vec<Vec<String>> = agreement(o.fit(ModelKind::NonCentred), &reference)?
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                sig(a.reference_mean, 5),
                sig(a.reference_mcse, 2),
                sig(a.mean, 5),
                sig(a.mcse, 2),
                format!("{:+.2}", a.z),
            ]
        })
        .collect();
    let mut s = markdown_table(
        &[
            "parameter",
            "reference mean",
            "reference MCSE",
            "this run's mean",
            "this run's MCSE",
            "difference / combined MCSE",
        ],
        &rows,
    )?;
    s.push_str(&format!("\nReference: {}.\n", reference.description));
    Ok(s)
}

/// Observed mean against the replicated means, per model.
pub fn ppc_mean_table(o: &Outcome) -> Result<String> {
    let observed = o.eda.math.mean;
    let rows: Vec<Vec<String>> = ModelKind::COMPARED
        .iter()
        .map(|&k| {
            let m = &o.check(k).rep_means;
            let above = m.iter().filter(|&&v| v >= observed).count() as f64 / m.len() as f64;
            vec![
                k.label().to_string(),
                sig(observed, 5),
                sig(quantile(m, 0.5), 5),
                format!(
                    "[{}, {}]",
                    sig(quantile(m, 0.025), 5),
                    sig(quantile(m, 0.975), 5)
                ),
                fixed(above, 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "observed mean",
            "replicated mean (median)",
            "95% interval",
            "P(replicated ≥ observed)",
        ],
        &rows,
    )?)
}

/// Share of students inside their 95% posterior predictive interval.
pub fn coverage_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = ModelKind::COMPARED
        .iter()
        .map(|&k| vec![k.label().to_string(), fixed(o.check(k).coverage, 3)])
        .collect();
    Ok(markdown_table(
        &["model", "share inside the 95% interval"],
        &rows,
    )?)
}

/// School sizes of the per-school predictive checks.
pub fn checked_schools_sentence(o: &Outcome) -> String {
    let list: Vec<String> = CHECKED_SCHOOLS
        .iter()
        .filter(|&&j| j <= o.data.num_schools())
        .map(|&j| format!("school {j} has {} students", o.data.sizes[j - 1]))
        .collect();
    format!("In the data, {}.\n", list.join(", "))
}
