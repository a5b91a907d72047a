//! Stan- and ArviZ-style warnings after a fit: what to worry about, one line
//! of advice each, and where the sampler appendix explains it.

use crate::ebfmi::ebfmi;
use crate::ess::{ess_bulk, ess_tail};
use crate::rhat::rhat;
use std::fmt;

/// Where the explanations live (the sampler appendix of the book).
const PAGE: &str = "book/src/sampler.md";

/// What a fit reports that the warnings need, independent of the sampler's
/// types: each parameter's draws (one `Vec` per chain) and the sampler's
/// per-draw statistics after warmup.
#[derive(Debug, Clone, PartialEq)]
pub struct FitFacts {
    /// `(name, chains)` for every parameter to check.
    pub params: Vec<(String, Vec<Vec<f64>>)>,
    /// Divergent transitions after warmup, over all chains.
    pub divergent: usize,
    /// Draws whose tree reached the maximum depth, over all chains.
    pub max_depth_hits: usize,
    /// The maximum tree depth in force.
    pub max_tree_depth: usize,
    /// The energy (`energy__`) of every draw, one `Vec` per chain.
    pub energy: Vec<Vec<f64>>,
}

/// One problem found after a fit.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Transitions that diverged after warmup.
    Divergences {
        /// How many.
        count: usize,
        /// Out of how many draws.
        total: usize,
    },
    /// Parameters whose R-hat exceeds 1.01.
    RHat {
        /// Their names, with R-hat.
        params: Vec<(String, f64)>,
    },
    /// Parameters whose bulk or tail ESS is below 100 per chain.
    LowEss {
        /// Their names, with the smaller of bulk and tail ESS.
        params: Vec<(String, f64)>,
        /// The threshold, 100 times the number of chains.
        threshold: f64,
    },
    /// Draws whose tree hit the maximum depth.
    TreeDepth {
        /// How many.
        count: usize,
        /// Out of how many draws.
        total: usize,
        /// The maximum depth.
        max_depth: usize,
    },
    /// Chains whose E-BFMI is below 0.3.
    LowEbfmi {
        /// `(chain from 1, E-BFMI)`.
        chains: Vec<(usize, f64)>,
    },
}

fn list(params: &[(String, f64)], digits: usize) -> String {
    let shown: Vec<String> =
        params.iter().take(5).map(|(n, v)| format!("{n} {v:.digits$}")).collect();
    let more = params.len().saturating_sub(5);
    let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
    format!("{}{tail}", shown.join(", "))
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Divergences { count, total } => write!(
                f,
                "{count} of {total} transitions after warmup diverged: the posterior has geometry \
                 the sampler cannot follow; reparameterise (e.g. non-centred) or raise \
                 --target-accept (see {PAGE}, \"Divergent transitions\")"
            ),
            Warning::RHat { params } => write!(
                f,
                "R-hat above 1.01 for {}: the chains disagree; run longer or reparameterise \
                 before trusting these draws (see {PAGE}, \"R-hat\")",
                list(params, 3)
            ),
            Warning::LowEss { params, threshold } => write!(
                f,
                "bulk or tail ESS below {threshold:.0} (100 per chain) for {}: too few effective \
                 draws for reliable means, quantiles and R-hat; run more draws (see {PAGE}, \
                 \"Effective sample size\")",
                list(params, 0)
            ),
            Warning::TreeDepth { count, total, max_depth } => write!(
                f,
                "{count} of {total} transitions hit the maximum tree depth {max_depth}: \
                 trajectories were cut short, which costs efficiency; reparameterise or raise \
                 --max-tree-depth (see {PAGE}, \"Maximum tree depth\")"
            ),
            Warning::LowEbfmi { chains } => {
                let shown: Vec<String> =
                    chains.iter().map(|(c, e)| format!("chain {c} {e:.2}")).collect();
                write!(
                    f,
                    "E-BFMI below 0.3 ({}): momentum resampling barely moves the energy, so the \
                     chains explore slowly; reparameterise (see {PAGE}, \"E-BFMI\")",
                    shown.join(", ")
                )
            }
        }
    }
}

