//! Partial pooling: varying intercepts and slopes with independent normal
//! population distributions, centred or non-centred.
//!
//! For observation `i` in group `j`:
//!
//! ```text
//! y_i       ~ Normal(beta_0[j] + beta_1[j] x_i, sigma)
//! beta_0[j] ~ Normal(mu_beta_0, tau_beta_0)
//! beta_1[j] ~ Normal(mu_beta_1, tau_beta_1)
//! mu_beta_0, mu_beta_1   ~ Normal(0, 10)
//! tau_beta_0, tau_beta_1 ~ half-Cauchy(0, 5)
//! sigma                  ~ half-Cauchy(0, 5)
//! ```
//!
//! Unconstrained parameters, `4 + 2J + 1` of them: `mu_beta_0`, `mu_beta_1`,
//! `log tau_beta_0`, `log tau_beta_1`, then `J` values for the intercepts and
//! `J` for the slopes, then `log sigma`. The centred form samples
//! `beta_0[j]`, `beta_1[j]` themselves; the non-centred form samples
//! standardised `z_0[j], z_1[j] ~ Normal(0, 1)` and sets
//! `beta_k[j] = mu_beta_k + tau_beta_k z_k[j]`. Both write the same
//! constrained values: `mu_beta_0`, `mu_beta_1`, `tau_beta_0`, `tau_beta_1`,
//! `beta_0.1…J`, `beta_1.1…J`, `sigma`.
//!
//! References: Gelman & Hill (2007), *Data Analysis Using Regression and
//! Multilevel/Hierarchical Models*, ch. 13; Papaspiliopoulos, Roberts & Sköld
//! (2007), "A general framework for the parametrization of hierarchical
//! models", Statistical Science 22(1); Betancourt & Girolami (2015),
//! "Hamiltonian Monte Carlo for Hierarchical Models", in *Current Trends in
//! Bayesian Methodology with Applications*.

use crate::eight_schools::Parameterization;
use crate::grouped_regression::GroupedRows;
use crate::regression_priors::{COEF_PRIOR_SD, SCALE_PRIOR, half_cauchy_log, normal};
use sampler::Model;

/// The partial-pooling regression in either parameterisation.
///
/// The gradient is written by hand for speed: on High School and Beyond the model has
/// 325 coordinates and 7185 students, so forward mode (33 passes of chunks of ten)
/// would make every fit tens of times slower; the hand gradient is one pass over the
/// students through each school's sums. It is checked against
/// [`crate::hsb::declared::Regression`] on six schools at 1000 random points
/// (`tests/hsb.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct VaryingSlopes {
    /// The observations.
    pub data: GroupedRows,
    /// Centred (sample `beta`) or non-centred (sample `z`).
    pub parameterization: Parameterization,
}

/// Index of the first group value in the unconstrained vector.
const GROUPS: usize = 4;

impl VaryingSlopes {
    /// The model on `data` in the given parameterisation.
    pub fn new(data: GroupedRows, parameterization: Parameterization) -> Self {
        Self { data, parameterization }
    }

    /// Log density of the hyperparameters' priors (with the log-Jacobians of
    /// the three scales); writes their gradient into `grad[0..4]` and
    /// `grad[last]`, and returns `(lp, tau_0, tau_1, sigma)`.
    fn hyperpriors(&self, x: &[f64], grad: &mut [f64]) -> (f64, f64, f64, f64) {
        let last = self.dim() - 1;
        let (lp_m0, d_m0) = normal(x[0], COEF_PRIOR_SD);
        let (lp_m1, d_m1) = normal(x[1], COEF_PRIOR_SD);
        let (t0, lp_t0, d_t0) = half_cauchy_log(x[2], SCALE_PRIOR);
        let (t1, lp_t1, d_t1) = half_cauchy_log(x[3], SCALE_PRIOR);
        let (sigma, lp_s, d_s) = half_cauchy_log(x[last], SCALE_PRIOR);
        grad[..4].copy_from_slice(&[d_m0, d_m1, d_t0, d_t1]);
        grad[last] = d_s;
        (lp_m0 + lp_m1 + lp_t0 + lp_t1 + lp_s, t0, t1, sigma)
    }

