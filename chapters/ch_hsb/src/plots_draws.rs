//! Figures of the draws themselves: trace plots and pairs plots.

use crate::Outcome;
use crate::reference::HYPER;
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use diagnostics::rstan::display_name;
use figures::theme::palette;
use figures::{Figure, Mark, PairsPlot, Panel, Style, pairs_plot};
use models::hsb::fits::ModelKind;
use sampler::Fit;

/// Complete pooling's parameters.
const COMPLETE: [&str; 3] = ["beta_0", "beta_1", "sigma"];

/// Two schools' lines and sigma: what the no-pooling traces show.
const NO_POOLING: [&str; 5] = ["beta_0.1", "beta_0.2", "beta_1.1", "beta_1.2", "sigma"];

/// The trace figures: file, title, the model and the parameters shown.
const TRACES: [(&str, &str, ModelKind, &[&str]); 4] = [
    ("trace_complete.svg", "Complete pooling: traces", ModelKind::Complete, &COMPLETE),
    (
        "trace_no_pooling.svg",
        "No pooling: traces of two schools' lines",
        ModelKind::NoPooling,
        &NO_POOLING,
    ),
    ("trace_partial.svg", "Partial pooling (non-centred): traces", ModelKind::NonCentred, &HYPER),
    ("trace_centred.svg", "Partial pooling (centred): traces", ModelKind::Centred, &HYPER),
];

/// The pairs figures, as [`TRACES`].
const PAIRS: [(&str, &str, ModelKind, &[&str]); 2] = [
    ("pairs_complete.svg", "Complete pooling: pairs", ModelKind::Complete, &COMPLETE),
    ("pairs_partial.svg", "Partial pooling (non-centred): pairs", ModelKind::NonCentred, &HYPER),
];

/// Trace plots: one panel per parameter, the chains overlaid.
fn traces(fit: &Fit, names: &[&str]) -> Result<Vec<Panel>> {
    let mut panels = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let chains = fit.try_chains_by_name(name)?.into_iter().enumerate();
        let marks = chains.map(|(c, draws)| {
            let points = draws.iter().enumerate().map(|(i, v)| ((i + 1) as f64, *v));
            let style = Style::new(palette::series(c)).size(1.0).opacity(0.7);
            Mark::line(points.collect(), style.label(format!("chain {}", c + 1)))
        });
        panels.push(Panel {
            x_label: axis_title(k + 1 == names.len(), "iteration after warmup"),
            y_label: display_name(name),
            marks: marks.collect(),
            ..Default::default()
        });
    }
    Ok(panels)
}

/// Writes the trace and pairs figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    for (file, title, kind, names) in TRACES {
        let panels = traces(o.fit(kind)?, names)?;
        out.draw(file, &Figure::grid(panels, 1, 150).titled(title))?;
    }
    for (file, title, kind, names) in PAIRS {
        let fit = o.fit(kind)?;
        let draws = names.iter().map(|n| fit.pooled_named(n));
        let pairs = PairsPlot {
            title: title.into(),
            names: names.iter().map(|n| n.to_string()).collect(),
            draws: draws.collect::<Result<_, _>>()?,
        };
        pairs_plot(&out.path(file), &pairs)?;
    }
    Ok(())
}
