//! Figures of the draws themselves: trace plots and pairs plots.

use crate::Outcome;
use crate::reference::HYPER;
use crate::summaries::display_name;
use anyhow::{Result, anyhow};
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use figures::theme::palette;
use figures::{Figure, Mark, PairsPlot, Panel, Style, pairs_plot};
use models::hsb::fits::ModelKind;
use sampler::Fit;

/// Complete pooling's parameters.
const COMPLETE: [&str; 3] = ["beta_0", "beta_1", "sigma"];

/// The trace figures: file, title, the model and the parameters shown.
const TRACES: [(&str, &str, ModelKind, &[&str]); 4] = [
    (
        "trace_complete.svg",
        "Complete pooling: traces",
        ModelKind::Complete,
        &COMPLETE,
    ),
    (
        "trace_no_pooling.svg",
        "No pooling: traces of two schools' lines",
        ModelKind::NoPooling,
        &["beta_0.1", "beta_0.2", "beta_1.1", "beta_1.2", "sigma"],
    ),
    (
        "trace_partial.svg",
        "Partial pooling (non-centred): traces",
        ModelKind::NonCentred,
        &HYPER,
    ),
    (
        "trace_centred.svg",
        "Partial pooling (centred): traces",
        ModelKind::Centred,
        &HYPER,
    ),
];

/// The pairs figures, as [`TRACES`].
const PAIRS: [(&str, &str, ModelKind, &[&str]); 2] = [
    (
        "pairs_complete.svg",
        "Complete pooling: pairs",
        ModelKind::Complete,
        &COMPLETE,
    ),
    (
        "pairs_partial.svg",
        "Partial pooling (non-centred): pairs",
        ModelKind::NonCentred,
        &HYPER,
    ),
];

/// Trace plots: one panel per parameter, the chains overlaid.
fn traces(out: &OutputDir, file: &str, title: &str, fit: &Fit, names: &[&str]) -> Result<()> {
    let panels = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let chains = fit
                .chains_by_name(name)
                .ok_or_else(|| anyhow!("the fit has no parameter {name}"))?;
            let marks = chains
                .iter()
                .enumerate()
                .map(|(c, draws)| Mark::Line {
                    points: draws
                        .iter()
                        .enumerate()
                        .map(|(i, v)| ((i + 1) as f64, *v))
                        .collect(),
                    style: Style::new(palette::series(c))
                        .size(1.0)
                        .opacity(0.7)
                        .label(format!("chain {}", c + 1)),
                })
                .collect();
            Ok(Panel {
                x_label: axis_title(k + 1 == names.len(), "iteration after warmup"),
                y_label: display_name(name),
                marks,
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.draw(
        file,
        &Figure {
            title: title.into(),
            ..Figure::grid(panels, 1, 150)
        },
    )
}

/// Pairs plot of the named parameters.
fn pairs(out: &OutputDir, file: &str, title: &str, fit: &Fit, names: &[&str]) -> Result<()> {
    let draws = names
        .iter()
        .map(|n| {
            fit.chains_by_name(n)
                .map(|c| c.concat())
                .ok_or_else(|| anyhow!("the fit has no parameter {n}"))
        })
        .collect::<Result<Vec<_>>>()?;
    pairs_plot(
        &out.path(file),
        &PairsPlot {
            title: title.into(),
            names: names.iter().map(|n| n.to_string()).collect(),
            draws,
        },
    )?;
    Ok(())
}

/// Writes the trace and pairs figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    for (file, title, kind, names) in TRACES {
        traces(out, file, title, o.fit(kind), names)?;
    }
    for (file, title, kind, names) in PAIRS {
        pairs(out, file, title, o.fit(kind), names)?;
    }
    Ok(())
}
