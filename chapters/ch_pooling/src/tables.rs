//! The chapter's markdown tables, sentences and console report.

use crate::simulate::{EFFECT_SD, NOISE_SD, TRUE_MU, TRUE_SIGMA, TRUE_TAU};
use crate::{HDI_PROB, INSTRUCTOR_PRIORS, Outcome, SCHOOL_PRIORS, estimate, group_estimates};
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::stan_progress::chain_progress_text;
use diagnostics::{ess_bulk, rhat, sig, summary_markdown};
use figures::markdown_table;
use sampler::Fit;

/// `mean [low, high]` to three significant digits.
pub fn interval(e: (f64, f64, f64)) -> String {
    format!("{} [{}, {}]", sig(e.0, 3), sig(e.1, 3), sig(e.2, 3))
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Sample standard deviation (divisor `n − 1`).
pub fn sd(v: &[f64]) -> f64 {
    let m = mean(v);
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() as f64 - 1.0)).sqrt()
}

fn rms_error(estimates: &[f64], truth: &[f64]) -> f64 {
    let sq: Vec<f64> = estimates
        .iter()
        .zip(truth)
        .map(|(e, t)| (e - t) * (e - t))
        .collect();
    mean(&sq).sqrt()
}

/// The simulated sections: size, sample mean and sd, true mean.
pub fn data_table(o: &Outcome) -> Result<String> {
    let s = &o.instructors;
    let rows: Vec<Vec<String>> = (0..s.groups.len())
        .map(|i| {
            vec![
                format!("{}", i + 1),
                s.data.sizes[i].to_string(),
                sig(s.data.means[i], 3),
                sig(sd(&s.groups[i]), 3),
                sig(s.truth[i], 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "instructor",
            "students",
            "sample mean",
            "sample sd",
            "true mean",
        ],
        &rows,
    )?)
}

/// The section whose sample mean misses its instructor's true mean most.
pub fn data_note(o: &Outcome) -> String {
    let s = &o.instructors;
    let miss = |i: usize| (s.data.means[i] - s.truth[i]).abs();
    let i = (0..s.truth.len())
        .max_by(|&a, &b| miss(a).total_cmp(&miss(b)))
        .unwrap_or(0);
    format!(
        "Instructor {}'s {} students averaged {} although the instructor's true mean is {}: \
         a section is not many students when scores within it spread by about {TRUE_SIGMA} points.\n",
        i + 1,
        s.data.sizes[i],
        sig(s.data.means[i], 3),
        sig(s.truth[i], 3),
    )
}

/// Which instructor partial pooling moves furthest from no pooling.
pub fn movement_sentence(o: &Outcome) -> Result<String> {
    let j = o.instructors.truth.len();
    let (none, partial) = (
        group_estimates(&o.none, j)?,
        group_estimates(&o.partial, j)?,
    );
    let shift = |i: usize| (partial[i].0 - none[i].0).abs();
    let i = (0..j)
        .max_by(|&a, &b| shift(a).total_cmp(&shift(b)))
        .unwrap_or(0);
    Ok(format!(
        "Partial pooling moves instructor {} furthest: from {} to {} (true mean {}), a section \
         of {} students whose mean lies {} points from the mean of all scores.\n",
        i + 1,
        sig(none[i].0, 3),
        sig(partial[i].0, 3),
        sig(o.instructors.truth[i], 3),
        o.instructors.data.sizes[i],
        sig(
            (o.instructors.data.means[i] - o.instructors.data.grand_mean()).abs(),
            2
        ),
    ))
}

/// Each instructor's estimate under the three strategies.
pub fn estimates_table(o: &Outcome) -> Result<String> {
    let j = o.instructors.truth.len();
    let (c, n, p) = (
        group_estimates(&o.complete, j)?,
        group_estimates(&o.none, j)?,
        group_estimates(&o.partial, j)?,
    );
    let rows: Vec<Vec<String>> = (0..j)
        .map(|i| {
            vec![
                format!("{} (n = {})", i + 1, o.instructors.data.sizes[i]),
                sig(o.instructors.truth[i], 3),
                interval(c[i]),
                interval(n[i]),
                interval(p[i]),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "instructor",
            "true mean",
            "complete pooling",
            "no pooling",
            "partial pooling",
        ],
        &rows,
    )?)
}

/// The three strategies side by side, each property with our numbers.
pub fn strategies_table(o: &Outcome) -> Result<String> {
    let truth = &o.instructors.truth;
    let j = truth.len();
    let fits = [&o.complete, &o.none, &o.partial];
    let mut spread = vec![];
    let mut error = vec![];
    let mut width = vec![];
    for fit in fits {
        let e = group_estimates(fit, j)?;
        let means: Vec<f64> = e.iter().map(|x| x.0).collect();
        let widths: Vec<f64> = e.iter().map(|x| x.2 - x.1).collect();
        spread.push(sig(sd(&means), 3));
        error.push(sig(rms_error(&means, truth), 3));
        width.push(sig(mean(&widths), 3));
    }
    let g = &o.new_group;
    let pct = 100.0 * HDI_PROB;
    let row = |label: String, v: [String; 3]| -> Vec<String> {
        let mut r = vec![label];
        r.extend(v);
        r
    };
    let rows = vec![
        row(
            "parameters".into(),
            [
                "mu, sigma (2)".into(),
                format!("theta.1–{j}, sigma.1–{j} ({})", 2 * j),
                format!("theta.1–{j}, mu, tau, sigma ({})", j + 3),
            ],
        ),
        row(
            format!(
                "spread of the estimates, sd across instructors (true means: {})",
                sig(sd(truth), 3)
            ),
            [spread[0].clone(), spread[1].clone(), spread[2].clone()],
        ),
        row(
            "error: root mean square of posterior mean − true mean".into(),
            [error[0].clone(), error[1].clone(), error[2].clone()],
        ),
        row(
            format!("uncertainty: mean width of the {pct:.0}% intervals"),
            [width[0].clone(), width[1].clone(), width[2].clone()],
        ),
        row(
            "a new instructor's mean".into(),
            [
                format!("the grand mean: {}", interval(g.complete_mean)),
                "impossible: no parameter for it".into(),
                format!("Normal(mu, tau): {}", interval(g.partial_mean)),
            ],
        ),
        row(
            "best when".into(),
            [
                "groups truly alike".into(),
                "groups unrelated, or every group large".into(),
                "groups related, sizes uneven".into(),
            ],
        ),
    ];
    Ok(markdown_table(
        &[
            "property",
            "complete pooling",
            "no pooling",
            "partial pooling",
        ],
        &rows,
    )?)
}

/// Predictions for a new instructor and how often they would be right.
pub fn prediction_table(o: &Outcome) -> Result<String> {
    let g = &o.new_group;
    let pct = |p: f64| format!("{}%", sig(100.0 * p, 2));
    let rows = vec![
        vec![
            "complete pooling".into(),
            interval(g.complete_mean),
            pct(g.complete_coverage),
            interval(g.complete_student),
        ],
        vec!["no pooling".into(), "—".into(), "—".into(), "—".into()],
        vec![
            "partial pooling".into(),
            interval(g.partial_mean),
            pct(g.partial_coverage),
            interval(g.partial_student),
        ],
    ];
    let p = 100.0 * HDI_PROB;
    Ok(markdown_table(
        &[
            "strategy",
            &format!("new instructor's mean ({p:.0}% interval)"),
            &format!("chance it holds a new true mean (truth: Normal({TRUE_MU}, {TRUE_TAU}))"),
            "one new student's score",
        ],
        &rows,
    )?)
}

/// Largest R-hat and smallest bulk ESS over every parameter of a fit.
fn health(fit: &Fit) -> (f64, f64) {
    (0..fit.param_names.len())
        .map(|i| {
            let c = fit.chains_of(i);
            (rhat(&c), ess_bulk(&c))
        })
        .fold((0.0, f64::INFINITY), |(r, e), (ri, ei)| {
            (r.max(ri), e.min(ei))
        })
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
        &[
            "fit",
            "divergent draws",
            "largest R-hat",
            "smallest bulk-ESS",
            "gradient evaluations",
        ],
        &rows,
    )?)
}

