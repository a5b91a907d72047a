//! Estimating the diagonal inverse mass matrix from warmup draws.

/// Welford's running mean and variance of each coordinate.
///
/// Reference: Welford (1962), "Note on a method for calculating corrected
/// sums of squares and products", Technometrics 4(3).
#[derive(Debug, Clone, PartialEq)]
pub struct WelfordVariance {
    n: usize,
    mean: Vec<f64>,
    m2: Vec<f64>,
}

impl WelfordVariance {
    /// An empty estimator for `d` coordinates.
    pub fn new(d: usize) -> Self {
        Self { n: 0, mean: vec![0.0; d], m2: vec![0.0; d] }
    }

    /// Number of draws seen since the last restart.
    pub fn num_samples(&self) -> usize {
        self.n
    }

    /// Adds one draw.
    pub fn add_sample(&mut self, q: &[f64]) {
        self.n += 1;
        let n = self.n as f64;
        for ((m, s), x) in self.mean.iter_mut().zip(self.m2.iter_mut()).zip(q) {
            let delta = x - *m;
            *m += delta / n;
            *s += (x - *m) * delta;
        }
    }

    /// The sample variances (divisor `n − 1`).
    pub fn variance(&self) -> Vec<f64> {
        let denom = (self.n as f64 - 1.0).max(1.0);
        self.m2.iter().map(|s| s / denom).collect()
    }

    /// Forgets every draw.
    pub fn restart(&mut self) {
        self.n = 0;
        self.mean.iter_mut().for_each(|m| *m = 0.0);
        self.m2.iter_mut().for_each(|m| *m = 0.0);
    }
}

// ANCHOR: regularize
/// Stan's regularised variance estimate: shrinks the `n`-draw sample variance
/// towards `1e-3`, `(n / (n + 5)) var + 1e-3 · 5 / (n + 5)`, which keeps the
/// metric positive and tames estimates from short windows.
///
/// Reference: Stan's `var_adaptation::learn_variance`.
pub fn regularize(variance: &[f64], n: usize) -> Vec<f64> {
    let n = n as f64;
    variance.iter().map(|v| (n / (n + 5.0)) * v + 1e-3 * (5.0 / (n + 5.0))).collect()
}
// ANCHOR_END: regularize