/// The warnings Stan and ArviZ would give for a fit: divergences after
/// warmup, R-hat > 1.01, bulk or tail ESS below 100 per chain, transitions
/// at the maximum tree depth, E-BFMI < 0.3. A fit with none gives an empty
/// list. NaN diagnostics (e.g. constant draws) raise no warning.
///
/// Reference: Vehtari et al. (2021), "Rank-normalization, folding, and
/// localization", *Bayesian Analysis* 16(2) (the R-hat and ESS thresholds);
/// Betancourt (2016), arXiv:1604.00695 (E-BFMI); CmdStan's `diagnose`.
///
/// ```
/// let facts = diagnostics::FitFacts {
///     params: vec![],
///     divergent: 3,
///     max_depth_hits: 0,
///     max_tree_depth: 10,
///     energy: vec![vec![1.0, 3.0, 2.0, 4.0]],
/// };
/// let w = diagnostics::warnings(&facts);
/// assert_eq!(w.len(), 1);
/// assert!(w[0].to_string().starts_with("3 of 4 transitions"));
/// ```
pub fn warnings(facts: &FitFacts) -> Vec<Warning> {
    let total: usize = facts.energy.iter().map(Vec::len).sum();
    let num_chains = facts.energy.len().max(1);
    let mut out = Vec::new();
    if facts.divergent > 0 {
        out.push(Warning::Divergences { count: facts.divergent, total });
    }
    let rhats: Vec<(String, f64)> =
        facts.params.iter().map(|(n, c)| (n.clone(), rhat(c))).filter(|(_, r)| *r > 1.01).collect();
    if !rhats.is_empty() {
        out.push(Warning::RHat { params: rhats });
    }
    let threshold = 100.0 * num_chains as f64;
    let low: Vec<(String, f64)> = facts
        .params
        .iter()
        .map(|(n, c)| (n.clone(), ess_bulk(c).min(ess_tail(c))))
        .filter(|(_, e)| *e < threshold)
        .collect();
    if !low.is_empty() {
        out.push(Warning::LowEss { params: low, threshold });
    }
    if facts.max_depth_hits > 0 {
        out.push(Warning::TreeDepth {
            count: facts.max_depth_hits,
            total,
            max_depth: facts.max_tree_depth,
        });
    }
    let low_bfmi: Vec<(usize, f64)> = facts
        .energy
        .iter()
        .enumerate()
        .map(|(c, e)| (c + 1, ebfmi(e)))
        .filter(|(_, b)| *b < 0.3)
        .collect();
    if !low_bfmi.is_empty() {
        out.push(Warning::LowEbfmi { chains: low_bfmi });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(params: Vec<(String, Vec<Vec<f64>>)>, energy: Vec<Vec<f64>>) -> FitFacts {
        FitFacts { params, divergent: 0, max_depth_hits: 0, max_tree_depth: 10, energy }
    }

    /// A deterministic, well-mixed-looking sequence.
    fn noise(seed: u64, n: usize) -> Vec<f64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (s >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect()
    }

    #[test]
    fn a_healthy_fit_says_nothing_and_each_problem_is_named() {
        let good: Vec<Vec<f64>> = (0..4).map(|c| noise(c, 1000)).collect();
        let f = facts(vec![("mu".into(), good.clone())], good.clone());
        assert!(warnings(&f).is_empty(), "{:?}", warnings(&f));

        // Chains centred apart: R-hat; a slow drift: low ESS and low E-BFMI.
        let apart: Vec<Vec<f64>> = good
            .iter()
            .enumerate()
            .map(|(c, v)| v.iter().map(|x| x + c as f64).collect())
            .collect();
        let drift: Vec<Vec<f64>> = (0..4)
            .map(|c| (0..1000).map(|i| ((i + 37 * c) as f64 / 50.0).sin()).collect())
            .collect();
        let mut bad = facts(vec![("a".into(), apart), ("b".into(), drift.clone())], drift);
        bad.divergent = 2;
        bad.max_depth_hits = 5;
        let w = warnings(&bad);
        let kinds: Vec<String> = w.iter().map(|w| format!("{w:?}")).collect();
        assert!(matches!(w[0], Warning::Divergences { count: 2, total: 4000 }));
        assert!(matches!(&w[1], Warning::RHat { params } if params[0].0 == "a"), "{kinds:?}");
        assert!(matches!(&w[2], Warning::LowEss { threshold, .. } if *threshold == 400.0));
        assert!(matches!(w[3], Warning::TreeDepth { count: 5, .. }));
        assert!(matches!(&w[4], Warning::LowEbfmi { chains } if chains.len() == 4));
        for line in &w {
            assert!(line.to_string().contains("book/src/sampler.md"), "{line}");
        }
    }
}
