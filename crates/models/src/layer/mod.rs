//! The model layer: declare the parameters, write the density, get a [`sampler::Model`].
//!
//! # Declare
//!
//! A Stan program starts with its `parameters` block: each parameter with its support.
//! Here a [`Declaration`] plays that part. Each line returns a *handle* — a typed index
//! fixed once, so the density reads a value with one array access and a misspelt name
//! is a compile error rather than a wrong column:
//!
//! | Stan | here |
//! |---|---|
//! | `real mu;` | `let mu = p.real("mu");` |
//! | `real<lower=0> tau;` | `let tau = p.positive("tau");` |
//! | `real<lower=0, upper=1> phi;` | `let phi = p.interval("phi", 0.0, 1.0);` |
//! | `vector[J] eta;` | `let eta = p.vector("eta", j, Support::Real);` |
//! | `simplex[K] pi;` | `let pi = p.simplex("pi", k);` |
//! | `array[G] simplex[K] p;` | `let p = p.simplexes("p", g, k);` |
//! | `cholesky_factor_corr[K] L;` | `let l = p.cholesky_corr("L", k);` |
//! | `vector[J] theta = …;` (generated) | `let theta = p.generated_vector("theta", j);` |
//!
//! From the declaration the layer knows everything Stan's compiler derives: the
//! transform of each support to the real line and its log-Jacobian ([`transforms`]),
//! the sampler's dimension, the Stan-style names of the draws (`tau`, `theta.1`), and
//! the inverse map for initial values.
//!
//! # Write the density
//!
//! The `model` block is one function, generic over the [`Number`] type `T` and written
//! on the constrained scale: `tau` is a positive number, no `exp` and no Jacobian in
//! sight. Terms are added to a [`Target`], as Stan adds them to `target`, with the
//! density library [`crate::lpdf`] (every argument takes data or parameters). Derived
//! quantities, if any, are written in [`Density::generated`].
//!
//! # Get a model
//!
//! [`Declared::new`] joins the declaration and the density, reports any bad
//! declaration in one line, and gives a [`sampler::Model`]: `f64` evaluates the
//! density, dual numbers differentiate it ([`gradient`]). A hand-written gradient can
//! live beside a declared model, checked against it by [`check::check_against_declared`].
//!
//! ```
//! use models::layer::{Declaration, Declared, Density, Number, Params, Scalar, Target};
//! use models::lpdf::{half_normal, normal};
//! use sampler::{Settings, fit};
//!
//! /// Heights (cm) with unknown mean and spread.
//! struct Heights { y: Vec<f64>, mu: Scalar, sigma: Scalar }
//!
//! impl Density for Heights {
//!     fn log_density<T: Number>(&self, p: &Params<T>) -> T {
//!         let (mu, sigma) = (p[self.mu], p[self.sigma]);
//!         let mut target = Target::new();
//!         target += normal(mu, 170.0, 20.0);
//!         target += half_normal(sigma, 10.0);
//!         for &y in &self.y {
//!             target += normal(y, mu, sigma);
//!         }
//!         target.value()
//!     }
//! }
//!
//! let mut p = Declaration::new();
//! let mu = p.real("mu");
//! let sigma = p.positive("sigma");
//! let y = vec![172.0, 168.5, 181.0, 165.0, 175.5];
//! let model = Declared::new(p, Heights { y, mu, sigma }).unwrap();
//!
//! let settings = Settings { num_warmup: 300, num_draws: 300, seed: 4, ..Settings::default() };
//! let draws = fit(&model, &settings).unwrap();
//! assert_eq!(draws.param_names, ["mu", "sigma"]);
//! let mu_draws = draws.pooled(0);
//! let mean = mu_draws.iter().sum::<f64>() / mu_draws.len() as f64;
//! assert!((160.0..185.0).contains(&mean));
//!
//! // A repeated name is caught when the model is built, not while sampling.
//! let mut q = Declaration::new();
//! let (mu, sigma) = (q.real("mu"), q.positive("mu"));
//! let y = vec![170.0];
//! assert!(Declared::new(q, Heights { y, mu, sigma }).is_err());
//! ```
//!
//! References: Stan Development Team, *Stan Reference Manual* (2.36), "Program
//! Blocks" and "Constraint Transforms"; Carpenter et al. (2017), "Stan: A
//! probabilistic programming language", *Journal of Statistical Software* 76(1).

pub mod check;
pub mod declaration;
pub mod declared;
pub mod gradient;
pub mod number;
pub mod params;
pub mod special;
pub mod target;
pub mod transforms;

pub use declaration::Declaration;
pub use declared::{Declared, Density};
pub use number::{Number, chain_rule, value};
pub use params::{GenScalar, GenVector, Generated, Matrix, Params, Scalar, Vector, Vectors};
pub use target::Target;
pub use transforms::Support;
