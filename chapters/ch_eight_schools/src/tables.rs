//! The chapter's markdown tables and its console report.

use crate::predictive::mean_sd;
use crate::tables_predictive::*;
use crate::{HDI_PROB, Outcome, tables_priors};
use anyhow::Result;
use chapter_support::{OutputDir, divergent_cell, error_in_mcse};
use diagnostics::{ebfmi, ess_bulk, ess_tail, mcse_mean, mean, quantile, rhat, share_below, sig};
use figures::markdown_table;
use models::eight_schools::{SIGMA, Y};
use sampler::Fit;

/// The smallest E-BFMI over the chains of `fit`.
fn lowest_ebfmi(fit: &Fit) -> f64 {
    fit.stat_chains(|s| s.energy).iter().map(|e| ebfmi(e)).fold(f64::INFINITY, f64::min)
}

/// One line per parameterisation: divergences, ESS and R-hat of `tau`, the
/// lowest E-BFMI of its chains, cost;
/// then, below the table, the step size each chain adapted to.
pub fn comparison_table(o: &Outcome) -> Result<String> {
    let step_sizes = |fit: &Fit| -> String {
        let each: Vec<String> = fit.chains.iter().map(|c| sig(c.step_size, 3)).collect();
        each.join(", ")
    };
    let row = |label: &str, fit: &Fit| -> Result<Vec<String>> {
        let tau = fit.try_chains_by_name("tau")?;
        Ok(vec![
            label.to_string(),
            divergent_cell(fit),
            format!("{:.0}", ess_bulk(&tau)),
            format!("{:.0}", ess_tail(&tau)),
            format!("{:.3}", rhat(&tau)),
            sig(lowest_ebfmi(fit), 2),
            fit.gradient_evaluations().to_string(),
        ])
    };
    let table = markdown_table(
        &[
            "parameterisation",
            "divergent draws",
            "bulk-ESS(tau)",
            "tail-ESS(tau)",
            "R-hat(tau)",
            "E-BFMI (lowest chain)",
            "gradient evaluations",
        ],
        &[row("centred", &o.centred)?, row("non-centred", &o.non_centred)?],
    )?;
    Ok(format!(
        "{table}\nStep sizes after warmup, one per chain: centred {}; non-centred {}.\n",
        step_sizes(&o.centred),
        step_sizes(&o.non_centred)
    ))
}

/// NUTS posterior means of both fits against the exact posterior, with the
/// error in units of the Monte Carlo standard error.
pub fn exact_table(o: &Outcome) -> Result<String> {
    let labels = chapter_support::labels::eight_schools()?;
    let mut rows = Vec::new();
    for (name, (exact_mean, sd)) in crate::reported_names().into_iter().zip(exact_moments(o)) {
        let mut row = vec![labels.display(&name)?, sig(exact_mean, 4), sig(sd, 4)];
        for fit in [&o.non_centred, &o.centred] {
            let chains = fit.try_chains_by_name(&name)?;
            let (m, se) = (mean(&chains.concat()), mcse_mean(&chains));
            row.push(sig(m, 4));
            row.push(error_in_mcse(m, exact_mean, se));
        }
        rows.push(row);
    }
    // The neck of the funnel: how much posterior mass sits at small tau.
    let p_exact = o.exact.tau_cdf(1.0);
    let mut row = vec!["P(tau < 1)".to_string(), sig(p_exact, 4), "".to_string()];
    for fit in [&o.non_centred, &o.centred] {
        let (p, se) = share_below(&fit.try_chains_by_name("tau")?, 1.0);
        row.push(sig(p, 4));
        row.push(error_in_mcse(p, p_exact, se));
    }
    rows.push(row);
    Ok(markdown_table(
        &[
            "parameter",
            "exact mean",
            "exact sd",
            "non-centred mean",
            "error / MCSE",
            "centred mean",
            "error / MCSE",
        ],
        &rows,
    )?)
}

/// The exact `(mean, sd)` of every reported parameter, in [`crate::reported_names`] order.
fn exact_moments(o: &Outcome) -> impl Iterator<Item = (f64, f64)> + '_ {
    [o.exact.mu, o.exact.tau].into_iter().chain(o.exact.theta.iter().copied())
}

