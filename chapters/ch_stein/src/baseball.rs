//! Efron & Morris's batting averages: the average after 45 at-bats predicts
//! the rest of the season, raw, by James–Stein, and by a hierarchical
//! binomial model fitted with NUTS.
//!
//! James–Stein here shrinks towards the grand mean (it estimates the centre,
//! which costs one degree of freedom: the factor is `(k − 3)` instead of
//! `(k − 2)`), with the binomial variance at the pooled average,
//! `sigma² = p̄ (1 − p̄) / 45`, the same for every player.
//!
//! Reference: Efron & Morris (1975), "Data analysis using Stein's estimator
//! and its generalizations", JASA 70(350); Efron & Morris (1977), "Stein's
//! paradox in statistics", Scientific American 236(5).

use anyhow::{Context, Result, bail};
use std::path::Path;

/// At-bats in the early-season sample.
pub const AT_BATS: u64 = 45;

/// One player's line of the data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    pub name: String,
    pub hits: u64,
    /// Batting average over the first 45 at-bats.
    pub early: f64,
    /// Batting average over the rest of the 1970 season.
    pub rest: f64,
}

/// The data file, read from the repository's `data/` directory.
pub fn data_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/efron_morris_1975.csv")
}

/// Reads `player,hits_first_45,avg_first_45,avg_rest_of_season`.
pub fn load(path: &Path) -> Result<Vec<Player>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut players = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = || format!("{} line {}: expected name,hits,avg,avg", path.display(), i + 1);
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        if f.len() != 4 {
            bail!(bad());
        }
        let hits: u64 = f[1].parse().with_context(bad)?;
        let rest: f64 = f[3].parse().with_context(bad)?;
        if hits > AT_BATS || !(0.0..=1.0).contains(&rest) {
            bail!(bad());
        }
        players.push(Player {
            name: f[0].to_string(),
            hits,
            early: hits as f64 / AT_BATS as f64,
            rest,
        });
    }
    if players.len() < 4 {
        bail!("{}: James–Stein needs at least 4 players", path.display());
    }
    Ok(players)
}

/// James–Stein towards the grand mean, with what it estimated.
#[derive(Debug, Clone, PartialEq)]
pub struct JamesStein {
    pub estimates: Vec<f64>,
    /// The grand mean `p̄` of the early averages.
    pub grand_mean: f64,
    /// The binomial variance of one early average at `p̄`.
    pub sigma2: f64,
    /// The factor `c` kept of each player's distance from `p̄`.
    pub keep: f64,
}

// ANCHOR: james_stein_mean
/// `z_i = p̄ + c (y_i − p̄)` with `c = 1 − (k − 3) sigma² / Σ (y_i − p̄)²`
/// (floored at 0), `sigma² = p̄ (1 − p̄) / n`.
pub fn james_stein_to_mean(y: &[f64], n: u64) -> JamesStein {
    let k = y.len() as f64;
    let grand_mean = y.iter().sum::<f64>() / k;
    let sigma2 = grand_mean * (1.0 - grand_mean) / n as f64;
    let spread: f64 = y.iter().map(|v| (v - grand_mean).powi(2)).sum();
    let keep = (1.0 - (k - 3.0) * sigma2 / spread).max(0.0);
    JamesStein {
        estimates: y.iter().map(|v| grand_mean + keep * (v - grand_mean)).collect(),
        grand_mean,
        sigma2,
        keep,
    }
}
// ANCHOR_END: james_stein_mean

/// Total squared error `Σ (est_i − truth_i)²`.
pub fn total_squared_error(est: &[f64], truth: &[f64]) -> f64 {
    est.iter().zip(truth).map(|(e, t)| (e - t) * (e - t)).sum()
}

/// A player whom an estimate leaves further from the truth than his raw
/// (early) average was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MadeWorse {
    /// The player's index in the data.
    pub index: usize,
    /// `|raw − truth|`.
    pub raw_error: f64,
    /// `|estimate − truth|`.
    pub error: f64,
    /// Rank of `raw_error` among all players' raw errors (1 = smallest; ties
    /// share the lower rank).
    pub raw_rank: usize,
}

/// The players for whom `est` is strictly further from `truth` than `raw` is,
/// in data order.
pub fn made_worse(est: &[f64], raw: &[f64], truth: &[f64]) -> Vec<MadeWorse> {
    let raw_errors: Vec<f64> = raw.iter().zip(truth).map(|(r, t)| (r - t).abs()).collect();
    est.iter()
        .zip(truth)
        .zip(&raw_errors)
        .enumerate()
        .filter(|(_, ((e, t), r))| (*e - *t).abs() > **r)
        .map(|(index, ((e, t), &raw_error))| MadeWorse {
            index,
            raw_error,
            error: (e - t).abs(),
            raw_rank: 1 + raw_errors.iter().filter(|&&r| r < raw_error).count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_eighteen_players() {
        let p = load(&data_path()).unwrap();
        assert_eq!(p.len(), 18);
        assert_eq!(p[0].name, "Clemente");
        assert!((p[0].early - 0.4).abs() < 1e-12);
    }

    #[test]
    fn made_worse_lists_players_moved_away_from_the_truth() {
        // Raw errors 0.1, 0.0, 0.3; the estimate's 0.05, 0.2, 0.3.
        let raw = [0.3, 0.2, 0.5];
        let truth = [0.2, 0.2, 0.2];
        let est = [0.25, 0.4, 0.5];
        let worse = made_worse(&est, &raw, &truth);
        assert_eq!(worse.len(), 1, "{worse:?}");
        assert_eq!(worse[0].index, 1);
        assert_eq!(worse[0].raw_rank, 1);
        assert!((worse[0].error - 0.2).abs() < 1e-12);
        // Equal errors are not worse.
        assert!(made_worse(&raw, &raw, &truth).is_empty());
    }

    #[test]
    fn bad_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.csv");
        std::fs::write(&f, "h\nA,50,0.3,0.2\n").unwrap();
        assert!(load(&f).is_err());
        assert!(load(&dir.path().join("missing.csv")).is_err());
    }
}