    /// The centred group level and the likelihood: adds to `grad`, returns
    /// the log density of these terms and `Σ r²` over all observations.
    fn centred(&self, x: &[f64], t: (f64, f64), inv_s2: f64, grad: &mut [f64]) -> (f64, f64) {
        let j_n = self.data.num_groups();
        let (mu0, mu1) = (x[0], x[1]);
        let (it0, it1) = (1.0 / (t.0 * t.0), 1.0 / (t.1 * t.1));
        let (mut lp, mut rr) = (-(j_n as f64) * (x[2] + x[3]), 0.0);
        let (mut d_mu0, mut d_mu1, mut d_u0, mut d_u1) = (0.0, 0.0, -(j_n as f64), -(j_n as f64));
        for j in 0..j_n {
            let (b0, b1) = (x[GROUPS + j], x[GROUPS + j_n + j]);
            let s = self.data.group_sums(j, b0, b1);
            let (e0, e1) = (b0 - mu0, b1 - mu1);
            lp -= 0.5 * (e0 * e0 * it0 + e1 * e1 * it1);
            d_mu0 += e0 * it0;
            d_mu1 += e1 * it1;
            d_u0 += e0 * e0 * it0;
            d_u1 += e1 * e1 * it1;
            grad[GROUPS + j] = -e0 * it0 + s.r * inv_s2;
            grad[GROUPS + j_n + j] = -e1 * it1 + s.rx * inv_s2;
            rr += s.rr;
        }
        for (g, d) in grad[..4].iter_mut().zip([d_mu0, d_mu1, d_u0, d_u1]) {
            *g += d;
        }
        (lp, rr)
    }

    // ANCHOR: non_centred
    /// The non-centred group level and the likelihood. With
    /// `beta_k[j] = mu_k + tau_k z_k[j]` and the group's residual sums, the
    /// chain rule gives `∂/∂z_0[j] = −z_0[j] + tau_0 Σr / σ²`,
    /// `∂/∂mu_0 = Σ_j Σr / σ²`, `∂/∂log tau_0 = Σ_j tau_0 z_0[j] Σr / σ²`,
    /// and the same for the slopes with `Σ r x`. Adds to `grad`; returns the
    /// log density of these terms and `Σ r²` over all observations.
    fn non_centred(&self, x: &[f64], t: (f64, f64), inv_s2: f64, grad: &mut [f64]) -> (f64, f64) {
        let j_n = self.data.num_groups();
        let (mu0, mu1) = (x[0], x[1]);
        let (mut lp, mut rr) = (0.0, 0.0);
        let (mut d_mu0, mut d_mu1, mut d_u0, mut d_u1) = (0.0, 0.0, 0.0, 0.0);
        for j in 0..j_n {
            let (z0, z1) = (x[GROUPS + j], x[GROUPS + j_n + j]);
            let s = self.data.group_sums(j, mu0 + t.0 * z0, mu1 + t.1 * z1);
            let (g0, g1) = (s.r * inv_s2, s.rx * inv_s2);
            lp -= 0.5 * (z0 * z0 + z1 * z1);
            d_mu0 += g0;
            d_mu1 += g1;
            d_u0 += t.0 * z0 * g0;
            d_u1 += t.1 * z1 * g1;
            grad[GROUPS + j] = -z0 + t.0 * g0;
            grad[GROUPS + j_n + j] = -z1 + t.1 * g1;
            rr += s.rr;
        }
        for (g, d) in grad[..4].iter_mut().zip([d_mu0, d_mu1, d_u0, d_u1]) {
            *g += d;
        }
        (lp, rr)
    }
    // ANCHOR_END: non_centred
}

impl Model for VaryingSlopes {
    fn dim(&self) -> usize {
        GROUPS + 2 * self.data.num_groups() + 1
    }

