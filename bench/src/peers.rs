//! The peers' table — Stan, PyMC and nutpie on the same models, written by
//! `bench/peers/peers.py` — read back, so that our ESS per second can be set
//! beside theirs by the same command that measures ours.

use crate::goals::{Goal, with_interval};
use crate::interval::{RatioInterval, ratio_of_medians};
use crate::record::SamplerKind;
use crate::report::{Measure, ModelResult, num};
use diagnostics::median;
use std::fmt::Write;

/// One row of the peers' table: a model (by [`crate::targets::Target::key`]),
/// a peer sampler, its median ESS per second and, where the table has them,
/// the values of every seed.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerRow {
    /// Model key, e.g. `hsb`.
    pub model: String,
    /// Peer sampler, e.g. `Stan (PyStan 3)`.
    pub sampler: String,
    /// Median minimum bulk-ESS per second of sampling.
    pub ess_per_second: f64,
    /// ESS per second of each seed (empty when the table has no such column).
    pub per_seed: Vec<f64>,
}

fn cells(line: &str) -> Vec<&str> {
    line.trim().trim_matches('|').split('|').map(str::trim).collect()
}

/// The column of the peers' table with every seed's ESS per second,
/// separated by spaces.
pub const PER_SEED_COLUMN: &str = "ESS / s by seed";

/// The rows of the markdown table in `text` that have a model, a sampler and
/// a numeric `ESS / s` column (and, optionally, [`PER_SEED_COLUMN`]);
/// anything else (the header line, prose) is skipped. An empty result means
/// the table was not found.
pub fn parse(text: &str) -> Vec<PeerRow> {
    let mut columns = None;
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| l.trim_start().starts_with('|')) {
        let c = cells(line);
        if let Some(i) = c.iter().position(|h| *h == "ESS / s") {
            columns = Some((i, c.iter().position(|h| *h == PER_SEED_COLUMN)));
            continue;
        }
        let Some((i, by_seed)) = columns else {
            continue;
        };
        if let (Some(model), Some(sampler), Some(value)) = (c.first(), c.get(1), c.get(i))
            && let Ok(ess_per_second) = value.parse::<f64>()
        {
            let per_seed = by_seed
                .and_then(|j| c.get(j))
                .map(|v| v.split_whitespace().filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default();
            rows.push(PeerRow {
                model: model.to_string(),
                sampler: sampler.to_string(),
                ess_per_second,
                per_seed,
            });
        }
    }
    rows
}

/// Models on which the goal against the peers is set.
pub const GOAL_MODELS: [&str; 2] = ["eight-nc", "hsb"];

/// Ours with `kind` divided by the peer row's ESS per second, if both exist,
/// with a bootstrap interval when the peers' table gives every seed. Both
/// sides are ESS per wall-clock second of warmup plus sampling, with the
/// four chains one after another on one core.
fn ratio(results: &[ModelResult], kind: SamplerKind, peer: &PeerRow) -> Option<RatioInterval> {
    let ours = results.iter().find(|r| r.target.key() == peer.model)?;
    let per_seed = ours.per_seed(kind, Measure::PerWallSecond)?;
    Some(if peer.per_seed.is_empty() {
        RatioInterval::point(median(&per_seed) / peer.ess_per_second)
    } else {
        ratio_of_medians(&per_seed, &peer.per_seed)
    })
}

/// Ours (the default, Stan's schedule, and both rolling variants) against
/// every peer row, as a markdown table; the default's ratio with its
/// bootstrap interval.
pub fn peer_table(results: &[ModelResult], peers: &[PeerRow]) -> String {
    let mut s = String::from(
        "| model | peer | peer ESS / s | ours · default (Stan) / peer | ours · rolling, draws / peer | ours · rolling, draws+grads / peer |\n\
         |---|---|---:|---:|---:|---:|\n",
    );
    let cell = |kind, p, interval: bool| {
        ratio(results, kind, p)
            .map_or("–".to_string(), |q| if interval { with_interval(&q) } else { num(q.ratio) })
    };
    for p in peers {
        writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            p.model,
            p.sampler,
            num(p.ess_per_second),
            cell(SamplerKind::Ours, p, true),
            cell(SamplerKind::OursRolling, p, false),
            cell(SamplerKind::OursRollingGradient, p, false),
        )
        .unwrap();
    }
    s
}

/// The goals against the peers, for ours with the default (Stan's)
/// schedule, in ESS per wall-clock second: at least 3 times Stan's and
/// PyMC's NUTS on Eight Schools and High School and Beyond, and at least
/// nutpie's on every model.
pub fn peer_goals(results: &[ModelResult], peers: &[PeerRow]) -> Vec<Goal> {
    let goals: [(&str, Option<&[&str]>, f64); 3] = [
        ("Stan", Some(&GOAL_MODELS), 3.0),
        ("PyMC", Some(&GOAL_MODELS), 3.0),
        ("nutpie", None, 1.0),
    ];
    goals
        .into_iter()
        .map(|(name, models, threshold)| {
            let rows: Vec<&PeerRow> = peers
                .iter()
                .filter(|p| p.sampler.starts_with(name))
                .filter(|p| models.is_none_or(|m| m.contains(&p.model.as_str())))
                .collect();
            let peer = rows.first().map_or(name, |p| p.sampler.as_str());
            Goal {
                what: format!(
                    "{}, {} / {peer}",
                    Measure::PerWallSecond.label(),
                    SamplerKind::Ours.label()
                ),
                on: models.map_or("every model".to_string(), |m| m.join(" and ")),
                threshold,
                measured: rows
                    .iter()
                    .filter_map(|p| Some((p.model.clone(), ratio(results, SamplerKind::Ours, p)?)))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rows_of_the_peers_table() {
        let text = "Versions: x\n\n| model | sampler | wall | ESS / s | other |\n|---|---|---:|---:|---:|\n\
                    | hsb | Stan (PyStan 3) | 65.4 | 10.3 | 7.65 |\n| hsb | PyMC NUTS | 40.6 | – | 1 |\n";
        let rows = parse(text);
        assert_eq!(
            rows,
            vec![PeerRow {
                model: "hsb".into(),
                sampler: "Stan (PyStan 3)".into(),
                ess_per_second: 10.3,
                per_seed: vec![],
            }]
        );
        assert!(parse("no table here").is_empty());
        let text = "| model | sampler | ESS / s | ESS / s by seed |\n|---|---|---:|---|\n\
                    | hsb | nutpie | 10 | 9 10 12.5 |\n";
        assert_eq!(parse(text)[0].per_seed, vec![9.0, 10.0, 12.5]);
    }
}
