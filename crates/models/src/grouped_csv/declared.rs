//! Partial pooling over a [`GroupedTable`] written with the model layer: parameters
//! with their supports and a log density, no Jacobian and no gradient. It is the same
//! posterior as the fast [`super::fit::GroupedModel`] (same free coordinates in the same
//! order; `tests/grouped_csv.rs` checks the two agree), but its gradient is forward
//! mode over every row, so it suits small files; on High School and Beyond the fast
//! model is the one to use.

use super::GroupedTable;
use crate::layer::{
    Declaration, Declared, Density, GenVector, Generated, Number, Params, Scalar, Support, Target,
    Vector,
};
use crate::lpdf::{half_cauchy, half_normal, normal};
use sampler::Result;

// ANCHOR: declared
/// A population of group coefficients, non-centred: `beta_j = mu + tau z_j`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Population {
    mu: Scalar,
    tau: Scalar,
    z: Vector,
    beta: GenVector,
}

/// Varying intercepts, and varying slopes when the table has a predictor.
#[derive(Debug, Clone, PartialEq)]
pub struct VaryingLines {
    table: GroupedTable,
    intercept: Population,
    slope: Option<Population>,
    sigma: Scalar,
}

impl VaryingLines {
    /// Declares the parameters, in the order the fast models use.
    pub fn declare(table: GroupedTable) -> Result<Declared<Self>> {
        let j = table.num_groups();
        let mut p = Declaration::new();
        let model = if table.x.is_none() {
            let (mu, tau, sigma) = (p.real("mu"), p.positive("tau"), p.positive("sigma"));
            let z = p.vector("eta", j, Support::Real);
            let beta = p.generated_vector("theta", j);
            let intercept = Population { mu, tau, z, beta };
            Self { table, intercept, slope: None, sigma }
        } else {
            let mu = [p.real("mu_beta_0"), p.real("mu_beta_1")];
            let tau = [p.positive("tau_beta_0"), p.positive("tau_beta_1")];
            let z = [0, 1].map(|k| p.vector(&format!("z_{k}"), j, Support::Real));
            let beta = [0, 1].map(|k| p.generated_vector(&format!("beta_{k}"), j));
            let population =
                |k: usize| Population { mu: mu[k], tau: tau[k], z: z[k], beta: beta[k] };
            let (intercept, slope) = (population(0), Some(population(1)));
            Self { table, intercept, slope, sigma: p.positive("sigma") }
        };
        Declared::new(p, model)
    }

    /// The scales' prior: half-normal(5) for the means, half-Cauchy(0, 5) for lines.
    fn scale_prior<T: Number>(&self, s: T) -> T {
        match self.slope {
            None => half_normal(s, 5.0),
            Some(_) => half_cauchy(s, 5.0),
        }
    }

    /// Adds the population's priors to `target`; returns every group's coefficient.
    fn coefficients<T: Number>(
        &self,
        pop: &Population,
        p: &Params<T>,
        target: &mut Target<T>,
    ) -> Vec<T> {
        let (mu, tau) = (p[pop.mu], p[pop.tau]);
        *target += normal(mu, 0.0, 10.0);
        *target += self.scale_prior(tau);
        let z = &p[pop.z];
        z.iter()
            .map(|&z| {
                *target += normal(z, 0.0, 1.0);
                mu + tau * z
            })
            .collect()
    }
}

impl Density for VaryingLines {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        let b0 = self.coefficients(&self.intercept, p, &mut target);
        let b1 = match &self.slope {
            Some(pop) => self.coefficients(pop, p, &mut target),
            None => vec![T::from(0.0); b0.len()],
        };
        let sigma = p[self.sigma];
        target += self.scale_prior(sigma);
        let t = &self.table;
        for i in 0..t.len() {
            let j = t.group[i];
            target += normal(t.y[i], b0[j] + b1[j] * t.x_of(i), sigma);
        }
        target.value()
    }

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        for pop in std::iter::once(&self.intercept).chain(&self.slope) {
            for (beta, z) in out[pop.beta].iter_mut().zip(&p[pop.z]) {
                *beta = p[pop.mu] + p[pop.tau] * z;
            }
        }
    }
}
// ANCHOR_END: declared
