//! Correlated varying effects: intercepts and slopes that move together.
//!
//! Forty groups of fifteen observations were simulated from a line per group,
//! `y_i ~ Normal(beta_0[j] + beta_1[j] x_i, sigma)`, whose intercept and slope
//! come from one two-dimensional normal population with correlation
//! [`TRUTH`]`.rho`. You write the model of the High School and Beyond chapter's
//! last section with the model layer, fit it, and recover that correlation.
//!
//! The model, non-centred:
//!
//! ```text
//! mu.1, mu.2     ~ Normal(0, 10)            (mean intercept, mean slope)
//! tau.1, tau.2   ~ half-Cauchy(0, 5)        (their standard deviations)
//! L              ~ LKJ(2)                   (Cholesky factor of the 2 × 2 correlation)
//! z_0[j], z_1[j] ~ Normal(0, 1)
//! (beta_0[j], beta_1[j]) = mu + diag(tau) · L · (z_0[j], z_1[j])
//! sigma          ~ half-Cauchy(0, 5)
//! ```
//!
//! `L` is lower-triangular, `K²` values row by row: `L[i][j]` is `l[i * 2 + j]`.
//! The correlation is `rho = L[1][0]`.
//!
//! Check your work with `cargo xtask exercise correlated_effects`.

use models::correlated_slopes::{LKJ_ETA, Population, simulate};
use models::grouped_regression::GroupedRows;
use models::layer::{Declaration, Declared, Density, Generated, Number, Params, Target};
use models::layer::{GenScalar, Matrix, Scalar, Support, Vector};
use models::lpdf::{half_cauchy, lkj_corr_cholesky, normal};
use models::regression_priors::{COEF_PRIOR_SD, SCALE_PRIOR};
use sampler::{Fit, Settings};

/// The population the data were drawn from.
pub const TRUTH: Population =
    Population { mu: [10.0, 2.0], tau: [2.0, 1.0], rho: -0.6, sigma: 2.0 };
/// Number of groups.
pub const GROUPS: usize = 40;
/// Observations per group.
pub const PER_GROUP: usize = 15;
/// Seed of the simulation.
pub const DATA_SEED: u64 = 19;

/// The simulated data (given).
pub fn data() -> GroupedRows {
    simulate(&TRUTH, GROUPS, PER_GROUP, DATA_SEED).expect("the simulation's settings are valid")
}

/// The model: the data and the handles of its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Correlated {
    /// The observations, grouped (`data.ranges[j]` indexes group `j` in `data.x`, `data.y`).
    pub data: GroupedRows,
    /// Mean intercept and mean slope.
    pub mu: Vector,
    /// Their standard deviations.
    pub tau: Vector,
    /// Cholesky factor of the correlation matrix.
    pub l: Matrix,
    /// Standardised intercept effects, one per group.
    pub z_0: Vector,
    /// Standardised slope effects, one per group.
    pub z_1: Vector,
    /// Residual standard deviation.
    pub sigma: Scalar,
    /// The correlation, reported with every draw.
    pub rho: GenScalar,
}

/// (a) Declare, in this order and with these names: `mu` (2 reals), `tau` (2
/// positive values), `L` (a 2 × 2 Cholesky factor of a correlation matrix),
/// `z_0` and `z_1` (one real per group each), `sigma` (positive), and the
/// generated `rho`.
pub fn declare(data: GroupedRows) -> sampler::Result<Declared<Correlated>> {
    let j = data.num_groups();
    let mut p = Declaration::new();
    let mu = p.vector("mu", 2, Support::Real);
    let tau = p.vector("tau", 2, Support::Positive);
    let l = p.cholesky_corr("L", 2);
    let z_0 = p.vector("z_0", j, Support::Real);
    let z_1 = p.vector("z_1", j, Support::Real);
    let sigma = p.positive("sigma");
    let rho = p.generated("rho");
    let model = Correlated { data, mu, tau, l, z_0, z_1, sigma, rho };
    Declared::new(p, model)
}

impl Density for Correlated {
    /// (b) The priors (with [`COEF_PRIOR_SD`], [`SCALE_PRIOR`] and [`LKJ_ETA`]),
    /// each group's `z` prior, and every observation's likelihood.
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, tau, l, sigma) = (&p[self.mu], &p[self.tau], &p[self.l], p[self.sigma]);
        let mut target = Target::new();
        for k in 0..2 {
            target += normal(mu[k], 0.0, COEF_PRIOR_SD);
            target += half_cauchy(tau[k], SCALE_PRIOR);
        }
        target += lkj_corr_cholesky(l, LKJ_ETA);
        target += half_cauchy(sigma, SCALE_PRIOR);
        let d = &self.data;
        for (j, rows) in d.ranges.iter().enumerate() {
            let z = [p[self.z_0][j], p[self.z_1][j]];
            target += normal(z[0], 0.0, 1.0);
            target += normal(z[1], 0.0, 1.0);
            // (L z)_k = Σ_m L[k][m] z_m over the lower triangle, then scaled and shifted.
            let beta: Vec<T> = (0..2)
                .map(|k| {
                    let lz = (0..=k).fold(T::from(0.0), |acc, m| acc + l[k * 2 + m] * z[m]);
                    mu[k] + tau[k] * lz
                })
                .collect();
            for i in rows.clone() {
                target += normal(d.y[i], beta[0] + beta[1] * d.x[i], sigma);
            }
        }
        target.value()
    }

    /// (c) Writes the correlation `rho` into `out[self.rho]`.
    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        out[self.rho] = p[self.l][2];
    }
}

/// (d) Fit your model to [`data`] with `sampler::fit` and the given `settings`.
pub fn fit_correlated(settings: &Settings) -> sampler::Result<Fit> {
    sampler::fit(&declare(data())?, settings)
}

#[cfg(test)]
#[path = "../../exercises/checks/correlated_effects.rs"]
mod checks;
