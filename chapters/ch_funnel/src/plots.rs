//! The chapter's figures.

use crate::Outcome;
use crate::sweep::{PARAMETERIZATIONS, SweepFit, cell};
use anyhow::Result;
use chapter_support::OutputDir;
use figures::recipes::{
    density_panel, divergence_scatter, divergence_scatter_within, strip, trace,
};
use figures::theme::palette;
use figures::{Figure, Panel};
use models::neals_funnel::exact_pdf;
use sampler::Fit;

/// Half-width of the x.1 window of the funnel scatter: the non-centred fit
/// reaches |x.1| in the hundreds when v is large, which would flatten the
/// picture of the neck.
const X1_WINDOW: f64 = 20.0;

/// Histograms of v from both funnel fits against the exact Normal(0, 3) density.
fn funnel_v(out: &OutputDir, o: &Outcome) -> Result<()> {
    let curve: Vec<(f64, f64)> = (0..=400)
        .map(|i| {
            let v = -10.0 + 0.05 * i as f64;
            (v, exact_pdf(v))
        })
        .collect();
    let panel = |title: &str, fit: &Fit| -> Result<Panel> {
        let title = format!("{title} ({} divergent)", fit.num_divergent());
        let v = fit.pooled_named("v")?;
        let exact = "exact Normal(0, 3)";
        Ok(density_panel(&title, "v", &v, 50, (-10.0, 10.0), &curve, exact)?)
    };
    let panels =
        vec![panel("centred", &o.funnel_centred)?, panel("non-centred", &o.funnel_non_centred)?];
    let figure = Figure { legend_per_panel: true, ..Figure::grid(panels, 2, 360) };
    out.draw("funnel_v.svg", &figure)
}

/// Panels two to a row, each with its own legend, on shared axes.
fn side_by_side(panels: Vec<Panel>, panel_height: u32) -> Figure {
    Figure {
        shared_x: true,
        shared_y: true,
        legend_per_panel: true,
        ..Figure::grid(panels, 2, panel_height)
    }
}

/// The funnel itself: v against x.1, divergent draws marked.
fn funnel_scatter(out: &OutputDir, o: &Outcome) -> Result<()> {
    let panel = |title: &str, fit: &Fit| -> Result<Panel> {
        Ok(divergence_scatter_within(
            title,
            "x.1",
            "v",
            &fit.pooled_named("x.1")?,
            &fit.pooled_named("v")?,
            &fit.divergent_flags(),
            X1_WINDOW,
        )?)
    };
    let panels =
        vec![panel("centred", &o.funnel_centred)?, panel("non-centred", &o.funnel_non_centred)?];
    out.draw("funnel_scatter.svg", &side_by_side(panels, 380))
}

/// The Eight Schools funnel: log tau against School A's effect (`theta.1`,
/// shown with its label), divergent draws marked.
fn schools_scatter(out: &OutputDir, o: &Outcome) -> Result<()> {
    let labels = chapter_support::labels::eight_schools()?;
    let panel = |title: &str, fit: &Fit| -> Result<Panel> {
        let tau = fit.pooled_named("tau")?;
        Ok(divergence_scatter(
            &format!("{title} ({} divergent)", fit.num_divergent()),
            &labels.display("theta.1")?,
            "log tau",
            &fit.pooled_named("theta.1")?,
            &tau.iter().map(|t| t.ln()).collect::<Vec<_>>(),
            &fit.divergent_flags(),
        )?)
    };
    let panels =
        vec![panel("centred", &o.schools_centred)?, panel("non-centred", &o.schools_non_centred)?];
    out.draw("schools_scatter.svg", &side_by_side(panels, 380))
}

/// Trace of log tau in chain 1 of each Eight Schools fit, with exact quantiles.
fn schools_trace(out: &OutputDir, o: &Outcome) -> Result<()> {
    let references = vec![
        (o.exact.tau_quantile(0.5).ln(), "exact median of log tau".to_string()),
        (o.exact.tau_quantile(0.05).ln(), "exact 5% quantile".to_string()),
    ];
    let panel = |title: &str, fit: &Fit| -> Result<Panel> {
        let first = fit.chains.first();
        let tau = fit.try_chains_by_name("tau")?;
        let log_tau: Vec<f64> =
            tau.first().map(|c| c.iter().map(|t| t.ln()).collect()).unwrap_or_default();
        let divergent: Vec<bool> =
            first.map(|c| c.stats.iter().map(|s| s.divergent).collect()).unwrap_or_default();
        Ok(trace(title, "log tau", &log_tau, &divergent, &references)?)
    };
    let panels = vec![
        panel("centred, chain 1", &o.schools_centred)?,
        panel("non-centred, chain 1", &o.schools_non_centred)?,
    ];
    let figure = Figure { columns: 1, ..side_by_side(panels, 300) };
    out.draw("schools_trace.svg", &figure)
}

/// The seed sweep: one dot per seed for each target and parameterisation.
fn sweep(out: &OutputDir, o: &Outcome) -> Result<()> {
    let targets = &o.sweep_config.targets;
    let values = |f: &dyn Fn(&SweepFit) -> f64| -> Vec<Vec<Vec<f64>>> {
        PARAMETERIZATIONS
            .iter()
            .map(|&p| {
                targets
                    .iter()
                    .map(|&t| cell(&o.sweep, p, t).map(|c| c.values(f)).unwrap_or_default())
                    .collect()
            })
            .collect()
    };
    let categories: Vec<String> = targets.iter().map(|t| t.to_string()).collect();
    let groups =
        [("centred".to_string(), palette::ORANGE), ("non-centred".to_string(), palette::BLUE)];
    let panel = |title: &str, y_label: &str, f: &dyn Fn(&SweepFit) -> f64, exact: Option<f64>| {
        let reference = exact.map(|y| (y, "exact value".to_string()));
        let x_label = "target acceptance";
        strip(title, x_label, y_label, &categories, &values(f), &groups, reference)
    };
    let panels = [
        panel("divergent transitions per fit", "divergences", &|f| f.divergent as f64, None),
        panel("bulk-ESS of tau", "ESS", &|f| f.ess_bulk_tau, None),
        panel("posterior mean of tau", "E[tau]", &|f| f.mean_tau, Some(o.exact.tau.0)),
        panel(
            "posterior P(tau < 1)",
            "P(tau < 1)",
            &|f| f.p_tau_below_1,
            Some(o.exact.tau_cdf(1.0)),
        ),
    ]
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let figure = Figure {
        title: format!("Eight Schools over {} seeds per setting", o.sweep_config.seeds),
        panels,
        columns: 2,
        panel_height: 330,
        ..Default::default()
    };
    out.draw("sweep.svg", &figure)
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    funnel_v(out, o)?;
    funnel_scatter(out, o)?;
    schools_scatter(out, o)?;
    schools_trace(out, o)?;
    sweep(out, o)?;
    Ok(())
}
