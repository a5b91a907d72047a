//! The two extremes of a grouped regression: complete pooling (one line for
//! every group) and no pooling (an independent line per group).
//!
//! Complete pooling: `y_i ~ Normal(beta_0 + beta_1 x_i, sigma)`,
//! `beta_0, beta_1 ~ Normal(0, 10)`, `sigma ~ half-Cauchy(0, 5)`.
//! Unconstrained parameters `[beta_0, beta_1, log sigma]`.
//!
//! No pooling: `y_i ~ Normal(beta_0[j] + beta_1[j] x_i, sigma)` for
//! observation `i` in group `j`, every `beta_0[j], beta_1[j] ~ Normal(0, 10)`,
//! one common `sigma ~ half-Cauchy(0, 5)`. Unconstrained parameters
//! `[beta_0[1..J], beta_1[1..J], log sigma]`.
//!
//! Reference: Gelman & Hill (2007), *Data Analysis Using Regression and
//! Multilevel/Hierarchical Models*, §12.2 (complete and no pooling).

use crate::grouped_regression::GroupedRows;
use crate::regression_priors::{COEF_PRIOR_SD, SCALE_PRIOR, half_cauchy_log, normal};
use sampler::Model;

/// The complete-pooling regression on grouped data (the groups are ignored).
#[derive(Debug, Clone, PartialEq)]
pub struct CompletePoolingLines {
    /// The observations.
    pub data: GroupedRows,
}

/// The no-pooling regression: an independent intercept and slope per group.
///
/// Both regressions keep hand-written gradients for speed (321 coordinates for no
/// pooling on High School and Beyond), checked against
/// [`crate::hsb::declared::Regression`] on six schools at 1000 random points
/// (`tests/hsb.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct NoPoolingLines {
    /// The observations.
    pub data: GroupedRows,
}

/// Adds the likelihood's `sigma` terms: with `Σ r²` over all observations,
/// `−N log sigma − Σ r² / (2 sigma²)`, and its derivative in `log sigma`.
#[inline]
fn sigma_terms(n: usize, rr: f64, u: f64, inv_s2: f64) -> (f64, f64) {
    (-(n as f64) * u - 0.5 * rr * inv_s2, -(n as f64) + rr * inv_s2)
}

impl Model for CompletePoolingLines {
    fn dim(&self) -> usize {
        3
    }

    fn param_names(&self) -> Vec<String> {
        ["beta_0", "beta_1", "sigma"].map(String::from).to_vec()
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (b0, b1, u) = (x[0], x[1], x[2]);
        let (_, lp_sigma, d_sigma) = half_cauchy_log(u, SCALE_PRIOR);
        let inv_s2 = (-2.0 * u).exp();
        let (mut r, mut rx, mut rr) = (0.0, 0.0, 0.0);
        for j in 0..self.data.num_groups() {
            let s = self.data.group_sums(j, b0, b1);
            r += s.r;
            rx += s.rx;
            rr += s.rr;
        }
        let (lp0, d0) = normal(b0, COEF_PRIOR_SD);
        let (lp1, d1) = normal(b1, COEF_PRIOR_SD);
        let (lp_lik, d_lik) = sigma_terms(self.data.len(), rr, u, inv_s2);
        grad[0] = d0 + r * inv_s2;
        grad[1] = d1 + rx * inv_s2;
        grad[2] = d_sigma + d_lik;
        lp0 + lp1 + lp_sigma + lp_lik
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(&[x[0], x[1], x[2].exp()]);
    }
}

impl Model for NoPoolingLines {
    fn dim(&self) -> usize {
        2 * self.data.num_groups() + 1
    }

    fn param_names(&self) -> Vec<String> {
        let j = self.data.num_groups();
        let mut names: Vec<String> = (1..=j).map(|k| format!("beta_0.{k}")).collect();
        names.extend((1..=j).map(|k| format!("beta_1.{k}")));
        names.push("sigma".into());
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let j_n = self.data.num_groups();
        let u = x[2 * j_n];
        let (_, mut lp, d_sigma) = half_cauchy_log(u, SCALE_PRIOR);
        let inv_s2 = (-2.0 * u).exp();
        let mut rr = 0.0;
        for j in 0..j_n {
            let (b0, b1) = (x[j], x[j_n + j]);
            let s = self.data.group_sums(j, b0, b1);
            let (lp0, d0) = normal(b0, COEF_PRIOR_SD);
            let (lp1, d1) = normal(b1, COEF_PRIOR_SD);
            lp += lp0 + lp1;
            grad[j] = d0 + s.r * inv_s2;
            grad[j_n + j] = d1 + s.rx * inv_s2;
            rr += s.rr;
        }
        let (lp_lik, d_lik) = sigma_terms(self.data.len(), rr, u, inv_s2);
        grad[2 * j_n] = d_sigma + d_lik;
        lp + lp_lik
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let j = self.data.num_groups();
        out.extend_from_slice(&x[..2 * j]);
        out.push(x[2 * j].exp());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grouped_regression::GroupedRows;

    /// Three small groups of made-up data.
    pub(crate) fn toy() -> GroupedRows {
        let group = [0, 0, 0, 1, 1, 2, 2, 2, 2];
        let x = [-1.0, 0.2, 1.5, -0.3, 0.8, 0.0, 1.1, -2.0, 0.4];
        let y = [3.0, 5.5, 9.0, 4.0, 2.0, 12.0, 15.5, 8.0, 13.0];
        GroupedRows::new(&group, &x, &y, 3).unwrap()
    }

    /// The log density written out naively, observation by observation,
    /// dropping the same constants as the models do.
    fn naive(data: &GroupedRows, a: &[f64], b: &[f64], u: f64) -> f64 {
        let sigma = u.exp();
        let mut lp = 0.0;
        for (j, range) in data.ranges.iter().enumerate() {
            let (aj, bj) = (a[j.min(a.len() - 1)], b[j.min(b.len() - 1)]);
            for i in range.clone() {
                let z = (data.y[i] - aj - bj * data.x[i]) / sigma;
                lp += -0.5 * z * z - sigma.ln();
            }
        }
        for v in a.iter().chain(b) {
            lp += -0.5 * v * v / 100.0;
        }
        lp - (1.0 + sigma * sigma / 25.0).ln() + u
    }

    #[test]
    fn densities_match_a_naive_implementation() {
        let data = toy();
        let cp = CompletePoolingLines { data: data.clone() };
        let np = NoPoolingLines { data: data.clone() };
        let x = [1.0, 2.0, 0.3];
        let d = cp.log_density(&x) - naive(&data, &[1.0], &[2.0], 0.3);
        let x2 = [1.0, 4.0, 11.0, 2.0, -1.0, 1.5, 0.3];
        let d2 = np.log_density(&x2) - naive(&data, &x2[..3], &x2[3..6], 0.3);
        assert!(d.abs() < 1e-12 && d2.abs() < 1e-12, "{d} {d2}");
    }

    #[test]
    fn names_match_constrained_values() {
        let np = NoPoolingLines { data: toy() };
        let mut out = Vec::new();
        np.constrain(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0], &mut out);
        assert_eq!(out, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 1.0]);
        assert_eq!(np.param_names()[3], "beta_1.1");
        assert_eq!(np.param_names().len(), out.len());
    }
}
