//! Figures of the fits against each other: Bayesian against least squares,
//! and the caterpillars of no and partial pooling.

use crate::Outcome;
use crate::interval::{interval, school_intervals};
use crate::plots_schools::LINES;
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use diagnostics::Estimate;
use figures::stat::extent;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::hsb::fits::ModelKind;

/// An estimate at `x`: a dot of radius 5 at `centre` and, with a `spread`,
/// a vertical interval `centre ± spread` under it.
fn estimate_marks(x: f64, centre: f64, spread: Option<f64>, style: Style) -> Vec<Mark> {
    let mut marks = Vec::new();
    if let Some(s) = spread {
        marks.push(Mark::Intervals {
            x: vec![x],
            low: vec![centre - s],
            high: vec![centre + s],
            style: style.clone(),
        });
    }
    marks.push(Mark::Points { x: vec![x], y: vec![centre], radii: vec![5.0], style });
    marks
}

/// Complete pooling: posterior mean ± 1 sd against the least-squares
/// estimate ± 1 standard error, one panel per parameter.
fn bayes_vs_ols(out: &OutputDir, o: &Outcome) -> Result<()> {
    let fit = o.fit(ModelKind::Complete)?;
    let f = &o.ols_complete;
    let params = [
        ("intercept", "beta_0", f.coef[0], Some(f.se[0])),
        ("SES slope", "beta_1", f.coef[1], Some(f.se[1])),
        ("sigma", "sigma", f.sigma, None),
    ];
    let bayes = Style::new(palette::BLUE).size(3.0);
    let bayes = bayes.label("Bayesian: mean ± 1 sd");
    let ls = Style::new(palette::VERMILLION).size(3.0);
    let ls = ls.label("least squares: estimate ± 1 SE");
    let mut panels = Vec::new();
    for (k, (title, name, estimate, se)) in params.into_iter().enumerate() {
        let b = interval(fit, name)?;
        let marks = [
            estimate_marks(0.0, b.mean, Some(b.sd), bayes.clone()),
            estimate_marks(1.0, estimate, se, ls.clone()),
        ];
        panels.push(Panel {
            title: title.to_string(),
            y_label: axis_title(k == 0, "estimate"),
            marks: marks.concat(),
            x_ticks: Some(vec![(0.0, "Bayes".into()), (1.0, "OLS".into())]),
            x_range: Some((-0.6, 1.6)),
            ..Default::default()
        });
    }
    let title = "Complete pooling: Bayesian and least-squares estimates";
    out.draw("bayes_vs_ols.svg", &Figure::grid(panels, 3, 300).titled(title))
}

/// Schools ranked by their posterior mean, with 95% intervals, over
/// `reference` marks.
fn caterpillar_panel(
    title: String,
    y_label: &str,
    schools: &[Estimate],
    mut marks: Vec<Mark>,
    y_range: (f64, f64),
) -> Panel {
    let mut order: Vec<usize> = (0..schools.len()).collect();
    order.sort_by(|&a, &b| schools[a].mean.total_cmp(&schools[b].mean));
    let x: Vec<f64> = (1..=schools.len()).map(|r| r as f64).collect();
    let pick = |f: fn(&Estimate) -> f64| order.iter().map(|&j| f(&schools[j])).collect();
    let black = Style::new(palette::BLACK);
    marks.push(Mark::Intervals {
        x: x.clone(),
        low: pick(|s| s.low),
        high: pick(|s| s.high),
        style: black.clone().opacity(0.45).size(1.5).label("school: 95% interval"),
    });
    let dots = black.size(2.0).label("school: posterior mean");
    marks.push(Mark::points(x, pick(|s| s.mean), dots));
    Panel {
        title,
        x_label: "school, ranked by posterior mean".into(),
        y_label: y_label.into(),
        marks,
        x_range: Some((0.0, schools.len() as f64 + 1.0)),
        y_range: Some(y_range),
        ..Default::default()
    }
}

/// A horizontal band over the interval of `iv` across ranks 0…n+1, and a
/// dashed line at its mean, both in the colour of `style`, labelled `what: …`.
fn band_and_line(n: usize, iv: Estimate, style: Style, [what, mean]: [&str; 2]) -> Vec<Mark> {
    vec![
        Mark::Band {
            x: vec![0.0, n as f64 + 1.0],
            low: vec![iv.low; 2],
            high: vec![iv.high; 2],
            style: style.clone().opacity(0.25).label(format!("{what}: 95% interval")),
        },
        Mark::HLine { y: iv.mean, style: style.dashed().label(format!("{what}: {mean}")) },
    ]
}

/// Caterpillars of no-pooling and partial-pooling school lines, on one y
/// range covering every interval of both, so shrinkage shows as narrower spread.
fn caterpillars(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp) = (o.fit(ModelKind::NoPooling)?, o.fit(ModelKind::NonCentred)?);
    let cp = o.fit(ModelKind::Complete)?;
    let files = ["caterpillar_intercepts.svg", "caterpillar_slopes.svg"];
    for ((base, mu, what), file) in LINES.into_iter().zip(files) {
        let (a, b) = (school_intervals(np, base, j)?, school_intervals(pp, base, j)?);
        let (lo, _) = extent(a.iter().chain(&b).map(|s| s.low));
        let (_, hi) = extent(a.iter().chain(&b).map(|s| s.high));
        let range = (lo - 0.03 * (hi - lo), hi + 0.03 * (hi - lo));
        let (blue, vermillion) = (Style::new(palette::BLUE), Style::new(palette::VERMILLION));
        let complete = band_and_line(j, interval(cp, base)?, blue, ["complete pooling", "mean"]);
        let population = ["population mean", "posterior mean"];
        let population = band_and_line(j, interval(pp, mu)?, vermillion, population);
        let panels = [("no pooling", a, complete), ("partial pooling", b, population)];
        let panels = panels.map(|(model, schools, reference)| {
            caterpillar_panel(format!("{model}: {what}s"), what, &schools, reference, range)
        });
        let title = format!("School {what}s: no pooling against partial pooling");
        out.draw(file, &Figure::grid(panels.to_vec(), 1, 300).titled(title))?;
    }
    Ok(())
}

/// Writes the figures comparing the fits into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    bayes_vs_ols(out, o)?;
    caterpillars(out, o)
}
