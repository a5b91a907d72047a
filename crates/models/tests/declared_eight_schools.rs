//! Eight Schools written with the model layer against the hand-written
//! `models::EightSchools` (same density up to a constant, same gradient, at 1000
//! points), a second hand-written model checked the same way, and a NUTS fit of the
//! declared model against the exact posterior.

use diagnostics::mcse_mean;
use models::declared::eight_schools::{Centred, NonCentred, Schools};
use models::eight_schools_exact::ExactPosterior;
use models::hierarchical_poisson::{HOSPITAL_EXPOSURE, HierarchicalPoisson};
use models::layer::check::check_against_declared;
use models::layer::{
    Declaration, Declared, Density, Number, Params, Scalar, Support, Target, Vector,
};
use models::{EightSchools, Parameterization, Priors, lpdf};
use sampler::{Model, Settings, fit};

#[test]
fn declared_eight_schools_is_the_hand_written_model() {
    let nc = NonCentred::declare(Schools::classic()).unwrap();
    let c = Centred::declare(Schools::classic()).unwrap();
    for (hand, agreement) in [
        (
            Parameterization::NonCentred,
            check_against_declared(&EightSchools::new(Parameterization::NonCentred), &nc, 1000, 15),
        ),
        (
            Parameterization::Centred,
            check_against_declared(&EightSchools::new(Parameterization::Centred), &c, 1000, 15),
        ),
    ] {
        let a = agreement.unwrap_or_else(|e| panic!("{hand:?}: {e}"));
        assert_eq!(a.points, 1000);
        // The hand model drops the normal distributions' constants.
        assert!(a.constant.is_finite() && a.constant != 0.0, "{hand:?}: {a:?}");
    }
}

#[test]
fn declared_eight_schools_agrees_on_other_data_and_priors() {
    let priors = Priors { mu_mean: 50.0, mu_sd: 25.0, tau_scale: 10.0 };
    let (y, sigma) = (vec![70.0, 64.0, 75.5], vec![2.5, 2.5, 4.0]);
    let data = Schools::new(y.clone(), sigma.clone(), priors).unwrap();
    let hand = EightSchools::from_data(y, sigma, priors, Parameterization::NonCentred).unwrap();
    let auto = NonCentred::declare(data).unwrap();
    check_against_declared(&hand, &auto, 1000, 16).unwrap();
    assert!(Schools::new(vec![1.0], vec![0.0], priors).is_err());
}

#[test]
fn every_size_of_model_gets_the_hand_gradient() {
    // d = 3 … 13 covers each dual width the layer picks (3, 6, chunks of 10).
    for j in 1..=11 {
        let y: Vec<f64> = (0..j).map(|i| 3.0 * i as f64 - 5.0).collect();
        let sigma = vec![9.0; j];
        let p = Priors::EIGHT_SCHOOLS;
        let hand = |form| EightSchools::from_data(y.clone(), sigma.clone(), p, form).unwrap();
        let data = Schools::new(y.clone(), sigma.clone(), p).unwrap();
        let nc = NonCentred::declare(data.clone()).unwrap();
        let c = Centred::declare(data).unwrap();
        check_against_declared(&hand(Parameterization::NonCentred), &nc, 100, j as u64)
            .unwrap_or_else(|e| panic!("J = {j}, non-centred: {e}"));
        check_against_declared(&hand(Parameterization::Centred), &c, 100, j as u64)
            .unwrap_or_else(|e| panic!("J = {j}, centred: {e}"));
    }
}

#[test]
fn declared_eight_schools_reports_the_same_draws_by_name() {
    let hand = EightSchools::new(Parameterization::NonCentred);
    let auto = NonCentred::declare(Schools::classic()).unwrap();
    let x: Vec<f64> = (0..10).map(|i| 0.4 * i as f64 - 2.0).collect();
    let (mut h, mut a) = (Vec::new(), Vec::new());
    hand.constrain(&x, &mut h);
    auto.constrain(&x, &mut a);
    let mut hand_names = hand.param_names();
    let mut auto_names = auto.param_names();
    assert_eq!(auto_names[..4], ["mu", "tau", "eta.1", "eta.2"]);
    let mut hv: Vec<(String, f64)> = hand_names.drain(..).zip(h).collect();
    let mut av: Vec<(String, f64)> = auto_names.drain(..).zip(a).collect();
    hv.sort_by(|p, q| p.0.cmp(&q.0));
    av.sort_by(|p, q| p.0.cmp(&q.0));
    assert_eq!(hv, av);
}

