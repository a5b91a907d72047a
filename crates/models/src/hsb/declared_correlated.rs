//! The correlated varying-intercepts-and-slopes model stated with the model layer: the
//! twin the hand-written gradient of [`crate::correlated_slopes::CorrelatedSlopes`] is
//! tested against (`crates/models/tests/hsb.rs`, on a few schools). Same free
//! coordinates in the same order; the correlation is declared as the Cholesky factor
//! `L_beta` of the 2 × 2 correlation matrix, with an LKJ prior, and each school's pair
//! of coefficients is `mu + diag(tau) L_beta z`.

use crate::correlated_slopes::LKJ_ETA;
use crate::grouped_regression::GroupedRows;
use crate::layer::{
    Declaration, Declared, Density, Matrix, Number, Params, Scalar, Support, Target, Vector,
};
use crate::lpdf::{half_cauchy, lkj_corr_cholesky, normal};
use crate::regression_priors::{COEF_PRIOR_SD, SCALE_PRIOR};
use sampler::Result;

/// Correlated school lines, non-centred, declared with the layer.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrelatedRegression {
    data: GroupedRows,
    mu: [Scalar; 2],
    tau: [Scalar; 2],
    l: Matrix,
    z: [Vector; 2],
    sigma: Scalar,
}

impl CorrelatedRegression {
    /// Declares the model on `data`.
    pub fn declare(data: GroupedRows) -> Result<Declared<Self>> {
        let j = data.num_groups();
        let mut p = Declaration::new();
        let mu = [p.real("mu_beta_0"), p.real("mu_beta_1")];
        let tau = [p.positive("tau_beta_0"), p.positive("tau_beta_1")];
        let l = p.cholesky_corr("L_beta", 2);
        let z = [p.vector("z_0", j, Support::Real), p.vector("z_1", j, Support::Real)];
        let sigma = p.positive("sigma");
        let model = Self { data, mu, tau, l, z, sigma };
        Declared::new(p, model)
    }
}

impl Density for CorrelatedRegression {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        let (mu, tau) = (self.mu.map(|h| p[h]), self.tau.map(|h| p[h]));
        for m in mu {
            target += normal(m, 0.0, COEF_PRIOR_SD);
        }
        for t in tau {
            target += half_cauchy(t, SCALE_PRIOR);
        }
        let l = &p[self.l];
        target += lkj_corr_cholesky(l, LKJ_ETA);
        let sigma = p[self.sigma];
        target += half_cauchy(sigma, SCALE_PRIOR);
        let d = &self.data;
        for (j, rows) in d.ranges.iter().enumerate() {
            let z = [p[self.z[0]][j], p[self.z[1]][j]];
            for zk in z {
                target += normal(zk, 0.0, 1.0);
            }
            // beta = mu + diag(tau) L z, with L row-major and lower-triangular.
            let b0 = mu[0] + tau[0] * (l[0] * z[0]);
            let b1 = mu[1] + tau[1] * (l[2] * z[0] + l[3] * z[1]);
            for i in rows.clone() {
                target += normal(d.y[i], b0 + b1 * d.x[i], sigma);
            }
        }
        target.value()
    }
}
