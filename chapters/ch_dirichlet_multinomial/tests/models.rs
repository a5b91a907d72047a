//! The two Dirichlet-Multinomial models: hand-written gradients against finite
//! differences, and the integrated model's exact region draws.

use ch_dirichlet_multinomial::data::Survey;
use ch_dirichlet_multinomial::models::{FullModel, MarginalModel, with_region_draws};
use sampler::rng::{chain_rng, std_normal};
use sampler::{Model, Settings};

fn random_points(dim: usize, count: usize) -> Vec<Vec<f64>> {
    let mut rng = chain_rng(4, 0, 0);
    (0..count)
        .map(|_| (0..dim).map(|_| 1.2 * std_normal(&mut rng)).collect())
        .collect()
}

#[test]
fn full_model_gradient_matches_finite_differences() {
    let model = FullModel::new(&Survey::printed());
    assert_eq!(model.dim(), 22);
    for x in random_points(model.dim(), 10) {
        let check = sampler::check_gradient(&model, &x);
        assert!(check.passes(1e-6), "{check}");
    }
}

#[test]
fn marginal_model_gradient_matches_finite_differences() {
    for survey in [Survey::printed(), Survey::printed().resized(10, 500)] {
        let model = MarginalModel::new(&survey);
        assert_eq!(model.dim(), 4);
        for x in random_points(model.dim(), 10) {
            let check = sampler::check_gradient(&model, &x);
            assert!(check.passes(1e-6), "{check}");
        }
    }
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

    let settings = Settings {
        num_warmup: 100,
        num_draws: 50,
        num_chains: 2,
        ..Settings::default()
    };
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
