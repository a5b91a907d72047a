//! The `model` block and what the layer makes of it: a [`Density`] written over any
//! [`Number`], joined to its [`Declaration`] as a [`Declared`] model that the sampler
//! can fit.

use super::declaration::Declaration;
use super::number::Number;
use super::params::{Generated, Params};
use sampler::{Model, Result, SamplerError};

/// A model's log density on the constrained scale, written once for every number type.
///
/// The layer adds the transforms' log-Jacobians and differentiates
/// [`Density::log_density`] with dual numbers. A non-finite value is allowed (outside
/// the support, an overflow): the sampler treats it as a divergence.
pub trait Density: Sync {
    /// The log density of the parameters `p` (and the data the model holds), up to an
    /// additive constant.
    fn log_density<T: Number>(&self, p: &Params<T>) -> T;

    /// Derived quantities reported with every draw (Stan's transformed parameters and
    /// generated quantities), written through the handles declared with
    /// [`Declaration::generated`] and [`Declaration::generated_vector`]. The default
    /// writes nothing, for models that declare none.
    fn generated(&self, _p: &Params<f64>, _out: &mut Generated) {}
}

/// A declared model: parameters with supports, and a [`Density`] over them. It is a
/// [`sampler::Model`] whose gradient is computed by forward-mode automatic
/// differentiation ([`super::gradient`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Declared<D> {
    declaration: Declaration,
    density: D,
}

impl<D: Density> Declared<D> {
    /// Joins a declaration and a density. Fails with one line naming every problem of
    /// the declaration, when it declares no parameter, or when
    /// [`Density::generated`] leaves a declared derived value unwritten (checked once,
    /// at the origin of the free space: a derived value that is NaN there counts as
    /// unwritten).
    pub fn new(declaration: Declaration, density: D) -> Result<Self> {
        if !declaration.errors().is_empty() {
            return Err(SamplerError::Model(format!(
                "model declaration: {}",
                declaration.errors().join("; ")
            )));
        }
        if declaration.free_len() == 0 {
            return Err(SamplerError::Model("model declaration: no parameters declared".into()));
        }
        let model = Self { declaration, density };
        let origin = model.params(&vec![0.0; model.dim()]);
        let out = model.generated(&origin);
        if let Some(i) = out.values.iter().position(|v| v.is_nan()) {
            let name = &model.declaration.generated_names()[i];
            return Err(SamplerError::Model(format!(
                "generated quantity `{name}` is declared but not written by `generated`"
            )));
        }
        Ok(model)
    }

    /// The density (its data, handles and settings).
    pub fn density(&self) -> &D {
        &self.density
    }

    /// The declaration (names, sizes, transforms).
    pub fn declaration(&self) -> &Declaration {
        &self.declaration
    }

    /// Names of the free coordinates the sampler moves on (`mu`, `log tau`, `eta.1`).
    pub fn free_names(&self) -> Vec<String> {
        self.declaration.free_names()
    }

    /// The constrained parameters at free coordinates `x`.
    pub fn params(&self, x: &[f64]) -> Params<f64> {
        let mut values = Vec::new();
        self.declaration.constrain(x, &mut values);
        Params { values }
    }

    /// Free coordinates from constrained values named by
    /// [`Declaration::value_names`] (e.g. to start a chain at a chosen point).
    pub fn unconstrain(&self, values: &[f64]) -> Result<Vec<f64>> {
        self.declaration.unconstrain(values).map_err(SamplerError::Model)
    }

    fn generated(&self, p: &Params<f64>) -> Generated {
        let mut out = Generated { values: vec![f64::NAN; self.declaration.generated_len()] };
        self.density.generated(p, &mut out);
        out
    }

    /// Log density plus log-Jacobian at free coordinates `u` of any number type;
    /// `values` is scratch space for the constrained values.
    pub(crate) fn evaluate<T: Number>(&self, u: &[T], values: &mut Vec<T>) -> T {
        let log_jac = self.declaration.constrain(u, values);
        let p = Params { values: std::mem::take(values) };
        let lp = self.density.log_density(&p) + log_jac;
        *values = p.values;
        lp
    }
}

impl<D: Density> Model for Declared<D> {
    fn dim(&self) -> usize {
        self.declaration.free_len()
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = self.declaration.value_names();
        names.extend(self.declaration.generated_names());
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        self.log_density_grad_auto(x, grad)
    }

    fn log_density(&self, x: &[f64]) -> f64 {
        self.evaluate(x, &mut Vec::new())
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let p = self.params(x);
        out.extend_from_slice(&p.values);
        out.extend_from_slice(&self.generated(&p).values);
    }
}
