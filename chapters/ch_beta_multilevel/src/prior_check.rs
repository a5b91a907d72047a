//! The prior predictive check of the one-school model: what the priors
//! `mu ~ Beta(12, 4)`, `nu ~ Normal(10, 1)` say about scores before any
//! data, from the source's Stan run, from our direct simulation, and exactly
//! (by numerical integration).

use crate::Outcome;
use anyhow::Result;
use diagnostics::sig;
use figures::markdown_table;
use models::beta_multilevel::one_school::{MU_PRIOR, NU_PRIOR, exact_score_summary};

/// The source's printed prior predictive summary (4 chains × 1000 draws of
/// its Stan program): means of `mu`, `nu`, `a`, `b`, the sd of `mu`, and the
/// mean and sd of the first simulated score `s_sim[1]`.
pub const SOURCE: SourceSummary = SourceSummary {
    mu_mean: 0.7536242,
    mu_sd: 0.1042146,
    nu_mean: 9.9871312,
    a_mean: 7.5237364,
    b_mean: 2.4633951,
    score_mean: 0.7519102,
    score_sd: 0.1645582,
};

/// See [`SOURCE`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceSummary {
    pub mu_mean: f64,
    pub mu_sd: f64,
    pub nu_mean: f64,
    pub a_mean: f64,
    pub b_mean: f64,
    pub score_mean: f64,
    pub score_sd: f64,
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    (diagnostics::mean(xs), diagnostics::sd(xs))
}

/// The comparison table: source, our simulation, exact.
pub fn table(o: &Outcome) -> Result<String> {
    let classes = &o.sims.prior_predictive;
    let mus: Vec<f64> = classes.iter().map(|((mu, _), _)| *mu).collect();
    let nus: Vec<f64> = classes.iter().map(|((_, nu), _)| *nu).collect();
    let a: Vec<f64> = classes.iter().map(|((mu, nu), _)| mu * nu).collect();
    let b: Vec<f64> = classes.iter().map(|((mu, nu), _)| (1.0 - mu) * nu).collect();
    let scores: Vec<f64> = classes.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    let below = scores.iter().filter(|s| **s < 0.5).count() as f64 / scores.len() as f64;
    let (pa, pb) = MU_PRIOR;
    let exact_mu_sd = (pa * pb / ((pa + pb) * (pa + pb) * (pa + pb + 1.0))).sqrt();
    let exact_mu = pa / (pa + pb);
    let (exact_sd, exact_below) = exact_score_summary();
    let s = SOURCE;
    let rows = vec![
        ("mean of mu", sig(s.mu_mean, 4), mean_sd(&mus).0, exact_mu),
        ("sd of mu", sig(s.mu_sd, 4), mean_sd(&mus).1, exact_mu_sd),
        ("mean of nu", sig(s.nu_mean, 4), mean_sd(&nus).0, NU_PRIOR.0),
        ("mean of a = mu·nu", sig(s.a_mean, 4), mean_sd(&a).0, exact_mu * NU_PRIOR.0),
        ("mean of b = (1 − mu)·nu", sig(s.b_mean, 4), mean_sd(&b).0, (1.0 - exact_mu) * NU_PRIOR.0),
        ("mean of a score", sig(s.score_mean, 4), mean_sd(&scores).0, exact_mu),
        ("sd of a score", sig(s.score_sd, 4), mean_sd(&scores).1, exact_sd),
        ("share of scores below 50%", "—".into(), below, exact_below),
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(q, src, ours, exact)| vec![q.to_string(), src, sig(ours, 4), sig(exact, 4)])
        .collect();
    Ok(markdown_table(
        &[
            "quantity",
            "source (Stan, 4000 draws)",
            &format!(
                "ours ({} classes × {} students)",
                classes.len(),
                classes.first().map_or(0, |c| c.1.len())
            ),
            "exact",
        ],
        &rows,
    )?)
}
