//! Figures of the posterior predictive checks: density overlays, the
//! replicated mean, per-school overlays and residuals.

use crate::plots_eda::grid;
use crate::{CHECKED_SCHOOLS, NUM_REPLICATES, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use diagnostics::binned_means;
use diagnostics::kde::{bandwidth, density};
use figures::stat::extent;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::hsb::fits::ModelKind;

/// Points of each density curve.
const GRID_POINTS: usize = 90;

/// Density curves of `observed` and each replicated data set, on a grid
/// spanning all of them. The bandwidth of every curve is the observed one.
fn overlay_marks(observed: &[f64], replicated: &[Vec<f64>]) -> Vec<Mark> {
    let (lo, hi) = extent(observed.iter().chain(replicated.iter().flatten()).copied());
    let xs = grid(lo, hi, GRID_POINTS);
    let h = bandwidth(observed);
    let curve = |v: &[f64]| xs.iter().copied().zip(density(v, &xs, h)).collect();
    let faint = Style::new(palette::SKY_BLUE).opacity(0.3).size(1.0);
    let mut marks: Vec<Mark> = replicated
        .iter()
        .map(|r| Mark::line(curve(r), faint.clone().label("replicated data")))
        .collect();
    let bold = Style::new(palette::BLACK).size(2.5);
    marks.push(Mark::line(curve(observed), bold.label("observed data")));
    marks
}

/// A panel per compared model, titled with its label: `panel(k, kind)` is the rest.
fn per_model(panel: impl Fn(usize, ModelKind) -> Result<Panel>) -> Result<Vec<Panel>> {
    let models = ModelKind::COMPARED.iter().enumerate();
    let titled = |(k, &kind): (usize, &ModelKind)| -> Result<Panel> {
        Ok(Panel { title: kind.label().into(), ..panel(k, kind)? })
    };
    models.map(titled).collect()
}

/// Observed against 100 replicated densities, one panel per model.
fn density_overlays(out: &OutputDir, o: &Outcome) -> Result<()> {
    let observed = o.data.math();
    let panels = per_model(|k, kind| {
        Ok(Panel {
            x_label: "math achievement".into(),
            y_label: axis_title(k == 0, "density"),
            marks: overlay_marks(&observed, &o.check(kind)?.y_rep),
            ..Default::default()
        })
    })?;
    let title = format!("Observed scores against {NUM_REPLICATES} replicated data sets");
    let figure = Figure::grid(panels, 3, 280).shared(true, true);
    out.draw("ppc_density.svg", &figure.titled(title))
}

/// A sky-blue 30-bin histogram of `values`, labelled `what`, and a vertical
/// line at `x` in `line`.
pub(crate) fn histogram_and_line(values: Vec<f64>, what: &str, x: f64, line: Style) -> Vec<Mark> {
    let style = Style::new(palette::SKY_BLUE).label(what);
    vec![Mark::Histogram { values, bins: 30, range: None, style }, Mark::VLine { x, style: line }]
}

/// Histogram of the replicated means with the observed mean.
fn replicated_means(out: &OutputDir, o: &Outcome) -> Result<()> {
    let panels = per_model(|k, kind| {
        Ok(Panel {
            x_label: "mean of a data set".into(),
            y_label: axis_title(k == 0, "draws"),
            marks: histogram_and_line(
                o.check(kind)?.rep_means.clone(),
                "replicated means",
                o.eda.math.mean,
                Style::new(palette::BLACK).size(2.5).label("observed mean"),
            ),
            ..Default::default()
        })
    })?;
    let title = "The mean score: observed against replicated";
    let figure = Figure::grid(panels, 3, 260).shared(true, false);
    out.draw("ppc_mean.svg", &figure.titled(title))
}

/// Partial pooling: observed against 50 replicated densities in single schools.
fn school_overlays(out: &OutputDir, o: &Outcome) -> Result<()> {
    let check = o.check(ModelKind::NonCentred)?;
    let schools = CHECKED_SCHOOLS.iter().filter(|&&j| j <= o.data.num_schools());
    let mut panels = Vec::new();
    for (k, &j) in schools.enumerate() {
        let rows = o.data.rows_of(j - 1);
        let pick = |y: &[f64]| -> Vec<f64> { rows.iter().map(|&i| y[i]).collect() };
        let replicated: Vec<Vec<f64>> = check.y_rep.iter().take(50).map(|y| pick(y)).collect();
        panels.push(Panel {
            title: format!("school {j} ({} students)", rows.len()),
            x_label: axis_title(k >= 3, "math achievement"),
            y_label: axis_title(k % 3 == 0, "density"),
            marks: overlay_marks(&pick(&o.data.math()), &replicated),
            ..Default::default()
        });
    }
    let title = "Partial pooling: five schools against 50 replicated data sets";
    let figure = Figure::grid(panels, 3, 230).shared(true, false);
    out.draw("ppc_schools.svg", &figure.titled(title))
}

/// A dashed line at zero residual.
fn zero() -> Mark {
    let style = Style::new(palette::BLACK).dashed();
    Mark::HLine { y: 0.0, style }
}

/// Residuals (observed minus posterior mean) against SES: all students, then
/// the twelve sampled schools.
fn residuals(out: &OutputDir, o: &Outcome) -> Result<()> {
    let ses = o.data.ses();
    let pair = [ModelKind::Complete, ModelKind::NonCentred];
    let mut panels = Vec::new();
    for (k, kind) in pair.into_iter().enumerate() {
        let r = &o.check(kind)?.residuals;
        let students = Style::new(palette::BLUE).opacity(0.12).size(2.0);
        let smooth = Style::new(palette::VERMILLION).size(3.0);
        panels.push(Panel {
            title: kind.label().into(),
            x_label: "SES".into(),
            y_label: axis_title(k == 0, "residual"),
            marks: vec![
                Mark::points(ses.clone(), r.clone(), students.label("students")),
                zero(),
                Mark::line(binned_means(&ses, r, 25), smooth.label("mean in 25 bins of SES")),
            ],
            ..Default::default()
        });
    }
    let figure = Figure::grid(panels, 2, 320).shared(true, true);
    out.draw("residuals_ses.svg", &figure.titled("Residuals against SES"))?;

    let cols = 3;
    let mut panels = Vec::new();
    for (k, &j) in o.eda.sample.iter().enumerate() {
        let rows = o.data.rows_of(j);
        let pick = |r: &[f64]| -> Vec<f64> { rows.iter().map(|&i| r[i]).collect() };
        let mut marks = vec![zero()];
        for (kind, colour, label) in [
            (ModelKind::Complete, palette::VERMILLION, "complete pooling"),
            (ModelKind::NonCentred, palette::BLUE, "partial pooling"),
        ] {
            let style = Style::new(colour).opacity(0.6).size(2.5).label(label);
            marks.push(Mark::points(pick(&ses), pick(&o.check(kind)?.residuals), style));
        }
        panels.push(Panel {
            title: format!("school {}", j + 1),
            x_label: axis_title(k + cols >= o.eda.sample.len(), "SES"),
            y_label: axis_title(k % cols == 0, "residual"),
            marks,
            ..Default::default()
        });
    }
    let title = "Residuals in the twelve sampled schools";
    let figure = Figure::grid(panels, cols, 200).shared(true, true);
    out.draw("residuals_schools.svg", &figure.titled(title))
}

/// Writes the predictive-check figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    density_overlays(out, o)?;
    replicated_means(out, o)?;
    school_overlays(out, o)?;
    residuals(out, o)
}
