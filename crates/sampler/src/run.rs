//! Running several chains in parallel, reproducibly.

use crate::chain::run_chain;
use crate::error::{Result, SamplerError};
use crate::fit::Fit;
use crate::hook::{Hook, no_hook};
use crate::model::Model;
use crate::progress::chain_bars;
use crate::settings::Settings;
use rayon::prelude::*;

/// Fits `model` with NUTS: `settings.num_chains` chains in parallel, chain `c`
/// drawing from stream `c` of the seeded generator, so the draws are the same
/// whatever the number of threads.
///
/// ```
/// use sampler::{fit, Model, Settings};
/// /// A standard normal in one dimension.
/// struct StdNormal;
/// impl Model for StdNormal {
///     fn dim(&self) -> usize { 1 }
///     fn param_names(&self) -> Vec<String> { vec!["x".into()] }
///     fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 {
///         g[0] = -x[0];
///         -0.5 * x[0] * x[0]
///     }
///     fn constrain(&self, x: &[f64], out: &mut Vec<f64>) { out.push(x[0]) }
/// }
/// let settings = Settings { num_warmup: 200, num_draws: 200, ..Settings::default() };
/// let fit = fit(&StdNormal, &settings).unwrap();
/// assert_eq!(fit.chains.len(), 4);
/// assert_eq!(fit.pooled(0).len(), 800);
/// ```
pub fn fit<M: Model + ?Sized>(model: &M, settings: &Settings) -> Result<Fit> {
    fit_replication(model, settings, 0)
}

/// Like [`fit`], for the `replication`-th of many fits sharing one seed
/// (simulation studies, sweeps): chain `c` draws from stream
/// `replication · 2³² + c`.
pub fn fit_replication<M: Model + ?Sized>(
    model: &M,
    settings: &Settings,
    replication: u32,
) -> Result<Fit> {
    fit_with_hook(model, settings, replication, &no_hook)
}

/// Like [`fit_replication`], calling `hook` after every iteration of every
/// chain (from the chain's thread) with the chain, the iteration, the phase
/// and the divergences so far. When the hook answers [`Stop`](crate::Control::Stop) that
/// chain stops and the fit returns [`SamplerError::Cancelled`]; a caller
/// that wants the whole fit to stop answers `Stop` to every chain (e.g. from
/// a shared flag). The hook does not change the draws.
///
/// ```
/// use sampler::{fit_with_hook, Control, Model, SamplerError, Settings};
/// struct StdNormal;
/// impl Model for StdNormal {
///     fn dim(&self) -> usize { 1 }
///     fn param_names(&self) -> Vec<String> { vec!["x".into()] }
///     fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 {
///         g[0] = -x[0];
///         -0.5 * x[0] * x[0]
///     }
///     fn constrain(&self, x: &[f64], out: &mut Vec<f64>) { out.push(x[0]) }
/// }
/// let stop_at_10 = |i: &sampler::Iteration| {
///     if i.iteration == 10 { Control::Stop } else { Control::Continue }
/// };
/// let err = fit_with_hook(&StdNormal, &Settings::default(), 0, &stop_at_10).unwrap_err();
/// assert!(matches!(err, SamplerError::Cancelled { iteration: 10, .. }));
/// ```
pub fn fit_with_hook<M: Model + ?Sized>(
    model: &M,
    settings: &Settings,
    replication: u32,
    hook: Hook<'_>,
) -> Result<Fit> {
    settings.validate()?;
    check_model(model)?;
    let total = (settings.num_warmup + settings.num_draws) as u64;
    let (_multi, bars) = chain_bars(settings.num_chains, total, settings.progress);
    let run_all = || {
        bars.par_iter()
            .enumerate()
            .map(|(c, bar)| run_chain(model, settings, replication, c, bar, hook))
            .collect::<Result<Vec<_>>>()
    };
    let chains = match settings.threads {
        None => run_all()?,
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| SamplerError::InvalidSettings(format!("thread pool: {e}")))?
            .install(run_all)?,
    };
    Ok(Fit { param_names: model.param_names(), settings: settings.clone(), chains })
}

/// Checks that the model's names match what `constrain` writes.
fn check_model<M: Model + ?Sized>(model: &M) -> Result<()> {
    if model.dim() == 0 {
        return Err(SamplerError::Model("the model has no parameters".into()));
    }
    let mut out = Vec::new();
    model.constrain(&vec![0.0; model.dim()], &mut out);
    let names = model.param_names();
    if out.len() != names.len() {
        return Err(SamplerError::Model(format!(
            "constrain writes {} values but param_names lists {}",
            out.len(),
            names.len()
        )));
    }
    Ok(())
}
