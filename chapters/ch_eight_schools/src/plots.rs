//! The chapter's figures.

use crate::predictive::{mean_sd, share_at_or_above};
use crate::tables_predictive::{SCHOOL_E, SCHOOL_E_NAME};
use crate::{HDI_PROB, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{quantile, sig};
use figures::recipes::{self, ForestRow, density_panel, rows_figure};
use figures::{Figure, Panel};
use models::eight_schools::{SCHOOLS, Y};
use models::eight_schools_exact::ExactPosterior;
use models::normal_mixture::NormalMixture;
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
        .collect::<Vec<_>>();
    let mu = &o.non_centred_summary[0];
    let reference = (mu.mean, format!("posterior mean of mu ({})", sig(mu.mean, 3)));
    let estimate = "posterior mean and interval";
    let panel =
        recipes::forest("effect on SAT-V score", [estimate, "observed"], &rows, Some(reference));
    let title =
        format!("School effects: posterior mean and {:.0}% HDI (non-centred)", 100.0 * HDI_PROB);
    let figure = rows_figure(&title, vec![panel], 36);
    out.draw("forest.svg", &figure)
}

/// An exact density as a curve on `n + 1` points over `[lo, hi]`.
fn curve(lo: f64, hi: f64, n: usize, density: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    (0..=n)
        .map(|i| {
            let x = lo + (hi - lo) * i as f64 / n as f64;
            (x, density(x))
        })
        .collect()
}

/// Histograms of tau, log tau and mu from both fits against the exact
/// marginal densities: the centred fit's missing mass at small tau shows in
/// the log tau row.
fn exact_marginals(out: &OutputDir, o: &Outcome) -> Result<()> {
    let cells = o.exact.tau_grid.iter().zip(&o.exact.tau_density);
    let tau_curve: Vec<(f64, f64)> = cells.clone().step_by(20).map(|(t, d)| (*t, *d)).collect();
    // p(log tau) = tau · p(tau).
    let log_tau_curve: Vec<(f64, f64)> =
        cells.step_by(5).map(|(t, d)| (t.ln(), t * d)).filter(|(x, _)| *x >= -7.0).collect();
    let mu = o.exact.mu_marginal();
    let mu_curve = curve(-15.0, 30.0, 180, |x| mu.pdf(x));
    let panel = |title: &str, fit: &Fit, what: &str| -> Result<Panel> {
        let tau = fit.pooled_named("tau")?;
        let (samples, range, curve) = match what {
            "tau" => (tau, (0.0, 20.0), &tau_curve),
            "log tau" => (tau.iter().map(|t| t.ln()).collect(), (-7.0, 3.5), &log_tau_curve),
            _ => (fit.pooled_named("mu")?, (-15.0, 30.0), &mu_curve),
        };
        let title = format!("{what}, {title}");
        Ok(density_panel(&title, what, &samples, 60, range, curve, "exact posterior")?)
    };
    let mut panels = Vec::new();
    for what in ["tau", "log tau", "mu"] {
        panels.push(panel("centred", &o.centred, what)?);
        panels.push(panel("non-centred", &o.non_centred, what)?);
    }
    histograms(out, "exact_marginals.svg", panels)
}

/// Density histograms two to a row, each with its own legend.
fn histograms(out: &OutputDir, name: &str, panels: Vec<Panel>) -> Result<()> {
    let columns = panels.len().min(2);
    out.draw(name, &Figure { legend_per_panel: true, ..Figure::grid(panels, columns, 360) })
}

/// The posterior predictive check: each school's replicated effect
/// (mean and central 89% interval) against the observed one.
fn ppc(out: &OutputDir, o: &Outcome) -> Result<()> {
    let rows = (0..Y.len())
        .map(|j| {
            let rep = &o.predictive.y_rep[j];
            let (mean, _) = mean_sd(rep);
            ForestRow {
                label: format!("School {}", SCHOOLS[j]),
                mean,
                low: quantile(rep, 0.055),
                high: quantile(rep, 0.945),
                observed: Some(Y[j]),
                note: Some(format!("P(y_rep ≥ y) {}", sig(share_at_or_above(rep, Y[j]), 2))),
            }
        })
        .collect::<Vec<_>>();
    let panel = recipes::forest(
        "y_rep (SAT-V points)",
        ["posterior mean and interval", "observed"],
        &rows,
        None,
    );
    let title = "Replicated effects: mean and 89% interval";
    out.draw("ppc.svg", &rows_figure(title, vec![panel], 36))
}

/// A new school's predicted effect against School E's posterior.
fn new_school(out: &OutputDir, o: &Outcome) -> Result<()> {
    let new = o.exact.new_school_marginal();
    let e = o.exact.theta_marginal(SCHOOL_E);
    let range = (-30.0, 45.0);
    let panel = |title: &str, samples: &[f64], exact: &NormalMixture| {
        let curve = curve(range.0, range.1, 200, |x| exact.pdf(x));
        let x_label = "effect (SAT-V points)";
        density_panel(title, x_label, samples, 60, range, &curve, "exact")
    };
    let e_draws = o.non_centred.pooled_named(SCHOOL_E_NAME)?;
    let e_title =
        format!("School E, {}", chapter_support::labels::eight_schools()?.display(SCHOOL_E_NAME)?);
    let panels = vec![
        panel("new school, theta_new", &o.predictive.theta_new, &new)?,
        panel(&e_title, &e_draws, &e)?,
    ];
    histograms(out, "new_school.svg", panels)
}

/// The covariate model's posterior of beta: NUTS against exact.
fn covariate_beta(out: &OutputDir, o: &Outcome) -> Result<()> {
    let fit = &o.covariate.fit;
    let beta = &o.covariate.exact.beta;
    let range = (-20.0, 30.0);
    let panel = density_panel(
        "beta, the private-school advantage (true value 5)",
        "beta",
        &fit.pooled_named("beta")?,
        60,
        range,
        &curve(range.0, range.1, 200, |x| beta.pdf(x)),
        "exact posterior",
    )?;
    histograms(out, "covariate_beta.svg", vec![panel])
}

/// `tau`'s posterior under each pair of hyperpriors: the exact densities on one
/// set of axes, then each row's NUTS draws against its exact density.
fn prior_tau(out: &OutputDir, o: &Outcome) -> Result<()> {
    let range = (0.0, 30.0);
    let exact_curve = |e: &ExactPosterior| e.tau_curve(100, range.1);
    let series =
        o.priors.iter().map(|row| (row.label.to_string(), exact_curve(&row.exact))).collect();
    let title = "Exact posterior of tau under four pairs of hyperpriors";
    let figure = recipes::lines(title, "tau", "density", series);
    out.draw("prior_tau.svg", &figure)?;
    let panels = o
        .priors
        .iter()
        .map(|row| {
            let tau = row.fit.pooled_named("tau")?;
            let curve = exact_curve(&row.exact);
            Ok(density_panel(row.label, "tau", &tau, 60, range, &curve, "exact posterior")?)
        })
        .collect::<Result<_>>()?;
    histograms(out, "prior_tau_draws.svg", panels)
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    forest(out, o)?;
    exact_marginals(out, o)?;
    ppc(out, o)?;
    new_school(out, o)?;
    covariate_beta(out, o)?;
    prior_tau(out, o)?;
    Ok(())
}
