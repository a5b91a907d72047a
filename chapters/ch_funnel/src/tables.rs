//! The chapter's markdown tables, the sentences its page quotes, and its
//! console report.

use crate::sweep::{SweepCell, cell};
use crate::{NECK_THRESHOLDS, Outcome, QUANTILE_PROBS};
use anyhow::Result;
use chapter_support::{OutputDir, divergent_cell, error_in_mcse, exact_quantile_table};
use diagnostics::{ess_bulk, mean_se, median, median_range, rhat, share_below, sig};
use figures::markdown_table;
use models::Parameterization;
use models::neals_funnel::{exact_below, exact_quantile};
use sampler::Fit;

/// `median [min, max]` with `digits` significant digits.
pub(crate) fn med_range(values: &[f64], digits: usize) -> String {
    let (m, lo, hi) = median_range(values);
    format!("{} [{}, {}]", sig(m, digits), sig(lo, digits), sig(hi, digits))
}

/// `median [min, max]` of counts: whole numbers stay whole (a median of an
/// even number of counts may end in .5).
pub(crate) fn count_range(values: &[f64]) -> String {
    let (m, lo, hi) = median_range(values);
    format!("{m} [{lo}, {hi}]")
}

/// `mean ± se` over seeds, signed, with fixed decimals.
fn mean_pm(values: &[f64], decimals: usize) -> String {
    let (m, se) = mean_se(values);
    format!("{m:+.decimals$} ± {se:.decimals$}")
}

/// Divergences, ESS, R-hat and reach of `v` for both funnel fits.
pub fn funnel_fits_table(o: &Outcome) -> Result<String> {
    let row = |name: &str, fit: &Fit| -> Result<Vec<String>> {
        let v = fit.try_chains_by_name("v")?;
        let min = v.concat().into_iter().fold(f64::INFINITY, f64::min);
        Ok(vec![
            name.to_string(),
            divergent_cell(fit),
            format!("{:.0}", ess_bulk(&v)),
            format!("{:.3}", rhat(&v)),
            sig(min, 3),
            fit.gradient_evaluations().to_string(),
        ])
    };
    Ok(markdown_table(
        &[
            "parameterisation",
            "divergent draws",
            "bulk-ESS(v)",
            "R-hat(v)",
            "smallest v drawn",
            "gradient evaluations",
        ],
        &[row("centred", &o.funnel_centred)?, row("non-centred", &o.funnel_non_centred)?],
    )?)
}

/// Quantiles of `v` from both fits against the exact `Normal(0, 3)` ones.
pub fn funnel_quantile_table(o: &Outcome) -> Result<String> {
    let (nc, c) = (&o.funnel_non_centred, &o.funnel_centred);
    exact_quantile_table("v", &QUANTILE_PROBS, exact_quantile, nc, c)
}

/// `P(v < t)` for the neck thresholds: exact, and each fit's share of draws
/// with the error in Monte Carlo standard errors.
pub fn funnel_tail_table(o: &Outcome) -> Result<String> {
    let rows = NECK_THRESHOLDS
        .iter()
        .map(|&t| {
            let exact = exact_below(t);
            let mut row = vec![format!("P(v < {t})"), sig(exact, 3)];
            for fit in [&o.funnel_non_centred, &o.funnel_centred] {
                let (share, se) = share_below(&fit.try_chains_by_name("v")?, t);
                row.push(sig(share, 3));
                row.push(error_in_mcse(share, exact, se));
            }
            Ok(row)
        })
        .collect::<Result<Vec<Vec<String>>>>()?;
    Ok(markdown_table(
        &["tail", "exact", "non-centred", "error / MCSE", "centred", "error / MCSE"],
        &rows,
    )?)
}

