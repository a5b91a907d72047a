//! Tables and sentences of the five instructors: the data, the estimates
//! under three pooling strategies, the prediction for a new instructor, and
//! what partial pooling learnt about the population.

use crate::numbers::{interval, rms_error};
use crate::{HDI_PROB, Outcome, estimate, group_estimates};
use anyhow::Result;
use diagnostics::sig;
use diagnostics::{mean, sd};
use figures::markdown_table;
use models::normal_groups::simulate::{TRUE_MU, TRUE_SIGMA, TRUE_TAU};

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
    Ok(markdown_table(&["instructor", "students", "sample mean", "sample sd", "true mean"], &rows)?)
}

/// The section whose sample mean misses its instructor's true mean most.
pub fn data_note(o: &Outcome) -> String {
    let s = &o.instructors;
    let miss = |i: usize| (s.data.means[i] - s.truth[i]).abs();
    let i = (0..s.truth.len()).max_by(|&a, &b| miss(a).total_cmp(&miss(b))).unwrap_or(0);
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
    let (none, partial) = (group_estimates(&o.none, j)?, group_estimates(&o.partial, j)?);
    let shift = |i: usize| (partial[i].0 - none[i].0).abs();
    let i = (0..j).max_by(|&a, &b| shift(a).total_cmp(&shift(b))).unwrap_or(0);
    Ok(format!(
        "Partial pooling moves instructor {} furthest: from {} to {} (true mean {}), a section \
         of {} students whose mean lies {} points from the mean of all scores.\n",
        i + 1,
        sig(none[i].0, 3),
        sig(partial[i].0, 3),
        sig(o.instructors.truth[i], 3),
        o.instructors.data.sizes[i],
        sig((o.instructors.data.means[i] - o.instructors.data.grand_mean()).abs(), 2),
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
        &["instructor", "true mean", "complete pooling", "no pooling", "partial pooling"],
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
    Ok(markdown_table(&["property", "complete pooling", "no pooling", "partial pooling"], &rows)?)
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

/// What the partial-pooling fit learnt about the population, in words.
pub fn partial_sentence(o: &Outcome) -> Result<String> {
    let (mu, tau, sigma) =
        (estimate(&o.partial, "mu")?, estimate(&o.partial, "tau")?, estimate(&o.partial, "sigma")?);
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
