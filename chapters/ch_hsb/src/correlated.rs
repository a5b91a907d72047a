//! The correlated model's outputs: its summary, the intercept–slope correlation's
//! posterior beside its LKJ prior (table and figure), and how the school lines move
//! from the independent model to the correlated one.

use crate::Outcome;
use crate::kde;
use crate::reference::HYPER;
use crate::summaries::{stan_markdown, stan_summary};
use anyhow::{Result, anyhow};
use chapter_support::OutputDir;
use diagnostics::{ess_bulk, fixed, quantile, rhat};
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style, markdown_table};
use models::correlated_slopes::LKJ_ETA;
use models::hsb::fits::ModelKind;
use models::hsb::lines::{LineIndex, pooled_draws};

/// Points of the grid the correlation's densities are drawn on.
const GRID: usize = 401;

/// The prior density of the correlation of a 2 × 2 LKJ(η) matrix:
/// `(1 − r²)^(η − 1) / (2^(2η − 1) B(η, η))`.
pub fn prior_density(r: f64, eta: f64) -> f64 {
    use statrs::function::beta::ln_beta;
    ((eta - 1.0) * (1.0 - r * r).ln() - (2.0 * eta - 1.0) * 2f64.ln() - ln_beta(eta, eta)).exp()
}

/// The draws of the correlation `rho`.
fn rho_draws(o: &Outcome) -> Result<Vec<f64>> {
    Ok(o.fit(ModelKind::Correlated).pooled_named("rho")?)
}

/// The correlated fit's hyperparameters, the correlation and two schools' lines.
pub fn summary_table(o: &Outcome) -> Result<String> {
    let mut names = HYPER.to_vec();
    names.insert(4, "rho");
    names.extend(["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10"]);
    Ok(stan_markdown(&stan_summary(
        o.fit(ModelKind::Correlated),
        &names,
    )?))
}

/// The correlation's prior and posterior side by side: mean, sd, central 95%
/// interval, and the probability that it is negative.
pub fn correlation_table(o: &Outcome) -> Result<String> {
    let draws = rho_draws(o)?;
    let n = draws.len() as f64;
    let mean = draws.iter().sum::<f64>() / n;
    let sd = (draws.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let below = draws.iter().filter(|&&r| r < 0.0).count() as f64 / n;
    // LKJ(η) in 2 × 2: the correlation is Beta(η, η) on (−1, 1), with variance 1/(2η + 1).
    let prior_sd = (1.0 / (2.0 * LKJ_ETA + 1.0)).sqrt();
    let beta = statrs::distribution::Beta::new(LKJ_ETA, LKJ_ETA)?;
    let prior_q = |p: f64| {
        use statrs::distribution::ContinuousCDF;
        2.0 * beta.inverse_cdf(p) - 1.0
    };
    let chains = o
        .fit(ModelKind::Correlated)
        .chains_by_name("rho")
        .ok_or_else(|| anyhow!("the correlated fit has no rho"))?;
    let rows = vec![
        vec![
            format!("prior, LKJ(η = {LKJ_ETA})"),
            fixed(0.0, 2),
            fixed(prior_sd, 2),
            format!(
                "{} to {}",
                fixed(prior_q(0.025), 2),
                fixed(prior_q(0.975), 2)
            ),
            fixed(0.5, 2),
            String::new(),
            String::new(),
        ],
        vec![
            "posterior".into(),
            fixed(mean, 2),
            fixed(sd, 2),
            format!(
                "{} to {}",
                fixed(quantile(&draws, 0.025), 2),
                fixed(quantile(&draws, 0.975), 2)
            ),
            fixed(below, 3),
            fixed(ess_bulk(&chains).round(), 0),
            fixed(rhat(&chains), 3),
        ],
    ];
    Ok(markdown_table(
        &[
            "correlation of intercept and slope",
            "mean",
            "sd",
            "95% interval",
            "P(rho < 0)",
            "bulk-ESS",
            "R-hat",
        ],
        &rows,
    )?)
}

/// The correlation's posterior density (kernel estimate) with the prior's.
fn correlation_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let draws = rho_draws(o)?;
    let grid: Vec<f64> = (0..GRID)
        .map(|i| -0.995 + 1.99 * i as f64 / (GRID - 1) as f64)
        .collect();
    let post = kde::density(&draws, &grid, kde::bandwidth(&draws));
    let prior: Vec<f64> = grid.iter().map(|&r| prior_density(r, LKJ_ETA)).collect();
    let panel = Panel {
        title: String::new(),
        x_label: "correlation of school intercept and SES slope".into(),
        y_label: "density".into(),
        marks: vec![
            Mark::Line {
                points: grid.iter().copied().zip(prior).collect(),
                style: Style::new(figures::theme::MUTED)
                    .dashed()
                    .label(format!("prior, LKJ(η = {LKJ_ETA})")),
            },
            Mark::Line {
                points: grid.iter().copied().zip(post).collect(),
                style: Style::new(palette::BLUE).size(2.5).label("posterior"),
            },
            Mark::VLine {
                x: 0.0,
                style: Style::new(figures::theme::MUTED).opacity(0.5).size(1.0),
            },
        ],
        x_range: Some((-1.0, 1.0)),
        ..Default::default()
    };
    out.draw(
        "correlation.svg",
        &Figure {
            title: "Do schools with higher intercepts have flatter slopes?".into(),
            ..Figure::grid(vec![panel], 1, 340)
        },
    )
}

