//! The chapter's figures.

use crate::Outcome;
use crate::risk::exact_risk;
use anyhow::Result;
use chapter_support::OutputDir;
use figures::{LinePlot, LineSeries, ShrinkageLines, line_plot, shrinkage_lines};

/// Dimensions drawn in the risk figure.
pub const CURVES: [usize; 4] = [3, 5, 10, 20];

/// Exact James–Stein risk relative to the MLE's, against `‖theta‖`.
fn risk_curves(out: &OutputDir) -> Result<()> {
    let norms: Vec<f64> = (0..=120).map(|k| k as f64 * 0.1).collect();
    let mut series: Vec<LineSeries> = CURVES
        .iter()
        .map(|&p| LineSeries {
            label: format!("James–Stein, p = {p}"),
            points: norms
                .iter()
                .map(|&n| (n, exact_risk(p, n) / p as f64))
                .collect(),
        })
        .collect();
    series.push(LineSeries {
        label: "MLE (every p)".into(),
        points: vec![(0.0, 1.0), (12.0, 1.0)],
    });
    line_plot(
        &out.path("risk.svg"),
        &LinePlot {
            title: "James–Stein beats the obvious estimator everywhere, for p ≥ 3".into(),
            x_label: "‖θ‖ (distance of the true means from the shrinkage target)".into(),
            y_label: "risk relative to the MLE".into(),
            series,
        },
    )?;
    Ok(())
}

/// Dimensions whose positive-part risk is simulated along `‖theta‖`.
pub const PLUS_CURVES: [usize; 2] = [3, 10];

/// The positive part against James–Stein: exact James–Stein risk and the
/// simulated risk of its positive part, both relative to the MLE's.
fn risk_plus(out: &OutputDir, o: &Outcome) -> Result<()> {
    let mut series = Vec::new();
    for (p, sims) in PLUS_CURVES.iter().zip(&o.along_norm) {
        let p_f = *p as f64;
        series.push(LineSeries {
            label: format!("James–Stein, p = {p} (exact)"),
            points: (0..=120)
                .map(|k| (k as f64 * 0.1, exact_risk(*p, k as f64 * 0.1) / p_f))
                .collect(),
        });
        series.push(LineSeries {
            label: format!("positive part, p = {p} (simulated)"),
            points: sims
                .iter()
                .map(|r| (r.norm, r.js_plus.mean / p_f))
                .collect(),
        });
    }
    series.push(LineSeries {
        label: "MLE (every p)".into(),
        points: vec![(0.0, 1.0), (12.0, 1.0)],
    });
    line_plot(
        &out.path("risk_plus.svg"),
        &LinePlot {
            title: "The positive part gains most where James–Stein gains most".into(),
            x_label: "‖θ‖ (distance of the true means from the shrinkage target)".into(),
            y_label: "risk relative to the MLE".into(),
            series,
        },
    )?;
    Ok(())
}

/// Efron & Morris's picture: early average → James–Stein → rest of season.
fn batting(out: &OutputDir, o: &Outcome) -> Result<()> {
    shrinkage_lines(
        &out.path("batting.svg"),
        &ShrinkageLines {
            title: "18 batters: shrink the early averages, predict the season better".into(),
            x_label: "batting average".into(),
            rows: vec![
                (
                    "first 45 at-bats".into(),
                    o.players.iter().map(|p| p.early).collect(),
                ),
                ("James–Stein".into(), o.james_stein.estimates.clone()),
                (
                    "rest of season".into(),
                    o.players.iter().map(|p| p.rest).collect(),
                ),
            ],
        },
    )?;
    Ok(())
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    risk_curves(out)?;
    risk_plus(out, o)?;
    batting(out, o)?;
    Ok(())
}
