//! Partial pooling with correlated intercepts and slopes: each school's pair
//! `(beta_0[j], beta_1[j])` is drawn from a two-dimensional normal population whose
//! correlation is learned, non-centred, with a hand-written gradient.
//!
//! For observation `i` in group `j`:
//!
//! ```text
//! y_i                  ~ Normal(beta_0[j] + beta_1[j] x_i, sigma)
//! (beta_0[j], beta_1[j]) = mu + diag(tau) L z_j,   z_j ~ Normal(0, I₂)
//! mu_beta_0, mu_beta_1   ~ Normal(0, 10)
//! tau_beta_0, tau_beta_1 ~ half-Cauchy(0, 5)
//! L                      ~ LKJ(2)   (the Cholesky factor of the 2 × 2 correlation)
//! sigma                  ~ half-Cauchy(0, 5)
//! ```
//!
//! With `rho` the correlation, `L = [[1, 0], [rho, √(1 − rho²)]]`, so
//! `beta_0[j] = mu_0 + tau_0 z_0[j]` and
//! `beta_1[j] = mu_1 + tau_1 (rho z_0[j] + √(1 − rho²) z_1[j])`. The priors other than
//! the LKJ are those of [`crate::varying_slopes`], so the two models differ only in the
//! correlation. LKJ(2) puts the density `¾ (1 − rho²)` on the correlation: centred on
//! zero, falling to zero at ±1, where the population of lines would collapse onto a
//! single line of intercept against slope; 160 schools easily override it.
//!
//! Unconstrained parameters, `5 + 2J + 1`: `mu_beta_0`, `mu_beta_1`,
//! `log tau_beta_0`, `log tau_beta_1`, `w = atanh rho` (Stan's transform for K = 2),
//! `J` values `z_0`, `J` values `z_1`, `log sigma`, the order of the declared twin
//! [`crate::hsb::declared_correlated::CorrelatedRegression`]. Constrained values:
//! `mu_beta_0`, `mu_beta_1`, `tau_beta_0`, `tau_beta_1`, `rho`, `beta_0.1…J`,
//! `beta_1.1…J`, `sigma`.
//!
//! References: Lewandowski, Kurowicka & Joe (2009), *Journal of Multivariate Analysis*
//! 100(9) (the LKJ density); Stan Development Team, *Stan User's Guide* (2.36),
//! "Multivariate priors for hierarchical models"; Gelman & Hill (2007), ch. 13.

use crate::grouped_regression::GroupedRows;
use crate::regression_priors::{COEF_PRIOR_SD, SCALE_PRIOR, half_cauchy_log, normal};
use sampler::Model;

/// The LKJ shape of the correlation's prior.
pub const LKJ_ETA: f64 = 2.0;

/// The prior density of the correlation of a 2 × 2 LKJ(η) matrix:
/// `(1 − r²)^(η − 1) / (2^(2η − 1) B(η, η))` (so `¾ (1 − r²)` at η = 2).
pub fn rho_prior_density(r: f64, eta: f64) -> f64 {
    use statrs::function::beta::ln_beta;
    ((eta - 1.0) * (1.0 - r * r).ln() - (2.0 * eta - 1.0) * 2f64.ln() - ln_beta(eta, eta)).exp()
}

/// The prior's `p` quantile: in 2 × 2, the LKJ(η) correlation is `2B − 1` with
/// `B ~ Beta(η, η)`. NaN unless `η > 0`.
pub fn rho_prior_quantile(p: f64, eta: f64) -> f64 {
    use statrs::distribution::{Beta, ContinuousCDF};
    Beta::new(eta, eta).map_or(f64::NAN, |beta| 2.0 * beta.inverse_cdf(p) - 1.0)
}

/// The prior's standard deviation, `√(1 / (2η + 1))` (its mean is 0).
pub fn rho_prior_sd(eta: f64) -> f64 {
    (1.0 / (2.0 * eta + 1.0)).sqrt()
}

/// Index of `w = atanh rho`, and of the first group value.
const W: usize = 4;
const GROUPS: usize = 5;

/// The correlated varying-intercepts-and-slopes regression, non-centred.
///
/// The gradient is written by hand for the same reason as
/// [`crate::varying_slopes::VaryingSlopes`]'s (326 coordinates, 7185 students) and is
/// checked against its declared twin on six schools at 1000 random points
/// (`tests/hsb.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct CorrelatedSlopes {
    /// The observations.
    pub data: GroupedRows,
}

