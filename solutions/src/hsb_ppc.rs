//! High School and Beyond — a posterior predictive check of your own (solution).

use models::hsb::data::Hsb;
use models::hsb::lines::{LineIndex, pooled_draws};
use sampler::Fit;
use sampler::rng::{chain_rng, std_normal};

/// (a) The mean of `values` in each of `num_schools` schools; `school[i]` is
/// the 0-based school of `values[i]`.
pub fn school_means(values: &[f64], school: &[usize], num_schools: usize) -> Vec<f64> {
    let mut sum = vec![0.0; num_schools];
    let mut count = vec![0usize; num_schools];
    for (v, &j) in values.iter().zip(school) {
        sum[j] += v;
        count[j] += 1;
    }
    sum.iter().zip(&count).map(|(s, &n)| s / n as f64).collect()
}

/// (a) The test statistic: the standard deviation (divisor `J − 1`) of the
/// school means — how much the schools differ on average.
pub fn sd_of_school_means(values: &[f64], school: &[usize], num_schools: usize) -> f64 {
    let means = school_means(values, school, num_schools);
    let j = means.len() as f64;
    let grand = means.iter().sum::<f64>() / j;
    (means.iter().map(|m| (m - grand).powi(2)).sum::<f64>() / (j - 1.0)).sqrt()
}

/// (b) The statistic of `num_rep` replicated data sets: for draws spread
/// evenly over the pooled draws of `fit` (draw `k · S / num_rep`), simulate
/// every student's score from the model, `Normal(line_j(ses_i), sigma)`, and
/// compute [`sd_of_school_means`]. Replicate `k` uses `chain_rng(seed, 1, k)`.
pub fn replicated_statistics(d: &Hsb, fit: &Fit, num_rep: usize, seed: u64) -> Vec<f64> {
    let lines = LineIndex::new(fit, d.num_schools()).expect("a fit of one of the chapter's models");
    let draws = pooled_draws(fit);
    (0..num_rep)
        .map(|k| {
            let draw = draws[k * draws.len() / num_rep];
            let mut rng = chain_rng(seed, 1, k as u32);
            let y_rep: Vec<f64> = d
                .rows
                .iter()
                .zip(&d.school)
                .map(|(row, &j)| {
                    lines.mean(draw, j, row.ses) + lines.sigma(draw) * std_normal(&mut rng)
                })
                .collect();
            sd_of_school_means(&y_rep, &d.school, d.num_schools())
        })
        .collect()
}

/// (c) The posterior predictive p-value: the share of `replicated` at or
/// above `observed`.
pub fn p_value(observed: f64, replicated: &[f64]) -> f64 {
    replicated.iter().filter(|&&r| r >= observed).count() as f64 / replicated.len() as f64
}

#[cfg(test)]
#[path = "../../exercises/checks/hsb_ppc.rs"]
mod checks;
