//! Figures of the schools under partial pooling: shrinkage of each school's
//! line, uncertainty against school size, and the distribution of the lines.

use crate::Outcome;
use crate::interval::per_school;
use crate::plots_ppc::histogram_and_line;
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use diagnostics::mean;
use figures::stat::extent;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::hsb::fits::ModelKind;

/// The school lines' two coefficients: parameter base name, its population
/// mean, and what the page calls it.
pub(crate) const LINES: [(&str, &str, &str); 2] =
    [("beta_0", "mu_beta_0", "intercept"), ("beta_1", "mu_beta_1", "SES slope")];

/// Dot radius for a school of `n` students (area proportional to `n`).
fn radius(n: usize) -> f64 {
    1.5 + 5.0 * (n as f64 / 67.0).sqrt()
}

/// No-pooling against partial-pooling posterior means, dot size = school size.
fn shrinkage(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp) = (o.fit(ModelKind::NoPooling)?, o.fit(ModelKind::NonCentred)?);
    let complete = o.fit(ModelKind::Complete)?;
    let radii: Vec<f64> = o.data.sizes.iter().map(|&n| radius(n)).collect();
    let mut panels = Vec::new();
    for (base, _, what) in LINES {
        let (x, y) = (per_school(np, base, j, |s| s.mean)?, per_school(pp, base, j, |s| s.mean)?);
        let (lo, hi) = extent(x.iter().chain(&y).copied());
        let diagonal = Style::new(palette::BLACK).size(1.5).dashed();
        let schools = Style::new(palette::VERMILLION).opacity(0.55).size(4.0);
        panels.push(Panel {
            title: format!("{what}s"),
            x_label: "no-pooling posterior mean".into(),
            y_label: "partial-pooling posterior mean".into(),
            marks: vec![
                Mark::line(vec![(lo, lo), (hi, hi)], diagonal.label("no shrinkage (y = x)")),
                Mark::HLine {
                    y: mean(&complete.pooled_named(base)?),
                    style: Style::new(palette::BLUE).size(2.5).label("complete pooling"),
                },
                Mark::Points {
                    x,
                    y,
                    radii: radii.clone(),
                    style: schools.label("school (area ∝ students)"),
                },
            ],
            ..Default::default()
        });
    }
    let title = "Shrinkage: partial pooling pulls schools towards the population";
    out.draw("shrinkage.svg", &Figure::grid(panels, 2, 380).titled(title))
}

/// Posterior sd of each school's line against its size (log axis).
fn posterior_sd(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let log_n: Vec<f64> = o.data.sizes.iter().map(|&n| (n as f64).log10()).collect();
    let ticks: Vec<(f64, String)> =
        [15, 20, 30, 40, 50, 60].iter().map(|&n| ((n as f64).log10(), n.to_string())).collect();
    let (lo, hi) = extent(log_n.iter().copied());
    let mut panels = Vec::new();
    for (k, (base, _, what)) in LINES.into_iter().enumerate() {
        let sds = [
            (ModelKind::NoPooling, palette::VERMILLION, "no pooling"),
            (ModelKind::NonCentred, palette::GREEN, "partial pooling"),
        ];
        let marks = sds.map(|(kind, colour, label)| -> Result<Mark> {
            let sd = per_school(o.fit(kind)?, base, j, |s| s.sd)?;
            let style = Style::new(colour).opacity(0.6).size(3.0).label(label);
            Ok(Mark::points(log_n.clone(), sd, style))
        });
        panels.push(Panel {
            title: format!("{what}s"),
            x_label: "students in the school (log scale)".into(),
            y_label: axis_title(k == 0, "posterior sd"),
            marks: marks.into_iter().collect::<Result<_>>()?,
            x_ticks: Some(ticks.clone()),
            x_range: Some((lo - 0.03, hi + 0.03)),
            ..Default::default()
        });
    }
    let title = "Uncertainty of each school's line against its size";
    out.draw("posterior_sd.svg", &Figure::grid(panels, 2, 340).titled(title))
}

/// Histograms of the schools' partial-pooling posterior means.
fn school_histograms(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let pp = o.fit(ModelKind::NonCentred)?;
    let mut panels = Vec::new();
    for (k, (base, mu, what)) in LINES.into_iter().enumerate() {
        let population = Style::new(palette::VERMILLION).size(2.5).dashed();
        panels.push(Panel {
            title: format!("school {what}s"),
            x_label: format!("posterior mean {what}"),
            y_label: axis_title(k == 0, "schools"),
            marks: histogram_and_line(
                per_school(pp, base, j, |s| s.mean)?,
                "schools",
                mean(&pp.pooled_named(mu)?),
                population.label("population mean"),
            ),
            ..Default::default()
        });
    }
    let title = "Partial pooling: distribution of the schools' lines";
    out.draw("school_histograms.svg", &Figure::grid(panels, 2, 320).titled(title))
}

/// Writes the figures of the schools into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    shrinkage(out, o)?;
    posterior_sd(out, o)?;
    school_histograms(out, o)
}
