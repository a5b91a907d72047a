//! Figures of the schools under partial pooling: shrinkage of each school's
//! line, uncertainty against school size, and the distribution of the lines.

use crate::Outcome;
use crate::interval::{interval, school_intervals};
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::hsb::fits::ModelKind;
use sampler::Fit;

/// Dot radius for a school of `n` students (area proportional to `n`).
fn radius(n: usize) -> f64 {
    1.5 + 5.0 * (n as f64 / 67.0).sqrt()
}

/// No-pooling against partial-pooling posterior means, dot size = school size.
fn shrinkage(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp, cp) = (
        o.fit(ModelKind::NoPooling),
        o.fit(ModelKind::NonCentred),
        o.fit(ModelKind::Complete),
    );
    let radii: Vec<f64> = o.data.sizes.iter().map(|&n| radius(n)).collect();
    let panels = [("beta_0", "intercepts"), ("beta_1", "SES slopes")]
        .iter()
        .map(|(base, what)| {
            let x: Vec<f64> = school_intervals(np, base, j)?
                .iter()
                .map(|s| s.mean)
                .collect();
            let y: Vec<f64> = school_intervals(pp, base, j)?
                .iter()
                .map(|s| s.mean)
                .collect();
            let lo = x.iter().chain(&y).copied().fold(f64::INFINITY, f64::min);
            let hi = x
                .iter()
                .chain(&y)
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
            Ok(Panel {
                title: what.to_string(),
                x_label: "no-pooling posterior mean".into(),
                y_label: "partial-pooling posterior mean".into(),
                marks: vec![
                    Mark::Line {
                        points: vec![(lo, lo), (hi, hi)],
                        style: Style::new(palette::BLACK)
                            .size(1.5)
                            .dashed()
                            .label("no shrinkage (y = x)"),
                    },
                    Mark::HLine {
                        y: interval(cp, base)?.mean,
                        style: Style::new(palette::BLUE)
                            .size(2.5)
                            .label("complete pooling"),
                    },
                    Mark::Points {
                        x,
                        y,
                        radii: radii.clone(),
                        style: Style::new(palette::VERMILLION)
                            .opacity(0.55)
                            .size(4.0)
                            .label("school (area ∝ students)"),
                    },
                ],
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.draw(
        "shrinkage.svg",
        &Figure {
            title: "Shrinkage: partial pooling pulls schools towards the population".into(),
            ..Figure::grid(panels, 2, 380)
        },
    )
}

/// Posterior sd of each school's line against its size (log axis).
fn posterior_sd(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp) = (o.fit(ModelKind::NoPooling), o.fit(ModelKind::NonCentred));
    let log_n: Vec<f64> = o.data.sizes.iter().map(|&n| (n as f64).log10()).collect();
    let ticks: Vec<(f64, String)> = [15, 20, 30, 40, 50, 60]
        .iter()
        .map(|&n| ((n as f64).log10(), n.to_string()))
        .collect();
    let (lo, hi) = (
        log_n.iter().copied().fold(f64::INFINITY, f64::min),
        log_n.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let panels = [("beta_0", "intercepts"), ("beta_1", "SES slopes")]
        .iter()
        .enumerate()
        .map(|(k, (base, what))| {
            let sd = |fit: &Fit| -> Result<Vec<f64>> {
                Ok(school_intervals(fit, base, j)?
                    .iter()
                    .map(|s| s.sd)
                    .collect())
            };
            Ok(Panel {
                title: what.to_string(),
                x_label: "students in the school (log scale)".into(),
                y_label: axis_title(k == 0, "posterior sd"),
                marks: vec![
                    Mark::Points {
                        x: log_n.clone(),
                        y: sd(np)?,
                        radii: vec![],
                        style: Style::new(palette::VERMILLION)
                            .opacity(0.6)
                            .size(3.0)
                            .label("no pooling"),
                    },
                    Mark::Points {
                        x: log_n.clone(),
                        y: sd(pp)?,
                        radii: vec![],
                        style: Style::new(palette::GREEN)
                            .opacity(0.6)
                            .size(3.0)
                            .label("partial pooling"),
                    },
                ],
                x_ticks: Some(ticks.clone()),
                x_range: Some((lo - 0.03, hi + 0.03)),
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.draw(
        "posterior_sd.svg",
        &Figure {
            title: "Uncertainty of each school's line against its size".into(),
            ..Figure::grid(panels, 2, 340)
        },
    )
}

/// Histograms of the schools' partial-pooling posterior means.
fn school_histograms(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let pp = o.fit(ModelKind::NonCentred);
    let panels = [
        ("beta_0", "mu_beta_0", "intercept"),
        ("beta_1", "mu_beta_1", "SES slope"),
    ]
    .iter()
    .enumerate()
    .map(|(k, (base, mu, what))| {
        Ok(Panel {
            title: format!("school {what}s"),
            x_label: format!("posterior mean {what}"),
            y_label: axis_title(k == 0, "schools"),
            marks: vec![
                Mark::Histogram {
                    values: school_intervals(pp, base, j)?
                        .iter()
                        .map(|s| s.mean)
                        .collect(),
                    bins: 30,
                    range: None,
                    style: Style::new(palette::SKY_BLUE).label("schools"),
                },
                Mark::VLine {
                    x: interval(pp, mu)?.mean,
                    style: Style::new(palette::VERMILLION)
                        .size(2.5)
                        .dashed()
                        .label("population mean"),
                },
            ],
            ..Default::default()
        })
    })
    .collect::<Result<Vec<_>>>()?;
    out.draw(
        "school_histograms.svg",
        &Figure {
            title: "Partial pooling: distribution of the schools' lines".into(),
            ..Figure::grid(panels, 2, 320)
        },
    )
}

/// Writes the figures of the schools into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    shrinkage(out, o)?;
    posterior_sd(out, o)?;
    school_histograms(out, o)
}