/// Summary of a fit's named parameters.
fn summary(fit: &Fit, names: &[&str]) -> Result<String> {
    let rows = chapter_support::fit_summary(fit, names, HDI_PROB)?;
    Ok(summary_markdown(&rows, HDI_PROB))
}

/// What the partial-pooling fit learnt about the population, in words.
pub fn partial_sentence(o: &Outcome) -> Result<String> {
    let (mu, tau, sigma) = (
        estimate(&o.partial, "mu")?,
        estimate(&o.partial, "tau")?,
        estimate(&o.partial, "sigma")?,
    );
    Ok(format!(
        "The partial-pooling fit puts the grand mean at {} points (truth {TRUE_MU}), the \
         spread between instructors at tau = {} (truth {TRUE_TAU}) and the spread within a \
         section at sigma = {} (truth {TRUE_SIGMA}); in brackets, {:.0}% highest-density \
         intervals. Five groups say little about tau: its interval is wide.\n",
        interval(mu),
        interval(tau),
        interval(sigma),
        100.0 * HDI_PROB
    ))
}

/// How well the twenty-schools fit recovers the truth, in words.
pub fn schools_sentence(o: &Outcome) -> Result<String> {
    let s = &o.schools;
    let j = s.truth.len();
    let e = group_estimates(&o.schools_fit, j)?;
    let inside = e
        .iter()
        .zip(&s.truth)
        .filter(|((_, lo, hi), t)| lo <= *t && *t <= hi)
        .count();
    let post: Vec<f64> = e.iter().map(|x| x.0).collect();
    let (rms_post, rms_raw) = (
        rms_error(&post, &s.truth),
        rms_error(&s.data.means, &s.truth),
    );
    let sizes: Vec<f64> = s.data.sizes.iter().map(|&n| n as f64).collect();
    Ok(format!(
        "The schools have {} to {} students ({} in all). The twenty effects drawn have \
         standard deviation {} (the population's is {EFFECT_SD}). {inside} of the {j} true \
         school means lie inside their {:.0}% intervals. The posterior means miss the true \
         means by {} points (root mean square), the raw school means by {}.\n",
        sizes.iter().copied().fold(f64::INFINITY, f64::min),
        sizes.iter().copied().fold(0.0, f64::max),
        s.data.num_obs(),
        sig(sd(&s.truth), 3),
        100.0 * HDI_PROB,
        sig(rms_post, 3),
        sig(rms_raw, 3),
    ))
}

