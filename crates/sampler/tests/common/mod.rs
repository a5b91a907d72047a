//! Helpers shared by the sampler's integration tests: an assertion within
//! Monte Carlo error, a map over chains, and a conjugate model.

use diagnostics::mcse_mean;
use sampler::Model;

/// Asserts `|estimate − truth| ≤ 4 · MCSE` for the mean of `chains`.
pub fn assert_mean(label: &str, chains: &[Vec<f64>], truth: f64) {
    let n: usize = chains.iter().map(Vec::len).sum();
    let mean = chains.iter().flatten().sum::<f64>() / n as f64;
    let se = mcse_mean(chains);
    assert!(
        (mean - truth).abs() <= 4.0 * se,
        "{label}: expected {truth}, got {mean} (MCSE {se}, {:.1} MCSE away)",
        (mean - truth) / se
    );
}

/// `f` applied to every draw of every chain.
pub fn map(chains: &[Vec<f64>], f: impl Fn(f64) -> f64) -> Vec<Vec<f64>> {
    chains.iter().map(|c| c.iter().map(|x| f(*x)).collect()).collect()
}

/// Poisson counts with a Gamma(a, b) prior on the rate, sampled on the log
/// scale: the posterior is Gamma(a + Σy, b + n).
pub struct PoissonGamma {
    /// Counts.
    pub y: Vec<f64>,
    /// Prior shape.
    pub a: f64,
    /// Prior rate.
    pub b: f64,
}

impl PoissonGamma {
    /// Shape and rate of the posterior.
    pub fn posterior(&self) -> (f64, f64) {
        (self.a + self.y.iter().sum::<f64>(), self.b + self.y.len() as f64)
    }
}

impl Model for PoissonGamma {
    fn dim(&self) -> usize {
        1
    }
    fn param_names(&self) -> Vec<String> {
        vec!["lambda".into()]
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        // log p(lambda) + log lik + log Jacobian (lambda = exp(x)).
        let lambda = x[0].exp();
        let (shape, rate) = self.posterior();
        grad[0] = shape - rate * lambda;
        shape * x[0] - rate * lambda
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0].exp());
    }
}
