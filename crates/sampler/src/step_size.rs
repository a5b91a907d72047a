//! Step-size tuning: the initial heuristic and Nesterov dual averaging.

use crate::hamiltonian::{PhasePoint, hamiltonian, leapfrog};
use crate::metric::Metric;
use crate::model::Model;
use rand::Rng;

/// Dual averaging of `log(step_size)` towards a target acceptance statistic.
///
/// After iteration `t` with acceptance statistic `a_t`:
/// `s̄_t = (1 − η) s̄_{t−1} + η (δ − a_t)` with `η = 1/(t + t0)`,
/// `x_t = μ − √t s̄_t / γ`, and the averaged iterate
/// `x̄_t = (1 − t^{−κ}) x̄_{t−1} + t^{−κ} x_t`. Warmup uses `exp(x_t)`; sampling
/// uses the final `exp(x̄)`. Defaults are Stan's: `γ = 0.05`, `t0 = 10`,
/// `κ = 0.75`, `μ = log(10 ε₀)`.
///
/// References: Nesterov (2009), "Primal-dual subgradient methods for convex
/// problems", Mathematical Programming 120; Hoffman & Gelman (2014), §3.2.1.
#[derive(Debug, Clone, PartialEq)]
pub struct DualAveraging {
    /// Target acceptance statistic `δ`.
    pub target_accept: f64,
    /// Shrinkage target `μ` for `log(step_size)`.
    pub mu: f64,
    /// Regularisation scale `γ`.
    pub gamma: f64,
    /// Iteration offset `t0` that damps early iterations.
    pub t0: f64,
    /// Decay exponent `κ` of the iterate average.
    pub kappa: f64,
    counter: f64,
    s_bar: f64,
    x_bar: f64,
}

impl DualAveraging {
    /// Stan's defaults with target acceptance `target_accept` and `μ = log(10 ε₀)`.
    pub fn new(target_accept: f64, initial_step_size: f64) -> Self {
        Self {
            target_accept,
            mu: (10.0 * initial_step_size).ln(),
            gamma: 0.05,
            t0: 10.0,
            kappa: 0.75,
            counter: 0.0,
            s_bar: 0.0,
            x_bar: 0.0,
        }
    }

    /// Forgets the history (Stan restarts after each metric update).
    pub fn restart(&mut self) {
        self.counter = 0.0;
        self.s_bar = 0.0;
        self.x_bar = 0.0;
    }

    // ANCHOR: learn
    /// One update from an acceptance statistic; returns the next step size `exp(x_t)`.
    pub fn learn(&mut self, accept_stat: f64) -> f64 {
        self.counter += 1.0;
        let a = accept_stat.min(1.0);
        let eta = 1.0 / (self.counter + self.t0);
        self.s_bar = (1.0 - eta) * self.s_bar + eta * (self.target_accept - a);
        let x = self.mu - self.s_bar * self.counter.sqrt() / self.gamma;
        let x_eta = self.counter.powf(-self.kappa);
        self.x_bar = (1.0 - x_eta) * self.x_bar + x_eta * x;
        x.exp()
    }
    // ANCHOR_END: learn

    /// The step size used after warmup, `exp(x̄)`.
    pub fn final_step_size(&self) -> f64 {
        self.x_bar.exp()
    }
}

/// Stan's initial step-size heuristic: starting from `step_size`, double or
/// halve until the acceptance probability of one leapfrog step from `z`
/// (with fresh momentum each try) crosses 0.8.
///
/// Returns an error message if the step size runs off to 0 or beyond 10⁷.
/// Reference: Hoffman & Gelman (2014), Algorithm 4; Stan's `init_stepsize`.
pub fn find_initial_step_size<M: Model + ?Sized, Me: Metric, R: Rng + ?Sized>(
    model: &M,
    metric: &Me,
    z: &PhasePoint,
    step_size: f64,
    rng: &mut R,
) -> Result<f64, String> {
    if step_size == 0.0 || step_size > 1e7 {
        return Ok(step_size);
    }
    let log_08 = 0.8f64.ln();
    let mut step_size = step_size;
    let mut trial = z.clone();
    let mut delta_h = |eps: f64, rng: &mut R| {
        trial.clone_from(z);
        metric.sample_momentum(rng, &mut trial.p);
        let h0 = hamiltonian(&trial, metric);
        leapfrog(model, metric, &mut trial, eps);
        h0 - hamiltonian(&trial, metric)
    };
    let direction_up = delta_h(step_size, rng) > log_08;
    loop {
        let dh = delta_h(step_size, rng);
        // Written so that a NaN energy change also stops the search.
        let above = dh > log_08;
        let below = dh < log_08;
        if (direction_up && !above) || (!direction_up && !below) {
            break;
        }
        step_size = if direction_up { step_size * 2.0 } else { step_size * 0.5 };
        if step_size > 1e7 {
            return Err("the step size grew past 1e7: the posterior may be improper".into());
        }
        if step_size == 0.0 {
            return Err("no acceptably small step size: the model may be broken".into());
        }
    }
    Ok(step_size)
}
