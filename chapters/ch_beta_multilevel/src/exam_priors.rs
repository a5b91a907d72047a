//! The exam models refitted with wider hyperpriors on the population of
//! school means, beside the source's: what the data say about that
//! population's spread, and what only the hyperpriors said.

use crate::plots_exam::school_means;
use crate::pooling_label as label;
use crate::recovery::{checks_of, coverage};
use crate::{ExamSection, Outcome};
use anyhow::{Result, bail};
use diagnostics::{quantile, sig};
use figures::markdown_table;
use models::beta_multilevel::beta::variance;
use models::beta_multilevel::exam::ExamPooling;
use sampler::Fit;

/// Every scale of the hyperpriors of the population of school means (the
/// shape centres' sds and, authority-pooled, the shape sds' means) is
/// multiplied by this in the refit; the sample sizes keep the source's
/// priors (see [`models::beta_multilevel::exam::ExamHyperPriors::widened_shapes`]).
pub const HYPER_WIDEN: f64 = 3.0;

/// Names of the Beta shapes of the population of school means: the shared
/// pair (pooled) or the centres of the authorities' pairs (authority-pooled).
fn shape_names(pooling: ExamPooling) -> Result<[&'static str; 2]> {
    Ok(match pooling {
        ExamPooling::Pooled => ["school_prior_alpha", "school_prior_beta"],
        ExamPooling::Authority => ["authority_prior_alpha_mean", "authority_prior_beta_mean"],
        ExamPooling::Unpooled => bail!("the unpooled exam model has no population of schools"),
    })
}

/// Draws of τ, the standard deviation in points of the Beta population of
/// school means (for the authority-pooled form, of the Beta at the centres).
pub fn population_sd(fit: &Fit, pooling: ExamPooling) -> Result<Vec<f64>> {
    let [a, b] = shape_names(pooling)?;
    let (a, b) = (fit.pooled_named(a)?, fit.pooled_named(b)?);
    Ok(a.iter().zip(&b).map(|(a, b)| 100.0 * variance(a / (a + b), a + b).sqrt()).collect())
}

/// `mean [2.5%, 97.5%]` of `draws`, to 3 significant digits.
fn cell(draws: &[f64]) -> String {
    let m = draws.iter().sum::<f64>() / draws.len() as f64;
    let (lo, hi) = (quantile(draws, 0.025), quantile(draws, 0.975));
    format!("{} [{}, {}]", sig(m, 3), sig(lo, 3), sig(hi, 3))
}

fn named(fit: &Fit, name: &str) -> Result<String> {
    Ok(cell(&fit.pooled_named(name)?))
}

/// The source's fit of `pooling` in `exam`.
fn source_fit(exam: &ExamSection, pooling: ExamPooling) -> Result<&Fit> {
    match exam.fits.iter().find(|(p, _)| *p == pooling) {
        Some((_, fit)) => Ok(fit),
        None => bail!("no {} fit with the source's hyperpriors", label(pooling)),
    }
}

/// One row per pooled form and hyperprior choice: the population's shapes
/// and τ, the nu centre, how far the school means move, and coverage.
pub fn table(o: &Outcome) -> Result<String> {
    let n = o.exam.selection.schools.len();
    let truths: Option<Vec<(String, f64)>> = (o.exam.selection.schools.iter().enumerate())
        .map(|(j, s)| s.true_mean.map(|t| (format!("school_mu.{}", j + 1), t)))
        .collect();
    let mut rows = Vec::new();
    for (pooling, wide) in &o.exam.widened {
        let source = source_fit(&o.exam, *pooling)?;
        let base = school_means(source, n)?;
        for (which, fit) in
            [("source's".to_string(), source), (format!("shape scales ×{HYPER_WIDEN}"), wide)]
        {
            let [a, b] = shape_names(*pooling)?;
            let m = school_means(fit, n)?;
            let change = m.iter().zip(&base).map(|(x, y)| (x.0 - y.0).abs()).fold(0.0, f64::max);
            let covered = match &truths {
                None => "— (real data)".to_string(),
                Some(t) => {
                    let (k, n) = coverage(&checks_of(label(*pooling), fit, t));
                    format!("{k} of {n}")
                }
            };
            rows.push(vec![
                label(*pooling).to_string(),
                which,
                named(fit, a)?,
                named(fit, b)?,
                cell(&population_sd(fit, *pooling)?),
                named(fit, "school_prior_nu_mean")?,
                sig(change, 2),
                covered,
                fit.num_divergent().to_string(),
            ]);
        }
    }
    Ok(markdown_table(
        &[
            "model",
            "hyperpriors",
            "alpha (centre)",
            "beta (centre)",
            "τ, points",
            "nu_mean",
            "largest change of a school mean (points)",
            "true means inside 95% intervals",
            "divergent",
        ],
        &rows,
    )?)
}
