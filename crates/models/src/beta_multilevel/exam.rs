//! Published exam averages: only each school's mean, standard deviation and
//! number of writers are public, so the likelihood is that of the sample
//! mean. For school `j` with `n_j` writers whose scores follow a Beta with
//! mean `mu_j` and sample size `nu_j`, the central limit theorem gives
//!
//! `school_mean_j ~ Normal(mu_j, sqrt(mu_j (1 − mu_j) / ((nu_j + 1) n_j)))`.
//!
//! Three versions, as in the source:
//! * unpooled: `mu_j ~ Beta(3, 1)`, `nu_j ~ Normal(30, 4)`;
//! * pooled: `mu_j ~ Beta(alpha, beta)`, `alpha ~ Normal(3, 0.5)`,
//!   `beta ~ Normal(1, 0.3)`, `nu_j = nu_mean + nu_sd · raw_j`,
//!   `nu_mean ~ Normal(30, 4)`, `nu_sd ~ Exponential(1)`;
//! * authority-pooled: school `j` in authority `k` has
//!   `mu_j ~ Beta(alpha_k, beta_k)` with `alpha_k = alpha_mean + alpha_sd · alpha_raw_k`
//!   and `beta_k = beta_mean + beta_sd · beta_raw_k`, `alpha_mean ~ Normal(3, 0.5)`,
//!   `beta_mean ~ Normal(1, 0.3)`, both sds `Exponential(1)`. (The source's
//!   program assigns the `beta` parts to `alpha_k` and the `alpha` parts to
//!   `beta_k`; this is the model its priors describe.)
//!
//! Every `raw` is `Normal(0, 1)` bounded below by 0, as in the source.

use super::hand::{BetaPrior, Constrained, constrain_one, exponential, indexed, normal};
use crate::layer::Support;
use sampler::Model;

/// How the schools share information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExamPooling {
    /// Fixed priors for every school.
    Unpooled,
    /// One estimated Beta prior for all school means.
    Pooled,
    /// One estimated Beta prior per authority, its shapes drawn around shared means.
    Authority,
}

/// Prior of the unpooled school means, `Beta(3, 1)`.
pub const MU_PRIOR: (f64, f64) = (3.0, 1.0);
/// Prior of the sample sizes (unpooled) or of their mean (pooled), `Normal(30, 4)`.
pub const NU_PRIOR: (f64, f64) = (30.0, 4.0);
/// Priors of the Beta shapes' centres, `Normal(3, 0.5)` and `Normal(1, 0.3)`.
pub const SHAPE_PRIORS: [(f64, f64); 2] = [(3.0, 0.5), (1.0, 0.3)];

/// The hyperpriors of the pooled forms. The default is the source's: shape
/// centres `Normal(3, 0.5)` and `Normal(1, 0.3)`, the authority sds of the
/// shapes `Exponential(1)`, `nu_mean ~ Normal(30, 4)`, `nu_sd ~ Exponential(1)`.
/// The unpooled priors (`Beta(3, 1)`, `Normal(30, 4)`) are not hyperpriors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExamHyperPriors {
    /// `(mean, sd)` of the Normal priors on the two shape centres.
    pub shapes: [(f64, f64); 2],
    /// Rate of the Exponential priors on the authorities' shape sds.
    pub shape_sd_rate: f64,
    /// `(mean, sd)` of the Normal prior on `nu_mean`.
    pub nu_mean: (f64, f64),
    /// Rate of the Exponential prior on `nu_sd`.
    pub nu_sd_rate: f64,
}

impl ExamHyperPriors {
    // ANCHOR: widened
    /// The source's hyperpriors, the population of school means' scales times
    /// `scale`: shape centres `Normal(3, 0.5·scale)`, `Normal(1, 0.3·scale)`,
    /// shape sds `Exponential(1/scale)`; sample sizes' priors unchanged.
    pub fn widened_shapes(scale: f64) -> sampler::Result<Self> {
        if !(scale.is_finite() && scale > 0.0) {
            return Err(sampler::SamplerError::InvalidSettings(format!(
                "exam hyperprior scale must be finite and positive, got {scale}"
            )));
        }
        let [(a0, a1), (b0, b1)] = SHAPE_PRIORS;
        Ok(Self {
            shapes: [(a0, a1 * scale), (b0, b1 * scale)],
            shape_sd_rate: 1.0 / scale,
            ..Self::default()
        })
    }
    // ANCHOR_END: widened
}

