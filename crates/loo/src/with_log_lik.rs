//! Adding pointwise log-likelihood outputs `log_lik.1 … log_lik.N` to any model.
//!
//! Stan models write `log p(yᵢ | θ)` as generated quantities named `log_lik`; this
//! wrapper does the same for a [`sampler::Model`]: the sampler sees the inner model
//! unchanged, and every kept draw gains N extra constrained columns, computed from the
//! inner model's constrained values. They then reach [`crate::log_lik_from_fit`] and
//! CmdStan CSV files alike.

use sampler::Model;

/// `inner` with `num_obs` pointwise log-likelihood columns computed by `log_lik`.
///
/// `log_lik(constrained, out)` receives the inner model's constrained values (in the
/// order of its `param_names`) and must push exactly `num_obs` values onto `out`.
///
/// ```
/// use sampler::Model;
/// struct Mean;
/// impl Model for Mean {
///     fn dim(&self) -> usize { 1 }
///     fn param_names(&self) -> Vec<String> { vec!["mu".into()] }
///     fn log_density_grad(&self, x: &[f64], g: &mut [f64]) -> f64 { g[0] = -x[0]; -0.5 * x[0] * x[0] }
///     fn constrain(&self, x: &[f64], out: &mut Vec<f64>) { out.push(x[0]) }
/// }
/// let y = [0.5, -1.0];
/// let model = loo::WithLogLik::new(Mean, y.len(), move |c: &[f64], out: &mut Vec<f64>| {
///     out.extend(y.iter().map(|yi| -0.5 * (yi - c[0]).powi(2)));
/// });
/// assert_eq!(model.param_names(), ["mu", "log_lik.1", "log_lik.2"]);
/// let mut out = Vec::new();
/// model.constrain(&[0.5], &mut out);
/// assert_eq!(out, vec![0.5, 0.0, -1.125]);
/// ```
pub struct WithLogLik<M, F> {
    inner: M,
    num_obs: usize,
    log_lik: F,
}

impl<M, F> WithLogLik<M, F>
where
    M: Model,
    F: Fn(&[f64], &mut Vec<f64>) + Sync,
{
    /// Wraps `inner`, adding `num_obs` columns computed by `log_lik`.
    pub fn new(inner: M, num_obs: usize, log_lik: F) -> Self {
        Self { inner, num_obs, log_lik }
    }

    /// The wrapped model.
    pub fn inner(&self) -> &M {
        &self.inner
    }
}

impl<M, F> Model for WithLogLik<M, F>
where
    M: Model,
    F: Fn(&[f64], &mut Vec<f64>) + Sync,
{
    fn dim(&self) -> usize {
        self.inner.dim()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = self.inner.param_names();
        names.extend((1..=self.num_obs).map(|i| format!("log_lik.{i}")));
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        self.inner.log_density_grad(x, grad)
    }

    fn log_density(&self, x: &[f64]) -> f64 {
        self.inner.log_density(x)
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let start = out.len();
        self.inner.constrain(x, out);
        let constrained = out[start..].to_vec();
        (self.log_lik)(&constrained, out);
    }
}
