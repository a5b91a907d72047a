//! Targets the invariance test can draw from exactly: a Student-t, a
//! correlated normal beside a log-Gamma coordinate, and Neal's funnel. Each
//! gives an exact draw, statistics with known means, and marginal CDFs.

use rand::Rng;
use sampler::Model;
use sampler::rng::std_normal;
use statrs::distribution::{ContinuousCDF, Normal};

/// A statistic of one draw whose expectation under the target is known.
pub struct Moment {
    /// Printed name.
    pub label: &'static str,
    /// The statistic.
    pub f: fn(&[f64]) -> f64,
    /// Its exact expectation.
    pub truth: f64,
}

/// A target we can draw from exactly.
pub trait Exact: Model {
    /// Short name for messages.
    fn name(&self) -> &'static str;
    /// Writes an exact draw into `q`.
    fn draw<R: Rng + ?Sized>(&self, rng: &mut R, q: &mut [f64]);
    /// Statistics with known expectations (means, variances, a covariance).
    fn moments(&self) -> Vec<Moment>;
    /// Coordinates mapped through functions that make them Uniform(0, 1)
    /// under the target (marginal CDFs), with a label each; empty when only
    /// moments are tested.
    fn uniforms(&self, q: &[f64]) -> Vec<(&'static str, f64)>;
    /// A rough scale of each coordinate's variance, which the test then
    /// deliberately spoils.
    fn nominal_variance(&self) -> Vec<f64>;
}

fn moment(label: &'static str, f: fn(&[f64]) -> f64, truth: f64) -> Moment {
    Moment { label, f, truth }
}

fn std_normal_cdf(x: f64) -> f64 {
    Normal::standard().cdf(x)
}

fn unconstrained_names(d: usize) -> Vec<String> {
    (1..=d).map(|i| format!("q.{i}")).collect()
}

/// Student-t with 5 degrees of freedom in 3 dimensions (location `MU`,
/// scales `S`, elliptical: one shared chi-square). Only its means and
/// variances are tested: it has four finite moments, so the variance of a
/// squared coordinate is finite and iid standard errors apply.
pub struct StudentT;

const NU: f64 = 5.0;
const T_MU: [f64; 3] = [0.5, 0.0, -1.0];
const T_S: [f64; 3] = [1.0, 2.0, 0.5];

impl Model for StudentT {
    fn dim(&self) -> usize {
        3
    }
    fn param_names(&self) -> Vec<String> {
        unconstrained_names(3)
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let r2: f64 = (0..3).map(|i| ((x[i] - T_MU[i]) / T_S[i]).powi(2)).sum();
        let c = -(NU + 3.0) / (NU + r2);
        for i in 0..3 {
            grad[i] = c * (x[i] - T_MU[i]) / (T_S[i] * T_S[i]);
        }
        -0.5 * (NU + 3.0) * (r2 / NU).ln_1p()
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

impl Exact for StudentT {
    fn name(&self) -> &'static str {
        "student-t5"
    }
    fn draw<R: Rng + ?Sized>(&self, rng: &mut R, q: &mut [f64]) {
        let chi2: f64 = (0..5).map(|_| std_normal(rng).powi(2)).sum();
        let scale = (chi2 / NU).sqrt();
        for i in 0..3 {
            q[i] = T_MU[i] + T_S[i] * std_normal(rng) / scale;
        }
    }
    fn moments(&self) -> Vec<Moment> {
        let v = NU / (NU - 2.0);
        vec![
            moment("mean q1", |q| q[0], T_MU[0]),
            moment("mean q2", |q| q[1], T_MU[1]),
            moment("mean q3", |q| q[2], T_MU[2]),
            moment("var q1", |q| (q[0] - T_MU[0]).powi(2), v * T_S[0] * T_S[0]),
            moment("var q2", |q| (q[1] - T_MU[1]).powi(2), v * T_S[1] * T_S[1]),
            moment("var q3", |q| (q[2] - T_MU[2]).powi(2), v * T_S[2] * T_S[2]),
        ]
    }
    fn uniforms(&self, _q: &[f64]) -> Vec<(&'static str, f64)> {
        Vec::new()
    }
    fn nominal_variance(&self) -> Vec<f64> {
        T_S.iter().map(|s| s * s * NU / (NU - 2.0)).collect()
    }
}

/// `(q1, q2)` bivariate normal (sds 1 and 3, correlation 0.8) and, independent
/// of them, `q3 = log G` with `G ~ Gamma(2, 1)`, a skewed coordinate.
pub struct NormalLogGamma;

const NG_MU: [f64; 2] = [1.0, -2.0];
const NG_SD: [f64; 2] = [1.0, 3.0];
const NG_RHO: f64 = 0.8;
/// Shape of the Gamma coordinate; 2 keeps its CDF in closed form.
const ALPHA: f64 = 2.0;
/// Euler–Mascheroni constant: E[log G] = ψ(2) = 1 − γ.
const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;

impl Model for NormalLogGamma {
    fn dim(&self) -> usize {
        3
    }
    fn param_names(&self) -> Vec<String> {
        unconstrained_names(3)
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let a = (x[0] - NG_MU[0]) / NG_SD[0];
        let b = (x[1] - NG_MU[1]) / NG_SD[1];
        let k = 1.0 / (1.0 - NG_RHO * NG_RHO);
        let quad = k * (a * a - 2.0 * NG_RHO * a * b + b * b);
        grad[0] = -k * (a - NG_RHO * b) / NG_SD[0];
        grad[1] = -k * (b - NG_RHO * a) / NG_SD[1];
        // log density of y = log G: α y − e^y (the Jacobian included).
        let ey = x[2].exp();
        grad[2] = ALPHA - ey;
        -0.5 * quad + ALPHA * x[2] - ey
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

impl Exact for NormalLogGamma {
    fn name(&self) -> &'static str {
        "normal x log-gamma"
    }
    fn draw<R: Rng + ?Sized>(&self, rng: &mut R, q: &mut [f64]) {
        let (z1, z2) = (std_normal(rng), std_normal(rng));
        q[0] = NG_MU[0] + NG_SD[0] * z1;
        q[1] = NG_MU[1] + NG_SD[1] * (NG_RHO * z1 + (1.0 - NG_RHO * NG_RHO).sqrt() * z2);
        // Gamma(2, 1) is the sum of two Exponential(1) draws.
        let e1 = -sampler::rng::uniform_open0(rng).ln();
        let e2 = -sampler::rng::uniform_open0(rng).ln();
        q[2] = (e1 + e2).ln();
    }
    fn moments(&self) -> Vec<Moment> {
        // ψ(2) = 1 − γ and ψ'(2) = π²/6 − 1.
        let mean_y = 1.0 - EULER_GAMMA;
        let var_y = std::f64::consts::PI.powi(2) / 6.0 - 1.0;
        vec![
            moment("mean q1", |q| q[0], NG_MU[0]),
            moment("mean q2", |q| q[1], NG_MU[1]),
            moment("mean q3", |q| q[2], mean_y),
            moment("var q1", |q| (q[0] - NG_MU[0]).powi(2), NG_SD[0].powi(2)),
            moment("var q2", |q| (q[1] - NG_MU[1]).powi(2), NG_SD[1].powi(2)),
            moment("var q3", |q| (q[2] - (1.0 - EULER_GAMMA)).powi(2), var_y),
            moment(
                "cov q1 q2",
                |q| (q[0] - NG_MU[0]) * (q[1] - NG_MU[1]),
                NG_RHO * NG_SD[0] * NG_SD[1],
            ),
        ]
    }
    fn uniforms(&self, q: &[f64]) -> Vec<(&'static str, f64)> {
        let a = (q[0] - NG_MU[0]) / NG_SD[0];
        let b = (q[1] - NG_MU[1]) / NG_SD[1];
        // b given a is Normal(ρ a, 1 − ρ²): its standardised residual is
        // Normal(0, 1) and independent of a.
        let resid = (b - NG_RHO * a) / (1.0 - NG_RHO * NG_RHO).sqrt();
        let t = q[2].exp();
        vec![
            ("cdf q1", std_normal_cdf(a)),
            ("cdf q2", std_normal_cdf(b)),
            ("cdf q2|q1", std_normal_cdf(resid)),
            // Gamma(2, 1): P(G ≤ t) = 1 − e^(−t)(1 + t).
            ("cdf q3", 1.0 - (-t).exp() * (1.0 + t)),
        ]
    }
    fn nominal_variance(&self) -> Vec<f64> {
        vec![1.0, 9.0, std::f64::consts::PI.powi(2) / 6.0 - 1.0]
    }
}

/// Neal's funnel: `v ~ Normal(0, 3)`, `x_k | v ~ Normal(0, e^(v/2))` for
/// k = 1, 2. With a fixed step size its neck makes trajectories diverge by
/// themselves.
pub struct Funnel;

impl Model for Funnel {
    fn dim(&self) -> usize {
        3
    }
    fn param_names(&self) -> Vec<String> {
        unconstrained_names(3)
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let v = x[0];
        let prec = (-v).exp();
        let ss = x[1] * x[1] + x[2] * x[2];
        grad[0] = -v / 9.0 - 1.0 + 0.5 * ss * prec;
        grad[1] = -x[1] * prec;
        grad[2] = -x[2] * prec;
        // Each x_k contributes −v/2 − x_k² e^(−v) / 2.
        -v * v / 18.0 - v - 0.5 * ss * prec
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

impl Exact for Funnel {
    fn name(&self) -> &'static str {
        "funnel"
    }
    fn draw<R: Rng + ?Sized>(&self, rng: &mut R, q: &mut [f64]) {
        q[0] = 3.0 * std_normal(rng);
        let sd = (0.5 * q[0]).exp();
        q[1] = sd * std_normal(rng);
        q[2] = sd * std_normal(rng);
    }
    fn moments(&self) -> Vec<Moment> {
        // The x_k are tested standardised, z_k = x_k e^(−v/2) ~ Normal(0, 1).
        vec![
            moment("mean v", |q| q[0], 0.0),
            moment("var v", |q| q[0] * q[0], 9.0),
            moment("mean z1", |q| q[1] * (-0.5 * q[0]).exp(), 0.0),
            moment("var z1", |q| q[1] * q[1] * (-q[0]).exp(), 1.0),
            moment("mean z2", |q| q[2] * (-0.5 * q[0]).exp(), 0.0),
            moment("var z2", |q| q[2] * q[2] * (-q[0]).exp(), 1.0),
        ]
    }
    fn uniforms(&self, q: &[f64]) -> Vec<(&'static str, f64)> {
        let s = (-0.5 * q[0]).exp();
        vec![
            ("cdf v", std_normal_cdf(q[0] / 3.0)),
            ("cdf z1", std_normal_cdf(q[1] * s)),
            ("cdf z2", std_normal_cdf(q[2] * s)),
        ]
    }
    fn nominal_variance(&self) -> Vec<f64> {
        vec![9.0, 1.0, 1.0]
    }
}

/// An 8-dimensional normal with independent coordinates, one ten times wider
/// than the others. Run with a small step size, its trajectories are long
/// (five doublings on average), the regime where the checks across the seam
/// of merged subtrees decide when a tree stops.
pub struct WideNormal;

const WIDE_SD: [f64; 8] = [1.0, 10.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];

impl Model for WideNormal {
    fn dim(&self) -> usize {
        8
    }
    fn param_names(&self) -> Vec<String> {
        unconstrained_names(8)
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let mut lp = 0.0;
        for i in 0..8 {
            let prec = 1.0 / (WIDE_SD[i] * WIDE_SD[i]);
            grad[i] = -x[i] * prec;
            lp -= 0.5 * x[i] * x[i] * prec;
        }
        lp
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(x);
    }
}

impl Exact for WideNormal {
    fn name(&self) -> &'static str {
        "wide normal"
    }
    fn draw<R: Rng + ?Sized>(&self, rng: &mut R, q: &mut [f64]) {
        for (qi, sd) in q.iter_mut().zip(WIDE_SD) {
            *qi = sd * std_normal(rng);
        }
    }
    fn moments(&self) -> Vec<Moment> {
        vec![
            moment("mean q1", |q| q[0], 0.0),
            moment("mean q2", |q| q[1], 0.0),
            moment("var q1", |q| q[0] * q[0], 1.0),
            moment("var q2", |q| q[1] * q[1], 100.0),
            moment("var q3", |q| q[2] * q[2], 1.0),
            moment("var q4", |q| q[3] * q[3], 1.0),
        ]
    }
    fn uniforms(&self, q: &[f64]) -> Vec<(&'static str, f64)> {
        vec![
            ("cdf q1", std_normal_cdf(q[0])),
            ("cdf q2", std_normal_cdf(q[1] / WIDE_SD[1])),
            ("cdf q3", std_normal_cdf(q[2])),
        ]
    }
    fn nominal_variance(&self) -> Vec<f64> {
        WIDE_SD.iter().map(|s| s * s).collect()
    }
}
