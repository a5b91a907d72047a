//! The four High School and Beyond models stated with the model layer: the twins
//! the hand-written gradients of [`crate::pooling_regression`] and
//! [`crate::varying_slopes`] are tested against (`crates/models/tests/hsb.rs`, on a
//! few schools: forward mode over all 7185 students and 325 coordinates would be
//! slow). Same free coordinates in the same order; the non-centred form declares
//! `z_0`, `z_1` where the hand model reports `beta_0`, `beta_1`.

use super::fits::ModelKind;
use crate::grouped_regression::GroupedRows;
use crate::layer::{
    Declaration, Declared, Density, Number, Params, Scalar, Support, Target, Vector,
};
use crate::lpdf::{half_cauchy, normal};
use crate::regression_priors::{COEF_PRIOR_SD, SCALE_PRIOR};
use sampler::{Result, SamplerError};

/// An intercept or a slope: one for every school, or one per school.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Coef {
    Shared(Scalar),
    PerSchool(Vector),
}

/// A line per school (or one for all), with the kind's priors.
#[derive(Debug, Clone, PartialEq)]
pub struct Regression {
    data: GroupedRows,
    /// `mu_beta_0`, `mu_beta_1`, `tau_beta_0`, `tau_beta_1` (partial pooling).
    population: Option<[Scalar; 4]>,
    non_centred: bool,
    intercept: Coef,
    slope: Coef,
    sigma: Scalar,
}

impl Regression {
    /// Declares the parameters of model `kind` on `data` (an error for
    /// [`ModelKind::Correlated`], whose twin is
    /// [`super::declared_correlated::CorrelatedRegression`]).
    pub fn declare(data: GroupedRows, kind: ModelKind) -> Result<Declared<Self>> {
        let j = data.num_groups();
        let mut p = Declaration::new();
        let per_school =
            |p: &mut Declaration, name: &str| Coef::PerSchool(p.vector(name, j, Support::Real));
        let (population, intercept, slope) = match kind {
            ModelKind::Complete => {
                (None, Coef::Shared(p.real("beta_0")), Coef::Shared(p.real("beta_1")))
            }
            ModelKind::NoPooling => {
                let b0 = per_school(&mut p, "beta_0");
                (None, b0, per_school(&mut p, "beta_1"))
            }
            ModelKind::Correlated => {
                return Err(SamplerError::Model(
                    "the correlated model is declared by `CorrelatedRegression`".into(),
                ));
            }
            ModelKind::Centred | ModelKind::NonCentred => {
                let population = [
                    p.real("mu_beta_0"),
                    p.real("mu_beta_1"),
                    p.positive("tau_beta_0"),
                    p.positive("tau_beta_1"),
                ];
                let names = match kind {
                    ModelKind::Centred => ["beta_0", "beta_1"],
                    _ => ["z_0", "z_1"],
                };
                let b0 = per_school(&mut p, names[0]);
                (Some(population), b0, per_school(&mut p, names[1]))
            }
        };
        let sigma = p.positive("sigma");
        let model = Self {
            data,
            population,
            non_centred: kind == ModelKind::NonCentred,
            intercept,
            slope,
            sigma,
        };
        Declared::new(p, model)
    }

    /// Each school's coefficient, with its prior added to `target`: `Normal(0, 10)`
    /// without a population, `Normal(mu, tau)` (centred) or `z ~ Normal(0, 1)` with
    /// `beta = mu + tau z` (non-centred).
    fn coefficients<T: Number>(
        &self,
        p: &Params<T>,
        coef: Coef,
        population: Option<(T, T)>,
        target: &mut Target<T>,
    ) -> Vec<T> {
        let j = self.data.num_groups();
        match (coef, population) {
            (Coef::Shared(b), _) => {
                *target += normal(p[b], 0.0, COEF_PRIOR_SD);
                vec![p[b]; j]
            }
            (Coef::PerSchool(v), None) => {
                for &b in &p[v] {
                    *target += normal(b, 0.0, COEF_PRIOR_SD);
                }
                p[v].to_vec()
            }
            (Coef::PerSchool(v), Some((mu, tau))) if self.non_centred => p[v]
                .iter()
                .map(|&z| {
                    *target += normal(z, 0.0, 1.0);
                    mu + tau * z
                })
                .collect(),
            (Coef::PerSchool(v), Some((mu, tau))) => {
                for &b in &p[v] {
                    *target += normal(b, mu, tau);
                }
                p[v].to_vec()
            }
        }
    }
}

impl Density for Regression {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        let (pop0, pop1) = match self.population {
            None => (None, None),
            Some([mu0, mu1, tau0, tau1]) => {
                for mu in [mu0, mu1] {
                    target += normal(p[mu], 0.0, COEF_PRIOR_SD);
                }
                for tau in [tau0, tau1] {
                    target += half_cauchy(p[tau], SCALE_PRIOR);
                }
                (Some((p[mu0], p[tau0])), Some((p[mu1], p[tau1])))
            }
        };
        let b0 = self.coefficients(p, self.intercept, pop0, &mut target);
        let b1 = self.coefficients(p, self.slope, pop1, &mut target);
        let sigma = p[self.sigma];
        target += half_cauchy(sigma, SCALE_PRIOR);
        let d = &self.data;
        for (j, rows) in d.ranges.iter().enumerate() {
            for i in rows.clone() {
                target += normal(d.y[i], b0[j] + b1[j] * d.x[i], sigma);
            }
        }
        target.value()
    }
}
