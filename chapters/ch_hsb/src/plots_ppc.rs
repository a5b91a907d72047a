//! Figures of the posterior predictive checks: density overlays, the
//! replicated mean, per-school overlays and residuals.

use crate::kde::{bandwidth, density};
use crate::plots_eda::grid;
use crate::{CHECKED_SCHOOLS, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::hsb::fits::ModelKind;

/// Points of each density curve.
const GRID_POINTS: usize = 90;

/// Density curves of `observed` and each replicated data set, on a grid
/// spanning all of them. The bandwidth of every curve is the observed one.
fn overlay_marks(observed: &[f64], replicated: &[Vec<f64>]) -> Vec<Mark> {
    let all = observed.iter().chain(replicated.iter().flatten());
    let lo = all.clone().copied().fold(f64::INFINITY, f64::min);
    let hi = all.copied().fold(f64::NEG_INFINITY, f64::max);
    let xs = grid(lo, hi, GRID_POINTS);
    let h = bandwidth(observed);
    let curve = |v: &[f64]| {
        xs.iter()
            .copied()
            .zip(density(v, &xs, h))
            .collect::<Vec<_>>()
    };
    let mut marks: Vec<Mark> = replicated
        .iter()
        .map(|r| Mark::Line {
            points: curve(r),
            style: Style::new(palette::SKY_BLUE)
                .opacity(0.3)
                .size(1.0)
                .label("replicated data"),
        })
        .collect();
    marks.push(Mark::Line {
        points: curve(observed),
        style: Style::new(palette::BLACK).size(2.5).label("observed data"),
    });
    marks
}

/// Observed against 100 replicated densities, one panel per model.
fn density_overlays(out: &OutputDir, o: &Outcome) -> Result<()> {
    let observed = o.data.math();
    let panels = ModelKind::COMPARED
        .iter()
        .enumerate()
        .map(|(k, &kind)| Panel {
            title: kind.label().into(),
            x_label: "math achievement".into(),
            y_label: axis_title(k == 0, "density"),
            marks: overlay_marks(&observed, &o.check(kind).y_rep),
            ..Default::default()
        })
        .collect();
    out.draw(
        "ppc_density.svg",
        &Figure {
            title: format!(
                "Observed scores against {} replicated data sets",
                crate::NUM_REPLICATES
            ),
            shared_x: true,
            shared_y: true,
            ..Figure::grid(panels, 3, 280)
        },
    )
}

/// Histogram of the replicated means with the observed mean.
fn replicated_means(out: &OutputDir, o: &Outcome) -> Result<()> {
    let observed = o.eda.math.mean;
    let panels = ModelKind::COMPARED
        .iter()
        .enumerate()
        .map(|(k, &kind)| Panel {
            title: kind.label().into(),
            x_label: "mean of a data set".into(),
            y_label: axis_title(k == 0, "draws"),
            marks: vec![
                Mark::Histogram {
                    values: o.check(kind).rep_means.clone(),
                    bins: 30,
                    range: None,
                    style: Style::new(palette::SKY_BLUE).label("replicated means"),
                },
                Mark::VLine {
                    x: observed,
                    style: Style::new(palette::BLACK).size(2.5).label("observed mean"),
                },
            ],
            ..Default::default()
        })
        .collect();
    out.draw(
        "ppc_mean.svg",
        &Figure {
            title: "The mean score: observed against replicated".into(),
            shared_x: true,
            ..Figure::grid(panels, 3, 260)
        },
    )
}

/// Partial pooling: observed against 50 replicated densities in single schools.
fn school_overlays(out: &OutputDir, o: &Outcome) -> Result<()> {
    let check = o.check(ModelKind::NonCentred);
    let panels = CHECKED_SCHOOLS
        .iter()
        .filter(|&&j| j <= o.data.num_schools())
        .enumerate()
        .map(|(k, &j)| {
            let rows = o.data.rows_of(j - 1);
            let observed: Vec<f64> = rows.iter().map(|&i| o.data.rows[i].math).collect();
            let replicated: Vec<Vec<f64>> = check
                .y_rep
                .iter()
                .take(50)
                .map(|y| rows.iter().map(|&i| y[i]).collect())
                .collect();
            Panel {
                title: format!("school {j} ({} students)", rows.len()),
                x_label: axis_title(k >= 3, "math achievement"),
                y_label: axis_title(k % 3 == 0, "density"),
                marks: overlay_marks(&observed, &replicated),
                ..Default::default()
            }
        })
        .collect();
    out.draw(
        "ppc_schools.svg",
        &Figure {
            title: "Partial pooling: five schools against 50 replicated data sets".into(),
            shared_x: true,
            ..Figure::grid(panels, 3, 230)
        },
    )
}

/// Means of `y` in `bins` groups of consecutive `x` (sorted), as `(x, y)` points:
/// a simple smoother of a scatter.
fn binned_means(x: &[f64], y: &[f64], bins: usize) -> Vec<(f64, f64)> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    (0..bins)
        .map(|b| {
            let part = &order[b * x.len() / bins..(b + 1) * x.len() / bins];
            let n = part.len().max(1) as f64;
            (
                part.iter().map(|&i| x[i]).sum::<f64>() / n,
                part.iter().map(|&i| y[i]).sum::<f64>() / n,
            )
        })
        .collect()
}