impl Default for ExamHyperPriors {
    fn default() -> Self {
        let [alpha, beta] = SHAPE_PRIORS;
        Self { shapes: [alpha, beta], shape_sd_rate: 1.0, nu_mean: NU_PRIOR, nu_sd_rate: 1.0 }
    }
}

/// One school's published summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SchoolSummary {
    /// Mean score, as a proportion.
    pub mean: f64,
    /// Number of writers.
    pub n: f64,
    /// Index of the school's authority (0-based).
    pub authority: usize,
}

/// A log density value with its partial derivatives in two arguments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partials {
    /// The log density.
    pub lp: f64,
    /// Derivative with respect to the first argument.
    pub d1: f64,
    /// Derivative with respect to the second argument.
    pub d2: f64,
}

// ANCHOR: mean_likelihood
/// `ln Normal(ybar | mu, sqrt(var / n))` with `var = mu(1 − mu)/(nu + 1)`,
/// the Beta variance, and its derivatives in `mu` (`d1`) and `nu` (`d2`).
pub fn mean_likelihood(ybar: f64, n: f64, mu: f64, nu: f64) -> Partials {
    let v = mu * (1.0 - mu) / ((nu + 1.0) * n); // variance of the mean
    let r = ybar - mu;
    let dv = -0.5 / v + 0.5 * r * r / (v * v); // ∂lp/∂v
    Partials {
        lp: -0.5 * v.ln() - 0.5 * r * r / v,
        d1: r / v + dv * (1.0 - 2.0 * mu) / ((nu + 1.0) * n),
        d2: -dv * v / (nu + 1.0),
    }
}
// ANCHOR_END: mean_likelihood

/// The exam-averages model.
///
/// Its gradient is written by hand for speed: on the simulated province (about 140
/// schools in 60 authorities) the authority-pooled form has about 400 free
/// coordinates, and forward-mode automatic gradients cost about one evaluation per
/// coordinate, so a fit that takes seconds would take minutes. The declared twin
/// [`super::exam_declared::ExamDeclared`] states the same model with the layer; a
/// test checks the two agree at 1000 random points (`crates/models/tests/beta_multilevel.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExamAverages {
    schools: Vec<SchoolSummary>,
    authorities: usize,
    pooling: ExamPooling,
    hyper: ExamHyperPriors,
    bounds: Vec<Support>,
}

impl ExamAverages {
    /// The model for these schools (authority indices must be 0-based and
    /// every authority below the largest index must have a school).
    pub fn new(schools: &[SchoolSummary], pooling: ExamPooling) -> Self {
        let j = schools.len();
        let authorities = schools.iter().map(|s| s.authority + 1).max().unwrap_or(0);
        let mut bounds = vec![Support::Interval(0.0, 1.0); j];
        bounds.extend(vec![Support::Positive; j]);
        match pooling {
            ExamPooling::Unpooled => {}
            ExamPooling::Pooled => bounds.extend([Support::Positive; 4]),
            ExamPooling::Authority => bounds.extend(vec![Support::Positive; 6 + 2 * authorities]),
        }
        Self {
            schools: schools.to_vec(),
            authorities,
            pooling,
            hyper: ExamHyperPriors::default(),
            bounds,
        }
    }

    /// The same model with other hyperpriors (the pooled forms; the unpooled
    /// form has none).
    pub fn with_hyper_priors(self, hyper: ExamHyperPriors) -> Self {
        Self { hyper, ..self }
    }

    /// Number of authorities.
    pub fn authorities(&self) -> usize {
        self.authorities
    }

