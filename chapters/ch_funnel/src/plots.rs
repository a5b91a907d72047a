//! The chapter's figures.

use crate::Outcome;
use crate::sweep::{PARAMETERIZATIONS, SweepFit};
use anyhow::Result;
use chapter_support::OutputDir;
use figures::{
    HistogramPanel, ScatterPanel, StripPanel, StripPlot, TracePanel, divergence_scatter,
    histogram_panels, strip_plot, trace_panels,
};
use models::neals_funnel::V_SD;
use models::normal_mixture::std_normal_pdf;
use sampler::Fit;

/// Half-width of the x.1 window of the funnel scatter: the non-centred fit
/// reaches |x.1| in the hundreds when v is large, which would flatten the
/// picture of the neck.
const X1_WINDOW: f64 = 20.0;

/// Divergence flags of every draw, chain after chain.
fn divergent_flags(fit: &Fit) -> Vec<bool> {
    fit.chains
        .iter()
        .flat_map(|c| c.stats.iter().map(|s| s.divergent))
        .collect()
}

/// Histograms of v from both funnel fits against the exact Normal(0, 3) density.
fn funnel_v(out: &OutputDir, o: &Outcome) -> Result<()> {
    let curve: Vec<(f64, f64)> = (0..=400)
        .map(|i| {
            let v = -10.0 + 0.05 * i as f64;
            (v, std_normal_pdf(v / V_SD) / V_SD)
        })
        .collect();
    let panel = |title: &str, fit: &Fit| -> Result<HistogramPanel> {
        Ok(HistogramPanel {
            title: format!("{title} ({} divergent)", fit.num_divergent()),
            x_label: "v".into(),
            samples: fit.pooled_named("v")?,
            bins: 50,
            range: Some((-10.0, 10.0)),
            curve: Some(curve.clone()),
            curve_label: "exact Normal(0, 3)".into(),
        })
    };
    histogram_panels(
        &out.path("funnel_v.svg"),
        &[
            panel("centred", &o.funnel_centred)?,
            panel("non-centred", &o.funnel_non_centred)?,
        ],
    )?;
    Ok(())
}

/// The funnel itself: v against x.1, divergent draws marked.
fn funnel_scatter(out: &OutputDir, o: &Outcome) -> Result<()> {
    let panel = |title: &str, fit: &Fit| -> Result<ScatterPanel> {
        let (v, x1) = (fit.pooled_named("v")?, fit.pooled_named("x.1")?);
        let keep: Vec<usize> = (0..v.len()).filter(|&i| x1[i].abs() <= X1_WINDOW).collect();
        let divergent = divergent_flags(fit);
        Ok(ScatterPanel {
            title: title.into(),
            x_label: format!("x.1 (|x.1| ≤ {X1_WINDOW} shown)"),
            y_label: "v".into(),
            x: keep.iter().map(|&i| x1[i]).collect(),
            y: keep.iter().map(|&i| v[i]).collect(),
            divergent: keep.iter().map(|&i| divergent[i]).collect(),
        })
    };
    divergence_scatter(
        &out.path("funnel_scatter.svg"),
        &[
            panel("centred", &o.funnel_centred)?,
            panel("non-centred", &o.funnel_non_centred)?,
        ],
    )?;
    Ok(())
}

/// The Eight Schools funnel: log tau against School A's effect (`theta.1`,
/// shown with its label), divergent draws marked.
fn schools_scatter(out: &OutputDir, o: &Outcome) -> Result<()> {
    let labels = chapter_support::labels::eight_schools()?;
    let panel = |title: &str, fit: &Fit| -> Result<ScatterPanel> {
        let tau = fit.pooled_named("tau")?;
        Ok(ScatterPanel {
            title: format!("{title} ({} divergent)", fit.num_divergent()),
            x_label: labels.display("theta.1")?,
            y_label: "log tau".into(),
            x: fit.pooled_named("theta.1")?,
            y: tau.iter().map(|t| t.ln()).collect(),
            divergent: divergent_flags(fit),
        })
    };
    divergence_scatter(
        &out.path("schools_scatter.svg"),
        &[
            panel("centred", &o.schools_centred)?,
            panel("non-centred", &o.schools_non_centred)?,
        ],
    )?;
    Ok(())
}

/// Trace of log tau in chain 1 of each Eight Schools fit, with exact quantiles.
fn schools_trace(out: &OutputDir, o: &Outcome) -> Result<()> {
    let references = vec![
        (
            o.exact.tau_quantile(0.5).ln(),
            "exact median of log tau".to_string(),
        ),
        (
            o.exact.tau_quantile(0.05).ln(),
            "exact 5% quantile".to_string(),
        ),
    ];
    let panel = |title: &str, fit: &Fit| -> Result<TracePanel> {
        let first = fit.chains.first();
        let tau = fit.try_chains_by_name("tau")?;
        Ok(TracePanel {
            title: title.into(),
            x_label: "iteration after warmup".into(),
            y_label: "log tau".into(),
            values: tau
                .first()
                .map(|c| c.iter().map(|t| t.ln()).collect())
                .unwrap_or_default(),
            divergent: first
                .map(|c| c.stats.iter().map(|s| s.divergent).collect())
                .unwrap_or_default(),
            reference_lines: references.clone(),
        })
    };
    trace_panels(
        &out.path("schools_trace.svg"),
        &[
            panel("centred, chain 1", &o.schools_centred)?,
            panel("non-centred, chain 1", &o.schools_non_centred)?,
        ],
    )?;
    Ok(())
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
                    .map(|&t| {
                        o.sweep
                            .iter()
                            .filter(|c| c.parameterization == p && c.target_accept == t)
                            .flat_map(|c| c.fits.iter().map(f))
                            .collect()
                    })
                    .collect()
            })
            .collect()
    };
    let panel = |title: &str, y_label: &str, f: &dyn Fn(&SweepFit) -> f64, reference| StripPanel {
        title: title.into(),
        x_label: "target acceptance".into(),
        y_label: y_label.into(),
        categories: targets.iter().map(|t| t.to_string()).collect(),
        values: values(f),
        reference,
    };
    strip_plot(
        &out.path("sweep.svg"),
        &StripPlot {
            title: format!(
                "Eight Schools over {} seeds per setting",
                o.sweep_config.seeds
            ),
            group_labels: vec!["centred".into(), "non-centred".into()],
            reference_label: "exact value".into(),
            panels: vec![
                panel(
                    "divergent transitions per fit",
                    "divergences",
                    &|f| f.divergent as f64,
                    None,
                ),
                panel("bulk-ESS of tau", "ESS", &|f| f.ess_bulk_tau, None),
                panel(
                    "posterior mean of tau",
                    "E[tau]",
                    &|f| f.mean_tau,
                    Some(o.exact.tau.0),
                ),
                panel(
                    "posterior P(tau < 1)",
                    "P(tau < 1)",
                    &|f| f.p_tau_below_1,
                    Some(o.exact.tau_cdf(1.0)),
                ),
            ],
        },
    )?;
    Ok(())
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
