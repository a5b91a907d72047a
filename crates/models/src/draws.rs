//! Exact draws from the distributions the models' simulators need, written on the
//! sampler's own uniforms and normals ([`sampler::rng`]) so the draws never change
//! with a dependency.
//!
//! Two Dirichlet draws live here on purpose: [`draw_dirichlet`] normalises Gamma
//! draws (the survey's exact `pi_r` draws), [`draw_dirichlet_log`] works on the log
//! scale for shapes far below 1 (the calibration's prior simulator); they consume the
//! random stream in a different order, so neither can replace the other without
//! changing the book's numbers. The two Poisson draws are kept for the same reason:
//! [`draw_poisson`] inverts the CDF (the calibration's hospitals),
//! [`draw_poisson_by_product`] multiplies uniforms (the pooling chapter's school sizes).

use rand::Rng;
use sampler::rng::{std_normal, uniform, uniform_open0};

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

/// A `Dirichlet(shape)` draw computed on the log scale, so that shapes far
/// below 1 (a small `alpha`) give tiny shares instead of `0/0`: for shape
/// `a < 1`, `ln Gamma(a) = ln Gamma(a + 1) + ln(U)/a`.
pub fn draw_dirichlet_log<R: Rng + ?Sized>(rng: &mut R, shape: &[f64]) -> Vec<f64> {
    let logs: Vec<f64> = shape
        .iter()
        .map(|&a| {
            if a < 1.0 {
                draw_gamma(rng, a + 1.0).ln() + uniform_open0(rng).ln() / a
            } else {
                draw_gamma(rng, a).ln()
            }
        })
        .collect();
    let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let w: Vec<f64> = logs.iter().map(|l| (l - top).exp()).collect();
    let total: f64 = w.iter().sum();
    w.into_iter().map(|v| v / total).collect()
}

/// `n` answers, each category `k` with probability `pi[k]`.
pub fn draw_multinomial<R: Rng + ?Sized>(rng: &mut R, n: u32, pi: &[f64]) -> Vec<u32> {
    let mut counts = vec![0u32; pi.len()];
    for _ in 0..n {
        let u = uniform(rng);
        let mut cdf = 0.0;
        let k = pi
            .iter()
            .position(|p| {
                cdf += p;
                u < cdf
            })
            .unwrap_or(pi.len() - 1);
        counts[k] += 1;
    }
    counts
}

/// A Poisson draw by inversion of the CDF (fine for the small means here).
pub fn draw_poisson<R: Rng + ?Sized>(rng: &mut R, mean: f64) -> f64 {
    let u = uniform(rng);
    let (mut k, mut p) = (0u32, (-mean).exp());
    let mut cdf = p;
    while u > cdf && k < 10_000 {
        k += 1;
        p *= mean / k as f64;
        cdf += p;
    }
    f64::from(k)
}

/// A Poisson draw by multiplying uniforms until the product falls below
/// `exp(−λ)`, as a count (fine for small means; the pooling chapter's school sizes).
/// It uses one uniform per unit of the result where [`draw_poisson`] uses one in
/// all, so the two give different draws from the same stream.
///
/// Reference: Knuth (1997), *The Art of Computer Programming*, vol. 2, §3.4.1.
pub fn draw_poisson_by_product<R: Rng + ?Sized>(rng: &mut R, lambda: f64) -> usize {
    let limit = (-lambda).exp();
    let mut product = uniform(rng);
    let mut k = 0;
    while product > limit {
        product *= uniform(rng);
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_has_the_right_mean_and_variance() {
        let mut rng = sampler::rng::chain_rng(1, 7, 0);
        let n = 20_000;
        let draws: Vec<f64> =
            (0..n).map(|_| draw_poisson_by_product(&mut rng, 25.0) as f64).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        // Standard error of the mean is 5 / sqrt(20000) ≈ 0.035.
        assert!((mean - 25.0).abs() < 0.15, "mean {mean}");
        assert!((var - 25.0).abs() < 1.5, "variance {var}");
    }
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
    fn poisson_draws_have_the_right_mean() {
        let mut rng = chain_rng(1, 0, 0);
        let n = 20_000;
        let mean = (0..n).map(|_| draw_poisson(&mut rng, 3.5)).sum::<f64>() / n as f64;
        // sd of the mean is sqrt(3.5 / 20000) ≈ 0.013.
        assert!((mean - 3.5).abs() < 0.06, "{mean}");
    }

    #[test]
    fn dirichlet_and_multinomial_draws_have_the_right_moments() {
        let mut rng = chain_rng(2, 0, 0);
        let n = 20_000;
        // Dirichlet(0.1, 0.3, 0.6): mean a/A, var a(A − a)/(A²(A + 1)), A = 1.
        let draws: Vec<Vec<f64>> =
            (0..n).map(|_| draw_dirichlet_log(&mut rng, &[0.1, 0.3, 0.6])).collect();
        for (k, a) in [0.1, 0.3, 0.6].into_iter().enumerate() {
            let m = draws.iter().map(|d| d[k]).sum::<f64>() / n as f64;
            let v = draws.iter().map(|d| (d[k] - m).powi(2)).sum::<f64>() / n as f64;
            let sd_of_mean = (a * (1.0 - a) / 2.0 / n as f64).sqrt();
            assert!((m - a).abs() < 5.0 * sd_of_mean, "{k}: mean {m}");
            assert!((v - a * (1.0 - a) / 2.0).abs() < 0.05 * a * (1.0 - a) / 2.0, "{k}: var {v}");
        }
        // Tiny shapes: shares are tiny but never NaN, and they add up to 1.
        let d = draw_dirichlet_log(&mut rng, &[1e-4, 1e-4, 1e-4, 1e-4]);
        assert!(d.iter().all(|x| x.is_finite()) && (d.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // Multinomial(100, (0.2, 0.5, 0.3)): mean counts 20, 50, 30.
        let mut sums = [0.0; 3];
        for _ in 0..2000 {
            let c = draw_multinomial(&mut rng, 100, &[0.2, 0.5, 0.3]);
            assert_eq!(c.iter().sum::<u32>(), 100);
            for k in 0..3 {
                sums[k] += f64::from(c[k]);
            }
        }
        // sd of the mean count: sqrt(100 · 0.5 · 0.5 / 2000) ≈ 0.11.
        for (s, want) in sums.iter().zip([20.0, 50.0, 30.0]) {
            assert!((s / 2000.0 - want).abs() < 0.6, "{s}");
        }
    }
}
