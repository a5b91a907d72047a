//! Efron & Morris's batting averages (`data/efron_morris_1975.csv`): the loader, and
//! James–Stein towards the grand mean, which predicts each player's rest of the season
//! from his first 45 at-bats. The Stein chapter sets both beside the raw averages and
//! a hierarchical binomial model ([`crate::binomial_logit`]) fitted with NUTS.
//!
//! James–Stein here shrinks towards the grand mean (it estimates the centre,
//! which costs one degree of freedom: the factor is `(k − 3)` instead of
//! `(k − 2)`), with the binomial variance at the pooled average,
//! `sigma² = p̄ (1 − p̄) / 45`, the same for every player.
//!
//! Reference: Efron & Morris (1975), "Data analysis using Stein's estimator
//! and its generalizations", JASA 70(350); Efron & Morris (1977), "Stein's
//! paradox in statistics", Scientific American 236(5).

use crate::data_error::DataError;
use std::path::{Path, PathBuf};

/// At-bats in the early-season sample.
pub const AT_BATS: u64 = 45;

/// One player's line of the data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    /// The player's name.
    pub name: String,
    /// Hits in the first 45 at-bats.
    pub hits: u64,
    /// Batting average over the first 45 at-bats.
    pub early: f64,
    /// Batting average over the rest of the 1970 season.
    pub rest: f64,
}

/// The data file, read from the repository's `data/` directory.
pub fn data_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/efron_morris_1975.csv")
}

/// Reads `player,hits_first_45,avg_first_45,avg_rest_of_season`: a file that cannot be
/// read, a malformed line or fewer than 4 players is an error naming the file.
pub fn load(path: &Path) -> Result<Vec<Player>, DataError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| DataError::Io { path: path.to_path_buf(), source })?;
    let csv = |message: String| DataError::Csv { path: path.to_path_buf(), message };
    let mut players = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = || csv(format!("line {}: expected name,hits,avg,avg", i + 1));
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        if f.len() != 4 {
            return Err(bad());
        }
        let hits: u64 = f[1].parse().map_err(|_| bad())?;
        let rest: f64 = f[3].parse().map_err(|_| bad())?;
        if hits > AT_BATS || !(0.0..=1.0).contains(&rest) {
            return Err(bad());
        }
        players.push(Player {
            name: f[0].to_string(),
            hits,
            early: hits as f64 / AT_BATS as f64,
            rest,
        });
    }
    if players.len() < 4 {
        return Err(csv("James–Stein needs at least 4 players".into()));
    }
    Ok(players)
}

/// James–Stein towards the grand mean, with what it estimated.
#[derive(Debug, Clone, PartialEq)]
pub struct JamesStein {
    /// Each player's estimate, in data order.
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
    fn bad_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.csv");
        std::fs::write(&f, "h\nA,50,0.3,0.2\n").unwrap();
        assert!(load(&f).is_err());
        assert!(load(&dir.path().join("missing.csv")).is_err());
    }
}
