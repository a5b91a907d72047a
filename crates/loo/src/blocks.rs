//! PSIS-LOO and WAIC over many observations without the whole log-likelihood matrix
//! in memory.
//!
//! LOO treats every observation separately, so the observations can be taken in blocks:
//! each block's draws × observations matrix is built, used and dropped, blocks run in
//! parallel, and the results are joined in observation order. The numbers are those of
//! one call on all observations (`r_eff` is per observation either way), at any thread
//! count.

use crate::error::{LooError, Result};
use crate::input::se_of_sum;
use crate::loo_cv::{LooResult, loo};
use crate::reff::relative_eff;
use crate::waic::WaicResult;
use rayon::prelude::*;
use std::ops::Range;

/// Joins the LOO results of consecutive blocks of observations, in the order given.
pub fn join_loo(parts: &[LooResult]) -> Result<LooResult> {
    let first = parts.first().ok_or(LooError::Empty("no LOO blocks to join"))?;
    let cat = |f: fn(&LooResult) -> &Vec<f64>| -> Vec<f64> {
        parts.iter().flat_map(|p| f(p).iter().copied()).collect()
    };
    let pointwise = cat(|p| &p.pointwise);
    let p_loo_pointwise = cat(|p| &p.p_loo_pointwise);
    let elpd_loo: f64 = pointwise.iter().sum();
    let lppd: f64 = pointwise.iter().zip(&p_loo_pointwise).map(|(e, p)| e + p).sum();
    Ok(LooResult {
        elpd_loo,
        se: se_of_sum(&pointwise),
        p_loo: lppd - elpd_loo,
        looic: -2.0 * elpd_loo,
        lppd,
        pareto_k: cat(|p| &p.pareto_k),
        r_eff: cat(|p| &p.r_eff),
        pointwise,
        p_loo_pointwise,
        good_k: first.good_k,
        num_draws: first.num_draws,
    })
}

/// Joins the WAIC results of consecutive blocks of observations, in the order given.
pub fn join_waic(parts: &[WaicResult]) -> Result<WaicResult> {
    let first = parts.first().ok_or(LooError::Empty("no WAIC blocks to join"))?;
    let cat = |f: fn(&WaicResult) -> &Vec<f64>| -> Vec<f64> {
        parts.iter().flat_map(|p| f(p).iter().copied()).collect()
    };
    Ok(WaicResult::from_pointwise(
        cat(|p| &p.pointwise),
        cat(|p| &p.p_waic_pointwise),
        first.num_draws,
    ))
}

/// PSIS-LOO of `num_obs` observations, `block` at a time: `log_lik(range)` returns the
/// draws × observations matrix of the observations in `range` (draws pooled in chain
/// order, `num_chains` chains), and `r_eff` is computed per observation.
pub fn loo_by_blocks<F>(
    num_obs: usize,
    block: usize,
    num_chains: usize,
    log_lik: F,
) -> Result<LooResult>
where
    F: Fn(Range<usize>) -> Result<Vec<Vec<f64>>> + Sync,
{
    if block == 0 {
        return Err(LooError::Invalid("the block size must be at least 1".into()));
    }
    let starts: Vec<usize> = (0..num_obs).step_by(block).collect();
    let parts = starts
        .par_iter()
        .map(|&start| {
            let ll = log_lik(start..(start + block).min(num_obs))?;
            let r_eff = relative_eff(&ll, num_chains)?;
            loo(&ll, &r_eff)
        })
        .collect::<Result<Vec<_>>>()?;
    join_loo(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waic::waic;

    /// Two chains of 200 draws for 7 observations, from a fixed recipe.
    fn log_lik(range: Range<usize>) -> Vec<Vec<f64>> {
        (0..400)
            .map(|s| {
                range
                    .clone()
                    .map(|i| {
                        let u = ((s * 7919 + i * 104729) % 1000) as f64 / 1000.0;
                        -0.5 * (u * 3.0 - 1.5 + 0.2 * i as f64).powi(2)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn blocks_give_the_numbers_of_one_call() {
        let all = log_lik(0..7);
        let whole = loo(&all, &relative_eff(&all, 2).unwrap()).unwrap();
        for block in [1, 3, 7, 50] {
            let joined = loo_by_blocks(7, block, 2, |r| Ok(log_lik(r))).unwrap();
            assert_eq!(joined.pointwise, whole.pointwise, "block {block}");
            assert_eq!(joined.pareto_k, whole.pareto_k, "block {block}");
            assert!((joined.elpd_loo - whole.elpd_loo).abs() < 1e-12);
            assert!((joined.se - whole.se).abs() < 1e-12);
            assert!((joined.p_loo - whole.p_loo).abs() < 1e-12);
        }
        assert!(loo_by_blocks(7, 0, 2, |r| Ok(log_lik(r))).is_err());
        assert!(join_loo(&[]).is_err());
    }

    #[test]
    fn joined_waic_blocks_give_the_numbers_of_one_call() {
        let whole = waic(&log_lik(0..7)).unwrap();
        for block in [1, 3, 7] {
            let parts: Vec<WaicResult> = (0..7)
                .step_by(block)
                .map(|start| waic(&log_lik(start..(start + block).min(7))).unwrap())
                .collect();
            let joined = join_waic(&parts).unwrap();
            assert_eq!(joined.pointwise, whole.pointwise, "block {block}");
            assert_eq!(joined.p_waic_pointwise, whole.p_waic_pointwise);
            assert_eq!(joined.num_draws, whole.num_draws);
            assert!((joined.elpd_waic - whole.elpd_waic).abs() < 1e-12);
            assert!((joined.se - whole.se).abs() < 1e-12);
            assert!((joined.p_waic - whole.p_waic).abs() < 1e-12);
        }
        assert!(join_waic(&[]).is_err());
    }
}
