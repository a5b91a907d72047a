//! The tables and sentences of the exam-averages section, and the kept data as CSV.

use crate::Outcome;
use crate::exam_priors::population_sd;
use crate::plots_exam::school_means;
use crate::pooling_label as label;
use crate::recovery::{coverage, exam_checks};
use anyhow::Result;
use chapter_support::{OutputDir, worst_convergence};
use diagnostics::{quantile, sd, sig};
use figures::markdown_table;
use figures::stat::extent;
use models::beta_multilevel::beta::variance;
use models::beta_multilevel::exam::{ExamPooling, SHAPE_PRIORS};

/// The source's counts for Mathematics 30-1 in 2016: schools with writers,
/// and those with at least 30.
pub const SOURCE_SCHOOLS: (usize, usize) = (317, 140);

fn median(xs: &[f64]) -> f64 {
    quantile(xs, 0.5)
}

fn overview(o: &Outcome) -> String {
    let sel = &o.exam.selection;
    let kept = &sel.schools;
    let writers: Vec<f64> = kept.iter().map(|s| f64::from(s.writers)).collect();
    let means: Vec<f64> = kept.iter().map(|s| s.mean_pct).collect();
    let sds: Vec<f64> = kept.iter().map(|s| s.sd_pct).collect();
    let min_writers = kept.iter().map(|s| s.writers).min().unwrap_or(0);
    let range = |xs: &[f64]| extent(xs.iter().copied());
    let (wl, wh) = range(&writers);
    let (ml, mh) = range(&means);
    let (sl, sh) = range(&sds);
    format!(
        "Data: {} ({} {}). {} schools have writers; {} of them have at least {} writers, \
         in {} authorities. Writers per kept school: median {}, from {} to {}. Exam \
         averages run from {}% to {}%, standard deviations from {}% to {}%. (The source's \
         2016 file had {} schools with writers and kept {}.)\n",
        o.exam.data.source,
        o.exam.data.course,
        o.exam.data.year,
        o.exam.data.schools.len(),
        kept.len(),
        min_writers,
        sel.authorities.len(),
        sig(median(&writers), 3),
        wl,
        wh,
        ml,
        mh,
        sl,
        sh,
        SOURCE_SCHOOLS.0,
        SOURCE_SCHOOLS.1,
    )
}

fn models_table(o: &Outcome) -> Result<String> {
    let kept = &o.exam.selection.schools;
    let checks = exam_checks(o);
    let base = school_means(&o.exam.fits[0].1, kept.len())?;
    let mut rows = Vec::new();
    for (pooling, fit) in &o.exam.fits {
        let m = school_means(fit, kept.len())?;
        let widths: Vec<f64> = m.iter().map(|(_, l, h)| h - l).collect();
        let change = m.iter().zip(&base).map(|(a, b)| (a.0 - b.0).abs()).fold(0.0, f64::max);
        let from_data: Vec<f64> =
            m.iter().zip(kept).map(|(e, s)| (e.0 - s.mean_pct).abs()).collect();
        let (_, max_rhat) = worst_convergence(fit);
        let mine: Vec<_> = checks.iter().filter(|c| c.model == label(*pooling)).cloned().collect();
        let covered = if mine.is_empty() {
            "— (real data)".to_string()
        } else {
            let (k, n) = coverage(&mine);
            format!("{k} of {n}")
        };
        rows.push(vec![
            label(*pooling).to_string(),
            fit.num_divergent().to_string(),
            format!("{max_rhat:.3}"),
            sig(median(&widths), 3),
            sig(median(&from_data), 2),
            sig(change, 2),
            covered,
        ]);
    }
    Ok(markdown_table(
        &[
            "model",
            "divergent",
            "largest R-hat",
            "median width of 95% intervals (points)",
            "median |posterior mean − published average| (points)",
            "largest change from unpooled (points)",
            "true means inside 95% intervals",
        ],
        &rows,
    )?)
}

/// Why pooling moves so little here: each school's mean is known to within
/// a point or two, while the fitted population of school means is wide.
fn shrinkage(o: &Outcome) -> Result<String> {
    let kept = &o.exam.selection.schools;
    let (_, unpooled) = &o.exam.fits[0];
    let (_, pooled) = &o.exam.fits[1];
    let sd_of =
        |j: usize| -> Result<f64> { Ok(sd(&unpooled.pooled_named(&format!("school_mu.{j}"))?)) };
    let sds = (1..=kept.len()).map(sd_of).collect::<Result<Vec<_>>>()?;
    let tau_draws = population_sd(pooled, ExamPooling::Pooled)?;
    let tau = tau_draws.iter().sum::<f64>() / tau_draws.len() as f64 / 100.0;
    // The spread of the data, and the spread the hyperpriors' centres imply.
    let averages: Vec<f64> = kept.iter().map(|s| s.mean_pct).collect();
    let [(a0, _), (b0, _)] = SHAPE_PRIORS;
    let prior_tau = 100.0 * variance(a0 / (a0 + b0), a0 + b0).sqrt();
    let weights: Vec<f64> = sds.iter().map(|s| s * s / (s * s + tau * tau)).collect();
    let (s_med, w_med) = (median(&sds), median(&weights));
    let w_max = weights.iter().copied().fold(0.0, f64::max);
    // Published sds against the model's Beta variance: nu = m(1 − m)/s² − 1.
    let implied: Vec<f64> = kept
        .iter()
        .filter(|s| s.sd_pct > 0.0)
        .map(|s| {
            let (m, sd) = (s.mean_pct / 100.0, s.sd_pct / 100.0);
            m * (1.0 - m) / (sd * sd) - 1.0
        })
        .collect();
    Ok(format!(
        "In the unpooled fit a school's mean has posterior standard deviation {} points \
         (median over schools). The pooled fit's population of school means has standard \
         deviation τ ≈ {} points. The normal approximation's weight on the population mean, \
         s²/(s² + τ²), is then {} for the median school and {} at most.\n\n\
         The kept schools' published averages themselves have standard deviation {} points. \
         The τ above comes from the hyperpriors: at their centres, alpha = {a0} and \
         beta = {b0}, the Beta population of school means has standard deviation {} points.\n\n\
         The published standard deviations, read through the Beta variance \
         mu(1 − mu)/(nu + 1), put each school's sample size nu at a median of {} \
         (middle half {} to {}); every model here gives nu a prior centred on 30.\n",
        sig(100.0 * s_med, 2),
        sig(100.0 * tau, 2),
        sig(w_med, 2),
        sig(w_max, 2),
        sig(sd(&averages), 3),
        sig(prior_tau, 3),
        sig(median(&implied), 3),
        sig(quantile(&implied, 0.25), 3),
        sig(quantile(&implied, 0.75), 3),
    ))
}

fn csv(o: &Outcome) -> String {
    let mut s = String::from(
        "authority_code,school_code,writers,exam_average_pct,exam_sd_pct,true_mean_pct\n",
    );
    for school in &o.exam.selection.schools {
        s.push_str(&format!(
            "{},{},{},{},{},{}\n",
            school.authority_code,
            school.school_code,
            school.writers,
            school.mean_pct,
            school.sd_pct,
            school.true_mean.map_or(String::new(), |t| format!("{:.2}", 100.0 * t)),
        ));
    }
    s
}

/// Writes the exam section's tables into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("exam_overview.md", &overview(o))?;
    out.write("exam_models.md", &models_table(o)?)?;
    out.write("exam_shrinkage.md", &shrinkage(o)?)?;
    out.write("exam_priors.md", &crate::exam_priors::table(o)?)?;
    out.write("exam_schools.csv", &csv(o))?;
    Ok(())
}
