//! Which batters an estimate leaves further from the truth than their raw average
//! did: the Stein chapter's table of players James–Stein and the hierarchical model
//! made worse. The data and James–Stein itself are [`models::efron_morris`].

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
}
