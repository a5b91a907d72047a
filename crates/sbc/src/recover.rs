//! Simulate and recover: choose true parameter values, simulate data from them, fit the
//! model to that data, and see where each true value falls in its posterior.
//!
//! A gradient check only shows that a gradient matches its density; R-hat and
//! divergences only show that the sampler explored the density it was given. Neither
//! notices a density that is wrong — a dropped `−log σ`, a variance passed where a
//! standard deviation is expected. Data simulated from known values do: the posterior
//! of a correct model puts the truth somewhere in its bulk, the posterior of a wrong one
//! puts it in a tail, replicate after replicate.
//!
//! For each replicate and tracked parameter the tool reports the **posterior quantile
//! of the true value**, the share of posterior draws below it. Over replicates it asks
//! whether those quantiles look uniform (a Kolmogorov–Smirnov test), because one
//! interval that happens to contain the truth proves little:
//!
//! * with true values **drawn from the prior** ([`Truth::Prior`]), a correct model and
//!   sampler give exactly uniform quantiles (Cook, Gelman & Rubin 2006; this is
//!   simulation-based calibration with all draws in place of thinned ranks);
//! * with **fixed** true values ([`Truth::Fixed`]), the quantiles are only close to
//!   uniform, and only when the data outweigh the prior (the Bernstein–von Mises
//!   theorem). A small p-value there can come from the prior's pull on a small data
//!   set, so read it as a warning to look at the quantiles, not as a proof of a bug.
//!
//! Every replicate draws its data from its own random stream (`chain_rng(seed, r,
//! u32::MAX)`, as [`crate::run_sbc`] does) and fits with
//! [`sampler::fit_replication`], so the report does not depend on the number of
//! threads.
//!
//! References: Cook, Gelman & Rubin (2006), "Validation of software for Bayesian models
//! using posterior quantiles", *Journal of Computational and Graphical Statistics*
//! 15(3); Talts et al. (2018), arXiv:1804.06788; Gelman et al. (2020), "Bayesian
//! workflow", arXiv:2011.01808, §4.1 (fake-data simulation).

use rand::rngs::ChaCha8Rng;
use rayon::prelude::*;
use sampler::rng::chain_rng;
use sampler::{Model, SamplerError, Settings, fit_replication};

pub use crate::ks::{KsTest, ks_uniform};

/// Where the true values of each replicate come from.
pub enum Truth<'a> {
    /// The same values in every replicate, in the order of the tracked names.
    Fixed(Vec<f64>),
    /// Fresh values from the prior in each replicate, in the order of the tracked names.
    Prior(&'a (dyn Fn(&mut ChaCha8Rng) -> Vec<f64> + Sync)),
}

/// How many replicates, and how to fit each one.
#[derive(Debug, Clone)]
pub struct RecoverSettings {
    /// Number of simulated data sets (at least 2; 20 or more for the uniformity test to
    /// mean much).
    pub replicates: usize,
    /// Sampler settings for every fit; the seed also seeds the simulations.
    pub sampler: Settings,
}

/// One replicate: the true values and where they fell.
#[derive(Debug, Clone, PartialEq)]
pub struct Replicate {
    /// True values of the tracked parameters.
    pub truth: Vec<f64>,
    /// Posterior quantile of each true value: the share of draws below it.
    pub quantile: Vec<f64>,
    /// Posterior mean of each tracked parameter.
    pub mean: Vec<f64>,
    /// Posterior standard deviation of each tracked parameter.
    pub sd: Vec<f64>,
    /// Divergent transitions after warmup.
    pub divergent: usize,
}

/// Everything a simulate-and-recover run found.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// Tracked parameter names (as in the model's `param_names`).
    pub names: Vec<String>,
    /// True if the true values were drawn from the prior, false if fixed.
    pub from_prior: bool,
    /// One entry per replicate, in replicate order.
    pub replicates: Vec<Replicate>,
}

/// Over all replicates, for one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParameterSummary {
    /// Median posterior quantile of the truth (0.5 when centred).
    pub median_quantile: f64,
    /// Share of replicates whose truth fell outside the central 90% interval
    /// (quantile below 0.05 or above 0.95; about 0.1 when calibrated).
    pub outside_90: f64,
    /// Kolmogorov–Smirnov test of the quantiles against Uniform(0, 1).
    pub ks: KsTest,
}

impl Recovery {
    /// The posterior quantiles of the truth of parameter `i`, one per replicate.
    pub fn quantiles(&self, i: usize) -> Vec<f64> {
        self.replicates.iter().map(|r| r.quantile[i]).collect()
    }

    /// The summary of parameter `i` over all replicates.
    pub fn summary(&self, i: usize) -> ParameterSummary {
        let mut q = self.quantiles(i);
        q.sort_by(f64::total_cmp);
        let outside = q.iter().filter(|&&v| !(0.05..=0.95).contains(&v)).count();
        ParameterSummary {
            median_quantile: diagnostics::quantile(&q, 0.5),
            outside_90: outside as f64 / q.len() as f64,
            ks: ks_uniform(&q),
        }
    }

    /// Total divergent transitions over all replicates.
    pub fn divergent(&self) -> usize {
        self.replicates.iter().map(|r| r.divergent).sum()
    }

    /// Parameters whose quantiles fail the uniformity test at level `alpha`.
    pub fn flagged(&self, alpha: f64) -> Vec<&str> {
        (0..self.names.len())
            .filter(|&i| self.summary(i).ks.p_value < alpha)
            .map(|i| self.names[i].as_str())
            .collect()
    }
}

