//! The chapter's figures.

use crate::{HDI_PROB, Outcome, group_estimates, plate};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{inv_normal_cdf, sig};
use figures::{IntervalPanel, IntervalPanels, interval_panels, plate_diagram};

/// The three strategies side by side, like Figure 5.33 of the source.
fn comparison(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.instructors;
    let j = s.truth.len();
    let grand = s.data.grand_mean();
    let panel = |title: &str, fit| -> Result<IntervalPanel> {
        Ok(IntervalPanel {
            title: title.into(),
            intervals: group_estimates(fit, j)?,
            markers: s.truth.clone(),
            reference: Some(grand),
        })
    };
    interval_panels(
        &out.path("comparison.svg"),
        &IntervalPanels {
            title: "Five instructors' mean exam scores, three ways".into(),
            x_label: "exam score".into(),
            row_labels: (0..j)
                .map(|i| format!("Instr. {} (n = {})", i + 1, s.data.sizes[i]))
                .collect(),
            panels: vec![
                panel("complete pooling", &o.complete)?,
                panel("partial pooling", &o.partial)?,
                panel("no pooling", &o.none)?,
            ],
            estimate_label: format!("posterior mean and {:.0}% HDI", 100.0 * HDI_PROB),
            marker_label: "true mean".into(),
            reference_label: format!("mean of all scores ({})", sig(grand, 3)),
        },
    )?;
    Ok(())
}

/// Raw school means against partial pooling, truth marked.
fn schools(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.schools;
    let j = s.truth.len();
    // A normal-theory interval for each raw mean, with its sample sd.
    let z = inv_normal_cdf(0.5 + HDI_PROB / 2.0);
    let raw: Vec<(f64, f64, f64)> = (0..j)
        .map(|i| {
            let se = (s.data.within_ss[i] / (s.data.sizes[i] as f64 - 1.0)).sqrt()
                / (s.data.sizes[i] as f64).sqrt();
            let m = s.data.means[i];
            (m, m - z * se, m + z * se)
        })
        .collect();
    interval_panels(
        &out.path("schools.svg"),
        &IntervalPanels {
            title: "Twenty simulated schools".into(),
            x_label: "score".into(),
            row_labels: (0..j)
                .map(|i| format!("School {} (n = {})", i + 1, s.data.sizes[i]))
                .collect(),
            panels: vec![
                IntervalPanel {
                    title: "raw mean ± z·se".into(),
                    intervals: raw,
                    markers: s.truth.clone(),
                    reference: Some(s.data.grand_mean()),
                },
                IntervalPanel {
                    title: "varying intercepts (NUTS)".into(),
                    intervals: group_estimates(&o.schools_fit, j)?,
                    markers: s.truth.clone(),
                    reference: Some(s.data.grand_mean()),
                },
            ],
            estimate_label: format!("estimate and {:.0}% interval", 100.0 * HDI_PROB),
            marker_label: "true school mean".into(),
            reference_label: "mean of all scores".into(),
        },
    )?;
    Ok(())
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    comparison(out, o)?;
    plate_diagram(&out.path("plate.svg"), &plate::diagram())?;
    schools(out, o)?;
    Ok(())
}
