//! The result of a fit: draws and sampler statistics for every chain.

use crate::settings::Settings;
use crate::stats::DrawStats;

/// Everything one chain produced after warmup.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainDraws {
    /// Constrained draws, `draws[i][j]` = parameter `j` at draw `i`.
    pub draws: Vec<Vec<f64>>,
    /// Sampler statistics of each kept draw.
    pub stats: Vec<DrawStats>,
    /// Divergent transitions during warmup (not counted in the draws).
    pub warmup_divergences: usize,
    /// The adapted step size used for sampling.
    pub step_size: f64,
    /// The adapted diagonal of the inverse mass matrix.
    pub inv_mass: Vec<f64>,
    /// Log-density-and-gradient evaluations, warmup included.
    pub gradient_evaluations: u64,
}

/// A fitted model: parameter names, settings, and each chain's draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Names of the constrained parameters (columns of each draw).
    pub param_names: Vec<String>,
    /// The settings the fit ran with.
    pub settings: Settings,
    /// One entry per chain, in chain order.
    pub chains: Vec<ChainDraws>,
}

impl Fit {
    /// Column index of a parameter by name.
    pub fn param_index(&self, name: &str) -> Option<usize> {
        self.param_names.iter().position(|n| n == name)
    }

    /// Draws of parameter `index`, one vector per chain (the layout the
    /// diagnostics take).
    pub fn chains_of(&self, index: usize) -> Vec<Vec<f64>> {
        self.chains
            .iter()
            .map(|c| c.draws.iter().map(|d| d[index]).collect())
            .collect()
    }

    /// Draws of a named parameter, one vector per chain.
    pub fn chains_by_name(&self, name: &str) -> Option<Vec<Vec<f64>>> {
        self.param_index(name).map(|i| self.chains_of(i))
    }

    /// Draws of the parameter called `name` from all chains, chain after
    /// chain; a name the fit lacks is an error naming it.
    pub fn pooled_named(&self, name: &str) -> Result<Vec<f64>, diagnostics::MissingParameter> {
        self.chains_by_name(name)
            .map(|chains| chains.concat())
            .ok_or_else(|| diagnostics::MissingParameter(name.to_string()))
    }

    /// Draws of parameter `index` from all chains, chain after chain.
    pub fn pooled(&self, index: usize) -> Vec<f64> {
        self.chains_of(index).concat()
    }

    /// A sampler statistic, one vector per chain (e.g. `|s| s.energy`).
    pub fn stat_chains(&self, f: impl Fn(&DrawStats) -> f64) -> Vec<Vec<f64>> {
        self.chains
            .iter()
            .map(|c| c.stats.iter().map(&f).collect())
            .collect()
    }

    /// Divergent transitions after warmup, over all chains.
    pub fn num_divergent(&self) -> usize {
        self.chains
            .iter()
            .map(|c| c.stats.iter().filter(|s| s.divergent).count())
            .sum()
    }

    /// Total kept draws over all chains.
    pub fn num_draws_total(&self) -> usize {
        self.chains.iter().map(|c| c.draws.len()).sum()
    }

    /// Gradient evaluations over all chains, warmup included.
    pub fn gradient_evaluations(&self) -> u64 {
        self.chains.iter().map(|c| c.gradient_evaluations).sum()
    }
}

/// Lets `diagnostics::summarize_named` summarise a fit by parameter name.
impl diagnostics::NamedDraws for Fit {
    fn chains_named(&self, name: &str) -> Option<Vec<Vec<f64>>> {
        self.chains_by_name(name)
    }
}
