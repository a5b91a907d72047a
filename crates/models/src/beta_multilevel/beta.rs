//! The Beta distribution in mean / "sample size" form: shapes, the log likelihood
//! of many observations from their sufficient statistics, and portable random draws.
//!
//! With mean `mu` in (0, 1) and sample size `nu > 0` the shapes are
//! `a = mu·nu`, `b = (1 − mu)·nu`; the variance is `mu(1 − mu)/(nu + 1)`.

use crate::layer::Number;
use crate::layer::special::ln_gamma;
use rand::Rng;
use sampler::rng::{std_normal, uniform, uniform_open0};

/// Shapes `(a, b) = (mu·nu, (1 − mu)·nu)` of a Beta with mean `mu` and sample size `nu`.
pub fn shapes(mu: f64, nu: f64) -> (f64, f64) {
    (mu * nu, (1.0 - mu) * nu)
}

/// Variance `mu(1 − mu)/(nu + 1)` of a Beta with mean `mu` and sample size `nu`.
pub fn variance(mu: f64, nu: f64) -> f64 {
    mu * (1.0 - mu) / (nu + 1.0)
}

/// What a Beta likelihood needs from observations in (0, 1): their number,
/// `Σ ln x` and `Σ ln(1 − x)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BetaStats {
    /// Number of observations.
    pub n: f64,
    /// Sum of `ln x`.
    pub sum_ln: f64,
    /// Sum of `ln(1 − x)`.
    pub sum_ln1m: f64,
}

impl BetaStats {
    /// Sufficient statistics of `values` (each must lie strictly inside (0, 1)).
    pub fn of(values: &[f64]) -> Self {
        Self {
            n: values.len() as f64,
            sum_ln: values.iter().map(|x| x.ln()).sum(),
            sum_ln1m: values.iter().map(|x| (-x).ln_1p()).sum(),
        }
    }

    // ANCHOR: beta_loglik
    /// Log likelihood of the observations under `Beta(mu·nu, (1 − mu)·nu)`: the sum
    /// of [`crate::lpdf::beta_mean_size`] over them, from the sufficient statistics
    /// (three log-gamma calls however many observations), for any number type.
    pub fn log_lik<T: Number>(&self, mu: T, nu: T) -> T {
        let (a, b) = (mu * nu, (-mu + 1.0) * nu);
        (ln_gamma(nu) - ln_gamma(a) - ln_gamma(b)) * self.n
            + (a - 1.0) * self.sum_ln
            + (b - 1.0) * self.sum_ln1m
    }
    // ANCHOR_END: beta_loglik
}

/// A `Gamma(shape, 1)` draw by Marsaglia & Tsang (2000), "A simple method for
/// generating gamma variables", ACM TOMS 26(3); shapes below 1 use their
/// boosting step `Gamma(k) = Gamma(k + 1)·U^{1/k}`.
pub fn gamma_draw<R: Rng + ?Sized>(rng: &mut R, shape: f64) -> f64 {
    if shape < 1.0 {
        let boost = uniform_open0(rng).powf(1.0 / shape);
        return gamma_draw(rng, shape + 1.0) * boost;
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let z = std_normal(rng);
        let v = 1.0 + c * z;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = uniform(rng);
        if u < 1.0 - 0.0331 * z.powi(4) || u.ln() < 0.5 * z * z + d * (1.0 - v + v.ln()) {
            return d * v;
        }
    }
}

/// A `Beta(a, b)` draw as `X / (X + Y)` with `X ~ Gamma(a)`, `Y ~ Gamma(b)`,
/// nudged inside (0, 1) so its logarithms stay finite.
pub fn beta_draw<R: Rng + ?Sized>(rng: &mut R, a: f64, b: f64) -> f64 {
    let x = gamma_draw(rng, a);
    let y = gamma_draw(rng, b);
    (x / (x + y)).clamp(1e-12, 1.0 - 1e-12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lik_is_the_sum_of_the_observations_log_densities() {
        let xs = [0.3, 0.81, 0.66, 0.95, 0.5];
        let s = BetaStats::of(&xs);
        for (mu, nu) in [(0.7, 12.0), (0.2, 0.8), (0.95, 150.0)] {
            let direct: f64 =
                xs.iter().map(|&x| crate::lpdf::beta_mean_size::<f64>(x, mu, nu)).sum();
            let lp: f64 = s.log_lik(mu, nu);
            assert!((lp - direct).abs() < 1e-10 * (1.0 + direct.abs()), "{lp} {direct}");
        }
    }

    #[test]
    fn draws_have_the_right_mean_and_variance() {
        let mut rng = sampler::rng::chain_rng(5, 0, 0);
        for (a, b) in [(7.5, 2.5), (0.6, 0.9), (37.5, 12.5)] {
            let n = 40_000;
            let xs: Vec<f64> = (0..n).map(|_| beta_draw(&mut rng, a, b)).collect();
            let m = xs.iter().sum::<f64>() / n as f64;
            let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1) as f64;
            let (mu, nu) = (a / (a + b), a + b);
            let se = (variance(mu, nu) / n as f64).sqrt();
            assert!((m - mu).abs() < 5.0 * se, "Beta({a}, {b}) mean {m}");
            assert!((v / variance(mu, nu) - 1.0).abs() < 0.05, "Beta({a}, {b}) var {v}");
        }
    }
}
