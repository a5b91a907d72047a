//! Gaussian targets with known answers, for validating the sampler.

use sampler::Model;

/// A multivariate normal `Normal(mean, Σ)` given by its precision matrix `Σ⁻¹`
/// (dense, row-major). Its moments are known exactly, so it tests whether a
/// sampler recovers means, variances and correlations.
///
/// The gradient is written by hand for speed: the benchmark samples it at d = 100,
/// where forward mode would cost a hundred evaluations per gradient. It is checked
/// against the same density declared with the layer (`tests/hand_gradients.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Gaussian {
    /// Mean vector.
    pub mean: Vec<f64>,
    /// Precision matrix, row-major `d × d`.
    pub precision: Vec<f64>,
}

impl Gaussian {
    /// Independent coordinates with the given means and standard deviations.
    pub fn diagonal(mean: Vec<f64>, sd: &[f64]) -> Self {
        let d = mean.len();
        let mut precision = vec![0.0; d * d];
        for i in 0..d {
            precision[i * d + i] = 1.0 / (sd[i] * sd[i]);
        }
        Self { mean, precision }
    }

    /// A 2-D normal with standard deviations `sd` and correlation `rho`.
    pub fn bivariate(mean: [f64; 2], sd: [f64; 2], rho: f64) -> Self {
        let det = sd[0] * sd[0] * sd[1] * sd[1] * (1.0 - rho * rho);
        let precision = vec![
            sd[1] * sd[1] / det,
            -rho * sd[0] * sd[1] / det,
            -rho * sd[0] * sd[1] / det,
            sd[0] * sd[0] / det,
        ];
        Self { mean: mean.to_vec(), precision }
    }
}

impl Model for Gaussian {
    fn dim(&self) -> usize {
        self.mean.len()
    }

    fn param_names(&self) -> Vec<String> {
        (1..=self.dim()).map(|i| format!("x.{i}")).collect()
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let d = self.dim();
        let dev: Vec<f64> = x.iter().zip(&self.mean).map(|(a, m)| a - m).collect();
        let mut lp = 0.0;
        for i in 0..d {
            let row = &self.precision[i * d..(i + 1) * d];
            let pd = dot(row, &dev);
            grad[i] = -pd;
            lp -= 0.5 * dev[i] * pd;
        }
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

/// `Σ aᵢ bᵢ` summed in four interleaved lanes, so the additions do not wait
/// on one another and the compiler can use SIMD instructions.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            lanes[k] += x[k] * y[k];
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_dot_product_matches_the_plain_sum() {
        for n in 0..11 {
            let a: Vec<f64> = (0..n).map(|i| 0.5 + i as f64).collect();
            let b: Vec<f64> = (0..n).map(|i| 1.0 - 0.25 * i as f64).collect();
            let plain: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            assert!((dot(&a, &b) - plain).abs() < 1e-12, "n = {n}");
        }
    }
}
