//! The figures of the simulation studies: heights, Beta densities and one
//! school here, five schools and three levels in `plots_schools.rs`.

use crate::Outcome;
use crate::recovery::estimate;
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::mean;
use figures::recipes::{GroupMarkers, group_intervals};
use figures::stat::histogram;
use figures::theme::{self, palette};
use figures::{Figure, Mark, Panel, Shape, Style};
use models::beta_multilevel::beta::shapes;
use models::beta_multilevel::one_school::{MU_PRIOR, NU_PRIOR};
use models::lpdf::beta as beta_lpdf;
use sampler::Fit;

/// Points of a density on `[lo, hi]`, split into pieces where it exceeds
/// `cap` (Beta densities with a shape below 1 are infinite at an edge).
pub(crate) fn capped_curve(
    f: impl Fn(f64) -> f64,
    (lo, hi): (f64, f64),
    cap: f64,
) -> Vec<Vec<(f64, f64)>> {
    const POINTS: usize = 120;
    let mut pieces = vec![Vec::new()];
    for i in 0..=POINTS {
        let x = lo + (hi - lo) * i as f64 / POINTS as f64;
        let y = f(x);
        if y.is_finite() && y <= cap {
            if let Some(p) = pieces.last_mut() {
                p.push((x, y));
            }
        } else if pieces.last().is_some_and(|p| !p.is_empty()) {
            pieces.push(Vec::new());
        }
    }
    pieces.retain(|p| p.len() > 1);
    pieces
}

/// The `Beta(a, b)` density on (0, 1), capped at `cap`.
fn beta_curve(a: f64, b: f64, cap: f64) -> Vec<Vec<(f64, f64)>> {
    capped_curve(|x| beta_lpdf::<f64>(x, a, b).exp(), (0.0025, 0.9975), cap)
}

/// A histogram of `draws` over `range` drawn as a density outline.
fn step_density(draws: &[f64], bins: usize, range: (f64, f64)) -> Result<Vec<(f64, f64)>> {
    let b = histogram(draws, bins, Some(range))?;
    let scale = 1.0 / (draws.len() as f64 * b.width);
    let mut pts = vec![(b.lo, 0.0)];
    for (i, c) in b.counts.iter().enumerate() {
        let y = *c as f64 * scale;
        pts.push((b.lo + i as f64 * b.width, y));
        pts.push((b.lo + (i + 1) as f64 * b.width, y));
    }
    pts.push((range.1, 0.0));
    Ok(pts)
}

/// Estimates of `names` from `fit`, as `(mean, low, high)`.
pub(crate) fn estimates(fit: &Fit, names: &[String]) -> Result<Vec<(f64, f64, f64)>> {
    let triple = |n: &String| estimate(fit, n).map(|e| (e.mean, e.low, e.high));
    Ok(names.iter().map(triple).collect::<Result<_, _>>()?)
}

pub(crate) fn names(stem: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{stem}.{i}")).collect()
}

pub(crate) fn truth_markers(label: &str, values: &[f64]) -> GroupMarkers {
    let points = values.iter().enumerate().map(|(i, v)| (i as f64, *v));
    (label.into(), Shape::Cross, points.collect())
}

/// Squares at each group's sample mean, `shift` to the right of the group.
pub(crate) fn sample_means(samples: &[Vec<f64>], shift: f64) -> GroupMarkers {
    let means = samples.iter().enumerate();
    let points = means.map(|(i, s)| (i as f64 + shift, mean(s))).collect();
    ("sample mean".into(), Shape::Square, points)
}

/// Dashed grey segments `(from, to)` under one legend label (a grand mean,
/// each district's mean over its schools).
pub(crate) fn dashed(label: &str, segments: Vec<((f64, f64), (f64, f64))>) -> Mark {
    Mark::Segments { segments, arrow: false, style: Style::new(theme::MUTED).dashed().label(label) }
}

/// Writes one panel of groups under `title` to `file`.
pub(crate) fn groups_figure(out: &OutputDir, file: &str, title: &str, panel: Panel) -> Result<()> {
    out.draw(file, &Figure::grid(vec![panel], 1, 420).titled(title))
}

/// A dashed grey line at height `y` across `n` groups, under `label`.
pub(crate) fn across(label: &str, y: f64, n: usize) -> Mark {
    dashed(label, vec![((-0.5, y), (n as f64 - 0.5, y))])
}

/// A solid curve in the `i`-th palette colour.
fn curve(i: usize, label: impl Into<String>, points: Vec<(f64, f64)>) -> Mark {
    Mark::line(points, Style::new(palette::series(i)).size(3.0).label(label))
}

/// A panel of densities on `[0, 1] × [0, cap]` (or the data's range).
fn density(title: &str, x_label: &str, marks: Vec<Mark>, cap: Option<f64>) -> Panel {
    Panel {
        title: title.into(),
        x_label: x_label.into(),
        y_label: "density".into(),
        marks,
        x_range: cap.map(|_| (0.0, 1.0)),
        y_range: cap.map(|c| (0.0, c)),
        ..Default::default()
    }
}

/// Writes `panels` two to a row, each with its legend, to `file`.
pub(crate) fn panels_figure(out: &OutputDir, file: &str, panels: Vec<Panel>) -> Result<()> {
    let columns = panels.len().min(2);
    let figure = Figure { legend_per_panel: true, ..Figure::grid(panels, columns, 380) };
    out.draw(file, &figure)
}

