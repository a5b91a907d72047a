//! The chapter's figures.

use crate::Outcome;
use crate::eight::TAU;
use crate::formula::shrinkage_factor;
use crate::grid::{ESTIMATORS, TAUS};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::sig;
use figures::{
    ArrowRow, ArrowsPlot, Bar, BarChart, CurvePoints, LabelledPoint, LineSeries, LogLogPanel,
    LogLogPanels, arrows_plot, bar_chart, curve_points, loglog_panels,
};
use models::eight_schools::{SCHOOLS, SIGMA};

/// `B` against `sigma / tau`, the eight schools placed at `tau = 6`.
fn b_curve(out: &OutputDir) -> Result<()> {
    let curve = (0..=175)
        .map(|k| k as f64 * 0.02)
        .map(|r| (r, shrinkage_factor(r, 1.0)))
        .collect();
    // Schools with the same sigma sit on the same point: label them together.
    let mut sigmas: Vec<f64> = SIGMA.to_vec();
    sigmas.sort_by(f64::total_cmp);
    sigmas.dedup();
    let points = sigmas
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let names: Vec<&str> = SCHOOLS
                .iter()
                .zip(SIGMA)
                .filter(|(_, t)| t == s)
                .map(|(n, _)| *n)
                .collect();
            LabelledPoint {
                x: s / TAU,
                y: shrinkage_factor(*s, TAU),
                label: format!("{} (σ = {s})", names.join(", ")),
                above: k % 2 == 0,
            }
        })
        .collect();
    curve_points(
        &out.path("b_curve.svg"),
        &CurvePoints {
            title: "How much a group is pulled: B = σ² / (σ² + τ²)".into(),
            x_label: "σᵢ / τ (noise of the group's estimate relative to the spread between groups)"
                .into(),
            y_label: "shrinkage factor B".into(),
            curve,
            curve_label: "B as a function of σ/τ".into(),
            points,
            points_label: format!("Eight Schools at τ = {TAU}"),
            y_range: Some((0.0, 1.0)),
        },
    )?;
    Ok(())
}

/// Raw means → full-Bayes estimates, truth marked.
fn arrows(out: &OutputDir, o: &Outcome) -> Result<()> {
    let e = &o.experiment;
    let mut order: Vec<usize> = (0..e.data.ybar.len()).collect();
    order.sort_by(|&a, &b| e.data.ybar[b].total_cmp(&e.data.ybar[a]));
    let grand = e.eb.grand_mean;
    arrows_plot(
        &out.path("arrows.svg"),
        &ArrowsPlot {
            title: "Each school's raw mean moves towards the grand mean".into(),
            x_label: "mean score".into(),
            rows: order
                .iter()
                .map(|&j| ArrowRow {
                    label: format!("School {}", j + 1),
                    from: e.data.ybar[j],
                    to: e.bayes[j],
                    marker: Some(e.data.truth[j]),
                })
                .collect(),
            from_label: "raw mean (no pooling)".into(),
            to_label: "partial pooling (full Bayes)".into(),
            marker_label: "true mean".into(),
            reference_line: Some((grand, format!("grand mean {}", sig(grand, 3)))),
        },
    )?;
    Ok(())
}

/// The experiment's MSE of each estimator.
fn mse_bars(out: &OutputDir, o: &Outcome) -> Result<()> {
    let m = &o.experiment.mse;
    let labels = ["no pooling", "complete", "emp. Bayes", "full Bayes"];
    let pct = |v: f64| format!("{:.0}%", 100.0 * (1.0 - v / m[0]));
    bar_chart(
        &out.path("mse.svg"),
        &BarChart {
            title: "Mean squared error against the true school means".into(),
            y_label: "MSE".into(),
            bars: labels
                .iter()
                .zip(m)
                .map(|(l, v)| Bar {
                    label: l.to_string(),
                    value: *v,
                    text: sig(*v, 3),
                })
                .collect(),
            note: Some(format!(
                "Partial pooling lowers the MSE by {} (full Bayes) and {} (empirical Bayes) against no pooling",
                pct(m[3]),
                pct(m[2])
            )),
        },
    )?;
    Ok(())
}

/// The simulation study: MSE against n, one panel per tau.
fn grid(out: &OutputDir, o: &Outcome) -> Result<()> {
    let panels = TAUS
        .iter()
        .map(|&tau| LogLogPanel {
            title: format!("τ = {tau}"),
            series: ESTIMATORS
                .iter()
                .enumerate()
                .map(|(k, name)| LineSeries {
                    label: name.to_string(),
                    points: o
                        .grid
                        .iter()
                        .filter(|c| c.design.tau == tau)
                        .map(|c| (c.design.students as f64, c.mse[k]))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    loglog_panels(
        &out.path("grid.svg"),
        &LogLogPanels {
            title: "Which estimator wins, and where".into(),
            x_label: "students per school n".into(),
            y_label: "MSE".into(),
            panels,
        },
    )?;
    Ok(())
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    b_curve(out)?;
    arrows(out, o)?;
    mse_bars(out, o)?;
    grid(out, o)?;
    Ok(())
}
