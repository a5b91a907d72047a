//! The Beta distribution in mean / "sample size" form: shapes, log densities
//! with their partial derivatives, and portable random draws.
//!
//! With mean `mu` in (0, 1) and sample size `nu > 0` the shapes are
//! `a = mu·nu`, `b = (1 − mu)·nu`; the variance is `mu(1 − mu)/(nu + 1)`.
//! Derivatives of `ln Γ` are digamma functions, taken from `statrs`
//! (Bernardo (1976), "Algorithm AS 103: Psi (digamma) function", Applied
//! Statistics 25(3)).

use rand::Rng;
use sampler::rng::{std_normal, uniform, uniform_open0};
use statrs::function::gamma::{digamma, ln_gamma};

/// Shapes `(a, b) = (mu·nu, (1 − mu)·nu)` of a Beta with mean `mu` and sample size `nu`.
pub fn shapes(mu: f64, nu: f64) -> (f64, f64) {
    (mu * nu, (1.0 - mu) * nu)
}

/// Variance `mu(1 − mu)/(nu + 1)` of a Beta with mean `mu` and sample size `nu`.
pub fn variance(mu: f64, nu: f64) -> f64 {
    mu * (1.0 - mu) / (nu + 1.0)
}

/// Log density of `Beta(a, b)` at `x` in (0, 1) (normalised).
pub fn ln_pdf(x: f64, a: f64, b: f64) -> f64 {
    ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + (a - 1.0) * x.ln() + (b - 1.0) * (-x).ln_1p()
}

/// A log density value with its partial derivatives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partials {
    /// The log density.
    pub lp: f64,
    /// Derivative with respect to the first argument.
    pub d1: f64,
    /// Derivative with respect to the second argument.
    pub d2: f64,
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
}

// ANCHOR: beta_loglik
/// Log likelihood of observations summarised by `s` under `Beta(mu·nu, (1 − mu)·nu)`,
/// with its derivatives in `mu` (`d1`) and `nu` (`d2`).
///
/// With `a = mu·nu`, `b = (1 − mu)·nu` and digamma `ψ`:
/// `∂/∂a = n(ψ(nu) − ψ(a)) + Σ ln x`, `∂/∂b = n(ψ(nu) − ψ(b)) + Σ ln(1 − x)`,
/// then the chain rule: `∂/∂mu = nu(∂/∂a − ∂/∂b)`, `∂/∂nu = mu ∂/∂a + (1 − mu) ∂/∂b`.
pub fn loglik_mean_size(mu: f64, nu: f64, s: &BetaStats) -> Partials {
    let (a, b) = shapes(mu, nu);
    let lp = s.n * (ln_gamma(nu) - ln_gamma(a) - ln_gamma(b))
        + (a - 1.0) * s.sum_ln
        + (b - 1.0) * s.sum_ln1m;
    let psi_nu = digamma(nu);
    let da = s.n * (psi_nu - digamma(a)) + s.sum_ln;
    let db = s.n * (psi_nu - digamma(b)) + s.sum_ln1m;
    Partials {
        lp,
        d1: nu * (da - db),
        d2: mu * da + (1.0 - mu) * db,
    }
}
// ANCHOR_END: beta_loglik

/// `ln Beta(x | a, b)` as a prior on a parameter `x`, with the derivative in
/// `x` and the partials in `a` and `b`: returns `(lp, ∂/∂x, ∂/∂a, ∂/∂b)`.
pub fn prior_on_unit(x: f64, a: f64, b: f64) -> (f64, f64, f64, f64) {
    let (ln_x, ln_1mx) = (x.ln(), (-x).ln_1p());
    let lp = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + (a - 1.0) * ln_x + (b - 1.0) * ln_1mx;
    let psi_ab = digamma(a + b);
    (
        lp,
        (a - 1.0) / x - (b - 1.0) / (1.0 - x),
        psi_ab - digamma(a) + ln_x,
        psi_ab - digamma(b) + ln_1mx,
    )
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
    fn loglik_matches_the_sum_of_log_densities_and_its_derivatives() {
        let xs = [0.3, 0.81, 0.66, 0.95, 0.5];
        let s = BetaStats::of(&xs);
        let (mu, nu) = (0.7, 12.0);
        let (a, b) = shapes(mu, nu);
        let direct: f64 = xs.iter().map(|&x| ln_pdf(x, a, b)).sum();
        let p = loglik_mean_size(mu, nu, &s);
        assert!((p.lp - direct).abs() < 1e-10);
        let h = 1e-6;
        let dmu =
            (loglik_mean_size(mu + h, nu, &s).lp - loglik_mean_size(mu - h, nu, &s).lp) / (2.0 * h);
        let dnu =
            (loglik_mean_size(mu, nu + h, &s).lp - loglik_mean_size(mu, nu - h, &s).lp) / (2.0 * h);
        assert!((p.d1 - dmu).abs() < 1e-5, "{} vs {dmu}", p.d1);
        assert!((p.d2 - dnu).abs() < 1e-5, "{} vs {dnu}", p.d2);
    }

    #[test]
    fn prior_on_unit_derivatives() {
        let (x, a, b) = (0.62, 3.1, 1.4);
        let (lp, dx, da, db) = prior_on_unit(x, a, b);
        assert!((lp - ln_pdf(x, a, b)).abs() < 1e-12);
        let h = 1e-6;
        let num = |f: &dyn Fn(f64) -> f64, v: f64| (f(v + h) - f(v - h)) / (2.0 * h);
        assert!((dx - num(&|v| ln_pdf(v, a, b), x)).abs() < 1e-5);
        assert!((da - num(&|v| ln_pdf(x, v, b), a)).abs() < 1e-5);
        assert!((db - num(&|v| ln_pdf(x, a, v), b)).abs() < 1e-5);
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
            assert!(
                (v / variance(mu, nu) - 1.0).abs() < 0.05,
                "Beta({a}, {b}) var {v}"
            );
        }
    }
}
