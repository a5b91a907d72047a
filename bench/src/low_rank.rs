//! The low-rank metric's table and goals: ours with nutpie's
//! low-rank-plus-diagonal metric against our diagonal metric under the same
//! schedule (rolling windows, draw and gradient variances), and against
//! `nuts-rs`'s own low-rank option.

use crate::record::SamplerKind;
use crate::report::{ModelResult, num, pair_table};
use crate::targets::Target;
use std::fmt::Write;

/// The comparisons of the low-rank table: (ours low-rank, reference).
pub const PAIRS: [(SamplerKind, SamplerKind); 3] = [
    (SamplerKind::OursLowRank, SamplerKind::OursRollingGradient),
    (SamplerKind::OursStanLowRank, SamplerKind::Ours),
    (SamplerKind::OursLowRank, SamplerKind::NutsRsLowRank),
];

/// The goals on the factor target: ESS per gradient of our low-rank metric
/// at least 1.5 × our diagonal one and 1.0 × `nuts-rs`'s low-rank option.
pub const GOALS: [(SamplerKind, SamplerKind, f64); 2] = [
    (
        SamplerKind::OursLowRank,
        SamplerKind::OursRollingGradient,
        1.5,
    ),
    (SamplerKind::OursLowRank, SamplerKind::NutsRsLowRank, 1.0),
];

/// Low-rank / reference for every pair in [`PAIRS`] measured, on every model.
pub fn low_rank_table(results: &[ModelResult]) -> String {
    pair_table("low-rank | against", results.iter(), &PAIRS)
}

/// One line per goal in [`GOALS`] on the factor target: the ratio of ESS
/// per gradient and whether it meets the goal.
pub fn low_rank_goals(results: &[ModelResult]) -> String {
    let factor = results.iter().find(|r| r.target == Target::Factor100);
    let mut s = String::new();
    for (ours, other, goal) in GOALS {
        let line = match factor.and_then(|r| r.ratios(ours, other)) {
            None => format!(
                "- ESS per gradient on the {}, {} / {}: not measured.",
                Target::Factor100.label(),
                ours.label(),
                other.label()
            ),
            Some(q) => {
                let ratio = q.per_gradient;
                let verdict = if ratio >= goal {
                    "met".to_string()
                } else {
                    format!("missed by {}%", num(100.0 * (1.0 - ratio / goal)))
                };
                format!(
                    "- ESS per gradient on the {}, {} / {} ≥ {goal}: {}, {verdict}.",
                    Target::Factor100.label(),
                    ours.label(),
                    other.label(),
                    num(ratio)
                )
            }
        };
        writeln!(s, "{line}").unwrap();
    }
    s
}
