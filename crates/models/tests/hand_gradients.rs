//! The hand-written gradients of the models that keep them, against the automatic
//! gradients of the same models declared with the layer: log densities equal up to
//! a constant and gradients within `1e-10 · (1 + |auto|)` per component, at 1000
//! standard-normal points of the free space (`check_against_declared`). Eight
//! Schools and the hierarchical Poisson model are checked in
//! `declared_eight_schools.rs`, the survey in `survey.rs`, High School and Beyond in
//! `hsb.rs`, the exam model in `beta_multilevel.rs`.

use models::Parameterization;
use models::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use models::eight_schools_covariate::{BETA_PRIOR_SD, CovariateSchools};
use models::factor_gaussian::FactorGaussian;
use models::gaussian::Gaussian;
use models::layer::check::check_against_declared;
use models::layer::{
    Declaration, Declared, Density, Number, Params, Scalar, Support, Target, Vector,
};
use models::lpdf::{half_normal, normal};
use models::neals_funnel::{NealsFunnel, V_SD};
use models::normal_groups::{self, GroupPriors};

/// Neal's funnel: `v ~ Normal(0, 3)`, `x_k ~ Normal(0, exp(v/2))`, or `z_k ~ Normal(0, 1)`.
struct Funnel {
    v: Scalar,
    x: Vector,
    non_centred: bool,
}

impl Density for Funnel {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let v = p[self.v];
        let mut target = Target::new();
        target += normal(v, 0.0, V_SD);
        for &x in &p[self.x] {
            target += match self.non_centred {
                true => normal(x, 0.0, 1.0),
                false => normal(x, 0.0, (v * 0.5).exp()),
            };
        }
        target.value()
    }
}

#[test]
fn neals_funnel() {
    for hand in [NealsFunnel::centred(), NealsFunnel::non_centred()] {
        let mut p = Declaration::new();
        let v = p.real("v");
        let x = p.vector("x", hand.k, Support::Real);
        let non_centred = hand.non_centred;
        let auto = Declared::new(p, Funnel { v, x, non_centred }).unwrap();
        check_against_declared(&hand, &auto, 1000, 41).unwrap();
    }
}

/// A multivariate normal given by its precision matrix.
struct MultiNormal {
    mean: Vec<f64>,
    precision: Vec<f64>,
    x: Vector,
}

impl Density for MultiNormal {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let d = self.mean.len();
        let dev: Vec<T> = p[self.x].iter().zip(&self.mean).map(|(&x, &m)| x - m).collect();
        let mut quad = T::from(0.0);
        for i in 0..d {
            for j in 0..d {
                quad += dev[i] * dev[j] * self.precision[i * d + j];
            }
        }
        quad * -0.5
    }
}

#[test]
fn gaussians() {
    let ar1 = {
        // The benchmark's correlated Gaussian, smaller: AR(1) correlation 0.9.
        let d: usize = 20;
        let rho: f64 = 0.9;
        let cov: Vec<f64> = (0..d * d).map(|k| rho.powi((k / d).abs_diff(k % d) as i32)).collect();
        let inv = nalgebra::DMatrix::from_row_slice(d, d, &cov).try_inverse().unwrap();
        Gaussian {
            mean: (0..d).map(|i| i as f64 * 0.1).collect(),
            precision: inv.transpose().as_slice().to_vec(),
        }
    };
    for hand in [Gaussian::bivariate([1.0, -2.0], [1.5, 0.5], 0.6), ar1] {
        let mut p = Declaration::new();
        let x = p.vector("x", hand.mean.len(), Support::Real);
        let (mean, precision) = (hand.mean.clone(), hand.precision.clone());
        let auto = Declared::new(p, MultiNormal { mean, precision, x }).unwrap();
        check_against_declared(&hand, &auto, 1000, 42).unwrap();
    }
}

/// The factor Gaussian's Woodbury gradient against the dense precision
/// (the inverse of its exact covariance), declared.
#[test]
fn factor_gaussian() {
    let d = 15;
    let mean: Vec<f64> = (0..d).map(|i| 0.3 * i as f64 - 2.0).collect();
    let scales: Vec<f64> = (0..d).map(|i| 0.2 + 0.4 * i as f64).collect();
    let loadings: Vec<Vec<f64>> =
        (0..3).map(|j| (0..d).map(|i| ((i * (j + 2)) % 5) as f64 - 1.5).collect()).collect();
    let hand = FactorGaussian::new(mean.clone(), scales, &loadings).unwrap();
    let inv = nalgebra::DMatrix::from_row_slice(d, d, &hand.covariance()).try_inverse().unwrap();
    let mut p = Declaration::new();
    let x = p.vector("x", d, Support::Real);
    let precision = inv.transpose().as_slice().to_vec();
    let auto = Declared::new(p, MultiNormal { mean, precision, x }).unwrap();
    check_against_declared(&hand, &auto, 200, 43).unwrap();
}

