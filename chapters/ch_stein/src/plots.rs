//! The chapter's figures.

use crate::Outcome;
use anyhow::Result;
use chapter_support::OutputDir;
use figures::recipes::lines;
use figures::theme::{self, palette};
use figures::{Figure, Mark, Panel, Style};
use models::james_stein::exact_risk;

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
                norms.iter().map(|&n| (n, exact_risk(p, n) / p as f64)).collect(),
            )
        })
        .collect();
    series.push(("MLE (every p)".into(), vec![(0.0, 1.0), (12.0, 1.0)]));
    out.draw(
        "risk.svg",
        &lines(
            "James–Stein beats the obvious estimator everywhere, for p ≥ 3",
            "‖θ‖ (distance of the true means from the shrinkage target)",
            "risk relative to the MLE",
            series,
        ),
    )
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
            (0..=120).map(|k| (k as f64 * 0.1, exact_risk(*p, k as f64 * 0.1) / p_f)).collect(),
        ));
        series.push((
            format!("positive part, p = {p} (simulated)"),
            sims.iter().map(|r| (r.norm, r.js_plus.mean / p_f)).collect(),
        ));
    }
    series.push(("MLE (every p)".into(), vec![(0.0, 1.0), (12.0, 1.0)]));
    out.draw(
        "risk_plus.svg",
        &lines(
            "The positive part gains most where James–Stein gains most",
            "‖θ‖ (distance of the true means from the shrinkage target)",
            "risk relative to the MLE",
            series,
        ),
    )
}

/// Efron & Morris's picture: early average → James–Stein → rest of season,
/// one row each, a line joining each batter across the rows.
fn batting(out: &OutputDir, o: &Outcome) -> Result<()> {
    let rows = [
        ("first 45 at-bats", o.players.iter().map(|p| p.early).collect()),
        ("James–Stein", o.james_stein.estimates.clone()),
        ("rest of season", o.players.iter().map(|p| p.rest).collect()),
    ];
    // Row i (from the top) is at height 2 - i.
    let height = |i: usize| (rows.len() - 1 - i) as f64;
    let mut marks = Vec::new();
    for (i, pair) in rows.windows(2).enumerate() {
        let (a, b): (&Vec<f64>, &Vec<f64>) = (&pair[0].1, &pair[1].1);
        marks.push(Mark::Segments {
            segments: a
                .iter()
                .zip(b)
                .map(|(x0, x1)| ((*x0, height(i)), (*x1, height(i + 1))))
                .collect(),
            arrow: false,
            style: Style::new(palette::BLUE).opacity(0.45),
        });
    }
    for (i, (_, v)) in rows.iter().enumerate() {
        let style = Style::new(theme::AXIS).size(1.0);
        marks.insert(0, Mark::HLine { y: height(i), style });
        marks.push(Mark::Points {
            x: v.clone(),
            y: vec![height(i); v.len()],
            radii: vec![],
            style: Style::new(palette::BLUE).size(5.0),
        });
    }
    let panel = Panel {
        x_label: "batting average".into(),
        marks,
        y_ticks: Some((0..rows.len()).map(|i| (height(i), rows[i].0.into())).collect()),
        y_range: Some((-0.15, rows.len() as f64 - 0.85)),
        ..Default::default()
    };
    let figure = Figure {
        title: "18 batters: shrink the early averages, predict the season better".into(),
        ..Figure::grid(vec![panel], 1, 340)
    };
    out.draw("batting.svg", &figure)
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    risk_curves(out)?;
    risk_plus(out, o)?;
    batting(out, o)?;
    Ok(())
}
