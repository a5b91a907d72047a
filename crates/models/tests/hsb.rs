//! The High School and Beyond models: hand-written gradients against the automatic
//! gradients of their declared twins on a few schools of the real data, and the two
//! parameterisations of partial pooling against each other on all of it.

use models::Parameterization;
use models::correlated_slopes::CorrelatedSlopes;
use models::grouped_regression::GroupedRows;
use models::hsb::data::Hsb;
use models::hsb::declared::Regression;
use models::hsb::declared_correlated::CorrelatedRegression;
use models::hsb::fits::ModelKind;
use models::layer::check::{self, check_against_declared};
use models::pooling_regression::{CompletePoolingLines, NoPoolingLines};
use models::varying_slopes::VaryingSlopes;
use sampler::Model;
use sampler::rng::{chain_rng, std_normal};
use std::path::Path;

fn grouped() -> models::grouped_regression::GroupedRows {
    Hsb::load(Path::new(models::hsb::DEFAULT_DATA)).unwrap().grouped().unwrap()
}

/// A random point near where the posterior lives: hyperparameters around
/// their posterior values, group values standard normal (non-centred) or
/// around the population (centred).
fn random_point<M: Model>(m: &M, centred: bool, stream: u32) -> Vec<f64> {
    let mut rng = chain_rng(99, 0, stream);
    let d = m.dim();
    let mut x: Vec<f64> = (0..d).map(|_| std_normal(&mut rng)).collect();
    if d == 325 {
        x[0] = 12.6 + 0.5 * x[0];
        x[1] = 2.4 + 0.5 * x[1];
        x[2] = 0.8 + 0.3 * x[2];
        x[3] = -0.5 + 0.5 * x[3];
        if centred {
            for j in 0..160 {
                x[4 + j] = 12.6 + 2.0 * x[4 + j];
                x[164 + j] = 2.4 + 0.6 * x[164 + j];
            }
        }
        x[324] = 1.8 + 0.1 * x[324];
    }
    x
}

/// The first `schools` schools of the data: small enough for forward mode.
fn subset(schools: usize) -> GroupedRows {
    let hsb = Hsb::load(Path::new(models::hsb::DEFAULT_DATA)).unwrap();
    let rows: Vec<usize> = (0..hsb.len()).filter(|&i| hsb.school[i] < schools).collect();
    let pick = |v: Vec<f64>| rows.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let group: Vec<usize> = rows.iter().map(|&i| hsb.school[i]).collect();
    GroupedRows::new(&group, &pick(hsb.ses()), &pick(hsb.math()), schools).unwrap()
}

#[test]
fn hand_gradients_match_the_declared_models_on_six_schools() {
    let data = subset(6);
    assert!(data.len() > 200, "{} students", data.len());
    for kind in ModelKind::ALL {
        if kind == ModelKind::Correlated {
            continue; // its own test below
        }
        let auto = Regression::declare(data.clone(), kind).unwrap();
        let agreement = match kind {
            ModelKind::Complete => check_against_declared(
                &CompletePoolingLines { data: data.clone() },
                &auto,
                1000,
                31,
            ),
            ModelKind::NoPooling => {
                check_against_declared(&NoPoolingLines { data: data.clone() }, &auto, 1000, 32)
            }
            ModelKind::Centred => {
                let hand = VaryingSlopes::new(data.clone(), Parameterization::Centred);
                check_against_declared(&hand, &auto, 1000, 33)
            }
            ModelKind::NonCentred => {
                let hand = VaryingSlopes::new(data.clone(), Parameterization::NonCentred);
                check_against_declared(&hand, &auto, 1000, 34)
            }
            ModelKind::Correlated => unreachable!("skipped above"),
        }
        .unwrap_or_else(|e| panic!("{}: {e}", kind.label()));
        assert_eq!(agreement.points, 1000);
    }
}

#[test]
fn correlated_hand_gradient_matches_its_declared_twin_on_six_schools() {
    let data = subset(6);
    let auto = CorrelatedRegression::declare(data.clone()).unwrap();
    let hand = CorrelatedSlopes { data };
    let agreement = check_against_declared(&hand, &auto, 1000, 35).unwrap();
    assert_eq!(agreement.points, 1000);
    eprintln!("correlated: {agreement:?}");
    // The hand model reports the correlation as `rho`; the twin its Cholesky factor,
    // whose (2, 1) entry is the correlation.
    let x = check::random_points(hand.dim(), 1, 8).remove(0);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    hand.constrain(&x, &mut a);
    auto.constrain(&x, &mut b);
    assert_eq!(hand.param_names()[4], "rho");
    assert_eq!(auto.param_names()[6], "L_beta.2.1");
    assert!((a[4] - b[6]).abs() < 1e-15);
}

#[test]
fn a_wrong_correlated_gradient_is_caught() {
    // Declared on six schools, hand-written on five: the check must fail.
    let auto = CorrelatedRegression::declare(subset(6)).unwrap();
    let hand = CorrelatedSlopes { data: subset(5) };
    assert!(check_against_declared(&hand, &auto, 10, 1).is_err());
    assert!(Regression::declare(subset(2), ModelKind::Correlated).is_err());
}

#[test]
fn a_wrong_hand_gradient_is_caught() {
    // Declared on six schools, hand-written on five: the check must fail.
    let auto = Regression::declare(subset(6), ModelKind::NonCentred).unwrap();
    let hand = VaryingSlopes::new(subset(5), Parameterization::NonCentred);
    assert!(check_against_declared(&hand, &auto, 10, 1).is_err());
}

#[test]
fn parameterisations_agree_on_the_real_data() {
    // beta = mu + tau z: the log densities differ by J (log tau_0 + log tau_1).
    let data = grouped();
    let c = VaryingSlopes::new(data.clone(), Parameterization::Centred);
    let n = VaryingSlopes::new(data, Parameterization::NonCentred);
    let xn = random_point(&n, false, 7);
    let mut xc = xn.clone();
    for j in 0..160 {
        xc[4 + j] = xn[0] + xn[2].exp() * xn[4 + j];
        xc[164 + j] = xn[1] + xn[3].exp() * xn[164 + j];
    }
    let diff = c.log_density(&xc) - n.log_density(&xn);
    assert!((diff + 160.0 * (xn[2] + xn[3])).abs() < 1e-7, "diff {diff}");
}