impl CorrelatedSlopes {
    /// Number of free coordinates for `j` groups.
    pub fn dim_for(j: usize) -> usize {
        GROUPS + 2 * j + 1
    }
}

/// The correlation's terms in `w = atanh rho`: the LKJ(η) density
/// `(η − 1) ln(1 − rho²)` plus the log-Jacobian `ln(1 − rho²)` of `rho = tanh w`,
/// constants dropped. Returns `(rho, lp, d lp / dw)`, with `d/dw = −2 η rho`.
fn correlation_prior(w: f64) -> (f64, f64, f64) {
    let rho = w.tanh();
    let a = w.abs();
    // ln(1 − tanh² w), without cancellation for large |w|.
    let log_1m_rho2 = 2.0 * (std::f64::consts::LN_2 - a - (-2.0 * a).exp().ln_1p());
    (rho, LKJ_ETA * log_1m_rho2, -2.0 * LKJ_ETA * rho)
}

impl Model for CorrelatedSlopes {
    fn dim(&self) -> usize {
        Self::dim_for(self.data.num_groups())
    }

    fn param_names(&self) -> Vec<String> {
        let j = self.data.num_groups();
        let mut names: Vec<String> =
            ["mu_beta_0", "mu_beta_1", "tau_beta_0", "tau_beta_1"].map(String::from).to_vec();
        names.push("rho".into());
        names.extend((1..=j).map(|k| format!("beta_0.{k}")));
        names.extend((1..=j).map(|k| format!("beta_1.{k}")));
        names.push("sigma".into());
        names
    }

    /// With each school's `g_0 = Σr / σ²` and `g_1 = Σ r x / σ²` (the likelihood's
    /// derivatives in `beta_0[j]` and `beta_1[j]`) and `s = √(1 − rho²)`, the chain
    /// rule through `beta = mu + diag(tau) L z` gives
    /// `∂/∂z_0[j] = −z_0[j] + tau_0 g_0 + tau_1 rho g_1`,
    /// `∂/∂z_1[j] = −z_1[j] + tau_1 s g_1`, `∂/∂mu_k = Σ_j g_k`,
    /// `∂/∂log tau_0 = Σ_j tau_0 z_0[j] g_0`,
    /// `∂/∂log tau_1 = Σ_j tau_1 (rho z_0[j] + s z_1[j]) g_1`, and, since
    /// `d rho / dw = s²`, `∂/∂w = −2η rho + Σ_j tau_1 (s² z_0[j] − rho s z_1[j]) g_1`.
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let j_n = self.data.num_groups();
        let last = self.dim() - 1;
        let (lp_m0, d_m0) = normal(x[0], COEF_PRIOR_SD);
        let (lp_m1, d_m1) = normal(x[1], COEF_PRIOR_SD);
        let (t0, lp_t0, d_t0) = half_cauchy_log(x[2], SCALE_PRIOR);
        let (t1, lp_t1, d_t1) = half_cauchy_log(x[3], SCALE_PRIOR);
        let (rho, lp_rho, d_w) = correlation_prior(x[W]);
        let (_, lp_s, d_s) = half_cauchy_log(x[last], SCALE_PRIOR);
        let s = (1.0 - rho * rho).sqrt();
        let inv_s2 = (-2.0 * x[last]).exp();
        let (mu0, mu1) = (x[0], x[1]);
        let mut lp = lp_m0 + lp_m1 + lp_t0 + lp_t1 + lp_rho + lp_s;
        let mut d = [d_m0, d_m1, d_t0, d_t1, d_w];
        let mut rr = 0.0;
        // ANCHOR: gradient
        for j in 0..j_n {
            let (z0, z1) = (x[GROUPS + j], x[GROUPS + j_n + j]);
            let u1 = rho * z0 + s * z1;
            let sums = self.data.group_sums(j, mu0 + t0 * z0, mu1 + t1 * u1);
            let (g0, g1) = (sums.r * inv_s2, sums.rx * inv_s2);
            lp -= 0.5 * (z0 * z0 + z1 * z1);
            d[0] += g0;
            d[1] += g1;
            d[2] += t0 * z0 * g0;
            d[3] += t1 * u1 * g1;
            d[4] += t1 * (s * s * z0 - rho * s * z1) * g1;
            grad[GROUPS + j] = -z0 + t0 * g0 + t1 * rho * g1;
            grad[GROUPS + j_n + j] = -z1 + t1 * s * g1;
            rr += sums.rr;
        }
        // ANCHOR_END: gradient
        grad[..GROUPS].copy_from_slice(&d);
        // The likelihood's sigma terms: −N log σ − Σr² / (2σ²).
        let n = self.data.len() as f64;
        grad[last] = d_s - n + rr * inv_s2;
        lp - n * x[last] - 0.5 * rr * inv_s2
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let j = self.data.num_groups();
        let (mu0, mu1, t0, t1, rho) = (x[0], x[1], x[2].exp(), x[3].exp(), x[W].tanh());
        let s = (1.0 - rho * rho).sqrt();
        out.extend_from_slice(&[mu0, mu1, t0, t1, rho]);
        let (z0, z1) = x[GROUPS..GROUPS + 2 * j].split_at(j);
        out.extend(z0.iter().map(|z| mu0 + t0 * z));
        out.extend(z0.iter().zip(z1).map(|(a, b)| mu1 + t1 * (rho * a + s * b)));
        out.push(x[self.dim() - 1].exp());
    }
}