    /// Index of `nu_mean` among the parameters (pooled forms).
    fn nu_mean_index(&self) -> usize {
        let h = 2 * self.schools.len();
        match self.pooling {
            ExamPooling::Authority => h + 4,
            _ => h + 2,
        }
    }

    /// The Beta prior shapes `(alpha, beta)` of each authority (one shared
    /// pair for the pooled form, fixed for the unpooled one).
    fn prior_shapes(&self, v: &[f64]) -> Vec<(f64, f64)> {
        let h = 2 * self.schools.len();
        let a = self.authorities;
        match self.pooling {
            ExamPooling::Unpooled => vec![MU_PRIOR],
            ExamPooling::Pooled => vec![(v[h], v[h + 1])],
            ExamPooling::Authority => (0..a)
                .map(|k| (v[h] + v[h + 1] * v[h + 6 + k], v[h + 2] + v[h + 3] * v[h + 6 + a + k]))
                .collect(),
        }
    }

    /// Adds `∂lp/∂alpha_k`, `∂lp/∂beta_k` of each prior to the primitive
    /// parameters they are built from, and returns the hyperpriors' log density.
    fn hyper(&self, v: &[f64], dshape: &[(f64, f64)], grad: &mut [f64]) -> f64 {
        let h = 2 * self.schools.len();
        let a = self.authorities;
        let ([sa, sb], rate) = (self.hyper.shapes, self.hyper.shape_sd_rate);
        let terms: Vec<(usize, (f64, f64))> = match self.pooling {
            ExamPooling::Unpooled => return 0.0,
            ExamPooling::Pooled => {
                grad[h] += dshape[0].0;
                grad[h + 1] += dshape[0].1;
                vec![(h, normal(v[h], sa.0, sa.1)), (h + 1, normal(v[h + 1], sb.0, sb.1))]
            }
            ExamPooling::Authority => {
                let mut t = Vec::with_capacity(4 + 2 * a);
                for (k, (da, db)) in dshape.iter().enumerate() {
                    let (ra, rb) = (h + 6 + k, h + 6 + a + k);
                    grad[h] += da;
                    grad[h + 1] += da * v[ra];
                    grad[ra] += da * v[h + 1];
                    grad[h + 2] += db;
                    grad[h + 3] += db * v[rb];
                    grad[rb] += db * v[h + 3];
                    t.push((ra, normal(v[ra], 0.0, 1.0)));
                    t.push((rb, normal(v[rb], 0.0, 1.0)));
                }
                t.push((h, normal(v[h], sa.0, sa.1)));
                t.push((h + 1, exponential(v[h + 1], rate)));
                t.push((h + 2, normal(v[h + 2], sb.0, sb.1)));
                t.push((h + 3, exponential(v[h + 3], rate)));
                t
            }
        };
        let m = self.nu_mean_index();
        let mut lp = 0.0;
        for (i, (l, d)) in terms.into_iter().chain([
            (m, normal(v[m], self.hyper.nu_mean.0, self.hyper.nu_mean.1)),
            (m + 1, exponential(v[m + 1], self.hyper.nu_sd_rate)),
        ]) {
            lp += l;
            grad[i] += d;
        }
        lp
    }
}

impl ExamAverages {
    /// Names of the reported values (parameters, then derived quantities).
    fn names(&self) -> Vec<String> {
        let (j, a) = (self.schools.len(), self.authorities);
        let mut names = indexed("school_mu", j);
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        match self.pooling {
            ExamPooling::Unpooled => names.extend(indexed("school_nu", j)),
            ExamPooling::Pooled => {
                names.extend(indexed("school_nu_raw", j));
                names.extend(words(&[
                    "school_prior_alpha",
                    "school_prior_beta",
                    "school_prior_nu_mean",
                    "school_prior_nu_sd",
                ]));
                names.extend(indexed("school_nu", j));
            }
            ExamPooling::Authority => {
                names.extend(indexed("school_nu_raw", j));
                names.extend(words(&[
                    "authority_prior_alpha_mean",
                    "authority_prior_alpha_sd",
                    "authority_prior_beta_mean",
                    "authority_prior_beta_sd",
                    "school_prior_nu_mean",
                    "school_prior_nu_sd",
                ]));
                names.extend(indexed("school_prior_alpha_raw", a));
                names.extend(indexed("school_prior_beta_raw", a));
                names.extend(indexed("school_nu", j));
                names.extend(indexed("school_prior_alpha", a));
                names.extend(indexed("school_prior_beta", a));
            }
        }
        names
    }

