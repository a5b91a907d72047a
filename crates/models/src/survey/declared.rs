//! The survey model written with the model layer: the statement of the model that the
//! hand-written gradients of [`super::FullModel`] and [`super::MarginalModel`] are
//! tested against (`crates/models/tests/survey.rs`).
//!
//! `alpha ~ Exponential(1)`, `pi0 ~ Dirichlet(1, …, 1)`, and either every
//! `pi_r ~ Dirichlet(alpha · pi0)` with `y_r ~ Multinomial(n_r, pi_r)` ([`Full`]), or
//! the `pi_r` integrated out, `y_r ~ DirichletMultinomial(alpha · pi0)` ([`Marginal`]).

use super::data::Survey;
use crate::layer::{
    Declaration, Declared, Density, Number, Params, Scalar, Target, Vector, Vectors,
};
use crate::lpdf::{dirichlet, dirichlet_multinomial_kernel, exponential, multinomial_kernel};
use sampler::Result;

/// Counts as numbers, one row per region.
fn counts_of(survey: &Survey) -> Vec<Vec<f64>> {
    survey.counts.iter().map(|r| r.iter().map(|&c| f64::from(c)).collect()).collect()
}

/// `alpha ~ Exponential(1)` and the flat `pi0 ~ Dirichlet(1, …, 1)`; returns the
/// regions' concentrations `alpha · pi0`.
fn baseline<T: Number>(target: &mut Target<T>, alpha: T, pi0: &[T]) -> Vec<T> {
    *target += exponential(alpha, 1.0);
    *target += dirichlet(pi0, &vec![1.0; pi0.len()]);
    pi0.iter().map(|&p| alpha * p).collect()
}

/// Every region's proportions sampled (the twin of [`super::FullModel`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Full {
    counts: Vec<Vec<f64>>,
    alpha: Scalar,
    pi0: Vector,
    pi: Vectors,
}

impl Full {
    /// Declares `alpha`, `pi0` and `pi` for a survey.
    pub fn declare(survey: &Survey) -> Result<Declared<Self>> {
        let counts = counts_of(survey);
        let k = survey.num_categories();
        let mut p = Declaration::new();
        let alpha = p.positive("alpha");
        let pi0 = p.simplex("pi0", k);
        let pi = p.simplexes("pi", counts.len(), k);
        Declared::new(p, Self { counts, alpha, pi0, pi })
    }
}

impl Density for Full {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        let conc = baseline(&mut target, p[self.alpha], &p[self.pi0]);
        for (y, pi) in self.counts.iter().zip(p.rows(self.pi)) {
            target += dirichlet(pi, &conc);
            target += multinomial_kernel(y, pi);
        }
        target.value()
    }
}

/// The regions' proportions integrated out (the twin of [`super::MarginalModel`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Marginal {
    counts: Vec<Vec<f64>>,
    alpha: Scalar,
    pi0: Vector,
}

impl Marginal {
    /// Declares `alpha` and `pi0` for a survey.
    pub fn declare(survey: &Survey) -> Result<Declared<Self>> {
        let mut p = Declaration::new();
        let alpha = p.positive("alpha");
        let pi0 = p.simplex("pi0", survey.num_categories());
        let counts = counts_of(survey);
        Declared::new(p, Self { counts, alpha, pi0 })
    }
}

impl Density for Marginal {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        let conc = baseline(&mut target, p[self.alpha], &p[self.pi0]);
        for y in &self.counts {
            target += dirichlet_multinomial_kernel(y, &conc);
        }
        target.value()
    }
}