/// The sweep's cost and health: divergences, ESS(tau), gradient evaluations.
pub fn sweep_health_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .sweep
        .iter()
        .map(|cell| {
            let (div, total) = cell.divergent_total();
            vec![
                cell.parameterization.label().to_string(),
                cell.target_accept.to_string(),
                format!("{} of {}", cell.seeds_with_divergences(), cell.fits.len()),
                count_range(&cell.values(|f| f.divergent as f64)),
                format!("{}%", sig(100.0 * div as f64 / total as f64, 2)),
                med_range(&cell.values(|f| f.ess_bulk_tau), 3),
                sig(median(&cell.values(|f| f.gradient_evaluations as f64)), 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "parameterisation",
            "target",
            "seeds diverging",
            "divergences per fit",
            "of all transitions",
            "bulk-ESS(tau)",
            "gradient evaluations",
        ],
        &rows,
    )?)
}

/// The sweep's accuracy: posterior mean of tau and P(tau < 1) against the
/// exact values, with the average error over seeds and its standard error.
pub fn sweep_accuracy_table(o: &Outcome) -> Result<String> {
    let exact_tau = o.exact.tau.0;
    let exact_p1 = o.exact.tau_cdf(1.0);
    let rows: Vec<Vec<String>> = o
        .sweep
        .iter()
        .map(|cell| {
            let means = cell.values(|f| f.mean_tau);
            let tau_err: Vec<f64> = means.iter().map(|m| m - exact_tau).collect();
            let p1_err = cell.values(|f| f.p_tau_below_1 - exact_p1);
            vec![
                cell.parameterization.label().to_string(),
                cell.target_accept.to_string(),
                med_range(&means, 3),
                mean_pm(&tau_err, 2),
                mean_pm(&p1_err, 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &["parameterisation", "target", "E[tau] per fit", "error of E[tau]", "error of P(tau < 1)"],
        &rows,
    )?)
}

/// Sentences on the sweep's divergence counts, one per target, for the page.
pub fn sweep_sentences(o: &Outcome) -> String {
    let mut s = String::new();
    for &target in &o.sweep_config.targets {
        let (Some(c), Some(n)) = (
            cell(&o.sweep, Parameterization::Centred, target),
            cell(&o.sweep, Parameterization::NonCentred, target),
        ) else {
            continue;
        };
        let (c_div, c_total) = c.divergent_total();
        let (n_div, n_total) = n.divergent_total();
        s.push_str(&format!(
            "- At target acceptance {target}, the centred model diverged on {} of {} seeds \
             ({} divergent transitions out of {}); the non-centred model on {} of {} \
             ({} out of {}).\n",
            c.seeds_with_divergences(),
            c.fits.len(),
            c_div,
            c_total,
            n.seeds_with_divergences(),
            n.fits.len(),
            n_div,
            n_total,
        ));
    }
    s
}

/// The sweep's headline comparison, for the page: the centred model at the
/// lowest and highest target acceptance, and the non-centred model at the lowest.
pub fn sweep_findings(o: &Outcome) -> String {
    let targets = &o.sweep_config.targets;
    let (Some(&lo), Some(&hi)) = (
        targets.iter().min_by(|a, b| a.total_cmp(b)),
        targets.iter().max_by(|a, b| a.total_cmp(b)),
    ) else {
        return String::new();
    };
    let stats = |c: &SweepCell| {
        let tau_err = c.values(|f| f.mean_tau - o.exact.tau.0);
        let p1_err = c.values(|f| f.p_tau_below_1 - o.exact.tau_cdf(1.0));
        (
            median(&c.values(|f| f.divergent as f64)).to_string(),
            mean_pm(&tau_err, 2),
            mean_pm(&p1_err, 3),
            sig(median(&c.values(|f| f.ess_bulk_tau)), 3),
            sig(median(&c.values(|f| f.gradient_evaluations as f64)), 3),
        )
    };
    let mut s = String::new();
    if let (Some(a), Some(b)) = (
        cell(&o.sweep, Parameterization::Centred, lo),
        cell(&o.sweep, Parameterization::Centred, hi),
    ) {
        let (a, b) = (stats(a), stats(b));
        s.push_str(&format!(
            "- **Centred**, from target acceptance {lo} to {hi}: the median number of \
             divergences per fit goes from {} to {}; the average error of E[tau] from {} to {}; \
             that of P(tau < 1) from {} to {}; the median bulk-ESS of tau from {} to {}; \
             the median cost from {} to {} gradient evaluations.\n",
            a.0, b.0, a.1, b.1, a.2, b.2, a.3, b.3, a.4, b.4
        ));
    }
    if let Some(n) = cell(&o.sweep, Parameterization::NonCentred, lo) {
        let n = stats(n);
        s.push_str(&format!(
            "- **Non-centred**, at target acceptance {lo}: median divergences per fit {}; \
             average error of E[tau] {}; of P(tau < 1) {}; median bulk-ESS of tau {}; \
             median cost {} gradient evaluations.\n",
            n.0, n.1, n.2, n.3, n.4
        ));
    }
    s
}

/// How the sweep was run, for the page.
pub fn sweep_setup_sentence(o: &Outcome) -> String {
    let cfg = &o.sweep_config;
    let chains = o.schools_centred.chains.len();
    let targets: Vec<String> = cfg.targets.iter().map(|t| t.to_string()).collect();
    format!(
        "Each of the {} fits ran {} chains of {} warmup and {} kept iterations: {} \
         parameterisations × {} target acceptance rates ({}) × {} seeds. The exact \
         answers they are judged against: E[tau] = {} and P(tau < 1) = {}.\n",
        2 * cfg.targets.len() * cfg.seeds,
        chains,
        cfg.warmup,
        cfg.draws,
        2,
        cfg.targets.len(),
        targets.join(", "),
        cfg.seeds,
        sig(o.exact.tau.0, 4),
        sig(o.exact.tau_cdf(1.0), 4),
    )
}

/// Where the centred chain spends its time, for the page's trace figure.
pub fn trace_sentence(o: &Outcome) -> Result<String> {
    let q05 = o.exact.tau_quantile(0.05);
    let share = |fit: &Fit| -> Result<f64> {
        let tau = fit.try_chains_by_name("tau")?;
        let first = tau.first().cloned().unwrap_or_default();
        Ok(first.iter().filter(|t| **t < q05).count() as f64 / first.len().max(1) as f64)
    };
    let divergent_first = |fit: &Fit| -> usize {
        fit.chains.first().map(|c| c.stats.iter().filter(|s| s.divergent).count()).unwrap_or(0)
    };
    Ok(format!(
        "Exactly 5% of the posterior has tau below {} (log tau below {}). Chain 1 of the \
         centred fit puts {}% of its draws there and diverges {} times; chain 1 of the \
         non-centred fit puts {}% there and diverges {} times.\n",
        sig(q05, 3),
        sig(q05.ln(), 3),
        sig(100.0 * share(&o.schools_centred)?, 2),
        divergent_first(&o.schools_centred),
        sig(100.0 * share(&o.schools_non_centred)?, 2),
        divergent_first(&o.schools_non_centred),
    ))
}

/// Writes every table and sentence of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("funnel_fits.md", &funnel_fits_table(o)?)?;
    out.write("funnel_quantiles.md", &funnel_quantile_table(o)?)?;
    out.write("funnel_tails.md", &funnel_tail_table(o)?)?;
    out.write("trace.md", &trace_sentence(o)?)?;
    out.write("sweep_setup.md", &sweep_setup_sentence(o))?;
    out.write("sweep_health.md", &sweep_health_table(o)?)?;
    out.write("sweep_accuracy.md", &sweep_accuracy_table(o)?)?;
    out.write("sweep_counts.md", &sweep_sentences(o))?;
    out.write("sweep_findings.md", &sweep_findings(o))?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    Ok(format!(
        "\nNeal's funnel (v ~ Normal(0, 3)):\n\n{}\n{}\n{}\nEight Schools seed sweep:\n\n{}\n{}\n{}",
        funnel_fits_table(o)?,
        funnel_quantile_table(o)?,
        funnel_tail_table(o)?,
        sweep_health_table(o)?,
        sweep_accuracy_table(o)?,
        sweep_sentences(o),
    ))
}
