//! Reading pointwise log-likelihood draws out of a [`sampler::Fit`].
//!
//! Models that support LOO write `log p(yᵢ | θ)` as constrained outputs named
//! `log_lik.1 … log_lik.N` (Stan's convention for generated quantities), so the same
//! columns reach CmdStan CSV files and ArviZ (`az.from_cmdstan(...,
//! log_likelihood="log_lik")`).

use crate::error::{LooError, Result};
use sampler::Fit;

/// The draws × observations matrix of the columns `{name}.1`, `{name}.2`, … of `fit`,
/// draws pooled in chain order; ready for [`crate::loo`], [`crate::waic`] and
/// [`crate::relative_eff`] (with `fit.chains.len()` chains).
///
/// ```
/// # use sampler::{Fit, ChainDraws, Settings, DrawStats};
/// let chain = ChainDraws {
///     draws: vec![vec![0.5, -1.0, -2.0], vec![0.6, -1.1, -2.1]],
///     stats: vec![],
///     warmup_divergences: 0,
///     step_size: 1.0,
///     inv_mass: vec![],
///     gradient_evaluations: 0,
/// };
/// let fit = Fit {
///     param_names: vec!["mu".into(), "log_lik.1".into(), "log_lik.2".into()],
///     settings: Settings::default(),
///     chains: vec![chain],
/// };
/// let ll = loo::log_lik_from_fit(&fit, "log_lik").unwrap();
/// assert_eq!(ll, vec![vec![-1.0, -2.0], vec![-1.1, -2.1]]);
/// ```
pub fn log_lik_from_fit(fit: &Fit, name: &str) -> Result<Vec<Vec<f64>>> {
    let columns: Vec<usize> =
        (1..).map_while(|i| fit.param_index(&format!("{name}.{i}"))).collect();
    if columns.is_empty() {
        return Err(LooError::Invalid(format!(
            "the fit has no column {name}.1: the model does not write pointwise log-likelihoods"
        )));
    }
    let draws: Vec<Vec<f64>> = fit
        .chains
        .iter()
        .flat_map(|c| c.draws.iter().map(|d| columns.iter().map(|&j| d[j]).collect()))
        .collect();
    if draws.is_empty() {
        return Err(LooError::Empty("the fit has no draws"));
    }
    Ok(draws)
}
