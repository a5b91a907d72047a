//! What each fitted model says about the data: pointwise log likelihood (for
//! LOO and WAIC), replicated data sets, predictive-interval coverage and
//! residuals. Everything is computed from the kept draws after sampling; the
//! sampler itself stores only the parameters.
//!
//! Random numbers come from their own streams, `chain_rng(seed, replication,
//! stream)`, one stream per replicated data set or per observation, so the
//! results do not depend on the number of threads.
//!
//! Reference: Gelman, Carlin, Stern, Dunson, Vehtari & Rubin (2013),
//! *Bayesian Data Analysis*, 3rd ed., ch. 6 (posterior predictive checks).

use crate::hsb::data::Hsb;
use crate::hsb::fits::ModelFit;
use crate::hsb::lines::{LineIndex, pooled_draws};
use diagnostics::quantile_unsorted;
use rayon::prelude::*;
use sampler::rng::{chain_rng, std_normal};
use sampler::{Fit, Result, SamplerError};

/// `log √(2π)`.
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// Replication numbers of the predictive random streams (model `m` adds
/// its own [`crate::hsb::fits::ModelKind::replication`]).
const REPLICATED_DATA: u32 = 200;
const REPLICATED_MEAN: u32 = 210;
const COVERAGE: u32 = 220;

// ANCHOR: log_lik
/// Pointwise log likelihood of the students in `rows`, draws × students:
/// `log_lik[s][i] = log Normal(y_i | beta_0[j] + beta_1[j] ses_i, sigma)` at draw `s`.
pub fn log_lik_rows(d: &Hsb, fit: &Fit, rows: std::ops::Range<usize>) -> Result<Vec<Vec<f64>>> {
    let lines = LineIndex::new(fit, d.num_schools())?;
    let students = &d.rows[rows.clone()];
    let schools = &d.school[rows];
    Ok(pooled_draws(fit)
        .par_iter()
        .map(|draw| {
            let sigma = lines.sigma(draw);
            let log_sigma = sigma.ln();
            students
                .iter()
                .zip(schools)
                .map(|(row, &j)| {
                    let z = (row.math - lines.mean(draw, j, row.ses)) / sigma;
                    -0.5 * z * z - log_sigma - LN_SQRT_2PI
                })
                .collect()
        })
        .collect())
}
// ANCHOR_END: log_lik

/// [`log_lik_rows`] of every student.
pub fn log_lik(d: &Hsb, fit: &Fit) -> Result<Vec<Vec<f64>>> {
    log_lik_rows(d, fit, 0..d.len())
}

/// `fit` with every draw's [`log_lik`] appended as the columns `log_lik.1 …
/// log_lik.N`: Stan's naming for the generated quantities, which ArviZ reads
/// with `az.from_cmdstan(..., log_likelihood="log_lik")`.
pub fn with_log_lik(d: &Hsb, fit: &Fit) -> Result<Fit> {
    let log_lik = log_lik(d, fit)?;
    let mut out = fit.clone();
    let n = log_lik.first().map_or(0, Vec::len);
    out.param_names.extend((1..=n).map(|i| format!("log_lik.{i}")));
    let mut rows = log_lik.iter();
    for chain in &mut out.chains {
        for draw in &mut chain.draws {
            if let Some(row) = rows.next() {
                draw.extend_from_slice(row);
            }
        }
    }
    Ok(out)
}

/// Posterior predictive summaries of one model.
#[derive(Debug, Clone)]
pub struct PredictiveCheck {
    /// Replicated data sets (one per row, students in file order), from
    /// draws spread evenly over the pooled chains.
    pub y_rep: Vec<Vec<f64>>,
    /// The mean of a replicated data set at every draw.
    pub rep_means: Vec<f64>,
    /// Share of students inside their central 95% predictive interval
    /// (one replicate per draw).
    pub coverage: f64,
    /// Posterior mean of each student's expected score.
    pub fitted: Vec<f64>,
    /// Observed minus fitted.
    pub residuals: Vec<f64>,
}

/// Replicated data, replicated means, coverage and residuals of `m`, with
/// `num_rep` replicated data sets kept for plotting.
pub fn predictive_check(
    d: &Hsb,
    m: &ModelFit,
    num_rep: usize,
    seed: u64,
) -> Result<PredictiveCheck> {
    let lines = LineIndex::new(&m.fit, d.num_schools())?;
    let draws = pooled_draws(&m.fit);
    let s_n = draws.len();
    if s_n == 0 {
        return Err(SamplerError::Model(format!("the {} fit has no draws", m.kind.label())));
    }
    let rep = m.kind.replication();
    let rows: Vec<(usize, f64)> = d.school.iter().copied().zip(d.ses()).collect();

    let y_rep = (0..num_rep.min(s_n))
        .into_par_iter()
        .map(|k| {
            let draw = draws[k * s_n / num_rep.min(s_n)];
            let mut rng = chain_rng(seed, REPLICATED_DATA + rep, k as u32);
            let sigma = lines.sigma(draw);
            rows.iter()
                .map(|&(j, x)| lines.mean(draw, j, x) + sigma * std_normal(&mut rng))
                .collect()
        })
        .collect();

    // Given a draw, a replicated data set's mean is normal with mean the
    // average expected score and sd sigma / √N: draw it directly.
    let n = d.len() as f64;
    let mut sum_x = vec![0.0; d.num_schools()];
    for &(j, x) in &rows {
        sum_x[j] += x;
    }
    let mut rng = chain_rng(seed, REPLICATED_MEAN + rep, 0);
    let rep_means = draws
        .iter()
        .map(|draw| {
            let total: f64 = (0..d.num_schools())
                .map(|j| {
                    d.sizes[j] as f64 * lines.mean(draw, j, 0.0) + lines.slope(draw, j) * sum_x[j]
                })
                .sum();
            total / n + lines.sigma(draw) / n.sqrt() * std_normal(&mut rng)
        })
        .collect();

    let inside: usize = rows
        .par_iter()
        .zip(d.rows.par_iter())
        .enumerate()
        .map(|(i, (&(j, x), row))| {
            let mut rng = chain_rng(seed, COVERAGE + rep, i as u32);
            let mut reps: Vec<f64> = draws
                .iter()
                .map(|draw| lines.mean(draw, j, x) + lines.sigma(draw) * std_normal(&mut rng))
                .collect();
            let low = quantile_unsorted(&mut reps, 0.025);
            let high = quantile_unsorted(&mut reps, 0.975);
            usize::from(low <= row.math && row.math <= high)
        })
        .sum();

    let (a, b) = lines.posterior_means(&draws);
    let fitted: Vec<f64> = rows.iter().map(|&(j, x)| a[j] + b[j] * x).collect();
    let residuals = d.rows.iter().zip(&fitted).map(|(r, f)| r.math - f).collect();
    Ok(PredictiveCheck { y_rep, rep_means, coverage: inside as f64 / n, fitted, residuals })
}