impl std::fmt::Display for Recovery {
    /// One line per parameter: median quantile, share outside the 90% interval, KS.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let source = if self.from_prior { "prior" } else { "fixed" };
        writeln!(
            f,
            "{} replicates, true values {source}; {} divergent transitions",
            self.replicates.len(),
            self.divergent()
        )?;
        writeln!(
            f,
            "{:<12} {:>16} {:>12} {:>8} {:>10}",
            "parameter", "median quantile", "outside 90%", "KS D", "KS p"
        )?;
        for (i, name) in self.names.iter().enumerate() {
            let s = self.summary(i);
            writeln!(
                f,
                "{name:<12} {:>16.3} {:>12.2} {:>8.3} {:>10.2e}",
                s.median_quantile, s.outside_90, s.ks.statistic, s.ks.p_value
            )?;
        }
        Ok(())
    }
}

/// Simulates data from true values, fits the model to it, and records where each truth
/// falls in its posterior, for `settings.replicates` replicates.
///
/// * `names`: the tracked parameters, as the model's `param_names` spells them
///   (`sigma`, `theta.2`); true values come in this order.
/// * `truth`: fixed values or a draw from the prior.
/// * `simulate(truth, rng)`: data given the true values.
/// * `build(data)`: the model conditioned on that data (its constructor).
///
/// Fails on an empty `names`, fewer than two replicates, a truth of the wrong length,
/// a name the model does not have, or any fit's error.
///
/// ```
/// use sbc::recover::{RecoverSettings, Truth, simulate_and_recover};
/// use sampler::{Model, Settings};
/// use sampler::rng::std_normal;
///
/// /// y_i ~ Normal(mu, 1), mu ~ Normal(0, 10), written by hand.
/// struct Mean { y: Vec<f64> }
/// impl Model for Mean {
///     fn dim(&self) -> usize { 1 }
///     fn param_names(&self) -> Vec<String> { vec!["mu".into()] }
///     fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 {
///         let mu = x[0];
///         g[0] = -mu / 100.0 + self.y.iter().map(|y| y - mu).sum::<f64>();
///         -0.005 * mu * mu - 0.5 * self.y.iter().map(|y| (y - mu).powi(2)).sum::<f64>()
///     }
///     fn constrain(&self, x: &[f64], out: &mut Vec<f64>) { out.push(x[0]); }
/// }
///
/// let settings = RecoverSettings {
///     replicates: 20,
///     sampler: Settings { num_warmup: 200, num_draws: 200, seed: 3, ..Settings::default() },
/// };
/// let recovery = simulate_and_recover(
///     &["mu"],
///     &Truth::Fixed(vec![2.0]),
///     |t: &[f64], rng: &mut _| (0..10).map(|_| t[0] + std_normal(rng)).collect::<Vec<_>>(),
///     |y| Ok(Mean { y }),
///     &settings,
/// )
/// .unwrap();
/// assert_eq!(recovery.quantiles(0).len(), 20);
/// assert!(recovery.flagged(0.001).is_empty());
/// ```
pub fn simulate_and_recover<D, M, S, B>(
    names: &[&str],
    truth: &Truth<'_>,
    simulate: S,
    build: B,
    settings: &RecoverSettings,
) -> Result<Recovery, SamplerError>
where
    M: Model,
    S: Fn(&[f64], &mut ChaCha8Rng) -> D + Sync,
    B: Fn(D) -> Result<M, SamplerError> + Sync,
{
    if names.is_empty() {
        return Err(SamplerError::InvalidSettings(
            "simulate and recover: track at least one parameter".into(),
        ));
    }
    if settings.replicates < 2 {
        return Err(SamplerError::InvalidSettings(format!(
            "simulate and recover: at least 2 replicates, got {}",
            settings.replicates
        )));
    }
    let replicates = (0..settings.replicates)
        .into_par_iter()
        .map(|r| {
            let mut rng = chain_rng(settings.sampler.seed, r as u32, u32::MAX);
            let truth = match truth {
                Truth::Fixed(values) => values.clone(),
                Truth::Prior(draw) => draw(&mut rng),
            };
            if truth.len() != names.len() {
                return Err(SamplerError::Model(format!(
                    "simulate and recover: {} true values for {} tracked names ({})",
                    truth.len(),
                    names.len(),
                    names.join(", ")
                )));
            }
            let model = build(simulate(&truth, &mut rng))?;
            one_replicate(&model, names, truth, &settings.sampler, r as u32)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Recovery {
        names: names.iter().map(|n| n.to_string()).collect(),
        from_prior: matches!(truth, Truth::Prior(_)),
        replicates,
    })
}

fn one_replicate<M: Model>(
    model: &M,
    names: &[&str],
    truth: Vec<f64>,
    settings: &Settings,
    r: u32,
) -> Result<Replicate, SamplerError> {
    let fit = fit_replication(model, settings, r)?;
    let mut rep = Replicate {
        truth,
        quantile: Vec::new(),
        mean: Vec::new(),
        sd: Vec::new(),
        divergent: fit.num_divergent(),
    };
    for (name, &t) in names.iter().zip(&rep.truth) {
        let index = fit.param_index(name).ok_or_else(|| {
            SamplerError::Model(format!(
                "simulate and recover: the model has no parameter `{name}` (it has {})",
                fit.param_names.join(", ")
            ))
        })?;
        let draws = fit.pooled(index);
        let n = draws.len() as f64;
        let mean = draws.iter().sum::<f64>() / n;
        let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1.0);
        rep.quantile.push(draws.iter().filter(|&&d| d < t).count() as f64 / n);
        rep.mean.push(mean);
        rep.sd.push(var.sqrt());
    }
    Ok(rep)
}