fn heights(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, fit) = &o.sims.heights;
    let k = data.country_means.len();
    let alpha_bar = estimate(fit, "alpha_bar")?;
    let markers =
        [truth_markers("true mean", &data.country_means), sample_means(&data.heights, 0.22)];
    let groups: Vec<String> = (1..=k).map(|i| format!("country {i}")).collect();
    let series = [("posterior".into(), estimates(fit, &names("mu_country", k))?)];
    let mut panel = group_intervals("country", "height (cm)", &groups, &series, &markers)?;
    let grand = across("posterior mean of alpha_bar", alpha_bar.mean, k);
    panel.marks.insert(0, grand);
    let title = "Country means: posterior mean and 95% interval";
    groups_figure(out, "heights.svg", title, panel)
}

fn beta_families(out: &OutputDir) -> Result<()> {
    const CAP: f64 = 6.0;
    let family = |pairs: Vec<(f64, f64, String)>| -> Vec<Mark> {
        let curves = pairs.into_iter().enumerate();
        curves.map(|(i, (a, b, label))| curve(i, label, beta_curve(a, b, CAP).concat())).collect()
    };
    // ANCHOR: families
    let same_mean = (1..=4)
        .map(|m| {
            let (a, b) = (3.0 * m as f64, m as f64);
            (a, b, format!("a = {a}, b = {b} (mu = 0.75, nu = {})", a + b))
        })
        .collect();
    let same_size = [0.25, 0.5, 0.75, 0.9]
        .map(|mu| {
            let (a, b) = shapes(mu, 10.0);
            (a, b, format!("mu = {mu}"))
        })
        .to_vec();
    // ANCHOR_END: families
    let panel = |title: &str, lines| density(title, "score", lines, Some(CAP));
    panels_figure(
        out,
        "beta_families.svg",
        vec![
            panel("Mean 0.75, growing sample size", family(same_mean)),
            panel("Sample size 10, moving mean", family(same_size)),
        ],
    )
}

fn prior_predictive(out: &OutputDir, o: &Outcome) -> Result<()> {
    const CAP: f64 = 7.0;
    const SHOWN: usize = 60;
    let classes = &o.sims.prior_predictive;
    let shapes_of = |((mu, nu), _): &((f64, f64), Vec<f64>)| shapes(*mu, *nu);
    let pieces = classes.iter().take(SHOWN).flat_map(|c| {
        let (a, b) = shapes_of(c);
        beta_curve(a, b, CAP)
    });
    let faint = Style::new(palette::BLACK).opacity(0.13).size(1.0);
    // One legend entry for the whole bundle.
    let bundle = |i: usize| match i {
        0 => format!("{SHOWN} classes from the priors"),
        _ => String::new(),
    };
    let lines = pieces.enumerate().map(|(i, p)| Mark::line(p, faint.clone().label(bundle(i))));
    let mut lines: Vec<Mark> = lines.collect();
    // The prior predictive density: the average of every class's density.
    let average = |x| {
        let each = classes.iter().map(|c| {
            let (a, b) = shapes_of(c);
            beta_lpdf::<f64>(x, a, b).exp()
        });
        each.sum::<f64>() / classes.len() as f64
    };
    let average = capped_curve(average, (0.0025, 0.9975), CAP).concat();
    lines.push(curve(0, "all classes together", average));
    let (school, _) = &o.sims.one_school;
    let (a, b) = shapes(school.mu, school.nu);
    let scores = school.scores.iter();
    let (x, y) = scores.map(|&s| (s, beta_lpdf::<f64>(s, a, b).exp())).unzip();
    let dots = Style::new(palette::series(1)).size(4.0);
    let school_marks = vec![
        curve(0, format!("Beta({a}, {b})"), beta_curve(a, b, CAP).concat()),
        Mark::points(x, y, dots.label(format!("{} students", school.scores.len()))),
    ];
    let panels = vec![
        density("Prior predictive: simulated classes", "score", lines, Some(CAP)),
        density("The simulated school", "score", school_marks, Some(CAP)),
    ];
    panels_figure(out, "prior_predictive.svg", panels)
}

fn one_school_posterior(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (school, fit) = &o.sims.one_school;
    let nu_prior = |x: f64| {
        let z = (x - NU_PRIOR.0) / NU_PRIOR.1;
        (-0.5 * z * z).exp() / (NU_PRIOR.1 * (2.0 * std::f64::consts::PI).sqrt())
    };
    let panel = |title: &str, name: &str, range, prior: &dyn Fn(f64) -> f64, truth| {
        let style = Style::new(palette::series(2)).dashed().label("true value");
        let marks = vec![
            curve(0, "posterior", step_density(&fit.pooled_named(name)?, 50, range)?),
            curve(1, "prior", capped_curve(prior, range, f64::INFINITY).concat()),
            Mark::VLine { x: truth, style },
        ];
        anyhow::Ok(density(title, name, marks, None))
    };
    let mu_prior = |x| beta_lpdf::<f64>(x, MU_PRIOR.0, MU_PRIOR.1).exp();
    let panels = vec![
        panel("School mean mu", "mu", (0.5, 1.0), &mu_prior, school.mu)?,
        panel("Sample size nu", "nu", (6.0, 14.0), &nu_prior, school.nu)?,
    ];
    panels_figure(out, "one_school_posterior.svg", panels)
}

/// Writes every figure of the simulation studies into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    heights(out, o)?;
    beta_families(out)?;
    prior_predictive(out, o)?;
    one_school_posterior(out, o)?;
    Ok(())
}
