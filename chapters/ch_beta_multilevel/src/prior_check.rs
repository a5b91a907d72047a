//! The prior predictive check of the one-school model: what the priors
//! `mu ~ Beta(12, 4)`, `nu ~ Normal(10, 1)` say about scores before any
//! data, from the source's Stan run, from our direct simulation, and exactly
//! (by numerical integration).

use crate::Outcome;
use anyhow::Result;
use diagnostics::sig;
use figures::markdown_table;
use models::beta_multilevel::one_school::{MU_PRIOR, NU_PRIOR};
use statrs::function::beta::beta_reg;

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

/// Midpoint-rule nodes and weights for `Normal(m, s)` over ±7 sd.
fn normal_nodes(m: f64, s: f64, n: usize) -> Vec<(f64, f64)> {
    let (lo, hi) = (m - 7.0 * s, m + 7.0 * s);
    let h = (hi - lo) / n as f64;
    let nodes: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let x = lo + (i as f64 + 0.5) * h;
            let z = (x - m) / s;
            (x, (-0.5 * z * z).exp())
        })
        .collect();
    let total: f64 = nodes.iter().map(|(_, w)| w).sum();
    nodes.into_iter().map(|(x, w)| (x, w / total)).collect()
}

/// Midpoint-rule nodes and weights for `Beta(a, b)` on (0, 1).
fn beta_nodes(a: f64, b: f64, n: usize) -> Vec<(f64, f64)> {
    let nodes: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let x = (i as f64 + 0.5) / n as f64;
            (x, models::lpdf::beta::<f64>(x, a, b).exp())
        })
        .collect();
    let total: f64 = nodes.iter().map(|(_, w)| w).sum();
    nodes.into_iter().map(|(x, w)| (x, w / total)).collect()
}

/// Exact prior predictive quantities: sd of a score and `P(score < 1/2)`.
pub fn exact_score_summary() -> (f64, f64) {
    let (a, b) = MU_PRIOR;
    let var_mu = a * b / ((a + b) * (a + b) * (a + b + 1.0));
    let e_mu_1m = a * b / ((a + b) * (a + b + 1.0));
    let nus = normal_nodes(NU_PRIOR.0, NU_PRIOR.1, 401);
    let e_inv = nus.iter().map(|(nu, w)| w / (nu + 1.0)).sum::<f64>();
    let sd = (e_mu_1m * e_inv + var_mu).sqrt();
    let mus = beta_nodes(a, b, 800);
    let below: f64 = mus
        .iter()
        .map(|(mu, wm)| {
            wm * nus
                .iter()
                .step_by(5)
                .map(|(nu, wn)| wn * beta_reg(mu * nu, (1.0 - mu) * nu, 0.5))
                .sum::<f64>()
                / nus.iter().step_by(5).map(|(_, w)| w).sum::<f64>()
        })
        .sum();
    (sd, below)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_summary_agrees_with_a_large_simulation() {
        let classes = models::beta_multilevel::simulate::prior_predictive(11, 4000, 25);
        let scores: Vec<f64> = classes.iter().flat_map(|(_, s)| s.iter().copied()).collect();
        let (_, sd) = mean_sd(&scores);
        let below = scores.iter().filter(|s| **s < 0.5).count() as f64 / scores.len() as f64;
        let (exact_sd, exact_below) = exact_score_summary();
        assert!((sd - exact_sd).abs() < 0.004, "{sd} vs {exact_sd}");
        assert!((below - exact_below).abs() < 0.006, "{below} vs {exact_below}");
    }
}
