//! The Beta multilevel models: the exam model's hand-written gradient against its
//! declared twin, and the names every declared model reports.

use models::beta_multilevel::exam::{ExamAverages, ExamHyperPriors, ExamPooling, SchoolSummary};
use models::beta_multilevel::exam_declared::ExamDeclared;
use models::beta_multilevel::schools::{BetaPooling, BetaSchools};
use models::beta_multilevel::three_levels::ThreeLevels;
use models::layer::check::check_against_declared;
use sampler::Model;

fn schools() -> Vec<SchoolSummary> {
    [(0.64, 113.0, 0), (0.85, 59.0, 1), (0.62, 190.0, 2), (0.55, 40.0, 2), (0.71, 33.0, 1)]
        .map(|(mean, n, authority)| SchoolSummary { mean, n, authority })
        .to_vec()
}

#[test]
fn exam_gradients_match_the_declared_model() {
    for pooling in [ExamPooling::Unpooled, ExamPooling::Pooled, ExamPooling::Authority] {
        let hand = ExamAverages::new(&schools(), pooling);
        let auto = ExamDeclared::declare(&schools(), pooling).unwrap();
        let agreement = check_against_declared(&hand, &auto, 1000, 21)
            .unwrap_or_else(|e| panic!("{pooling:?}: {e}"));
        assert_eq!(agreement.points, 1000);
        // The twin declares the same parameters, in the same order.
        let names = hand.param_names();
        assert_eq!(auto.param_names(), names[..auto.param_names().len()]);
    }
}

#[test]
fn widened_exam_hyperpriors_match_the_declared_model_and_differ_from_the_sources() {
    let wide = ExamHyperPriors::widened_shapes(3.0).unwrap();
    assert_eq!(wide.shapes, [(3.0, 0.5 * 3.0), (1.0, 0.3 * 3.0)]);
    assert_eq!(wide.shape_sd_rate, 1.0 / 3.0);
    assert_eq!((wide.nu_mean, wide.nu_sd_rate), ((30.0, 4.0), 1.0));
    for pooling in [ExamPooling::Pooled, ExamPooling::Authority] {
        let hand = ExamAverages::new(&schools(), pooling).with_hyper_priors(wide);
        let auto = ExamDeclared::declare_with(&schools(), pooling, wide).unwrap();
        check_against_declared(&hand, &auto, 1000, 22)
            .unwrap_or_else(|e| panic!("{pooling:?}: {e}"));
        // The source's hyperpriors are a different density: the check must see it.
        let source = ExamDeclared::declare(&schools(), pooling).unwrap();
        assert!(check_against_declared(&hand, &source, 10, 22).is_err());
    }
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(ExamHyperPriors::widened_shapes(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_wrong_exam_gradient_is_caught() {
    let hand = ExamAverages::new(&schools(), ExamPooling::Pooled);
    let mut other = schools();
    other[0].n += 1.0;
    let auto = ExamDeclared::declare(&other, ExamPooling::Pooled).unwrap();
    assert!(check_against_declared(&hand, &auto, 10, 21).is_err());
}

#[test]
fn declared_models_report_the_sources_names() {
    let scores = vec![vec![0.7, 0.8], vec![0.6, 0.65], vec![0.9, 0.85]];
    let pooled = BetaSchools::declare(&scores, BetaPooling::Pooled).unwrap();
    let names = pooled.param_names();
    assert_eq!(names.len(), 3 + 3 + 4 + 3);
    assert_eq!(names[6], "alpha_bar");
    assert_eq!(names[12], "nu_school.3");
    let three = ThreeLevels::declare(&scores, &[0, 0, 1]).unwrap();
    assert_eq!(three.dim(), 2 * 2 + 2 * 3 + 4);
    assert_eq!(three.param_names().last().unwrap(), "nu_district.2");
    assert!(ThreeLevels::declare(&scores, &[0, 1]).is_err());
}
