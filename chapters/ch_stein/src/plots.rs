//! The chapter's figures.

use crate::Outcome;
use crate::risk::exact_risk;
use anyhow::Result;
use chapter_support::OutputDir;
use figures::recipes::lines;
use figures::{ShrinkageLines, draw, shrinkage_lines};

/// Dimensions drawn in the risk figure.
pub const CURVES: [usize; 4] = [3, 5, 10, 20];

/// Exact James–Stein risk relative to the MLE's, against `‖theta‖`.
fn risk_curves(out: &OutputDir) -> Result<()> {
    let norms: Vec<f64> = (0..=120).map(|k| k as f64 * 0.1).collect();
    let mut series: Vec<(String, Vec<(f64, f64)>)> = CURVES
        .iter()
        .map(|&p| {
            (
                format!("James–Stein, p = {p}"),
                norms
                    .iter()
                    .map(|&n| (n, exact_risk(p, n) / p as f64))
                    .collect(),
            )
        })
        .collect();
    series.push(("MLE (every p)".into(), vec![(0.0, 1.0), (12.0, 1.0)]));
    draw(
        &out.path("risk.svg"),
        &lines(
            "James–Stein beats the obvious estimator everywhere, for p ≥ 3",
            "‖θ‖ (distance of the true means from the shrinkage target)",
            "risk relative to the MLE",
            series,
        ),
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
        series.push((
            format!("James–Stein, p = {p} (exact)"),
            (0..=120)
                .map(|k| (k as f64 * 0.1, exact_risk(*p, k as f64 * 0.1) / p_f))
                .collect(),
        ));
        series.push((
            format!("positive part, p = {p} (simulated)"),
            sims.iter()
                .map(|r| (r.norm, r.js_plus.mean / p_f))
                .collect(),
        ));
    }
    series.push(("MLE (every p)".into(), vec![(0.0, 1.0), (12.0, 1.0)]));
    draw(
        &out.path("risk_plus.svg"),
        &lines(
            "The positive part gains most where James–Stein gains most",
            "‖θ‖ (distance of the true means from the shrinkage target)",
            "risk relative to the MLE",
            series,
        ),
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