/// Residuals (observed minus posterior mean) against SES.
fn residuals(out: &OutputDir, o: &Outcome) -> Result<()> {
    let ses = o.data.ses();
    let panels = [ModelKind::Complete, ModelKind::NonCentred]
        .iter()
        .enumerate()
        .map(|(k, &kind)| {
            let r = &o.check(kind).residuals;
            Panel {
                title: kind.label().into(),
                x_label: "SES".into(),
                y_label: axis_title(k == 0, "residual"),
                marks: vec![
                    Mark::Points {
                        x: ses.clone(),
                        y: r.clone(),
                        radii: vec![],
                        style: Style::new(palette::BLUE)
                            .opacity(0.12)
                            .size(2.0)
                            .label("students"),
                    },
                    Mark::HLine {
                        y: 0.0,
                        style: Style::new(palette::BLACK).dashed(),
                    },
                    Mark::Line {
                        points: binned_means(&ses, r, 25),
                        style: Style::new(palette::VERMILLION)
                            .size(3.0)
                            .label("mean in 25 bins of SES"),
                    },
                ],
                ..Default::default()
            }
        })
        .collect();
    out.draw(
        "residuals_ses.svg",
        &Figure {
            title: "Residuals against SES".into(),
            shared_x: true,
            shared_y: true,
            ..Figure::grid(panels, 2, 320)
        },
    )?;

    let cols = 3;
    let (rc, rp) = (
        &o.check(ModelKind::Complete).residuals,
        &o.check(ModelKind::NonCentred).residuals,
    );
    let panels = o
        .eda
        .sample
        .iter()
        .enumerate()
        .map(|(k, &j)| {
            let rows = o.data.rows_of(j);
            let x: Vec<f64> = rows.iter().map(|&i| ses[i]).collect();
            let pick = |r: &[f64]| rows.iter().map(|&i| r[i]).collect::<Vec<f64>>();
            Panel {
                title: format!("school {}", j + 1),
                x_label: axis_title(k + cols >= o.eda.sample.len(), "SES"),
                y_label: axis_title(k % cols == 0, "residual"),
                marks: vec![
                    Mark::HLine {
                        y: 0.0,
                        style: Style::new(palette::BLACK).dashed(),
                    },
                    Mark::Points {
                        x: x.clone(),
                        y: pick(rc),
                        radii: vec![],
                        style: Style::new(palette::VERMILLION)
                            .opacity(0.6)
                            .size(2.5)
                            .label("complete pooling"),
                    },
                    Mark::Points {
                        x,
                        y: pick(rp),
                        radii: vec![],
                        style: Style::new(palette::BLUE)
                            .opacity(0.6)
                            .size(2.5)
                            .label("partial pooling"),
                    },
                ],
                ..Default::default()
            }
        })
        .collect();
    out.draw(
        "residuals_schools.svg",
        &Figure {
            title: "Residuals in the twelve sampled schools".into(),
            shared_x: true,
            shared_y: true,
            ..Figure::grid(panels, cols, 200)
        },
    )
}

/// Writes the predictive-check figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    density_overlays(out, o)?;
    replicated_means(out, o)?;
    school_overlays(out, o)?;
    residuals(out, o)?;
    Ok(())
}