/// The population of a simulated data set for the correlated model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Population {
    /// Mean intercept and mean slope.
    pub mu: [f64; 2],
    /// Standard deviations of the intercepts and of the slopes.
    pub tau: [f64; 2],
    /// Correlation of a group's intercept and slope.
    pub rho: f64,
    /// Residual standard deviation.
    pub sigma: f64,
}

/// A data set drawn from the correlated model: `groups` groups of `per_group`
/// observations, `x ~ Normal(0, 1)`, each group's line from `population`, from
/// ChaCha8 stream 0 of `seed`. An error for an empty design, a `rho` outside
/// `(−1, 1)` or a scale that is not positive.
///
/// ```
/// use models::correlated_slopes::{Population, simulate};
/// let pop = Population { mu: [10.0, 2.0], tau: [2.0, 1.0], rho: -0.5, sigma: 1.0 };
/// let d = simulate(&pop, 5, 4, 1).unwrap();
/// assert_eq!((d.num_groups(), d.len()), (5, 20));
/// assert!(simulate(&Population { rho: 1.0, ..pop }, 5, 4, 1).is_err());
/// ```
pub fn simulate(
    population: &Population,
    groups: usize,
    per_group: usize,
    seed: u64,
) -> Result<GroupedRows, String> {
    let p = population;
    let scales_ok = p.tau.iter().chain([&p.sigma]).all(|&s| s > 0.0 && s.is_finite());
    let rho_ok = p.rho.abs() < 1.0;
    if groups == 0 || per_group == 0 || !rho_ok || !scales_ok {
        return Err(format!("cannot simulate {groups} groups of {per_group} from {population:?}"));
    }
    let mut rng = sampler::rng::chain_rng(seed, 0, 0);
    let mut normal = || sampler::rng::std_normal(&mut rng);
    let s = (1.0 - p.rho * p.rho).sqrt();
    let (mut group, mut x, mut y) = (Vec::new(), Vec::new(), Vec::new());
    for j in 0..groups {
        let (z0, z1) = (normal(), normal());
        let b0 = p.mu[0] + p.tau[0] * z0;
        let b1 = p.mu[1] + p.tau[1] * (p.rho * z0 + s * z1);
        for _ in 0..per_group {
            let xi = normal();
            group.push(j);
            x.push(xi);
            y.push(b0 + b1 * xi + p.sigma * normal());
        }
    }
    GroupedRows::new(&group, &x, &y, groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rho_prior_density_integrates_to_one_and_matches_eta_two() {
        let n = 20_000;
        let h = 2.0 / n as f64;
        let total: f64 =
            (0..n).map(|i| rho_prior_density(-1.0 + (i as f64 + 0.5) * h, 3.5) * h).sum();
        assert!((total - 1.0).abs() < 1e-6, "{total}");
        // η = 2: ¾ (1 − r²).
        assert!((rho_prior_density(0.4, 2.0) - 0.75 * 0.84).abs() < 1e-14);
        // η = 1 is uniform on (−1, 1): sd 1/√3, quartiles ±½.
        assert!((rho_prior_sd(1.0) - (1.0f64 / 3.0).sqrt()).abs() < 1e-15);
        assert!((rho_prior_quantile(0.75, 1.0) - 0.5).abs() < 1e-9);
    }
}
