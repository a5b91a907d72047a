//! The chapter's figures.

use crate::{HDI_PROB, Outcome, group_estimates, plate};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{inv_normal_cdf, sig};
use figures::recipes::{ForestRow, forest, rows_figure};
use figures::{Figure, Panel, plate_diagram};

/// The three strategies side by side, like Figure 5.33 of the source.
fn comparison(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.instructors;
    let j = s.truth.len();
    let grand = s.data.grand_mean();
    let labels =
        (0..j).map(|i| format!("Instr. {} (n = {})", i + 1, s.data.sizes[i])).collect::<Vec<_>>();
    let estimate = format!("posterior mean and {:.0}% HDI", 100.0 * HDI_PROB);
    let reference = format!("mean of all scores ({})", sig(grand, 3));
    let panel = |title: &str, fit| -> Result<Panel> {
        let rows = rows(&labels, group_estimates(fit, j)?, &s.truth);
        Ok(Panel {
            title: title.into(),
            ..forest(
                "exam score",
                [&estimate, "true mean"],
                &rows,
                Some((grand, reference.clone())),
            )
        })
    };
    let panels = vec![
        panel("complete pooling", &o.complete)?,
        panel("partial pooling", &o.partial)?,
        panel("no pooling", &o.none)?,
    ];
    let title = "Five instructors' mean exam scores, three ways";
    out.draw("comparison.svg", &side_by_side(title, panels, 40)?)
}

/// Forest rows: `(estimate, low, high)` and the truth for each label.
fn rows(labels: &[String], estimates: Vec<(f64, f64, f64)>, truth: &[f64]) -> Vec<ForestRow> {
    labels
        .iter()
        .zip(estimates)
        .zip(truth)
        .map(|((label, (mean, low, high)), t)| ForestRow {
            label: label.clone(),
            mean,
            low,
            high,
            observed: Some(*t),
            note: None,
        })
        .collect()
}

/// Forest panels side by side on one x axis, rows labelled once at the left.
fn side_by_side(title: &str, panels: Vec<Panel>, row_height: u32) -> Result<Figure> {
    Ok(Figure { shared_x: true, shared_y: true, ..rows_figure(title, panels, row_height) })
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
    let labels =
        (0..j).map(|i| format!("School {} (n = {})", i + 1, s.data.sizes[i])).collect::<Vec<_>>();
    let estimate = format!("estimate and {:.0}% interval", 100.0 * HDI_PROB);
    let reference = (s.data.grand_mean(), "mean of all scores".to_string());
    let panel = |title: &str, estimates| Panel {
        title: title.into(),
        ..forest(
            "score",
            [&estimate, "true school mean"],
            &rows(&labels, estimates, &s.truth),
            Some(reference.clone()),
        )
    };
    let panels = vec![
        panel("raw mean ± z·se", raw),
        panel("varying intercepts (NUTS)", group_estimates(&o.schools_fit, j)?),
    ];
    let figure = side_by_side("Twenty simulated schools", panels, 28)?;
    out.draw("schools.svg", &figure)
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    comparison(out, o)?;
    plate_diagram(&out.path("plate.svg"), &plate::diagram())?;
    schools(out, o)?;
    Ok(())
}
