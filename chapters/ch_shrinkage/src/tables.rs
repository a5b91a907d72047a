//! The chapter's markdown tables, sentences and console report.

use crate::eight::{self, MU, TAU};
use crate::grid::ESTIMATORS;
use crate::{Outcome, SCORE_PRIORS};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{fixed, sig};
use figures::markdown_table;

/// The shrinkage formula at `(mu, tau) = (8, 6)` beside the full posterior.
pub fn formula_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .formula
        .iter()
        .map(|r| {
            vec![
                r.school.to_string(),
                format!("{}", r.y),
                format!("{}", r.sigma),
                fixed(r.b, 3),
                r.rank.to_string(),
                fixed(r.shrunk, 2),
                fixed(r.mean_b, 3),
                fixed(r.averaged, 2),
                format!("{} ± {}", fixed(r.nuts, 2), fixed(r.nuts_mcse, 2)),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "school",
            "y",
            "sigma",
            "B at tau = 6",
            "rank",
            "(1 − B) y + B mu",
            "E[B | y]",
            "formula averaged over draws",
            "NUTS mean ± MCSE",
        ],
        &rows,
    )?)
}

/// Why the fixed-`tau` formula and the full posterior differ, in numbers.
pub fn tau_sentence(o: &Outcome) -> Result<String> {
    let (mean, median, below) = eight::tau_summary(&o.eight_schools)?;
    let a = &o.formula[0];
    Ok(format!(
        "Our posterior for tau has mean {} and median {}, and puts {}% of its mass below \
         tau = {TAU}. School A's observed {} becomes {} under the formula at \
         (mu, tau) = ({MU}, {TAU}), a reduction of {}%; the full posterior mean is {}.\n",
        sig(mean, 3),
        sig(median, 3),
        sig(100.0 * below, 2),
        a.y,
        fixed(a.shrunk, 2),
        sig(100.0 * (a.y - a.shrunk) / a.y, 3),
        fixed(a.nuts, 2),
    ))
}

/// The experiment's settings and what the estimators learnt.
pub fn experiment_sentence(o: &Outcome) -> Result<String> {
    let e = &o.experiment;
    let d = &e.design;
    let tau = e.fit.pooled_named("tau")?;
    let tau_mean = tau.iter().sum::<f64>() / tau.len() as f64;
    Ok(format!(
        "This run: K = {} schools of n = {} students, true spread tau = {}, students' \
         spread sigma = {} (so each school mean has standard error {}). The empirical-Bayes \
         recipe estimates tau² = {} (tau = {}) and puts weight w = {} on each school's own \
         mean; the full posterior has E[tau | y] = {}. The NUTS fit has {} divergent \
         transitions.\n",
        d.schools,
        d.students,
        d.tau,
        d.sigma,
        sig(d.se(), 3),
        sig(e.eb.tau2_hat, 3),
        sig(e.eb.tau2_hat.sqrt(), 3),
        sig(e.eb.weight, 3),
        sig(tau_mean, 3),
        e.fit.num_divergent(),
    ))
}

/// Every school's truth and estimates in the experiment.
pub fn experiment_table(o: &Outcome) -> Result<String> {
    let e = &o.experiment;
    let rows: Vec<Vec<String>> = (0..e.data.truth.len())
        .map(|j| {
            vec![
                format!("{}", j + 1),
                sig(e.data.truth[j], 3),
                sig(e.data.ybar[j], 3),
                sig(e.eb.estimates[j], 3),
                sig(e.bayes[j], 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &["school", "true mean", "raw mean (no pooling)", "empirical Bayes", "full Bayes (NUTS)"],
        &rows,
    )?)
}

/// The experiment's MSE of each estimator, and the change against no pooling.
pub fn mse_table(o: &Outcome) -> Result<String> {
    let m = &o.experiment.mse;
    let rows: Vec<Vec<String>> = ESTIMATORS
        .iter()
        .zip(m)
        .map(|(name, v)| {
            vec![name.to_string(), sig(*v, 3), format!("{:+.0}%", 100.0 * (v / m[0] - 1.0))]
        })
        .collect();
    Ok(markdown_table(&["estimator", "MSE", "against no pooling"], &rows)?)
}

/// The simulation study at a few group sizes.
pub fn grid_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .grid
        .iter()
        .filter(|c| [5, 20, 100].contains(&c.design.students))
        .map(|c| {
            let best = (0..4).min_by(|&a, &b| c.mse[a].total_cmp(&c.mse[b])).unwrap_or(0);
            let mut r = vec![format!("{}", c.design.tau), c.design.students.to_string()];
            r.extend(c.mse.iter().map(|v| sig(*v, 3)));
            r.push(ESTIMATORS[best].to_string());
            r
        })
        .collect();
    Ok(markdown_table(
        &[
            "tau",
            "n",
            "no pooling",
            "complete pooling",
            "empirical Bayes",
            "full Bayes",
            "lowest MSE",
        ],
        &rows,
    )?)
}

/// The simulation study's settings.
pub fn grid_sentence(o: &Outcome) -> String {
    let d = &o.experiment.design;
    format!(
        "Each point averages {} simulated data sets of K = {} schools with students' spread \
         sigma = {}; full Bayes uses the priors mu ~ Normal({}, {}), tau ~ HalfNormal({}).\n",
        o.replications,
        d.schools,
        d.sigma,
        SCORE_PRIORS.mu_mean,
        SCORE_PRIORS.mu_sd,
        SCORE_PRIORS.tau_scale,
    )
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("formula.md", &formula_table(o)?)?;
    out.write("tau.md", &tau_sentence(o)?)?;
    out.write("experiment.md", &experiment_sentence(o)?)?;
    out.write("experiment_table.md", &experiment_table(o)?)?;
    out.write("mse.md", &mse_table(o)?)?;
    out.write("grid.md", &grid_table(o)?)?;
    out.write("grid_setup.md", &grid_sentence(o))?;
    Ok(())
}

/// The readable report printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = String::from(
        "\nEight Schools: the formula at (mu, tau) = (8, 6) and the full posterior\n\n",
    );
    s.push_str(&formula_table(o)?);
    s.push('\n');
    s.push_str(&experiment_sentence(o)?);
    s.push('\n');
    s.push_str(&experiment_table(o)?);
    s.push('\n');
    s.push_str(&mse_table(o)?);
    Ok(s)
}
