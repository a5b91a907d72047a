//! The source's single PyMC run of Eight Schools, placed in the distribution of
//! our sweep's fits at the same settings (4 chains, 1000 warmup and 2000 kept
//! draws, target acceptance 0.9).

use crate::Outcome;
use crate::sweep::cell;
use crate::tables::{count_range, med_range};
use anyhow::Result;
use chapter_support::OutputDir;
use figures::markdown_table;
use models::Parameterization;

/// The target acceptance of the source's fits.
pub const SOURCE_TARGET: f64 = 0.9;

/// What the source printed for its two fits, typed from it: divergent
/// transitions and bulk-ESS of `tau`, centred then non-centred.
pub const SOURCE_RUN: [(Parameterization, &str, f64); 4] = [
    (Parameterization::Centred, "divergent transitions", 27.0),
    (Parameterization::Centred, "bulk-ESS(tau)", 312.0),
    (Parameterization::NonCentred, "divergent transitions", 0.0),
    (Parameterization::NonCentred, "bulk-ESS(tau)", 1841.0),
];

/// Where one printed value falls among our fits: how many are below it, equal
/// to it and above it.
pub fn placement(value: f64, ours: &[f64]) -> (usize, usize, usize) {
    let below = ours.iter().filter(|v| **v < value).count();
    let equal = ours.iter().filter(|v| **v == value).count();
    (below, equal, ours.len() - below - equal)
}

/// One line per printed value: the source's number, the median and range of
/// our fits at the source's settings, and how many of ours fall below, at and
/// above it. Empty when the sweep did not run the source's target.
pub fn source_table(o: &Outcome) -> Result<String> {
    let mut rows = Vec::new();
    for (p, what, value) in SOURCE_RUN {
        let Some(cell) = cell(&o.sweep, p, SOURCE_TARGET) else {
            return Ok(String::new());
        };
        let counts = what.starts_with("divergent");
        let ours = if counts {
            cell.values(|f| f.divergent as f64)
        } else {
            cell.values(|f| f.ess_bulk_tau)
        };
        let spread = if counts { count_range(&ours) } else { med_range(&ours, 3) };
        let (below, equal, above) = placement(value, &ours);
        rows.push(vec![
            p.label().to_string(),
            what.to_string(),
            value.to_string(),
            spread,
            format!("{below} / {equal} / {above}"),
        ]);
    }
    Ok(markdown_table(
        &[
            "parameterisation",
            "quantity",
            "source (one run)",
            &format!("ours, {} seeds: median [min, max]", o.sweep_config.seeds),
            "ours below / equal / above",
        ],
        &rows,
    )?)
}

/// Writes the source-run table into `out` (`source_run.md`).
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("source_run.md", &source_table(o)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_counts_every_fit_once() {
        assert_eq!(placement(2.0, &[1.0, 2.0, 3.0, 4.0]), (1, 1, 2));
        assert_eq!(placement(0.0, &[0.0, 0.0]), (0, 2, 0));
        assert_eq!(placement(9.0, &[]), (0, 0, 0));
    }
}
