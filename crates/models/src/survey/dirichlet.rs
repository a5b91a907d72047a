//! Exact Gamma and Dirichlet draws, and the exact HDI of a Beta marginal.

use rand::Rng;
use sampler::rng::{std_normal, uniform, uniform_open0};
use statrs::distribution::{Beta, ContinuousCDF};

/// A `Gamma(shape, 1)` draw by Marsaglia & Tsang's squeeze method; for `shape < 1` the
/// draw for `shape + 1` is scaled by `U^(1/shape)`.
///
/// Written on the sampler's own uniforms and normals so the draws never change with a
/// dependency. Reference: Marsaglia & Tsang (2000), "A Simple Method for Generating
/// Gamma Variables", *ACM Transactions on Mathematical Software* 26(3).
pub fn draw_gamma<R: Rng + ?Sized>(rng: &mut R, shape: f64) -> f64 {
    if shape < 1.0 {
        let u = uniform_open0(rng);
        return draw_gamma(rng, shape + 1.0) * u.powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let z = std_normal(rng);
        let v = (1.0 + c * z).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u = uniform(rng);
        if u < 1.0 - 0.0331 * z.powi(4) || u.ln() < 0.5 * z * z + d * (1.0 - v + v.ln()) {
            return d * v;
        }
    }
}

/// A `Dirichlet(shape)` draw: independent `Gamma(shapeₖ, 1)` draws, normalised.
pub fn draw_dirichlet<R: Rng + ?Sized>(rng: &mut R, shape: &[f64]) -> Vec<f64> {
    let g: Vec<f64> = shape.iter().map(|&a| draw_gamma(rng, a)).collect();
    let total: f64 = g.iter().sum();
    g.into_iter().map(|v| v / total).collect()
}

/// The exact highest-density interval with mass `prob` of `Beta(a, b)`, `a, b ≥ 1`
/// (unimodal): the shortest `[Q(p), Q(p + prob)]`, found by golden-section search on
/// the lower tail mass p.
pub fn beta_hdi(a: f64, b: f64, prob: f64) -> (f64, f64) {
    let dist = Beta::new(a, b).expect("Beta shapes are positive");
    let width = |p: f64| dist.inverse_cdf(p + prob) - dist.inverse_cdf(p);
    let (mut lo, mut hi) = (0.0, 1.0 - prob);
    let g = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..200 {
        let (m1, m2) = (hi - g * (hi - lo), lo + g * (hi - lo));
        if width(m1) <= width(m2) {
            hi = m2;
        } else {
            lo = m1;
        }
    }
    let p = 0.5 * (lo + hi);
    (dist.inverse_cdf(p), dist.inverse_cdf(p + prob))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::rng::chain_rng;

    #[test]
    fn gamma_draws_have_the_right_mean_and_variance() {
        let mut rng = chain_rng(1, 0, 0);
        for shape in [0.3, 1.0, 4.5, 40.0] {
            let n = 200_000;
            let x: Vec<f64> = (0..n).map(|_| draw_gamma(&mut rng, shape)).collect();
            let m = x.iter().sum::<f64>() / n as f64;
            let v = x.iter().map(|t| (t - m).powi(2)).sum::<f64>() / n as f64;
            let se = (shape / n as f64).sqrt();
            assert!((m - shape).abs() < 5.0 * se, "shape {shape}: mean {m}");
            assert!((v / shape - 1.0).abs() < 0.05, "shape {shape}: var {v}");
        }
    }

    #[test]
    fn beta_hdi_has_the_mass_and_equal_density_ends() {
        let (a, b) = (10.0, 28.0);
        let (l, h) = beta_hdi(a, b, 0.89);
        let dist = Beta::new(a, b).unwrap();
        assert!((dist.cdf(h) - dist.cdf(l) - 0.89).abs() < 1e-9);
        let pdf = |x: f64| (a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln();
        assert!((pdf(l) - pdf(h)).abs() < 1e-5);
        // a = 1: the density falls from 0, so the HDI starts at 0.
        let (l, _) = beta_hdi(1.0, 30.0, 0.89);
        assert!(l < 1e-6);
    }
}