/// Each school's posterior-mean intercept and slope under the independent and the
/// correlated model, joined by a segment.
fn lines_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let means = |kind: ModelKind| -> Result<(Vec<f64>, Vec<f64>)> {
        let fit = o.fit(kind);
        Ok(LineIndex::new(fit, j)?.posterior_means(&pooled_draws(fit)))
    };
    let (a0, a1) = means(ModelKind::NonCentred)?;
    let (c0, c1) = means(ModelKind::Correlated)?;
    let mut marks: Vec<Mark> = (0..j)
        .map(|s| Mark::Line {
            points: vec![(a0[s], a1[s]), (c0[s], c1[s])],
            style: Style::new(figures::theme::MUTED).opacity(0.5).size(1.0),
        })
        .collect();
    marks.push(Mark::Points {
        x: a0,
        y: a1,
        radii: vec![],
        style: Style::new(palette::GREEN)
            .opacity(0.7)
            .size(3.0)
            .label("independent (partial pooling)"),
    });
    marks.push(Mark::Points {
        x: c0,
        y: c1,
        radii: vec![],
        style: Style::new(palette::VERMILLION)
            .opacity(0.8)
            .size(3.0)
            .label("correlated"),
    });
    let panel = Panel {
        title: String::new(),
        x_label: "school intercept (posterior mean)".into(),
        y_label: "school SES slope (posterior mean)".into(),
        marks,
        ..Default::default()
    };
    out.draw(
        "correlated_lines.svg",
        &Figure {
            title: "Each school's line, independent against correlated".into(),
            ..Figure::grid(vec![panel], 1, 440)
        },
    )
}

/// Writes the correlated model's tables and figures.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("summary_correlated.md", &summary_table(o)?)?;
    out.write("correlation.md", &correlation_table(o)?)?;
    correlation_figure(out, o)?;
    lines_figure(out, o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prior_density_integrates_to_one_and_matches_eta_two() {
        let n = 20_000;
        let h = 2.0 / n as f64;
        let total: f64 = (0..n)
            .map(|i| prior_density(-1.0 + (i as f64 + 0.5) * h, 3.5) * h)
            .sum();
        assert!((total - 1.0).abs() < 1e-6, "{total}");
        // η = 2: ¾ (1 − r²).
        assert!((prior_density(0.4, 2.0) - 0.75 * 0.84).abs() < 1e-14);
    }
}
