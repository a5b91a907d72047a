//! The chapter's markdown tables and sentences (the data here; the fits,
//! checks, comparison and source in `tables_*`), and its console report.

use crate::Outcome;
use crate::eda::FiveNumbers;
use crate::reference::HYPER;
use crate::summaries::{stan_markdown, stan_summary};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::sig;
use figures::markdown_table;
use models::hsb::fits::ModelKind;

use crate::tables_checks::{
    checked_schools_sentence, coverage_table, ppc_mean_table, reference_table,
};
use crate::tables_fits::{centring_table, ols_complete, ols_no_pooling, sampling_table};
use crate::tables_loo::{compare_table, loo_table, waic_table};
use crate::tables_source::source_table;
/// Names of the hyperparameters plus two schools' lines (schools 1 and 10,
/// as the source prints them).
fn partial_names() -> Vec<&'static str> {
    let mut names = HYPER.to_vec();
    names.extend(["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10"]);
    names
}

/// One sentence describing the data set.
pub fn data_sentence(o: &Outcome) -> String {
    let s = &o.eda.sizes;
    format!(
        "The file holds {} students in {} schools; schools have between {} and {} students \
         (median {}, mean {}).\n",
        o.data.len(),
        o.data.num_schools(),
        sig(s.min, 2),
        sig(s.max, 2),
        sig(s.median, 2),
        sig(s.mean, 4),
    )
}

/// R's `summary()` of math achievement, SES and school size.
pub fn data_summary(o: &Outcome) -> Result<String> {
    let row = |name: &str, f: &FiveNumbers| -> Vec<String> {
        let mut v = vec![name.to_string()];
        v.extend([f.min, f.q1, f.median, f.mean, f.q3, f.max].map(|x| sig(x, 4)));
        v
    };
    Ok(markdown_table(
        &[
            "",
            "min",
            "1st quartile",
            "median",
            "mean",
            "3rd quartile",
            "max",
        ],
        &[
            row("math achievement", &o.eda.math),
            row("SES", &o.eda.ses),
            row("students per school", &o.eda.sizes),
        ],
    )?)
}

/// The sampled schools, as a sentence.
pub fn sample_sentence(o: &Outcome) -> String {
    let list: Vec<String> = o
        .eda
        .sample
        .iter()
        .map(|&j| {
            format!(
                "{} (id {}, {} students)",
                j + 1,
                o.data.school_ids[j],
                o.data.sizes[j]
            )
        })
        .collect();
    format!("The sampled schools are {}.\n", list.join(", "))
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("data_sentence.md", &data_sentence(o))?;
    out.write("data_summary.md", &data_summary(o)?)?;
    out.write("sample_schools.md", &sample_sentence(o))?;
    out.write("ols_complete.md", &ols_complete(o)?)?;
    out.write("ols_no_pooling.md", &ols_no_pooling(o)?)?;
    let summary = |kind: ModelKind, names: &[&str]| -> Result<String> {
        Ok(stan_markdown(&stan_summary(o.fit(kind), names)?))
    };
    out.write(
        "summary_complete.md",
        &summary(ModelKind::Complete, &["beta_0", "beta_1", "sigma"])?,
    )?;
    out.write(
        "summary_no_pooling.md",
        &summary(
            ModelKind::NoPooling,
            &["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10", "sigma"],
        )?,
    )?;
    out.write(
        "summary_partial.md",
        &summary(ModelKind::NonCentred, &partial_names())?,
    )?;
    out.write(
        "summary_centred.md",
        &summary(ModelKind::Centred, &partial_names())?,
    )?;
    out.write("sampling.md", &sampling_table(o)?)?;
    out.write("centring.md", &centring_table(o)?)?;
    out.write("reference.md", &reference_table(o)?)?;
    out.write("ppc_mean.md", &ppc_mean_table(o)?)?;
    out.write("coverage.md", &coverage_table(o)?)?;
    out.write("checked_schools.md", &checked_schools_sentence(o))?;
    out.write("loo.md", &loo_table(o)?)?;
    out.write("waic.md", &waic_table(o)?)?;
    out.write(
        "compare_loo.md",
        &compare_table(&o.comparison.by_loo, true)?,
    )?;
    out.write(
        "compare_waic.md",
        &compare_table(&o.comparison.by_waic, false)?,
    )?;
    out.write("source_comparison.md", &source_table(o)?)?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = String::new();
    s.push_str(&data_sentence(o));
    let sections: [(&str, Result<String>); 6] = [
        ("Least squares, complete pooling", ols_complete(o)),
        ("Sampling", sampling_table(o)),
        (
            "Partial pooling (non-centred)",
            stan_summary(o.fit(ModelKind::NonCentred), &HYPER).map(|r| stan_markdown(&r)),
        ),
        ("Centred against non-centred", centring_table(o)),
        ("PSIS-LOO", loo_table(o)),
        (
            "Comparison by LOO",
            compare_table(&o.comparison.by_loo, true),
        ),
    ];
    for (title, table) in sections {
        s.push_str(&format!("\n{title}\n\n"));
        match table {
            Ok(t) => s.push_str(&t),
            Err(e) => s.push_str(&format!("(unavailable: {e})\n")),
        }
    }
    Ok(s)
}
