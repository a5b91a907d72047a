//! The chapter's figures: the elpd comparison (the source's Figure 5.36, with exact
//! values added), Pareto k by school, and the PSIS error per school against its k.

use crate::Outcome;
use anyhow::Result;
use chapter_support::OutputDir;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::eight_schools::SCHOOLS;

/// elpd_loo ± 2 SE per model, the exact elpd_loo, and the differences from the best
/// model ± 2 se_diff.
fn elpd_comparison(out: &OutputDir, o: &Outcome) -> Result<()> {
    let rows = &o.comparison.rows;
    let x: Vec<f64> = (1..=rows.len()).map(|i| i as f64).collect();
    // "complete pooling" -> "complete": the axis says what the labels are.
    let ticks: Vec<(f64, String)> = rows
        .iter()
        .zip(&x)
        .map(|(r, &xi)| (xi, r.name.trim_end_matches(" pooling").replace("no", "none")))
        .collect();
    let exact: Vec<f64> = rows
        .iter()
        .map(|r| {
            o.models.iter().find(|m| m.name == r.name).map_or(f64::NAN, |m| m.exact.iter().sum())
        })
        .collect();
    let elpd: Vec<f64> = rows.iter().map(|r| r.elpd).collect();
    let shifted: Vec<f64> = x.iter().map(|v| v + 0.12).collect();
    let exact_style = Style::new(palette::VERMILLION).size(5.0).label("exact leave-one-out");
    let left = Panel {
        title: "elpd_loo ± 2 SE (higher is better)".into(),
        x_label: "pooling, best first".into(),
        y_label: "elpd".into(),
        marks: vec![
            Mark::Intervals {
                x: x.clone(),
                low: rows.iter().map(|r| r.elpd - 2.0 * r.se).collect(),
                high: rows.iter().map(|r| r.elpd + 2.0 * r.se).collect(),
                style: Style::new(palette::BLUE).size(2.5).label("PSIS-LOO ± 2 SE"),
            },
            Mark::Points {
                x: x.clone(),
                y: elpd,
                radii: vec![],
                style: Style::new(palette::BLUE).size(5.0),
            },
            Mark::Points {
                x: shifted.clone(),
                y: exact.clone(),
                radii: vec![],
                style: exact_style.clone(),
            },
        ],
        x_ticks: Some(ticks.clone()),
        x_range: Some((0.5, rows.len() as f64 + 0.5)),
        y_range: None,
        ..Default::default()
    };
    let diff: Vec<f64> = rows.iter().map(|r| -r.elpd_diff).collect();
    let exact_diff: Vec<f64> = exact.iter().map(|e| e - exact[0]).collect();
    let right = Panel {
        title: "difference from the best ± 2 se_diff".into(),
        x_label: "pooling, best first".into(),
        y_label: "elpd difference".into(),
        marks: vec![
            Mark::HLine { y: 0.0, style: Style::new(palette::BLACK).dashed().size(1.5) },
            Mark::Intervals {
                x: x.clone(),
                low: rows.iter().map(|r| -r.elpd_diff - 2.0 * r.se_diff).collect(),
                high: rows.iter().map(|r| -r.elpd_diff + 2.0 * r.se_diff).collect(),
                style: Style::new(palette::GREEN).size(2.5).label("elpd_diff ± 2 se_diff"),
            },
            Mark::Points { x, y: diff, radii: vec![], style: Style::new(palette::GREEN).size(5.0) },
            Mark::Points { x: shifted, y: exact_diff, radii: vec![], style: exact_style },
        ],
        x_ticks: Some(ticks),
        x_range: Some((0.5, rows.len() as f64 + 0.5)),
        y_range: None,
        ..Default::default()
    };
    out.draw(
        "elpd_comparison.svg",
        &Figure {
            title: "LOO comparison of three pooling strategies".into(),
            panels: vec![left, right],
            columns: 2,
            panel_height: 320,
            shared_x: true,
            shared_y: false,
            ..Default::default()
        },
    )
}

fn school_ticks() -> Vec<(f64, String)> {
    SCHOOLS.iter().enumerate().map(|(i, s)| ((i + 1) as f64, s.to_string())).collect()
}

/// Pareto k of every school under each model, with the reliability thresholds.
fn pareto_k(out: &OutputDir, o: &Outcome) -> Result<()> {
    let x: Vec<f64> = (1..=SCHOOLS.len()).map(|i| i as f64).collect();
    let top =
        o.models.iter().flat_map(|m| m.loo.pareto_k.iter().copied()).fold(1.1_f64, f64::max) + 0.1;
    let panels = o
        .models
        .iter()
        .map(|m| Panel {
            title: m.name.to_string(),
            x_label: "school".into(),
            y_label: "Pareto k".into(),
            marks: vec![
                Mark::HLine {
                    y: m.loo.good_k,
                    style: Style::new(palette::ORANGE)
                        .dashed()
                        .label("reliability threshold min(1 − 1/log10 S, 0.7)"),
                },
                Mark::HLine {
                    y: 1.0,
                    style: Style::new(palette::VERMILLION).dashed().label("k = 1"),
                },
                Mark::Points {
                    x: x.clone(),
                    y: m.loo.pareto_k.clone(),
                    radii: vec![],
                    style: Style::new(palette::BLUE).size(5.0).label("Pareto k of school"),
                },
            ],
            x_ticks: Some(school_ticks()),
            x_range: Some((0.5, SCHOOLS.len() as f64 + 0.5)),
            y_range: Some((-0.5, top)),
            ..Default::default()
        })
        .collect();
    out.draw(
        "pareto_k.svg",
        &Figure {
            title: "PSIS diagnostics: Pareto k by school".into(),
            shared_x: true,
            shared_y: true,
            ..Figure::grid(panels, 3, 280)
        },
    )
}

/// Error of each school's PSIS estimate against its Pareto k, all three models.
fn psis_error(out: &OutputDir, o: &Outcome) -> Result<()> {
    let mut marks =
        vec![Mark::HLine { y: 0.0, style: Style::new(palette::BLACK).dashed().size(1.5) }];
    if let Some(m) = o.models.first() {
        marks.push(Mark::VLine {
            x: m.loo.good_k,
            style: Style::new(palette::ORANGE).dashed().label("k threshold"),
        });
    }
    for (j, m) in o.models.iter().enumerate() {
        marks.push(Mark::Points {
            x: m.loo.pareto_k.clone(),
            y: m.loo.pointwise.iter().zip(&m.exact).map(|(p, e)| p - e).collect(),
            radii: vec![],
            style: Style::new(palette::series(j)).size(5.0).label(m.name),
        });
    }
    out.draw(
        "psis_error.svg",
        &Figure {
            title: "PSIS error per school against its Pareto k".into(),
            panels: vec![Panel {
                title: String::new(),
                x_label: "Pareto k".into(),
                y_label: "PSIS − exact log p(y_i | y_-i)".into(),
                marks,
                x_ticks: None,
                x_range: None,
                y_range: None,
                ..Default::default()
            }],
            columns: 1,
            panel_height: 340,
            shared_x: false,
            shared_y: false,
            ..Default::default()
        },
    )
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    elpd_comparison(out, o)?;
    pareto_k(out, o)?;
    psis_error(out, o)?;
    Ok(())
}
