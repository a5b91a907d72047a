//! The two Dirichlet-Multinomial models: hand-written gradients against the
//! automatic gradients of their declared twins, and the integrated model's exact
//! region draws.

use models::layer::check::check_against_declared;
use models::survey::data::Survey;
use models::survey::declared::{Full, Marginal};
use models::survey::{FullModel, MarginalModel, with_region_draws};
use sampler::{Model, Settings};

#[test]
fn full_model_gradient_matches_the_declared_model() {
    let survey = Survey::printed();
    let hand = FullModel::new(&survey);
    let auto = Full::declare(&survey).unwrap();
    assert_eq!(hand.dim(), 22);
    assert_eq!(hand.param_names(), auto.param_names());
    let agreement = check_against_declared(&hand, &auto, 1000, 11).unwrap();
    assert_eq!(agreement.points, 1000);
}

#[test]
fn marginal_model_gradient_matches_the_declared_model() {
    for survey in [Survey::printed(), Survey::printed().resized(10, 500)] {
        let hand = MarginalModel::new(&survey);
        let auto = Marginal::declare(&survey).unwrap();
        assert_eq!(hand.dim(), 4);
        assert_eq!(hand.param_names(), auto.param_names());
        check_against_declared(&hand, &auto, 1000, 12).unwrap();
    }
}

#[test]
fn a_wrong_gradient_is_caught() {
    // The check must fail when the two models differ: the declared twin of the
    // resized survey against the hand model of the printed one.
    let hand = MarginalModel::new(&Survey::printed());
    let auto = Marginal::declare(&Survey::printed().resized(10, 500)).unwrap();
    assert!(check_against_declared(&hand, &auto, 10, 12).is_err());
}

#[test]
fn both_models_name_their_outputs_alike() {
    let survey = Survey::printed();
    let full = FullModel::new(&survey);
    let mut out = Vec::new();
    full.constrain(&vec![0.0; full.dim()], &mut out);
    assert_eq!(out.len(), full.param_names().len());
    assert_eq!(full.param_names().len(), 1 + 4 + 24);
    // y = 0 is the centre of every simplex.
    assert!(out[1..].iter().all(|&p| (p - 0.25).abs() < 1e-12));

    let settings =
        Settings { num_warmup: 100, num_draws: 50, num_chains: 2, ..Settings::default() };
    let fit = sampler::fit(&MarginalModel::new(&survey), &settings).unwrap();
    let augmented = with_region_draws(&fit, &survey);
    assert_eq!(augmented.param_names, full.param_names());
    for chain in &augmented.chains {
        for draw in &chain.draws {
            assert_eq!(draw.len(), 29);
            for r in 0..6 {
                let s: f64 = draw[5 + 4 * r..9 + 4 * r].iter().sum();
                assert!((s - 1.0).abs() < 1e-12);
            }
        }
    }
}