    // ANCHOR: exam
    /// Log density at constrained values `v`, adding `∂/∂v` into `grad` (zeroed by
    /// the caller).
    fn constrained_log_density(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        let j = self.schools.len();
        let shapes = self.prior_shapes(v);
        let priors: Vec<BetaPrior> = shapes.iter().map(|&(a, b)| BetaPrior::new(a, b)).collect();
        let mut dshape = vec![(0.0, 0.0); shapes.len()];
        let (nu_mean, nu_sd) = match self.pooling {
            ExamPooling::Unpooled => (0.0, 0.0),
            _ => (v[self.nu_mean_index()], v[self.nu_mean_index() + 1]),
        };
        let mut lp = 0.0;
        for (i, school) in self.schools.iter().enumerate() {
            let mu = v[i];
            // Unpooled: nu is a parameter; pooled: nu = nu_mean + nu_sd * raw.
            let nu = match self.pooling {
                ExamPooling::Unpooled => v[j + i],
                _ => nu_mean + nu_sd * v[j + i],
            };
            let lik = mean_likelihood(school.mean, school.n, mu, nu);
            let k = if self.pooling == ExamPooling::Authority { school.authority } else { 0 };
            let p = priors[k].at(mu); // mu_j ~ beta(alpha_k, beta_k)
            lp += lik.lp + p.lp;
            grad[i] += lik.d1 + p.dx;
            dshape[k].0 += p.da;
            dshape[k].1 += p.db;
            match self.pooling {
                ExamPooling::Unpooled => {
                    let (l, d) = normal(nu, NU_PRIOR.0, NU_PRIOR.1);
                    lp += l;
                    grad[j + i] += lik.d2 + d;
                }
                _ => {
                    let raw = v[j + i];
                    let m = self.nu_mean_index();
                    lp -= 0.5 * raw * raw;
                    grad[j + i] += lik.d2 * nu_sd - raw;
                    grad[m] += lik.d2;
                    grad[m + 1] += lik.d2 * raw;
                }
            }
        }
        lp + self.hyper(v, &dshape, grad)
    }
    // ANCHOR_END: exam

    /// The reported values at constrained values `v`.
    fn outputs(&self, v: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(v);
        if self.pooling == ExamPooling::Unpooled {
            return;
        }
        let j = self.schools.len();
        let m = self.nu_mean_index();
        out.extend(v[j..2 * j].iter().map(|raw| v[m] + v[m + 1] * raw));
        if self.pooling == ExamPooling::Authority {
            let shapes = self.prior_shapes(v);
            out.extend(shapes.iter().map(|s| s.0));
            out.extend(shapes.iter().map(|s| s.1));
        }
    }
}

impl ExamAverages {
    fn constrain_all(&self, x: &[f64]) -> Vec<Constrained> {
        self.bounds.iter().zip(x).map(|(&b, &u)| constrain_one(b, u)).collect()
    }
}

/// The hand-written gradient on the constrained scale, carried to the free
/// coordinates by the chain rule through each transform, plus the log-Jacobians.
impl Model for ExamAverages {
    fn dim(&self) -> usize {
        self.bounds.len()
    }

    fn param_names(&self) -> Vec<String> {
        self.names()
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let c = self.constrain_all(x);
        let v: Vec<f64> = c.iter().map(|c| c.value).collect();
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut lp = self.constrained_log_density(&v, grad);
        for (g, c) in grad.iter_mut().zip(&c) {
            *g = *g * c.dvalue + c.dlog_jac;
            lp += c.log_jac;
        }
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let v: Vec<f64> = self.constrain_all(x).iter().map(|c| c.value).collect();
        self.outputs(&v, out);
    }
}
