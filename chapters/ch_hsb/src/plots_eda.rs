//! Figures of the data, before any model: all students with the
//! least-squares line, and twelve sampled schools one by one.

use crate::Outcome;
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use figures::stat::extent;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Points along the x axis at which fitted lines are drawn.
pub(crate) fn grid(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64).collect()
}

/// A dot per student.
fn students(x: Vec<f64>, y: Vec<f64>, opacity: f64) -> Mark {
    let style = Style::new(palette::BLUE).opacity(opacity).size(2.0);
    Mark::points(x, y, style.label("students"))
}

/// All students with the complete-pooling least-squares line and its 95%
/// confidence band (what ggplot's `geom_smooth(method = "lm")` draws).
fn scatter(out: &OutputDir, o: &Outcome) -> Result<()> {
    let f = &o.ols_complete;
    let t = StudentsT::new(0.0, 1.0, f.df as f64)?.inverse_cdf(0.975);
    let xs = grid(o.eda.ses.min, o.eda.ses.max, 60);
    let band: Vec<(f64, f64, f64)> = xs.iter().map(|&x| f.band_at(x, t)).collect();
    let fitted = Style::new(palette::VERMILLION);
    let panel = Panel {
        x_label: "socio-economic status (SES)".into(),
        y_label: "math achievement".into(),
        marks: vec![
            students(o.data.ses(), o.data.math(), 0.12),
            Mark::Band {
                x: xs.clone(),
                low: band.iter().map(|b| b.0).collect(),
                high: band.iter().map(|b| b.2).collect(),
                style: fitted.clone().opacity(0.35).label("95% confidence band"),
            },
            Mark::line(
                xs.iter().zip(&band).map(|(&x, b)| (x, b.1)).collect(),
                fitted.size(3.0).label("least-squares line"),
            ),
        ],
        ..Default::default()
    };
    let title = "Math achievement against SES, all 7185 students";
    out.draw("eda_scatter.svg", &Figure::grid(vec![panel], 1, 420).titled(title))
}

/// The sampled schools as small multiples, each with its own least-squares line.
fn schools(out: &OutputDir, o: &Outcome) -> Result<()> {
    let f = &o.ols_no_pooling;
    let cols = 3;
    let own_line = Style::new(palette::VERMILLION).size(2.5);
    let mut panels = Vec::new();
    for (k, &j) in o.eda.sample.iter().enumerate() {
        let rows = o.data.rows_of(j);
        let x: Vec<f64> = rows.iter().map(|&i| o.data.rows[i].ses).collect();
        let y: Vec<f64> = rows.iter().map(|&i| o.data.rows[i].math).collect();
        let ends = <[f64; 2]>::from(extent(x.iter().copied()));
        let line = ends.map(|v| (v, f.intercept[j] + f.slope[j] * v)).to_vec();
        panels.push(Panel {
            title: format!("school {} ({} students)", j + 1, o.data.sizes[j]),
            x_label: axis_title(k + cols >= o.eda.sample.len(), "SES"),
            y_label: axis_title(k % cols == 0, "math"),
            marks: vec![
                students(x, y, 0.5),
                Mark::line(line, own_line.clone().label("the school's least-squares line")),
            ],
            ..Default::default()
        });
    }
    let figure = Figure::grid(panels, cols, 210).shared(true, true);
    out.draw("eda_schools.svg", &figure.titled("Twelve randomly chosen schools"))
}

/// Writes the data figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    scatter(out, o)?;
    schools(out, o)
}
