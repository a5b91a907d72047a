//! The peers' table — Stan, PyMC and nutpie on the same models, written by
//! `bench/peers/peers.py` — read back, so that our ESS per second can be set
//! beside theirs by the same command that measures ours.

use crate::record::SamplerKind;
use crate::report::ModelResult;
use diagnostics::sig;
use std::fmt::Write;

/// One row of the peers' table: a model (by [`crate::targets::Target::key`]),
/// a peer sampler and its median ESS per second.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerRow {
    /// Model key, e.g. `hsb`.
    pub model: String,
    /// Peer sampler, e.g. `Stan (PyStan 3)`.
    pub sampler: String,
    /// Median minimum bulk-ESS per second of sampling.
    pub ess_per_second: f64,
}

fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

/// The rows of the markdown table in `text` that have a model, a sampler and
/// a numeric `ESS / s` column; anything else (the header line, prose) is
/// skipped. An empty result means the table was not found.
pub fn parse(text: &str) -> Vec<PeerRow> {
    let mut column = None;
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| l.trim_start().starts_with('|')) {
        let c = cells(line);
        if let Some(i) = c.iter().position(|h| *h == "ESS / s") {
            column = Some(i);
            continue;
        }
        let Some(i) = column else { continue };
        if let (Some(model), Some(sampler), Some(value)) = (c.first(), c.get(1), c.get(i))
            && let Ok(ess_per_second) = value.parse::<f64>()
        {
            rows.push(PeerRow {
                model: model.to_string(),
                sampler: sampler.to_string(),
                ess_per_second,
            });
        }
    }
    rows
}

/// Models on which the goal against the peers is set.
pub const GOAL_MODELS: [&str; 2] = ["eight-nc", "hsb"];

/// Ours with `kind` divided by the peer row's ESS per second, if both exist.
/// Both sides are ESS per wall-clock second of warmup plus sampling, with
/// the four chains one after another on one core.
fn ratio(results: &[ModelResult], kind: SamplerKind, peer: &PeerRow) -> Option<f64> {
    let ours = results.iter().find(|r| r.target.key() == peer.model)?;
    let m = ours.medians.iter().find(|(k, _)| *k == kind)?;
    Some(m.1.wall_ess_per_second / peer.ess_per_second)
}

/// Ours (the default, Stan's schedule, and both rolling variants) against
/// every peer row, as a markdown table.
pub fn peer_table(results: &[ModelResult], peers: &[PeerRow]) -> String {
    let mut s = String::from(
        "| model | peer | peer ESS / s | ours · default (Stan) / peer | ours · rolling, draws / peer | ours · rolling, draws+grads / peer |\n\
         |---|---|---:|---:|---:|---:|\n",
    );
    let num = |x: Option<f64>| x.map_or("–".to_string(), |v| sig(v, 3));
    for p in peers {
        writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            p.model,
            p.sampler,
            sig(p.ess_per_second, 3),
            num(ratio(results, SamplerKind::Ours, p)),
            num(ratio(results, SamplerKind::OursRolling, p)),
            num(ratio(results, SamplerKind::OursRollingGradient, p)),
        )
        .unwrap();
    }
    s
}

/// The goals against the peers, for ours with the default (Stan's) schedule, in ESS
/// per wall-clock second: at least 3 times Stan's and PyMC's NUTS on Eight
/// Schools and High School and Beyond, and at least nutpie's on every model.
/// One line per peer with the smallest ratio.
pub fn peer_goals(results: &[ModelResult], peers: &[PeerRow]) -> String {
    let mut s = String::new();
    let goals: [(&str, Option<&[&str]>, f64); 3] = [
        ("Stan", Some(&GOAL_MODELS), 3.0),
        ("PyMC", Some(&GOAL_MODELS), 3.0),
        ("nutpie", None, 1.0),
    ];
    for (name, models, goal) in goals {
        let worst = peers
            .iter()
            .filter(|p| p.sampler.starts_with(name))
            .filter(|p| models.is_none_or(|m| m.contains(&p.model.as_str())))
            .filter_map(|p| ratio(results, SamplerKind::Ours, p).map(|r| (r, p)))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let on = models.map_or("every model".to_string(), |m| m.join(" and "));
        let line = match worst {
            None => format!("- ESS per wall second against {name}: not measured."),
            Some((r, p)) => format!(
                "- ESS per wall second, ours · default (Stan) / {} ≥ {goal} on {on}: smallest ratio {} ({}), {}.",
                p.sampler,
                sig(r, 3),
                p.model,
                if r >= goal { "met" } else { "missed" }
            ),
        };
        s.push_str(&line);
        s.push('\n');
    }
    s
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
                ess_per_second: 10.3
            }]
        );
        assert!(parse("no table here").is_empty());
    }
}
