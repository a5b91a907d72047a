//! Where the SBC fits diverged, and how surprising the smallest p-value of the
//! passing parameters is once the number of tests is counted.

use crate::{Args, Outcome};
use anyhow::Result;
use diagnostics::{median, sig};
use figures::markdown_table;
use sbc::SbcResult;

/// Names of the group-level parameter the fits are split by: the scales
/// `tau` and `sigma_log`, and the survey's concentration `alpha` (a small
/// `alpha` means regions far apart, as a large scale does elsewhere).
const SCALE_NAMES: [&str; 3] = ["tau", "sigma_log", "alpha"];

/// Replications whose fit diverged at least once, among those given.
fn diverging(reps: &[&sbc::Replication]) -> usize {
    reps.iter().filter(|r| r.divergent > 0).count()
}

/// Replications split at the median true value of the scale parameter:
/// the half with the smaller true scale, then the other half.
fn split_by_scale(r: &SbcResult) -> Option<(Vec<&sbc::Replication>, Vec<&sbc::Replication>)> {
    let i = r.names.iter().position(|n| SCALE_NAMES.contains(&n.as_str()))?;
    let truths: Vec<f64> = r.replications.iter().map(|x| x.truth[i]).collect();
    let cut = median(&truths);
    let (small, large) = r.replications.iter().partition(|x| x.truth[i] < cut);
    Some((small, large))
}

/// One row per model: fits that diverged, the share of all kept transitions
/// that diverged, and how the diverging fits split between the data sets
/// simulated with the smaller and the larger half of the true scale.
pub fn divergence_table(o: &Outcome, args: &Args) -> Result<String> {
    let mut rows = Vec::new();
    for m in &o.models {
        let r = &m.result;
        let all: Vec<&sbc::Replication> = r.replications.iter().collect();
        let transitions = (all.len() * args.sampling.chains * args.sampling.draws).max(1);
        let (small, large) = split_by_scale(r).unwrap_or_default();
        rows.push(vec![
            m.short.clone(),
            format!("{} of {}", diverging(&all), all.len()),
            format!("{}%", sig(100.0 * r.divergent() as f64 / transitions as f64, 2)),
            format!("{} of {}", diverging(&small), small.len()),
            format!("{} of {}", diverging(&large), large.len()),
        ]);
    }
    Ok(markdown_table(
        &[
            "model",
            "fits with a divergence",
            "of all transitions",
            "… true τ, σ_log or α below its median",
            "… above it",
        ],
        &rows,
    )?)
}

/// The smallest chi-square p-value (thinned ranks) among parameters whose
/// ECDF stays inside the band, with the chance that the smallest of that many
/// independent uniform p-values is at least as small.
pub fn smallest_p_sentence(o: &Outcome) -> String {
    let mut passing = Vec::new();
    for m in &o.models {
        for (i, name) in m.result.names.iter().enumerate() {
            if o.band.contains(&m.result.pit(i)) {
                passing.push((m.p_thinned[i], m.p_even[i], &m.short, name));
            }
        }
    }
    let k = passing.len();
    let Some(&(p, p_even, model, name)) = passing.iter().min_by(|a, b| a.0.total_cmp(&b.0)) else {
        return String::new();
    };
    let chance = 1.0 - (1.0 - p).powi(k as i32);
    format!(
        "Of the {k} parameters whose ECDF stays inside the band, the smallest thinned \
         p-value is {} ({name}, {model}; {} with 100 evenly spaced draws). If all {k} were \
         calibrated and their tests independent, the smallest of {k} p-values would be this \
         small with probability {}.\n",
        sig(p, 2),
        sig(p_even, 2),
        sig(chance, 2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use sbc::Replication;

    fn rep(tau: f64, divergent: usize) -> Replication {
        Replication {
            truth: vec![0.0, tau],
            ess_bulk: vec![1.0; 2],
            rank_even: vec![0; 2],
            kept: vec![1; 2],
            pit: vec![0.5; 2],
            divergent,
        }
    }

    #[test]
    fn fits_are_split_at_the_median_true_scale() {
        let r = SbcResult {
            names: vec!["mu".into(), "tau".into()],
            max_draws: 10,
            replications: vec![rep(0.1, 3), rep(5.0, 0), rep(0.2, 1), rep(9.0, 2)],
        };
        let (small, large) = split_by_scale(&r).unwrap();
        assert_eq!((small.len(), large.len()), (2, 2));
        assert_eq!((diverging(&small), diverging(&large)), (2, 1));
        let no_scale = SbcResult { names: vec!["mu".into(), "x".into()], ..r };
        assert!(split_by_scale(&no_scale).is_none());
    }
}
