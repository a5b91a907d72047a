//! The chapter's figures.

use crate::Outcome;
use crate::eight::TAU;
use crate::grid::{ESTIMATORS, TAUS};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::sig;
use figures::recipes::{Shrinkage, pooling_mse_bars, shrinkage_arrows};
use figures::theme::{self, palette};
use figures::{Anchor, Figure, Mark, Panel, Scale, Style, draw};
use models::eight_schools::{SCHOOLS, SIGMA};
use models::shrinkage::shrinkage_factor;

/// Points `(x[i], y[i])` of one style.
fn points(xy: impl IntoIterator<Item = (f64, f64)>, style: Style) -> Mark {
    let (x, y) = xy.into_iter().unzip();
    Mark::Points { x, y, radii: vec![], style }
}

/// Labels `text[i]` at `at[i]`, `offset` pixels away, placed by `anchor`.
fn labels(at: Vec<(f64, f64)>, text: Vec<String>, anchor: Anchor, offset: (i32, i32)) -> Mark {
    Mark::Text { at, text, anchor, offset, style: Style::new(theme::TEXT).size(theme::NOTE_SIZE) }
}

/// `B` against `sigma / tau`, the eight schools placed at `tau = 6`.
fn b_curve(out: &OutputDir) -> Result<()> {
    let curve: Vec<(f64, f64)> =
        (0..=175).map(|k| k as f64 * 0.02).map(|r| (r, shrinkage_factor(r, 1.0))).collect();
    // Schools with the same sigma sit on the same point: label them together.
    let mut sigmas: Vec<f64> = SIGMA.to_vec();
    sigmas.sort_by(f64::total_cmp);
    sigmas.dedup();
    let at: Vec<(f64, f64)> = sigmas.iter().map(|s| (s / TAU, shrinkage_factor(*s, TAU))).collect();
    let text: Vec<String> = sigmas
        .iter()
        .map(|s| {
            let names: Vec<&str> =
                SCHOOLS.iter().zip(SIGMA).filter(|(_, t)| t == s).map(|(n, _)| *n).collect();
            format!("{} (σ = {s})", names.join(", "))
        })
        .collect();
    // Alternate labels above-left and below-right to keep neighbours apart.
    fn every_other<T: Clone>(v: &[T], odd: usize) -> Vec<T> {
        v.iter().skip(odd).step_by(2).cloned().collect()
    }
    let panel = Panel {
        x_label: "σᵢ / τ (noise of the group's estimate relative to the spread between groups)"
            .into(),
        y_label: "shrinkage factor B".into(),
        marks: vec![
            Mark::Line {
                style: Style::new(palette::BLUE).size(3.0).label("B as a function of σ/τ"),
                points: curve,
            },
            points(
                at.iter().copied(),
                Style::new(palette::VERMILLION)
                    .size(6.0)
                    .label(format!("Eight Schools at τ = {TAU}")),
            ),
            labels(every_other(&at, 0), every_other(&text, 0), Anchor::End, (-6, -15)),
            labels(every_other(&at, 1), every_other(&text, 1), Anchor::Start, (6, 15)),
        ],
        x_range: Some((0.0, 3.5)),
        y_range: Some((0.0, 1.0)),
        ..Default::default()
    };
    let figure = Figure {
        title: "How much a group is pulled: B = σ² / (σ² + τ²)".into(),
        ..Figure::grid(vec![panel], 1, 420)
    };
    Ok(draw(&out.path("b_curve.svg"), &figure)?)
}

/// Raw means → full-Bayes estimates, truth marked.
fn arrows(out: &OutputDir, o: &Outcome) -> Result<()> {
    let e = &o.experiment;
    let grand = e.eb.grand_mean;
    let s = Shrinkage {
        names: (1..=e.data.ybar.len()).map(|j| format!("School {j}")).collect(),
        raw: e.data.ybar.clone(),
        raw_label: "raw mean (no pooling)".into(),
        pooled: e.bayes.clone(),
        pooled_label: "partial pooling (full Bayes)".into(),
        truth: e.data.truth.clone(),
        centre: (grand, format!("grand mean {}", sig(grand, 3))),
        x_label: "mean score".into(),
    };
    let title = "Each school's raw mean moves towards the grand mean";
    Ok(draw(&out.path("arrows.svg"), &shrinkage_arrows(title, &s)?)?)
}

/// The experiment's MSE of each estimator.
fn mse_bars(out: &OutputDir, o: &Outcome) -> Result<()> {
    let m = o.experiment.mse;
    let figure = pooling_mse_bars(m, m.map(|v| sig(v, 3)));
    Ok(draw(&out.path("mse.svg"), &figure)?)
}

/// The simulation study: MSE against n, one panel per tau, on log–log axes.
fn grid(out: &OutputDir, o: &Outcome) -> Result<()> {
    let panel = |tau: f64| {
        let mut marks = Vec::new();
        for (k, name) in ESTIMATORS.iter().enumerate() {
            let xy: Vec<(f64, f64)> = o
                .grid
                .iter()
                .filter(|c| c.design.tau == tau)
                .map(|c| (c.design.students as f64, c.mse[k]))
                .collect();
            // A line and dots under one label share a line-with-dot swatch.
            let style = Style::new(palette::series(k)).label(*name);
            marks.push(Mark::Line { points: xy.clone(), style: style.clone() });
            marks.push(points(xy, style.size(4.0)));
        }
        Panel {
            title: format!("τ = {tau}"),
            x_label: "students per school n".into(),
            y_label: "MSE".into(),
            marks,
            x_scale: Scale::Log,
            y_scale: Scale::Log,
            ..Default::default()
        }
    };
    let figure = Figure {
        title: "Which estimator wins, and where".into(),
        shared_x: true,
        shared_y: true,
        ..Figure::grid(TAUS.iter().map(|&t| panel(t)).collect(), 2, 290)
    };
    Ok(draw(&out.path("grid.svg"), &figure)?)
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    b_curve(out)?;
    arrows(out, o)?;
    mse_bars(out, o)?;
    grid(out, o)?;
    Ok(())
}
