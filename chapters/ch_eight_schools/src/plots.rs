//! The chapter's figures.

use crate::{HDI_PROB, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::sig;
use figures::{
    ForestPlot, ForestRow, HistogramPanel, ScatterPanel, divergence_scatter, forest_plot,
    histogram_panels,
};
use models::eight_schools::{SCHOOLS, Y};
use sampler::Fit;

/// Forest plot of the non-centred posterior of each school's effect.
fn forest(out: &OutputDir, o: &Outcome) -> Result<()> {
    let rows = o.non_centred_summary[2..]
        .iter()
        .zip(SCHOOLS.iter().zip(Y))
        .map(|(r, (school, y))| ForestRow {
            label: format!("School {school}"),
            mean: r.mean,
            low: r.hdi_low,
            high: r.hdi_high,
            observed: Some(y),
            note: Some(format!("R-hat {:.2}", r.r_hat)),
        })
        .collect();
    let mu = &o.non_centred_summary[0];
    forest_plot(
        &out.path("forest.svg"),
        &ForestPlot {
            title: format!(
                "School effects: posterior mean and {:.0}% HDI (non-centred)",
                100.0 * HDI_PROB
            ),
            x_label: "effect on SAT-V score".into(),
            rows,
            reference_line: Some((
                mu.mean,
                format!("posterior mean of mu ({})", sig(mu.mean, 3)),
            )),
        },
    )?;
    Ok(())
}

/// The (log tau, theta_1) scatter of one fit, divergent draws marked.
fn funnel_panel(title: &str, fit: &Fit) -> ScatterPanel {
    let (tau, theta1) = (
        fit.param_index("tau").unwrap_or(1),
        fit.param_index("theta.1").unwrap_or(2),
    );
    let draws = fit.chains.iter().flat_map(|c| c.draws.iter());
    ScatterPanel {
        title: format!("{title} ({} divergent)", fit.num_divergent()),
        x_label: "theta.1".into(),
        y_label: "log tau".into(),
        x: draws.clone().map(|d| d[theta1]).collect(),
        y: draws.map(|d| d[tau].ln()).collect(),
        divergent: fit
            .chains
            .iter()
            .flat_map(|c| c.stats.iter().map(|s| s.divergent))
            .collect(),
    }
}

/// Histograms of tau from both fits against the exact density.
fn tau_histograms(out: &OutputDir, o: &Outcome) -> Result<()> {
    let curve: Vec<(f64, f64)> = o
        .exact
        .tau_grid
        .iter()
        .zip(&o.exact.tau_density)
        .step_by(20)
        .map(|(t, d)| (*t, *d))
        .collect();
    let panel = |title: &str, fit: &Fit| HistogramPanel {
        title: title.into(),
        x_label: "tau".into(),
        samples: fit.pooled(fit.param_index("tau").unwrap_or(1)),
        bins: 60,
        range: Some((0.0, 20.0)),
        curve: Some(curve.clone()),
        curve_label: "exact posterior".into(),
    };
    histogram_panels(
        &out.path("tau_exact.svg"),
        &[
            panel("centred NUTS", &o.centred),
            panel("non-centred NUTS", &o.non_centred),
        ],
    )?;
    Ok(())
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    forest(out, o)?;
    divergence_scatter(
        &out.path("funnel.svg"),
        &[
            funnel_panel("centred", &o.centred),
            funnel_panel("non-centred", &o.non_centred),
        ],
    )?;
    tau_histograms(out, o)?;
    Ok(())
}
