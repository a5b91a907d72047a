//! The low-rank metric's table and goals: ours with nutpie's
//! low-rank-plus-diagonal metric against our diagonal metric under the same
//! schedule (rolling windows, draw and gradient variances), and against
//! `nuts-rs`'s own low-rank option.

use crate::goals::Goal;
use crate::record::SamplerKind;
use crate::report::{Measure, ModelResult, pair_table};
use crate::targets::Target;

/// The comparisons of the low-rank table: (ours low-rank, reference).
pub const PAIRS: [(SamplerKind, SamplerKind); 3] = [
    (SamplerKind::OursLowRank, SamplerKind::OursRollingGradient),
    (SamplerKind::OursStanLowRank, SamplerKind::Ours),
    (SamplerKind::OursLowRank, SamplerKind::NutsRsLowRank),
];

/// The goals on the factor target: ESS per gradient of our low-rank metric
/// at least 1.5 × our diagonal one and 1.0 × `nuts-rs`'s low-rank option.
pub const GOALS: [(SamplerKind, SamplerKind, f64); 2] = [
    (SamplerKind::OursLowRank, SamplerKind::OursRollingGradient, 1.5),
    (SamplerKind::OursLowRank, SamplerKind::NutsRsLowRank, 1.0),
];

/// Low-rank / reference for every pair in [`PAIRS`] measured, on every model.
pub fn low_rank_table(results: &[ModelResult]) -> String {
    pair_table("low-rank | against", results.iter(), &PAIRS)
}

/// The goals in [`GOALS`], in ESS per gradient on the factor target.
pub fn low_rank_goals(results: &[ModelResult]) -> Vec<Goal> {
    let factor = results.iter().find(|r| r.target == Target::Factor100);
    GOALS
        .iter()
        .map(|&(ours, other, threshold)| Goal {
            what: format!("{}, {} / {}", Measure::PerGradient.label(), ours.label(), other.label()),
            on: format!("the {}", Target::Factor100.label()),
            threshold,
            measured: factor
                .and_then(|r| r.ratio(ours, other, Measure::PerGradient))
                .map(|q| (Target::Factor100.label().to_string(), q))
                .into_iter()
                .collect(),
        })
        .collect()
}
