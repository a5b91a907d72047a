//! Figures of the data, before any model: all students with the
//! least-squares line, and twelve sampled schools one by one.

use crate::Outcome;
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Points along the x axis at which fitted lines are drawn.
pub(crate) fn grid(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64)
        .collect()
}

/// A dot per student.
fn students(x: Vec<f64>, y: Vec<f64>, opacity: f64, label: &str) -> Mark {
    Mark::Points {
        x,
        y,
        radii: vec![],
        style: Style::new(palette::BLUE)
            .opacity(opacity)
            .size(2.0)
            .label(label),
    }
}

/// All students with the complete-pooling least-squares line and its 95%
/// confidence band (what ggplot's `geom_smooth(method = "lm")` draws).
fn scatter(out: &OutputDir, o: &Outcome) -> Result<()> {
    let f = &o.ols_complete;
    let (ses, math) = (o.data.ses(), o.data.math());
    let t = StudentsT::new(0.0, 1.0, f.df as f64)?.inverse_cdf(0.975);
    let xs = grid(o.eda.ses.min, o.eda.ses.max, 60);
    let line = |x: f64| f.coef[0] + f.coef[1] * x;
    let half = |x: f64| {
        let c = &f.unscaled_cov;
        let v = c[(0, 0)] + 2.0 * x * c[(0, 1)] + x * x * c[(1, 1)];
        t * f.sigma * v.sqrt()
    };
    let panel = Panel {
        x_label: "socio-economic status (SES)".into(),
        y_label: "math achievement".into(),
        marks: vec![
            students(ses, math, 0.12, "students"),
            Mark::Band {
                x: xs.clone(),
                low: xs.iter().map(|&x| line(x) - half(x)).collect(),
                high: xs.iter().map(|&x| line(x) + half(x)).collect(),
                style: Style::new(palette::VERMILLION)
                    .opacity(0.35)
                    .label("95% confidence band"),
            },
            Mark::Line {
                points: xs.iter().map(|&x| (x, line(x))).collect(),
                style: Style::new(palette::VERMILLION)
                    .size(3.0)
                    .label("least-squares line"),
            },
        ],
        ..Default::default()
    };
    out.draw(
        "eda_scatter.svg",
        &Figure {
            title: "Math achievement against SES, all 7185 students".into(),
            ..Figure::grid(vec![panel], 1, 420)
        },
    )
}

/// The sampled schools as small multiples, each with its own least-squares line.
fn schools(out: &OutputDir, o: &Outcome) -> Result<()> {
    let f = &o.ols_no_pooling;
    let cols = 3;
    let panels: Vec<Panel> = o
        .eda
        .sample
        .iter()
        .enumerate()
        .map(|(k, &j)| {
            let rows = o.data.rows_of(j);
            let x: Vec<f64> = rows.iter().map(|&i| o.data.rows[i].ses).collect();
            let y: Vec<f64> = rows.iter().map(|&i| o.data.rows[i].math).collect();
            let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let first_col = k % cols == 0;
            let last_row = k + cols >= o.eda.sample.len();
            Panel {
                title: format!("school {} ({} students)", j + 1, o.data.sizes[j]),
                x_label: axis_title(last_row, "SES"),
                y_label: axis_title(first_col, "math"),
                marks: vec![
                    students(x, y, 0.5, "students"),
                    Mark::Line {
                        points: [lo, hi]
                            .iter()
                            .map(|&v| (v, f.intercept[j] + f.slope[j] * v))
                            .collect(),
                        style: Style::new(palette::VERMILLION)
                            .size(2.5)
                            .label("the school's least-squares line"),
                    },
                ],
                ..Default::default()
            }
        })
        .collect();
    out.draw(
        "eda_schools.svg",
        &Figure {
            title: "Twelve randomly chosen schools".into(),
            shared_x: true,
            shared_y: true,
            ..Figure::grid(panels, cols, 210)
        },
    )
}

/// Writes the data figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    scatter(out, o)?;
    schools(out, o)?;
    Ok(())
}