/// Spread of both fits against the exact posterior: the sd and the 5% and 95%
/// quantiles of `mu`, `tau` and each `theta_j`.
pub fn exact_spread_table(o: &Outcome) -> Result<String> {
    let labels = chapter_support::labels::eight_schools()?;
    let mut rows = Vec::new();
    for (k, (name, (_, sd))) in crate::reported_names().iter().zip(exact_moments(o)).enumerate() {
        let q = |p| match k {
            0 => o.exact.mu_marginal().quantile(p),
            1 => o.exact.tau_quantile(p),
            _ => o.exact.theta_marginal(k - 2).quantile(p),
        };
        let (nc, c) = (o.non_centred.pooled_named(name)?, o.centred.pooled_named(name)?);
        let mut row =
            vec![labels.display(name)?, sig(sd, 3), sig(mean_sd(&nc).1, 3), sig(mean_sd(&c).1, 3)];
        for p in [0.05, 0.95] {
            row.extend([q(p), quantile(&nc, p), quantile(&c, p)].map(|v| sig(v, 3)));
        }
        rows.push(row);
    }
    Ok(markdown_table(
        &[
            "parameter",
            "sd exact",
            "non-centred",
            "centred",
            "5% exact",
            "non-centred",
            "centred",
            "95% exact",
            "non-centred",
            "centred",
        ],
        &rows,
    )?)
}

/// One sentence on School A, for the page's prose (generated so it cannot drift).
pub fn school_a_sentence(o: &Outcome) -> String {
    let a = &o.non_centred_summary[2];
    format!(
        "School A's observed effect of {} points (standard error {}) becomes a posterior mean \
         of {} points, with {:.0}% HDI [{}, {}]; the exact posterior mean is {}.\n",
        Y[0],
        SIGMA[0],
        sig(a.mean, 3),
        100.0 * HDI_PROB,
        sig(a.hdi_low, 3),
        sig(a.hdi_high, 3),
        sig(o.exact.theta[0].0, 3),
    )
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    let labels = chapter_support::labels::eight_schools()?;
    out.write("summary_centred.md", &labels.summary_markdown(&o.centred_summary, HDI_PROB)?)?;
    out.write(
        "summary_noncentred.md",
        &labels.summary_markdown(&o.non_centred_summary, HDI_PROB)?,
    )?;
    out.write("comparison.md", &comparison_table(o)?)?;
    out.write(
        "exact.md",
        &format!(
            "{}\nTheir spread: standard deviations and 5% and 95% quantiles.\n\n{}",
            exact_table(o)?,
            exact_spread_table(o)?
        ),
    )?;
    out.write("school_a.md", &school_a_sentence(o))?;
    out.write("tau_tail.md", &tau_tail_table(o)?)?;
    out.write("ppc.md", &ppc_table(o)?)?;
    out.write("ppc_statistics.md", &ppc_statistics_table(o)?)?;
    out.write("new_school.md", &new_school_table(o)?)?;
    out.write("new_school_ratio.md", &new_school_sentence(o)?)?;
    out.write("covariate_data.md", &covariate_data_table(o)?)?;
    out.write("covariate.md", &covariate_table(o)?)?;
    out.write("covariate_recovery.md", &covariate_sentence(o))?;
    out.write("priors.md", &tables_priors::priors_table(&o.priors)?)?;
    out.write("priors_source.md", &tables_priors::source_table(&o.priors)?)?;
    out.write("priors_source_sentence.md", &tables_priors::source_sentence(&o.priors))?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let labels = chapter_support::labels::eight_schools()?;
    let mut s = String::new();
    for (label, fit, rows) in [
        ("Centred", &o.centred, &o.centred_summary),
        ("Non-centred", &o.non_centred, &o.non_centred_summary),
    ] {
        let total = fit.num_draws_total();
        s.push_str(&format!(
            "\n{label} parameterisation: {} chains x {} draws, {} divergent ({:.2}%)\n\n",
            fit.chains.len(),
            total / fit.chains.len().max(1),
            fit.num_divergent(),
            100.0 * fit.num_divergent() as f64 / total as f64
        ));
        s.push_str(&labels.summary_markdown(rows, HDI_PROB)?);
    }
    s.push_str("\nNew school against School E:\n\n");
    s.push_str(&new_school_table(o)?);
    s.push_str(&new_school_sentence(o)?);
    s.push_str("\nCovariate model (exercise 5.8.4 d):\n\n");
    s.push_str(&covariate_table(o)?);
    s.push_str(&covariate_sentence(o));
    s.push_str(&format!(
        "\nExact posterior: E[mu] = {}, E[tau] = {}, tau 5%-95% = [{}, {}]\n",
        sig(o.exact.mu.0, 4),
        sig(o.exact.tau.0, 4),
        sig(o.exact.tau_quantile(0.05), 3),
        sig(o.exact.tau_quantile(0.95), 3),
    ));
    Ok(s)
}
