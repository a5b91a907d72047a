//! The page's figures: the group intercepts of partial pooling as a forest plot
//! labelled with the file's group names, and a posterior predictive check.

use crate::Outcome;
use crate::tables::HDI_PROB;
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{hdi, mean, sig};
use figures::recipes::{self, ForestRow};
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use sampler::rng::chain_rng;

/// Replicated data sets drawn as curves in the predictive check.
const CURVES: usize = 50;
/// Replicated data sets behind the spread of group means.
const REPLICATES: usize = 400;
/// Most bins of a frequency polygon (fewer for a small file: about √rows, at least 5).
const MAX_BINS: usize = 30;

/// Each group's intercept under partial pooling: posterior mean and HDI, sorted by
/// mean, labelled `name (n rows)`; without a predictor, the group's observed mean too.
fn forest(out: &OutputDir, o: &Outcome) -> Result<()> {
    let p = o.partial();
    let t = &o.table;
    let mut rows = Vec::with_capacity(t.num_groups());
    let observed = t.outcomes_by_group();
    for (j, name) in t.group_names.iter().enumerate() {
        let param = p.model.intercept_name(j).unwrap_or_default();
        let draws = p.fit.pooled_named(&param)?;
        let (low, high) = hdi(&draws, HDI_PROB);
        rows.push(ForestRow {
            label: format!("{name} ({})", t.sizes[j]),
            mean: mean(&draws),
            low,
            high,
            observed: t.x.is_none().then(|| mean(&observed[j])),
            note: None,
        });
    }
    rows.sort_by(|a, b| a.mean.total_cmp(&b.mean));
    let mu_name = &p.fit.param_names[0];
    let mu_mean = mean(&p.fit.pooled_named(mu_name)?);
    let what = if t.x.is_some() { "intercept" } else { "mean" };
    let title = format!(
        "Partial pooling: each group's {what} of {} ({}% HDI)",
        t.columns.outcome,
        HDI_PROB * 100.0
    );
    let reference = (mu_mean, format!("population mean {mu_name} = {}", sig(mu_mean, 3)));
    let x_label = format!("{what} of {}", t.columns.outcome);
    let panel = recipes::forest(
        &x_label,
        ["posterior mean and interval", "observed"],
        &rows,
        Some(reference),
    );
    out.draw("forest.svg", &recipes::rows_figure(&title, vec![panel], 36))
}

/// A frequency polygon of `values` over `bins` equal bins of `range`, as densities.
fn polygon(values: &[f64], range: (f64, f64), bins: usize) -> Result<Vec<(f64, f64)>> {
    let b = figures::stat::histogram(values, bins, Some(range))?;
    let scale = 1.0 / (values.len() as f64 * b.width);
    Ok(b.counts.iter().enumerate().map(|(i, &n)| (b.centre(i), n as f64 * scale)).collect())
}

/// Replicated data sets from partial pooling, at `count` draws evenly spaced through
/// the pooled draws; stream `stream` of the seed.
fn replicate(o: &Outcome, count: usize, stream: u32) -> Vec<Vec<f64>> {
    let p = o.partial();
    let draws: Vec<&Vec<f64>> = p.fit.chains.iter().flat_map(|c| &c.draws).collect();
    let mut rng = chain_rng(p.fit.settings.seed, 99, stream);
    (0..count)
        .map(|k| p.model.simulate(&o.table, draws[k * draws.len() / count], &mut rng))
        .collect()
}

/// The outcome's distribution against replicated data sets, and the spread of the
/// group means against its replicated distribution.
fn predictive_check(out: &OutputDir, o: &Outcome) -> Result<()> {
    let y = &o.table.y;
    let curves = replicate(o, CURVES, 0);
    let bins = ((y.len() as f64).sqrt().ceil() as usize).clamp(5, MAX_BINS);
    let all = y.iter().chain(curves.iter().flatten());
    let range = (
        all.clone().copied().fold(f64::INFINITY, f64::min),
        all.copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let mut marks = curves
        .iter()
        .map(|r| {
            let style = Style::new(palette::SKY_BLUE).opacity(0.35).size(1.0);
            Ok(Mark::Line {
                points: polygon(r, range, bins)?,
                style: style.label("replicated data"),
            })
        })
        .collect::<Result<Vec<Mark>>>()?;
    marks.push(Mark::Line {
        points: polygon(y, range, bins)?,
        style: Style::new(palette::BLACK).size(2.5).label("observed data"),
    });
    let outcome = &o.table.columns.outcome;
    let spreads: Vec<f64> =
        replicate(o, REPLICATES, 1).iter().map(|r| o.table.sd_of_group_means(r)).collect();
    let observed = o.table.sd_of_group_means(y);
    let panels = vec![
        Panel {
            title: format!("distribution of {outcome}"),
            x_label: outcome.clone(),
            y_label: "density".into(),
            marks,
            ..Panel::default()
        },
        Panel {
            title: "spread of the group means".into(),
            x_label: format!("sd of the group means of {outcome}"),
            y_label: "replicated data sets".into(),
            marks: vec![
                Mark::Histogram {
                    values: spreads,
                    bins: 30,
                    range: None,
                    style: Style::new(palette::SKY_BLUE).opacity(0.8).label("replicated data"),
                },
                Mark::VLine {
                    x: observed,
                    style: Style::new(palette::BLACK).size(2.5).label("observed data"),
                },
            ],
            ..Panel::default()
        },
    ];
    out.draw(
        "ppc.svg",
        &Figure {
            title: "Posterior predictive check of partial pooling".into(),
            panels,
            columns: 2,
            ..Figure::default()
        },
    )
}

/// Writes every figure.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    forest(out, o)?;
    predictive_check(out, o)
}
