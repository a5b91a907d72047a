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
    /// The diagonal of the adapted inverse mass matrix (with a low-rank
    /// metric, of the whole matrix: the marginal variances it assumes).
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
    /// Column index of a parameter by name, or `None` when the fit has no
    /// such parameter (for asking whether it has one; to look a parameter
    /// up, use [`Fit::try_param_index`]).
    pub fn param_index(&self, name: &str) -> Option<usize> {
        self.param_names.iter().position(|n| n == name)
    }

    /// Column index of the parameter called `name`; a name the fit lacks is
    /// an error naming it.
    pub fn try_param_index(&self, name: &str) -> Result<usize, diagnostics::MissingParameter> {
        self.param_index(name).ok_or_else(|| diagnostics::MissingParameter(name.to_string()))
    }

    /// Draws of parameter `index`, one vector per chain (the layout the
    /// diagnostics take).
    pub fn chains_of(&self, index: usize) -> Vec<Vec<f64>> {
        self.chains.iter().map(|c| c.draws.iter().map(|d| d[index]).collect()).collect()
    }

    /// Draws of a named parameter, one vector per chain.
    pub fn chains_by_name(&self, name: &str) -> Option<Vec<Vec<f64>>> {
        self.param_index(name).map(|i| self.chains_of(i))
    }

    /// Draws of the parameter called `name`, one vector per chain; a name
    /// the fit lacks is an error naming it.
    pub fn try_chains_by_name(
        &self,
        name: &str,
    ) -> Result<Vec<Vec<f64>>, diagnostics::MissingParameter> {
        Ok(self.chains_of(self.try_param_index(name)?))
    }

    /// Draws of the parameter called `name` from all chains, chain after
    /// chain; a name the fit lacks is an error naming it.
    pub fn pooled_named(&self, name: &str) -> Result<Vec<f64>, diagnostics::MissingParameter> {
        Ok(self.try_chains_by_name(name)?.concat())
    }

    /// Draws of parameter `index` from all chains, chain after chain.
    pub fn pooled(&self, index: usize) -> Vec<f64> {
        self.chains_of(index).concat()
    }

    /// A sampler statistic, one vector per chain (e.g. `|s| s.energy`).
    pub fn stat_chains(&self, f: impl Fn(&DrawStats) -> f64) -> Vec<Vec<f64>> {
        self.chains.iter().map(|c| c.stats.iter().map(&f).collect()).collect()
    }

    /// Every kept draw's divergence flag, chain after chain (the order of [`Fit::pooled`]).
    pub fn divergent_flags(&self) -> Vec<bool> {
        self.chains.iter().flat_map(|c| c.stats.iter().map(|s| s.divergent)).collect()
    }

    /// Divergent transitions after warmup, over all chains.
    pub fn num_divergent(&self) -> usize {
        self.chains.iter().map(|c| c.stats.iter().filter(|s| s.divergent).count()).sum()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    /// Two chains of two draws of (`mu`, `theta.1`).
    fn fit() -> Fit {
        let chain = |offset: f64| ChainDraws {
            draws: vec![vec![offset, offset + 1.0], vec![offset + 2.0, offset + 3.0]],
            stats: Vec::new(),
            warmup_divergences: 0,
            step_size: 0.5,
            inv_mass: vec![1.0, 1.0],
            gradient_evaluations: 0,
        };
        Fit {
            param_names: vec!["mu".into(), "theta.1".into()],
            settings: Settings::default(),
            chains: vec![chain(0.0), chain(10.0)],
        }
    }

    #[test]
    fn draws_by_name_follow_the_column_and_chain_order() {
        let f = fit();
        assert_eq!(
            f.try_chains_by_name("theta.1").unwrap(),
            vec![vec![1.0, 3.0], vec![11.0, 13.0]]
        );
        assert_eq!(f.pooled_named("mu").unwrap(), vec![0.0, 2.0, 10.0, 12.0]);
    }

    #[test]
    fn a_missing_name_is_an_error_naming_it() {
        let f = fit();
        let want = diagnostics::MissingParameter("theta[A]".into());
        assert_eq!(f.pooled_named("theta[A]").unwrap_err(), want);
        assert_eq!(f.try_chains_by_name("theta[A]").unwrap_err(), want);
        assert_eq!(f.try_param_index("theta[A]").unwrap_err(), want);
        assert_eq!(f.try_param_index("theta.1"), Ok(1));
        assert_eq!(want.to_string(), "the fit has no parameter named theta[A]");
    }
}
