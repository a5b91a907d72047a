//! The chapter's markdown tables and console report (the instructors' and
//! the schools' own tables in `tables_instructors` and `tables_schools`),
//! the fits' health.

use crate::tables_instructors::{
    data_note, data_table, estimates_table, movement_sentence, partial_sentence, prediction_table,
    strategies_table,
};
use crate::tables_schools::{priors_table, schools_sentence, truth_sentence};
use crate::{HDI_PROB, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::stan_progress::chain_progress_text;
use diagnostics::{ess_bulk, rhat, summary_markdown};
use figures::markdown_table;
use sampler::Fit;

/// Largest R-hat and smallest bulk ESS over every parameter of a fit.
fn health(fit: &Fit) -> (f64, f64) {
    (0..fit.param_names.len())
        .map(|i| {
            let c = fit.chains_of(i);
            (rhat(&c), ess_bulk(&c))
        })
        .fold((0.0, f64::INFINITY), |(r, e), (ri, ei)| (r.max(ri), e.min(ei)))
}

/// Divergences, worst R-hat and smallest ESS of every fit.
pub fn health_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = [
        ("complete pooling", &o.complete),
        ("no pooling", &o.none),
        ("partial pooling", &o.partial),
        ("twenty schools, centred", &o.schools_fit),
        ("twenty schools, non-centred", &o.schools_fit_nc),
    ]
    .iter()
    .map(|(label, fit)| {
        let (r, e) = health(fit);
        vec![
            label.to_string(),
            fit.num_divergent().to_string(),
            format!("{r:.3}"),
            format!("{e:.0}"),
            fit.gradient_evaluations().to_string(),
        ]
    })
    .collect();
    Ok(markdown_table(
        &["fit", "divergent draws", "largest R-hat", "smallest bulk-ESS", "gradient evaluations"],
        &rows,
    )?)
}

/// Summary of a fit's named parameters.
pub(crate) fn summary(fit: &Fit, names: &[&str]) -> Result<String> {
    let rows = chapter_support::fit_summary(fit, names, HDI_PROB)?;
    Ok(summary_markdown(&rows, HDI_PROB))
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("data.md", &data_table(o)?)?;
    out.write("estimates.md", &estimates_table(o)?)?;
    out.write("data_note.md", &data_note(o))?;
    out.write("movement.md", &movement_sentence(o)?)?;
    out.write("strategies.md", &strategies_table(o)?)?;
    out.write("prediction.md", &prediction_table(o)?)?;
    out.write("health.md", &health_table(o)?)?;
    out.write("partial.md", &partial_sentence(o)?)?;
    out.write("schools_summary.md", &summary(&o.schools_fit, &["mu", "tau", "sigma"])?)?;
    out.write("schools.md", &schools_sentence(o)?)?;
    out.write("priors.md", &priors_table(o)?)?;
    out.write("truth.md", &truth_sentence())?;
    let s = &o.schools_fit.settings;
    let refresh = (s.num_warmup + s.num_draws).div_ceil(10);
    out.write(
        "progress_chain1.txt",
        &chain_progress_text(&o.schools_fit, 0, "varying_intercepts", refresh, None),
    )?;
    Ok(())
}

/// The readable report printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = String::new();
    s.push_str("\nFive instructors: estimates under three pooling strategies\n\n");
    s.push_str(&estimates_table(o)?);
    s.push_str("\nFits\n\n");
    s.push_str(&health_table(o)?);
    s.push_str("\nTwenty schools, varying intercepts\n\n");
    s.push_str(&summary(&o.schools_fit, &["mu", "tau", "sigma"])?);
    s.push_str(&schools_sentence(o)?);
    Ok(s)
}
