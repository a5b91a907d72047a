//! The chapter's figures.

use crate::predictive::{mean_sd, share_at_or_above};
use crate::tables_predictive::{SCHOOL_E, SCHOOL_E_NAME};
use crate::{HDI_PROB, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{quantile, sig};
use figures::{
    ForestPlot, ForestRow, HistogramPanel, LinePlot, LineSeries, forest_plot, histogram_panels,
    line_plot,
};
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
        .collect();
    let mu = &o.non_centred_summary[0];
    forest_plot(
        &out.path("forest.svg"),
        &ForestPlot {
            title: format!(
                "School effects: posterior mean and {:.0}% HDI (non-centred)",
                100.0 * HDI_PROB
            ),
            x_label: "effect on SAT-V score".into(),
            rows,
            reference_line: Some((
                mu.mean,
                format!("posterior mean of mu ({})", sig(mu.mean, 3)),
            )),
        },
    )?;
    Ok(())
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
    let log_tau_curve: Vec<(f64, f64)> = cells
        .step_by(5)
        .map(|(t, d)| (t.ln(), t * d))
        .filter(|(x, _)| *x >= -7.0)
        .collect();
    let mu = o.exact.mu_marginal();
    let mu_curve = curve(-15.0, 30.0, 180, |x| mu.pdf(x));
    let panel = |title: &str, fit: &Fit, what: &str| -> Result<HistogramPanel> {
        let tau = fit.pooled_named("tau")?;
        let (samples, range, curve) = match what {
            "tau" => (tau, (0.0, 20.0), tau_curve.clone()),
            "log tau" => (
                tau.iter().map(|t| t.ln()).collect(),
                (-7.0, 3.5),
                log_tau_curve.clone(),
            ),
            _ => (fit.pooled_named("mu")?, (-15.0, 30.0), mu_curve.clone()),
        };
        Ok(HistogramPanel {
            title: format!("{what}, {title}"),
            x_label: what.into(),
            samples,
            bins: 60,
            range: Some(range),
            curve: Some(curve),
            curve_label: "exact posterior".into(),
        })
    };
    let mut panels = Vec::new();
    for what in ["tau", "log tau", "mu"] {
        panels.push(panel("centred", &o.centred, what)?);
        panels.push(panel("non-centred", &o.non_centred, what)?);
    }
    histogram_panels(&out.path("exact_marginals.svg"), &panels)?;
    Ok(())
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
                note: Some(format!(
                    "P(y_rep ≥ y) {}",
                    sig(share_at_or_above(rep, Y[j]), 2)
                )),
            }
        })
        .collect();
    forest_plot(
        &out.path("ppc.svg"),
        &ForestPlot {
            title: "Replicated effects: mean and 89% interval".into(),
            x_label: "y_rep (SAT-V points)".into(),
            rows,
            reference_line: None,
        },
    )?;
    Ok(())
}

/// A new school's predicted effect against School E's posterior.
fn new_school(out: &OutputDir, o: &Outcome) -> Result<()> {
    let new = o.exact.new_school_marginal();
    let e = o.exact.theta_marginal(SCHOOL_E);
    let range = (-30.0, 45.0);
    let panel = |title: &str, samples: Vec<f64>, exact: &NormalMixture| HistogramPanel {
        title: title.into(),
        x_label: "effect (SAT-V points)".into(),
        samples,
        bins: 60,
        range: Some(range),
        curve: Some(curve(range.0, range.1, 200, |x| exact.pdf(x))),
        curve_label: "exact".into(),
    };
    let e_draws = o.non_centred.pooled_named(SCHOOL_E_NAME)?;
    let e_title = format!(
        "School E, {}",
        chapter_support::labels::eight_schools()?.display(SCHOOL_E_NAME)?
    );
    histogram_panels(
        &out.path("new_school.svg"),
        &[
            panel(
                "new school, theta_new",
                o.predictive.theta_new.clone(),
                &new,
            ),
            panel(&e_title, e_draws, &e),
        ],
    )?;
    Ok(())
}

/// The covariate model's posterior of beta: NUTS against exact.
fn covariate_beta(out: &OutputDir, o: &Outcome) -> Result<()> {
    let fit = &o.covariate.fit;
    let beta = &o.covariate.exact.beta;
    let range = (-20.0, 30.0);
    histogram_panels(
        &out.path("covariate_beta.svg"),
        &[HistogramPanel {
            title: "beta, the private-school advantage (true value 5)".into(),
            x_label: "beta".into(),
            samples: fit.pooled_named("beta")?,
            bins: 60,
            range: Some(range),
            curve: Some(curve(range.0, range.1, 200, |x| beta.pdf(x))),
            curve_label: "exact posterior".into(),
        }],
    )?;
    Ok(())
}

/// `tau`'s posterior under each pair of hyperpriors: the exact densities on one
/// set of axes, then each row's NUTS draws against its exact density.
fn prior_tau(out: &OutputDir, o: &Outcome) -> Result<()> {
    let range = (0.0, 30.0);
    let exact_curve = |e: &ExactPosterior| -> Vec<(f64, f64)> {
        e.tau_grid
            .iter()
            .zip(&e.tau_density)
            .step_by(100)
            .take_while(|(t, _)| **t <= range.1)
            .map(|(t, d)| (*t, *d))
            .collect()
    };
    let series = o
        .priors
        .iter()
        .map(|row| LineSeries {
            label: row.label.into(),
            points: exact_curve(&row.exact),
        })
        .collect();
    line_plot(
        &out.path("prior_tau.svg"),
        &LinePlot {
            title: "Exact posterior of tau under four pairs of hyperpriors".into(),
            x_label: "tau".into(),
            y_label: "density".into(),
            series,
        },
    )?;
    let panels: Vec<HistogramPanel> = o
        .priors
        .iter()
        .map(|row| {
            Ok(HistogramPanel {
                title: row.label.into(),
                x_label: "tau".into(),
                samples: row.fit.pooled_named("tau")?,
                bins: 60,
                range: Some(range),
                curve: Some(exact_curve(&row.exact)),
                curve_label: "exact posterior".into(),
            })
        })
        .collect::<Result<_>>()?;
    histogram_panels(&out.path("prior_tau_draws.svg"), &panels)?;
    Ok(())
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