/// Our priors for the twenty schools beside rstanarm's autoscaled defaults.
pub fn priors_table(o: &Outcome) -> Result<String> {
    let all: Vec<f64> = o.schools.groups.concat();
    let (ybar, sdy) = (mean(&all), sd(&all));
    let p = SCHOOL_PRIORS;
    let rows = vec![
        vec![
            "grand mean mu (intercept)".into(),
            format!("Normal({}, {})", p.mu_mean, p.mu_sd),
            "Normal(mean(y), 2.5 sd(y))".into(),
            format!("Normal({}, {})", sig(ybar, 3), sig(2.5 * sdy, 3)),
        ],
        vec![
            "residual sd sigma".into(),
            format!("HalfNormal({})", p.sigma_scale),
            "Exponential(rate 1 / sd(y))".into(),
            format!(
                "Exponential(rate {}), mean {}",
                sig(1.0 / sdy, 3),
                sig(sdy, 3)
            ),
        ],
        vec![
            "between-school sd tau".into(),
            format!("HalfNormal({})", p.tau_scale),
            "sigma × Exponential(1)".into(),
            "sigma × Exponential(1)".into(),
        ],
    ];
    Ok(markdown_table(
        &[
            "parameter",
            "this chapter",
            "rstanarm default",
            "rstanarm default with these data",
        ],
        &rows,
    )?)
}

/// The truth of the simulations, for the page.
pub fn truth_sentence() -> String {
    format!(
        "Truth of the instructor simulation: population mean {TRUE_MU}, spread between \
         instructors {TRUE_TAU}, spread within a section {TRUE_SIGMA}; priors \
         mu ~ Normal({}, {}), tau ~ HalfNormal({}), sigma ~ HalfNormal({}). Truth of the \
         twenty schools: effects Normal(0, {EFFECT_SD}), students' noise sd {NOISE_SD}.\n",
        INSTRUCTOR_PRIORS.mu_mean,
        INSTRUCTOR_PRIORS.mu_sd,
        INSTRUCTOR_PRIORS.tau_scale,
        INSTRUCTOR_PRIORS.sigma_scale,
    )
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
    out.write(
        "schools_summary.md",
        &summary(&o.schools_fit, &["mu", "tau", "sigma"])?,
    )?;
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
