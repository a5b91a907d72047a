//! The exam-averages model stated with the model layer: the twin the hand-written
//! gradient of [`super::exam::ExamAverages`] is tested against. Same parameters in
//! the same order; no derived quantities (the hand model reports those).

use super::exam::{ExamHyperPriors, ExamPooling, MU_PRIOR, NU_PRIOR, SchoolSummary};
use crate::layer::{
    Declaration, Declared, Density, Number, Params, Scalar, Support, Target, Vector,
};
use crate::lpdf::{beta, exponential, half_normal, normal};
use sampler::Result;

/// The hyperparameters of one pooled form.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hyper {
    /// Fixed priors.
    Unpooled,
    /// One shared `Beta(alpha, beta)`.
    Pooled { alpha: Scalar, beta: Scalar },
    /// `Beta(alpha_k, beta_k)` per authority, non-centred around shared means.
    Authority {
        alpha_mean: Scalar,
        alpha_sd: Scalar,
        beta_mean: Scalar,
        beta_sd: Scalar,
        alpha_raw: Vector,
        beta_raw: Vector,
    },
}

/// The exam-averages model, declared.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamDeclared {
    schools: Vec<SchoolSummary>,
    mu: Vector,
    /// `school_nu` (unpooled) or `school_nu_raw`.
    nu: Vector,
    /// `school_prior_nu_mean`, `school_prior_nu_sd` (pooled forms).
    nu_prior: Option<(Scalar, Scalar)>,
    hyper: Hyper,
    priors: ExamHyperPriors,
}

impl ExamDeclared {
    /// Declares the parameters of `pooling` for these schools, with the source's
    /// hyperpriors.
    pub fn declare(schools: &[SchoolSummary], pooling: ExamPooling) -> Result<Declared<Self>> {
        Self::declare_with(schools, pooling, ExamHyperPriors::default())
    }

    /// Declares the parameters of `pooling` for these schools, with `priors`.
    pub fn declare_with(
        schools: &[SchoolSummary],
        pooling: ExamPooling,
        priors: ExamHyperPriors,
    ) -> Result<Declared<Self>> {
        let j = schools.len();
        let a = schools.iter().map(|s| s.authority + 1).max().unwrap_or(0);
        let pos = Support::Positive;
        let mut p = Declaration::new();
        let mu = p.vector("school_mu", j, Support::Interval(0.0, 1.0));
        let (nu, nu_prior, hyper) = match pooling {
            ExamPooling::Unpooled => (p.vector("school_nu", j, pos), None, Hyper::Unpooled),
            ExamPooling::Pooled => {
                let nu = p.vector("school_nu_raw", j, pos);
                let alpha = p.positive("school_prior_alpha");
                let beta = p.positive("school_prior_beta");
                let m = (p.positive("school_prior_nu_mean"), p.positive("school_prior_nu_sd"));
                (nu, Some(m), Hyper::Pooled { alpha, beta })
            }
            ExamPooling::Authority => {
                let nu = p.vector("school_nu_raw", j, pos);
                let alpha_mean = p.positive("authority_prior_alpha_mean");
                let alpha_sd = p.positive("authority_prior_alpha_sd");
                let beta_mean = p.positive("authority_prior_beta_mean");
                let beta_sd = p.positive("authority_prior_beta_sd");
                let m = (p.positive("school_prior_nu_mean"), p.positive("school_prior_nu_sd"));
                let alpha_raw = p.vector("school_prior_alpha_raw", a, pos);
                let beta_raw = p.vector("school_prior_beta_raw", a, pos);
                let hyper = Hyper::Authority {
                    alpha_mean,
                    alpha_sd,
                    beta_mean,
                    beta_sd,
                    alpha_raw,
                    beta_raw,
                };
                (nu, Some(m), hyper)
            }
        };
        let model = Self { schools: schools.to_vec(), mu, nu, nu_prior, hyper, priors };
        Declared::new(p, model)
    }

    /// The prior shapes of each authority (one pair for the unpooled and pooled
    /// forms), adding the hyperpriors to `target`.
    fn shapes<T: Number>(&self, p: &Params<T>, target: &mut Target<T>) -> Vec<(T, T)> {
        let [(a0, a1), (b0, b1)] = self.priors.shapes;
        let rate = self.priors.shape_sd_rate;
        match self.hyper {
            Hyper::Unpooled => vec![(T::from(MU_PRIOR.0), T::from(MU_PRIOR.1))],
            Hyper::Pooled { alpha, beta } => {
                *target += normal(p[alpha], a0, a1);
                *target += normal(p[beta], b0, b1);
                vec![(p[alpha], p[beta])]
            }
            Hyper::Authority { alpha_mean, alpha_sd, beta_mean, beta_sd, alpha_raw, beta_raw } => {
                *target += normal(p[alpha_mean], a0, a1);
                *target += exponential(p[alpha_sd], rate);
                *target += normal(p[beta_mean], b0, b1);
                *target += exponential(p[beta_sd], rate);
                let raws = p[alpha_raw].iter().zip(&p[beta_raw]);
                raws.map(|(&ra, &rb)| {
                    *target += normal(ra, 0.0, 1.0);
                    *target += normal(rb, 0.0, 1.0);
                    let alpha = p[alpha_mean] + p[alpha_sd] * ra;
                    (alpha, p[beta_mean] + p[beta_sd] * rb)
                })
                .collect()
            }
        }
    }
}

impl Density for ExamDeclared {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let mut target = Target::new();
        let shapes = self.shapes(p, &mut target);
        if let Some((m, s)) = self.nu_prior {
            let (m0, m1) = self.priors.nu_mean;
            target += normal(p[m], m0, m1);
            target += exponential(p[s], self.priors.nu_sd_rate);
        }
        let rows = self.schools.iter().zip(&p[self.mu]).zip(&p[self.nu]);
        for ((school, &mu), &nu) in rows {
            let (nu, k) = match (self.nu_prior, self.hyper) {
                (None, _) => {
                    target += normal(nu, NU_PRIOR.0, NU_PRIOR.1);
                    (nu, 0)
                }
                (Some((m, s)), hyper) => {
                    target += half_normal(nu, 1.0); // raw ~ std_normal(), bounded below by 0
                    let k = match hyper {
                        Hyper::Authority { .. } => school.authority,
                        _ => 0,
                    };
                    (p[m] + p[s] * nu, k)
                }
            };
            // school_mean ~ normal(mu, sqrt(mu (1 - mu) / ((nu + 1) n)))
            let var = mu * (-mu + 1.0) / ((nu + 1.0) * school.n);
            target += normal(school.mean, mu, var.sqrt());
            target += beta(mu, shapes[k].0, shapes[k].1);
        }
        target.value()
    }
}
