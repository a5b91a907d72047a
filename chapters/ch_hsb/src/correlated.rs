//! The correlated model's outputs: its summary, the intercept–slope correlation's
//! posterior beside its LKJ prior (table and figure), and how the school lines move
//! from the independent model to the correlated one.

use crate::Outcome;
use crate::tables::{partial_names, summary};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{Estimate, ess_bulk, fixed, kde, rhat};
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style, markdown_table};
use models::correlated_slopes::{LKJ_ETA, rho_prior_density, rho_prior_quantile, rho_prior_sd};
use models::hsb::fits::ModelKind;
use models::hsb::lines::{LineIndex, pooled_draws};

/// Points of the grid the correlation's densities are drawn on.
const GRID: usize = 401;

/// The correlated fit's hyperparameters, the correlation and two schools' lines.
pub fn summary_table(o: &Outcome) -> Result<String> {
    summary(o, ModelKind::Correlated, &partial_names(&["rho"]))
}

/// The correlation's prior and posterior side by side: mean, sd, central 95%
/// interval, and the probability that it is negative.
pub fn correlation_table(o: &Outcome) -> Result<String> {
    let chains = o.fit(ModelKind::Correlated)?.try_chains_by_name("rho")?;
    let draws = chains.concat();
    let post = Estimate::of(&draws, (0.025, 0.975));
    let below = draws.iter().filter(|&&r| r < 0.0).count() as f64 / draws.len() as f64;
    let prior_q = |p: f64| rho_prior_quantile(p, LKJ_ETA);
    let interval = |lo: f64, hi: f64| format!("{} to {}", fixed(lo, 2), fixed(hi, 2));
    let rows = vec![
        vec![
            format!("prior, LKJ(η = {LKJ_ETA})"),
            fixed(0.0, 2),
            fixed(rho_prior_sd(LKJ_ETA), 2),
            interval(prior_q(0.025), prior_q(0.975)),
            fixed(0.5, 2),
            String::new(),
            String::new(),
        ],
        vec![
            "posterior".into(),
            fixed(post.mean, 2),
            fixed(post.sd, 2),
            interval(post.low, post.high),
            fixed(below, 3),
            fixed(ess_bulk(&chains).round(), 0),
            fixed(rhat(&chains), 3),
        ],
    ];
    let header = [
        "correlation of intercept and slope",
        "mean",
        "sd",
        "95% interval",
        "P(rho < 0)",
        "bulk-ESS",
        "R-hat",
    ];
    Ok(markdown_table(&header, &rows)?)
}

/// The correlation's posterior density (kernel estimate) with the prior's.
fn correlation_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let draws = o.fit(ModelKind::Correlated)?.pooled_named("rho")?;
    let grid: Vec<f64> = (0..GRID).map(|i| -0.995 + 1.99 * i as f64 / (GRID - 1) as f64).collect();
    let post = kde::density(&draws, &grid, kde::bandwidth(&draws));
    let prior = grid.iter().map(|&r| rho_prior_density(r, LKJ_ETA));
    let prior_label = format!("prior, LKJ(η = {LKJ_ETA})");
    let panel = Panel {
        x_label: "correlation of school intercept and SES slope".into(),
        y_label: "density".into(),
        marks: vec![
            Mark::line(
                grid.iter().copied().zip(prior).collect(),
                muted().dashed().label(prior_label),
            ),
            Mark::line(
                grid.iter().copied().zip(post).collect(),
                Style::new(palette::BLUE).size(2.5).label("posterior"),
            ),
            Mark::VLine { x: 0.0, style: muted().opacity(0.5).size(1.0) },
        ],
        x_range: Some((-1.0, 1.0)),
        ..Default::default()
    };
    let title = "Do schools with higher intercepts have flatter slopes?";
    out.draw("correlation.svg", &Figure::grid(vec![panel], 1, 340).titled(title))
}

/// The muted grey of reference lines.
fn muted() -> Style {
    Style::new(figures::theme::MUTED)
}

/// Each school's posterior-mean intercept and slope under the independent and the
/// correlated model, joined by a segment.
fn lines_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let means = |kind: ModelKind| -> Result<(Vec<f64>, Vec<f64>)> {
        let fit = o.fit(kind)?;
        Ok(LineIndex::new(fit, j)?.posterior_means(&pooled_draws(fit)))
    };
    let (a0, a1) = means(ModelKind::NonCentred)?;
    let (c0, c1) = means(ModelKind::Correlated)?;
    let joins = (0..j).map(|s| vec![(a0[s], a1[s]), (c0[s], c1[s])]);
    let mut marks: Vec<Mark> =
        joins.map(|p| Mark::line(p, muted().opacity(0.5).size(1.0))).collect();
    let independent = Style::new(palette::GREEN).opacity(0.7).size(3.0);
    marks.push(Mark::points(a0, a1, independent.label("independent (partial pooling)")));
    let correlated = Style::new(palette::VERMILLION).opacity(0.8).size(3.0);
    marks.push(Mark::points(c0, c1, correlated.label("correlated")));
    let panel = Panel {
        x_label: "school intercept (posterior mean)".into(),
        y_label: "school SES slope (posterior mean)".into(),
        marks,
        ..Default::default()
    };
    let title = "Each school's line, independent against correlated";
    out.draw("correlated_lines.svg", &Figure::grid(vec![panel], 1, 440).titled(title))
}

/// Writes the correlated model's tables and figures.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("summary_correlated.md", &summary_table(o)?)?;
    out.write("correlation.md", &correlation_table(o)?)?;
    correlation_figure(out, o)?;
    lines_figure(out, o)
}