    fn param_names(&self) -> Vec<String> {
        let j = self.data.num_groups();
        let mut names: Vec<String> =
            ["mu_beta_0", "mu_beta_1", "tau_beta_0", "tau_beta_1"].map(String::from).to_vec();
        names.extend((1..=j).map(|k| format!("beta_0.{k}")));
        names.extend((1..=j).map(|k| format!("beta_1.{k}")));
        names.push("sigma".into());
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let (lp_hyper, t0, t1, _) = self.hyperpriors(x, grad);
        let u = x[self.dim() - 1];
        let inv_s2 = (-2.0 * u).exp();
        let (lp_groups, rr) = match self.parameterization {
            Parameterization::Centred => self.centred(x, (t0, t1), inv_s2, grad),
            Parameterization::NonCentred => self.non_centred(x, (t0, t1), inv_s2, grad),
        };
        // The likelihood's sigma terms: −N log σ − Σr² / (2σ²).
        let n = self.data.len() as f64;
        grad[self.dim() - 1] += -n + rr * inv_s2;
        lp_hyper + lp_groups - n * u - 0.5 * rr * inv_s2
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let j = self.data.num_groups();
        let (mu0, mu1, t0, t1) = (x[0], x[1], x[2].exp(), x[3].exp());
        out.extend_from_slice(&[mu0, mu1, t0, t1]);
        let groups = &x[GROUPS..GROUPS + 2 * j];
        match self.parameterization {
            Parameterization::Centred => out.extend_from_slice(groups),
            Parameterization::NonCentred => {
                out.extend(groups[..j].iter().map(|z| mu0 + t0 * z));
                out.extend(groups[j..].iter().map(|z| mu1 + t1 * z));
            }
        }
        out.push(x[self.dim() - 1].exp());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pooling_regression::NoPoolingLines;

    fn toy() -> GroupedRows {
        let group = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3];
        let x = [-1.0, 0.2, 1.5, -0.3, 0.8, 0.0, 1.1, -2.0, 0.4, 0.9];
        let y = [3.0, 5.5, 9.0, 4.0, 2.0, 12.0, 15.5, 8.0, 13.0, 7.0];
        GroupedRows::new(&group, &x, &y, 4).unwrap()
    }

    #[test]
    fn parameterisations_differ_by_the_jacobian_only() {
        // Same (mu, tau, beta, sigma): the densities differ by the log-Jacobian
        // of beta = mu + tau z, which is J (log tau_0 + log tau_1).
        let data = toy();
        let c = VaryingSlopes::new(data.clone(), Parameterization::Centred);
        let n = VaryingSlopes::new(data, Parameterization::NonCentred);
        let (u0, u1) = (0.4f64, -0.8f64);
        let z = [0.3, -0.2, 1.1, 0.0, -0.9, 0.4, 2.0, -1.5];
        let mut xn = vec![10.0, 2.0, u0, u1];
        xn.extend(z);
        xn.push(1.7);
        let mut xc = xn.clone();
        for j in 0..4 {
            xc[4 + j] = 10.0 + u0.exp() * z[j];
            xc[8 + j] = 2.0 + u1.exp() * z[4 + j];
        }
        let diff = c.log_density(&xc) - n.log_density(&xn);
        assert!((diff + 4.0 * (u0 + u1)).abs() < 1e-10, "diff {diff}");
        let (mut oc, mut on) = (Vec::new(), Vec::new());
        c.constrain(&xc, &mut oc);
        n.constrain(&xn, &mut on);
        for (a, b) in oc.iter().zip(&on) {
            assert!((a - b).abs() < 1e-12);
        }
        assert_eq!(oc.len(), c.param_names().len());
    }

    #[test]
    fn likelihood_agrees_with_no_pooling() {
        // Without the group-level prior terms, the centred model's likelihood
        // is the no-pooling model's: compare gradients in beta.
        let data = toy();
        let c = VaryingSlopes::new(data.clone(), Parameterization::Centred);
        let np = NoPoolingLines { data };
        let beta = [1.0, 4.0, 11.0, 6.0, 2.0, -1.0, 1.5, 0.5];
        let mut xc = vec![0.0, 0.0, 5.0, 5.0];
        xc.extend(beta);
        xc.push(0.3);
        let mut xn = beta.to_vec();
        xn.push(0.3);
        let (mut gc, mut gn) = (vec![0.0; c.dim()], vec![0.0; np.dim()]);
        c.log_density_grad(&xc, &mut gc);
        np.log_density_grad(&xn, &mut gn);
        for k in 0..8 {
            // tau = e^5 makes the group prior nearly flat; the N(0, 10) prior
            // of no pooling adds -beta / 100.
            let expected = gn[k] + beta[k] / 100.0;
            assert!((gc[4 + k] - expected).abs() < 1e-3, "{k}: {} vs {expected}", gc[4 + k]);
        }
    }
}
