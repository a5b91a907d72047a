//! Tables and figures of the calibration appendix.

use crate::{Args, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::sig;
use figures::recipes::{ecdf_difference as ecdf_panel, rank_histogram};
use figures::{Figure, markdown_table};
use sbc::uniformity::{bin_counts, ecdf_difference};
use sbc::{SbcResult, chi_square_test, histogram_band};

/// The SBC result of one model, with its uniformity checks.
#[derive(Debug, Clone)]
pub struct ModelReport {
    /// File-name stem.
    pub name: String,
    /// Human-readable title.
    pub title: String,
    /// Short label for tables.
    pub short: String,
    /// The raw SBC output.
    pub result: SbcResult,
    /// Chi-square p-value of the ESS-thinned ranks, per parameter.
    pub p_thinned: Vec<f64>,
    /// Chi-square p-value of the ranks among evenly spaced draws, per parameter.
    pub p_even: Vec<f64>,
}

impl ModelReport {
    /// Computes the uniformity tests of `result`.
    pub fn new(name: &str, title: &str, short: &str, result: SbcResult, bins: usize) -> Self {
        let n = result.names.len();
        let p_thinned = (0..n).map(|i| chi_square_test(&result.pit(i), bins).1).collect();
        let p_even = (0..n).map(|i| chi_square_test(&even_pit(&result, i), bins).1).collect();
        Self {
            name: name.into(),
            title: title.into(),
            short: short.into(),
            result,
            p_thinned,
            p_even,
        }
    }
}

/// Ranks among `L` evenly spaced draws, mapped to bin centres in (0, 1).
fn even_pit(result: &SbcResult, i: usize) -> Vec<f64> {
    let l = result.max_draws as f64;
    result.rank_even(i).iter().map(|r| (*r as f64 + 0.5) / (l + 1.0)).collect()
}

/// A p-value in a title: "= 0.59", or "< 0.001".
fn p_relation(p: f64) -> String {
    let v = p_value(p);
    if v.starts_with('<') { v } else { format!("= {v}") }
}

/// A p-value for a table: two significant digits, or "< 0.001".
fn p_value(p: f64) -> String {
    if p < 0.001 { "< 0.001".into() } else { sig(p, 2) }
}

/// One row per model and parameter: median bulk-ESS, mean draws kept, the
/// chi-square p-value of ESS-thinned ranks, whether their ECDF stays in the
/// 95% simultaneous band, the p-value of ranks among 100 evenly spaced draws,
/// and the divergent transitions over all fits of that model.
pub fn summary_table(o: &Outcome) -> Result<String> {
    let mut rows = Vec::new();
    for m in &o.models {
        let r = &m.result;
        let reps = r.replications.len();
        for (i, name) in r.names.iter().enumerate() {
            let kept = r.replications.iter().map(|x| x.kept[i]).sum::<usize>() as f64 / reps as f64;
            let inside = o.band.contains(&r.pit(i));
            rows.push(vec![
                m.short.clone(),
                name.clone(),
                sig(r.median_ess(i), 3),
                sig(kept, 3),
                p_value(m.p_thinned[i]),
                if inside { "inside".into() } else { "**outside**".into() },
                p_value(m.p_even[i]),
                r.divergent().to_string(),
            ]);
        }
    }
    Ok(markdown_table(
        &[
            "model",
            "parameter",
            "median ESS",
            "draws kept",
            "p (thinned)",
            "ECDF",
            "p (100 even)",
            "divergences",
        ],
        &rows,
    )?)
}

/// Writes the table and two figures per model into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome, args: &Args) -> Result<()> {
    out.write("summary.md", &summary_table(o)?)?;
    out.write("divergences.md", &crate::divergences::divergence_table(o, args)?)?;
    out.write("smallest_p.md", &crate::divergences::smallest_p_sentence(o))?;
    let first = &o.models[0].result;
    out.write(
        "settings.md",
        &format!(
            "{} simulated data sets per model; each fit: {} chains of {} warmup and {} kept \
             iterations, target acceptance {}; at most {} draws kept per fit, fewer when the \
             bulk-ESS is lower.\n",
            first.replications.len(),
            args.sampling.chains,
            args.sampling.warmup,
            args.sampling.draws,
            args.sampling.target_accept,
            args.max_draws
        ),
    )?;
    let reps = first.replications.len();
    let band = histogram_band(reps, args.bins, 0.99);
    for m in &o.models {
        let r = &m.result;
        let mut ranks = Vec::new();
        let mut ecdf = Vec::new();
        for (i, name) in r.names.iter().enumerate() {
            ranks.push(rank_histogram(
                &format!("{name} (p {})", p_relation(m.p_thinned[i])),
                &bin_counts(&r.pit(i), args.bins),
                band,
                "99% band if uniform",
            )?);
            let series =
                [("thinned by ESS", r.pit(i)), ("100 evenly spaced draws", even_pit(r, i))]
                    .map(|(label, pit)| (label.to_string(), ecdf_difference(&pit, &o.band.z)));
            let (z, lower, upper) = (&o.band.z, &o.band.lower, &o.band.upper);
            let label = "95% simultaneous band";
            ecdf.push(ecdf_panel(name, z, lower, upper, label, &series)?);
        }
        for (kind, panels) in [("ranks", ranks), ("ecdf", ecdf)] {
            let figure = Figure { legend_per_panel: true, ..Figure::grid(panels, 2, 300) };
            out.draw(&format!("{kind}_{}.svg", m.name), &figure)?;
        }
    }
    Ok(())
}
