//! Exercise 5.8.4 — predicting a school we have not seen (solution).

use sampler::Fit;
use sampler::rng::{chain_rng, std_normal};

/// Column index of `name` in `fit`.
fn column(fit: &Fit, name: &str) -> usize {
    fit.param_index(name).unwrap_or_else(|| panic!("the fit has no column {name}"))
}

/// (a) A new school's effect, one per posterior draw of the Eight Schools
/// fit: `theta_new = mu + tau z` with `z ~ Normal(0, 1)`. Chain `c` draws its
/// `z` from `chain_rng(seed, 1, c)`; the result is pooled chain after chain.
pub fn new_school_effects(fit: &Fit, seed: u64) -> Vec<f64> {
    let (mu, tau) = (column(fit, "mu"), column(fit, "tau"));
    let mut out = Vec::with_capacity(fit.num_draws_total());
    for (c, chain) in fit.chains.iter().enumerate() {
        let mut rng = chain_rng(seed, 1, c as u32);
        for d in &chain.draws {
            out.push(d[mu] + d[tau] * std_normal(&mut rng));
        }
    }
    out
}

/// (b) The central `prob` interval of `draws`: its `(1 − prob)/2` and
/// `(1 + prob)/2` quantiles.
pub fn central_interval(draws: &[f64], prob: f64) -> (f64, f64) {
    let tail = 0.5 * (1.0 - prob);
    (diagnostics::quantile(draws, tail), diagnostics::quantile(draws, 1.0 - tail))
}

/// (b) How many times wider interval `a` is than interval `b`.
pub fn width_ratio(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.1 - a.0) / (b.1 - b.0)
}

/// (c) A new *private* school's effect (`x = 1`), one per posterior draw of
/// the covariate model (`models::eight_schools_covariate`, columns `mu`,
/// `beta`, `tau`): `theta_new = mu + beta + tau z`. Streams as in (a).
pub fn new_private_school_effects(fit: &Fit, seed: u64) -> Vec<f64> {
    let (mu, beta, tau) = (column(fit, "mu"), column(fit, "beta"), column(fit, "tau"));
    let mut out = Vec::with_capacity(fit.num_draws_total());
    for (c, chain) in fit.chains.iter().enumerate() {
        let mut rng = chain_rng(seed, 1, c as u32);
        for d in &chain.draws {
            out.push(d[mu] + d[beta] + d[tau] * std_normal(&mut rng));
        }
    }
    out
}

#[cfg(test)]
#[path = "../../exercises/checks/new_school.rs"]
mod checks;
