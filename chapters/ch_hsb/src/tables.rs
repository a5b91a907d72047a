//! The chapter's markdown tables and sentences (the data and the checks
//! here; the fits and the comparison in `tables_*`), and its console report.

use crate::reference::{HYPER, Reference, agreement};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::rstan::{stan_markdown, stan_summary};
use diagnostics::{FiveNumbers, fixed, quantile, sig};
use figures::markdown_table;
use models::hsb::fits::ModelKind;

use crate::tables_fits::{centring_table, ols_complete, ols_no_pooling, sampling_table};
use crate::tables_loo::{compare_table, loo_table, source_table, waic_table};
use crate::{CHECKED_SCHOOLS, Outcome};

/// Names of the hyperparameters (`extra` after the population's four) plus two
/// schools' lines (schools 1 and 10, as the source prints them).
pub(crate) fn partial_names(extra: &[&'static str]) -> Vec<&'static str> {
    [&HYPER[..4], extra, &HYPER[4..], &["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10"]].concat()
}

/// rstan's `print(fit)` of the parameters `names` of the fit of `kind`.
pub(crate) fn summary(o: &Outcome, kind: ModelKind, names: &[&str]) -> Result<String> {
    Ok(stan_markdown(&stan_summary(o.fit(kind)?, names)?))
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
        &["", "min", "1st quartile", "median", "mean", "3rd quartile", "max"],
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
        .map(|&j| format!("{} (id {}, {} students)", j + 1, o.data.school_ids[j], o.data.sizes[j]))
        .collect();
    format!("The sampled schools are {}.\n", list.join(", "))
}

/// The default non-centred run against the committed long reference run.
pub fn reference_table(o: &Outcome) -> Result<String> {
    let reference = Reference::committed()?;
    let rows: Vec<Vec<String>> = agreement(o.fit(ModelKind::NonCentred)?, &reference)?
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                sig(a.reference_mean, 5),
                sig(a.reference_mcse, 2),
                sig(a.mean, 5),
                sig(a.mcse, 2),
                format!("{:+.2}", a.z),
            ]
        })
        .collect();
    let mut s = markdown_table(
        &[
            "parameter",
            "reference mean",
            "reference MCSE",
            "this run's mean",
            "this run's MCSE",
            "difference / combined MCSE",
        ],
        &rows,
    )?;
    s.push_str(&format!("\nReference: {}.\n", reference.description));
    Ok(s)
}

/// Observed mean against the replicated means, per model.
pub fn ppc_mean_table(o: &Outcome) -> Result<String> {
    let observed = o.eda.math.mean;
    let rows: Vec<Vec<String>> = ModelKind::COMPARED
        .iter()
        .map(|&k| -> Result<Vec<String>> {
            let m = &o.check(k)?.rep_means;
            let above = m.iter().filter(|&&v| v >= observed).count() as f64 / m.len() as f64;
            Ok(vec![
                k.label().to_string(),
                sig(observed, 5),
                sig(quantile(m, 0.5), 5),
                format!("[{}, {}]", sig(quantile(m, 0.025), 5), sig(quantile(m, 0.975), 5)),
                fixed(above, 3),
            ])
        })
        .collect::<Result<_>>()?;
    Ok(markdown_table(
        &[
            "model",
            "observed mean",
            "replicated mean (median)",
            "95% interval",
            "P(replicated ≥ observed)",
        ],
        &rows,
    )?)
}

/// Share of students inside their 95% posterior predictive interval.
pub fn coverage_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = ModelKind::COMPARED
        .iter()
        .map(|&k| Ok(vec![k.label().to_string(), fixed(o.check(k)?.coverage, 3)]))
        .collect::<Result<_>>()?;
    Ok(markdown_table(&["model", "share inside the 95% interval"], &rows)?)
}

/// School sizes of the per-school predictive checks.
pub fn checked_schools_sentence(o: &Outcome) -> String {
    let list: Vec<String> = CHECKED_SCHOOLS
        .iter()
        .filter(|&&j| j <= o.data.num_schools())
        .map(|&j| format!("school {j} has {} students", o.data.sizes[j - 1]))
        .collect();
    format!("In the data, {}.\n", list.join(", "))
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("data_sentence.md", &data_sentence(o))?;
    out.write("data_summary.md", &data_summary(o)?)?;
    out.write("sample_schools.md", &sample_sentence(o))?;
    out.write("ols_complete.md", &ols_complete(o)?)?;
    out.write("ols_no_pooling.md", &ols_no_pooling(o)?)?;
    let no_pooling = ["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10", "sigma"];
    let summaries = [
        ("summary_complete.md", ModelKind::Complete, vec!["beta_0", "beta_1", "sigma"]),
        ("summary_no_pooling.md", ModelKind::NoPooling, no_pooling.to_vec()),
        ("summary_partial.md", ModelKind::NonCentred, partial_names(&[])),
        ("summary_centred.md", ModelKind::Centred, partial_names(&[])),
    ];
    for (file, kind, names) in summaries {
        out.write(file, &summary(o, kind, &names)?)?;
    }
    out.write("sampling.md", &sampling_table(o)?)?;
    out.write("centring.md", &centring_table(o)?)?;
    out.write("reference.md", &reference_table(o)?)?;
    out.write("ppc_mean.md", &ppc_mean_table(o)?)?;
    out.write("coverage.md", &coverage_table(o)?)?;
    out.write("checked_schools.md", &checked_schools_sentence(o))?;
    out.write("loo.md", &loo_table(o)?)?;
    out.write("waic.md", &waic_table(o)?)?;
    out.write("compare_loo.md", &compare_table(&o.comparison.by_loo, true)?)?;
    out.write("compare_waic.md", &compare_table(&o.comparison.by_waic, false)?)?;
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
        ("Partial pooling (non-centred)", summary(o, ModelKind::NonCentred, &HYPER)),
        ("Centred against non-centred", centring_table(o)),
        ("PSIS-LOO", loo_table(o)),
        ("Comparison by LOO", compare_table(&o.comparison.by_loo, true)),
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