/// `models::EightSchools` with one gradient component (`Some(i)`) or its log density
/// (`None`) spoiled, to see the check fail.
struct Spoiled(EightSchools, Option<usize>);

impl Model for Spoiled {
    fn dim(&self) -> usize {
        self.0.dim()
    }
    fn param_names(&self) -> Vec<String> {
        self.0.param_names()
    }
    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let lp = self.0.log_density_grad(x, grad);
        match self.1 {
            Some(i) => {
                grad[i] *= 1.0 + 1e-8;
                lp
            }
            None => lp + 1e-9 * x[0] * x[0],
        }
    }
    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        self.0.constrain(x, out)
    }
}

#[test]
fn a_wrong_hand_gradient_is_named_by_its_coordinate() {
    let auto = NonCentred::declare(Schools::classic()).unwrap();
    for (i, name) in [(1, "log tau"), (4, "eta.3")] {
        let spoiled = Spoiled(EightSchools::new(Parameterization::NonCentred), Some(i));
        let err = check_against_declared(&spoiled, &auto, 10, 1).unwrap_err();
        assert!(err.contains(&format!("∂/∂({name})")), "{err}");
    }
    let spoiled = Spoiled(EightSchools::new(Parameterization::NonCentred), None);
    let err = check_against_declared(&spoiled, &auto, 10, 1).unwrap_err();
    assert!(err.contains(": log density hand"), "{err}");
    let wrong_model = EightSchools::new(Parameterization::Centred);
    let err = check_against_declared(&wrong_model, &auto, 10, 1).unwrap_err();
    assert!(err.starts_with("point 0: ∂/∂(mu)"), "{err}");
}

/// The hospitals of exercise 5.8.3, declared: the twin of `HierarchicalPoisson`.
#[derive(Debug)]
struct Hospitals {
    y: Vec<f64>,
    log_exposure: Vec<f64>,
    mu_log: Scalar,
    sigma_log: Scalar,
    z: Vector,
}

impl Density for Hospitals {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, sigma) = (p[self.mu_log], p[self.sigma_log]);
        let mut target = Target::new();
        target += lpdf::normal(mu, 0.0, 1.0);
        target += lpdf::half_normal(sigma, 1.0);
        for (j, &z) in p[self.z].iter().enumerate() {
            target += lpdf::normal(z, 0.0, 1.0);
            target += lpdf::poisson_log(self.y[j], mu + sigma * z + self.log_exposure[j]);
        }
        target.value()
    }
}

#[test]
fn hierarchical_poisson_hand_gradient_matches_the_declared_model() {
    let y = vec![3.0, 10.0, 3.0, 8.0, 1.0, 11.0, 10.0, 8.0];
    let hand = HierarchicalPoisson { y: y.clone(), exposure: HOSPITAL_EXPOSURE.to_vec() };
    let mut p = Declaration::new();
    let mu_log = p.real("mu_log");
    let sigma_log = p.positive("sigma_log");
    let z = p.vector("z", y.len(), Support::Real);
    let log_exposure = HOSPITAL_EXPOSURE.iter().map(|e| e.ln()).collect();
    let hospitals = Hospitals { y, log_exposure, mu_log, sigma_log, z };
    let auto = Declared::new(p, hospitals).unwrap();
    let a = check_against_declared(&hand, &auto, 1000, 17).unwrap();
    assert!(a.max_gradient_error <= 1e-10, "{a:?}");
}

#[test]
fn declared_non_centred_fit_recovers_the_exact_posterior_means() {
    let model = NonCentred::declare(Schools::classic()).unwrap();
    let settings = Settings { seed: 20261205, ..Settings::default() };
    let f = fit(&model, &settings).unwrap();
    let exact = ExactPosterior::eight_schools(20_000, 80.0);
    let mut truths = vec![("mu".to_string(), exact.mu.0), ("tau".to_string(), exact.tau.0)];
    for (j, theta) in exact.theta.iter().enumerate() {
        truths.push((format!("theta.{}", j + 1), theta.0));
    }
    for (name, truth) in truths {
        let chains = f.chains_by_name(&name).unwrap();
        let n: usize = chains.iter().map(Vec::len).sum();
        let mean = chains.iter().flatten().sum::<f64>() / n as f64;
        let se = mcse_mean(&chains);
        assert!(
            (mean - truth).abs() <= 4.0 * se,
            "{name}: exact {truth}, NUTS {mean} ± {se} (MCSE)"
        );
    }
}
