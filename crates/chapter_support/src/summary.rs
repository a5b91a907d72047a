//! Summaries of fits, in the shape of ArviZ's `az.summary`, and timing to stderr.

use diagnostics::{SummaryRow, ess_bulk, quantile, rhat, sig, summarize_named};
use sampler::Fit;
use std::time::Instant;

/// One summary row per named parameter (mean, sd, HDI at `hdi_prob`, MCSE,
/// bulk and tail ESS, R-hat). Names missing from the fit are an error. The
/// work is done by [`diagnostics::summarize_named`], which outside users can
/// call directly on a [`Fit`].
pub fn fit_summary(fit: &Fit, names: &[&str], hdi_prob: f64) -> anyhow::Result<Vec<SummaryRow>> {
    Ok(summarize_named(fit, names, hdi_prob)?)
}

/// The lowest bulk ESS and the highest R-hat over every parameter of `fit`,
/// the two numbers a table of sampler health shows per fit.
pub fn worst_convergence(fit: &Fit) -> (f64, f64) {
    worst_convergence_where(fit, |_| true)
}

/// [`worst_convergence`] over the columns whose names `keep` accepts (for
/// instance all but the pointwise log likelihood, `log_lik.*`). Columns
/// whose draws are all equal have no R-hat or ESS (NaN) and are passed
/// over; with no column left the result is `(inf, 0)`.
pub fn worst_convergence_where(fit: &Fit, keep: impl Fn(&str) -> bool) -> (f64, f64) {
    let kept = fit.param_names.iter().enumerate().filter(|(_, n)| keep(n));
    kept.map(|(i, _)| fit.chains_of(i)).fold((f64::INFINITY, 0.0f64), |(ess, r), chains| {
        // `f64::min`/`max` return the other operand when one is NaN.
        (ess.min(ess_bulk(&chains)), r.max(rhat(&chains)))
    })
}

/// Runs `f`, printing `label: 1.23 s` to stderr unless `quiet`. Timings go to
/// stderr only, so everything a chapter writes stays deterministic.
pub fn timed<T>(label: &str, quiet: bool, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    if !quiet {
        eprintln!("{label}: {:.2} s", start.elapsed().as_secs_f64());
    }
    out
}

/// Runs a fit through [`timed`], then prints its Stan-style warnings
/// ([`report_warnings`](crate::report_warnings)), both under `label` unless `quiet`.
pub fn timed_fit(
    label: &str,
    quiet: bool,
    fit: impl FnOnce() -> sampler::Result<Fit>,
) -> anyhow::Result<Fit> {
    let fit = timed(label, quiet, fit)?;
    crate::report_warnings(label, &fit, quiet);
    Ok(fit)
}

/// A fit's divergent transitions and their share of all kept draws, as a
/// table cell: `12 (0.15%)`, the share to 2 significant digits.
pub fn divergent_cell(fit: &Fit) -> String {
    let share = 100.0 * fit.num_divergent() as f64 / fit.num_draws_total() as f64;
    format!("{} ({}%)", fit.num_divergent(), sig(share, 2))
}

/// Quantiles of the parameter `name` from a non-centred and a centred fit beside the
/// exact ones, `exact(p)`, as a markdown table: one row per probability in `probs`,
/// all to 3 significant digits (the funnel and Eight Schools chapters' check of the
/// neck the centred fit misses).
pub fn exact_quantile_table(
    name: &str,
    probs: &[f64],
    exact: impl Fn(f64) -> f64,
    non_centred: &Fit,
    centred: &Fit,
) -> anyhow::Result<String> {
    let (nc, c) = (non_centred.pooled_named(name)?, centred.pooled_named(name)?);
    let rows: Vec<Vec<String>> = probs
        .iter()
        .map(|&p| {
            let values = [exact(p), quantile(&nc, p), quantile(&c, p)].map(|v| sig(v, 3));
            std::iter::once(format!("{}%", sig(100.0 * p, 2))).chain(values).collect()
        })
        .collect();
    let header = format!("quantile of {name}");
    Ok(figures::markdown_table(&[&header, "exact", "non-centred", "centred"], &rows)?)
}

/// An estimate's error in units of its Monte Carlo standard error, `(estimate − exact) / se`,
/// signed with one decimal, or a dash when there is no Monte Carlo error to measure
/// against (no draw reached the region whose share is estimated).
///
/// ```
/// assert_eq!(chapter_support::error_in_mcse(0.31, 0.3, 0.004), "+2.5");
/// assert_eq!(chapter_support::error_in_mcse(0.0, 0.01, 0.0), "— (no draws there)");
/// ```
pub fn error_in_mcse(estimate: f64, exact: f64, se: f64) -> String {
    if se > 0.0 && se.is_finite() {
        format!("{:+.1}", (estimate - exact) / se)
    } else {
        "— (no draws there)".to_string()
    }
}