/// Eight Schools with a school-level covariate, non-centred.
struct Covariate {
    x: Vec<f64>,
    mu: Scalar,
    beta: Scalar,
    tau: Scalar,
    eta: Vector,
}

impl Density for Covariate {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, beta, tau) = (p[self.mu], p[self.beta], p[self.tau]);
        let mut target = Target::new();
        target += normal(mu, 0.0, MU_PRIOR_SD);
        target += normal(beta, 0.0, BETA_PRIOR_SD);
        target += half_normal(tau, TAU_PRIOR_SCALE);
        for (i, &eta) in p[self.eta].iter().enumerate() {
            target += normal(eta, 0.0, 1.0);
            target += normal(Y[i], mu + beta * self.x[i] + tau * eta, SIGMA[i]);
        }
        target.value()
    }
}

#[test]
fn eight_schools_with_a_covariate() {
    let x = vec![1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let hand = CovariateSchools { y: Y.to_vec(), sigma: SIGMA.to_vec(), x: x.clone() };
    let mut p = Declaration::new();
    let (mu, beta, tau) = (p.real("mu"), p.real("beta"), p.positive("tau"));
    let eta = p.vector("eta", Y.len(), Support::Real);
    let auto = Declared::new(p, Covariate { x, mu, beta, tau, eta }).unwrap();
    check_against_declared(&hand, &auto, 1000, 43).unwrap();
}

/// The three pooling models of the pooling chapter, on raw observations.
struct Groups {
    groups: Vec<Vec<f64>>,
    priors: GroupPriors,
    /// `mu`, `tau` (partial pooling only).
    population: Option<(Scalar, Scalar)>,
    non_centred: bool,
    /// One mean for all (complete pooling) or one per group.
    means: Vector,
    /// One sd for all, or one per group (no pooling).
    sigmas: Vector,
}

impl Density for Groups {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let pr = &self.priors;
        let mut target = Target::new();
        let mut means = p[self.means].to_vec();
        match self.population {
            None => {
                for &m in &means {
                    target += normal(m, pr.mu_mean, pr.mu_sd);
                }
            }
            Some((mu, tau)) => {
                let (mu, tau) = (p[mu], p[tau]);
                target += normal(mu, pr.mu_mean, pr.mu_sd);
                target += half_normal(tau, pr.tau_scale);
                for m in &mut means {
                    if self.non_centred {
                        target += normal(*m, 0.0, 1.0);
                        *m = mu + tau * *m;
                    } else {
                        target += normal(*m, mu, tau);
                    }
                }
            }
        }
        let sigmas = &p[self.sigmas];
        for &s in sigmas {
            target += half_normal(s, pr.sigma_scale);
        }
        for (i, group) in self.groups.iter().enumerate() {
            let (m, s) = (means[i.min(means.len() - 1)], sigmas[i.min(sigmas.len() - 1)]);
            for &y in group {
                target += normal(y, m, s);
            }
        }
        target.value()
    }
}

#[test]
fn pooling_models() {
    let groups = vec![vec![1.2, 0.4, 2.2], vec![3.1, 2.7], vec![-0.5, 0.3, 0.9, 1.4], vec![5.0]];
    let data = normal_groups::GroupStats::from_groups(&groups).unwrap();
    let priors = GroupPriors { mu_mean: 1.0, mu_sd: 5.0, tau_scale: 2.0, sigma_scale: 3.0 };
    let j = groups.len();
    let declare = |partial: Option<bool>, per_group: bool| {
        let mut p = Declaration::new();
        let (population, means, sigmas) = match partial {
            None if !per_group => {
                let means = p.vector("mu", 1, Support::Real);
                (None, means, p.vector("sigma", 1, Support::Positive))
            }
            None => {
                let means = p.vector("theta", j, Support::Real);
                (None, means, p.vector("sigma", j, Support::Positive))
            }
            Some(_) => {
                let population = Some((p.real("mu"), p.positive("tau")));
                let sigmas = p.vector("sigma", 1, Support::Positive);
                (population, p.vector("theta", j, Support::Real), sigmas)
            }
        };
        let density = Groups {
            groups: groups.clone(),
            priors,
            population,
            non_centred: partial == Some(true),
            means,
            sigmas,
        };
        Declared::new(p, density).unwrap()
    };
    let complete = normal_groups::CompletePoolingMeans { data: data.clone(), priors };
    check_against_declared(&complete, &declare(None, false), 1000, 45).unwrap();
    let no = normal_groups::NoPoolingMeans { data: data.clone(), priors };
    check_against_declared(&no, &declare(None, true), 1000, 46).unwrap();
    for (parameterization, non_centred) in
        [(Parameterization::Centred, false), (Parameterization::NonCentred, true)]
    {
        let partial =
            normal_groups::PartialPooling { data: data.clone(), priors, parameterization };
        check_against_declared(&partial, &declare(Some(non_centred), true), 1000, 47)
            .unwrap_or_else(|e| panic!("{parameterization:?}: {e}"));
    }
}
