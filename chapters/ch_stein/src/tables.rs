//! The chapter's markdown tables, sentences and console report.

use crate::baseball::made_worse;
use crate::{MU_PRIOR, Outcome, TAU_PRIOR_SCALE};
use anyhow::Result;
use chapter_support::{OutputDir, fit_summary};
use diagnostics::{fixed, sig, summary_markdown};
use figures::markdown_table;
use models::efron_morris::AT_BATS;
use models::james_stein::{Estimate, exact_risk, loss};

/// `mean ± se` of a Monte Carlo estimate.
fn pm(e: &Estimate) -> String {
    format!("{} ± {}", fixed(e.mean, 2), fixed(e.se, 2))
}

/// Simulated risks against the exact James–Stein risk, for every `p`.
pub fn risk_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .at_zero
        .iter()
        .zip(&o.at_one)
        .map(|(z, one)| {
            vec![
                z.p.to_string(),
                pm(&one.mle),
                pm(&z.js),
                fixed(exact_risk(z.p, z.norm), 2),
                pm(&z.js_plus),
                pm(&one.js),
                fixed(exact_risk(one.p, one.norm), 2),
                pm(&one.js_plus),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "p",
            "MLE (simulated, θᵢ = 1)",
            "James–Stein at θ = 0",
            "exact",
            "positive part at θ = 0",
            "James–Stein at θᵢ = 1",
            "exact",
            "positive part at θᵢ = 1",
        ],
        &rows,
    )?)
}

/// The risk at the origin in words.
pub fn zero_sentence(o: &Outcome) -> String {
    let last = o.at_zero.last().map(|r| r.p).unwrap_or(20);
    format!(
        "At θ = 0 the exact risk of James–Stein is 2 for every p ≥ 3; at p = {last} that is \
         {}% of the risk of the obvious estimator. Each simulated risk averages {} data sets.\n",
        sig(100.0 * 2.0 / last as f64, 2),
        o.reps,
    )
}

/// The players' averages and estimates.
pub fn batting_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .players
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                p.name.clone(),
                p.hits.to_string(),
                fixed(p.early, 3),
                fixed(o.james_stein.estimates[i], 3),
                fixed(o.hierarchical[i], 3),
                fixed(p.rest, 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "player",
            "hits in 45",
            "first 45 at-bats",
            "James–Stein",
            "hierarchical (NUTS)",
            "rest of season",
        ],
        &rows,
    )?)
}

/// Total squared error of each estimate against the rest of the season.
pub fn errors_table(o: &Outcome) -> Result<String> {
    let truth: Vec<f64> = o.players.iter().map(|p| p.rest).collect();
    let early: Vec<f64> = o.players.iter().map(|p| p.early).collect();
    let raw = loss(&early, &truth);
    let closer = |est: &[f64]| {
        est.iter()
            .zip(&early)
            .zip(&truth)
            .filter(|((e, y), t)| (*e - *t).abs() < (*y - *t).abs())
            .count()
    };
    let n = truth.len();
    let row = |label: &str, est: &[f64]| -> Vec<String> {
        let e = loss(est, &truth);
        vec![
            label.to_string(),
            fixed(e, 4),
            sig(e / raw, 3),
            if est == early.as_slice() {
                "—".to_string()
            } else {
                format!("{} of {n}", closer(est))
            },
        ]
    };
    Ok(markdown_table(
        &["estimate", "total squared error", "relative to raw", "players closer than raw"],
        &[
            row("first 45 at-bats (raw)", &early),
            row("James–Stein", &o.james_stein.estimates),
            row("hierarchical binomial (NUTS)", &o.hierarchical),
        ],
    )?)
}

/// The players James–Stein leaves further from their season average than
/// their first 45 at-bats were, and how close those at-bats already were.
pub fn made_worse_table(o: &Outcome) -> Result<String> {
    let truth: Vec<f64> = o.players.iter().map(|p| p.rest).collect();
    let early: Vec<f64> = o.players.iter().map(|p| p.early).collect();
    let n = o.players.len();
    let rows: Vec<Vec<String>> = made_worse(&o.james_stein.estimates, &early, &truth)
        .iter()
        .map(|w| {
            let p = &o.players[w.index];
            vec![
                p.name.clone(),
                fixed(p.early, 3),
                fixed(o.james_stein.estimates[w.index], 3),
                fixed(p.rest, 3),
                fixed(w.raw_error, 3),
                fixed(w.error, 3),
                format!("{} of {n}", w.raw_rank),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "player",
            "first 45 at-bats",
            "James–Stein",
            "rest of season",
            "raw error",
            "James–Stein error",
            "raw error ranked (1 = smallest)",
        ],
        &rows,
    )?)
}

/// What James–Stein estimated, in words.
pub fn james_stein_sentence(o: &Outcome) -> String {
    let js = &o.james_stein;
    format!(
        "The {} players' first-{AT_BATS} averages have mean p̄ = {}; the binomial variance of \
         one average at p̄ is σ² = p̄(1 − p̄)/{AT_BATS} = {} (σ = {}). James–Stein keeps \
         c = {} of each player's distance from p̄: it shrinks {}% of the way to the mean. {}\n",
        o.players.len(),
        fixed(js.grand_mean, 4),
        sig(js.sigma2, 3),
        fixed(js.sigma2.sqrt(), 4),
        fixed(js.keep, 3),
        sig(100.0 * (1.0 - js.keep), 3),
        if js.keep > 0.0 {
            "The factor is positive, so the positive-part estimator, which floors it at 0, \
             gives exactly the same estimates here."
        } else {
            "The factor is not positive: the positive-part estimator floors it at 0 and \
             puts every player at p̄."
        },
    )
}

/// The hierarchical model's hyperparameters.
pub fn hierarchical_summary(o: &Outcome) -> Result<String> {
    let rows = fit_summary(&o.fit, &["mu", "tau"], crate::tables::HDI)?;
    Ok(format!(
        "{}\nPriors mu ~ Normal({}, {}), tau ~ HalfNormal({}); {} divergent transitions.\n",
        summary_markdown(&rows, HDI),
        MU_PRIOR.0,
        MU_PRIOR.1,
        TAU_PRIOR_SCALE,
        o.fit.num_divergent()
    ))
}

/// Probability mass of the intervals in this chapter's summaries.
pub const HDI: f64 = 0.89;

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("risk.md", &risk_table(o)?)?;
    out.write("zero.md", &zero_sentence(o))?;
    out.write("batting.md", &batting_table(o)?)?;
    out.write("errors.md", &errors_table(o)?)?;
    out.write("made_worse.md", &made_worse_table(o)?)?;
    out.write("james_stein.md", &james_stein_sentence(o))?;
    out.write("hierarchical.md", &hierarchical_summary(o)?)?;
    Ok(())
}

/// The readable report printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = String::from("\nRisk of estimating p normal means\n\n");
    s.push_str(&risk_table(o)?);
    s.push('\n');
    s.push_str(&james_stein_sentence(o));
    s.push('\n');
    s.push_str(&errors_table(o)?);
    Ok(s)
}
