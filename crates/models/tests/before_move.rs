//! Every model against the values recorded before the chapters' models moved into
//! this crate (issue 15): `tests/fixtures/before_move/<name>.csv` holds, for each
//! model, its log density and gradient at points drawn from a fixed seed (standard
//! normal on the unconstrained scale), written by the code as it was. The models as
//! they are now must agree with them up to an additive constant in the log density,
//! `1e-12 · (1 + |lp|)` after removing the constant, and gradients component by
//! component within `1e-12 · (1 + |g|)`.

use models::Parameterization::{Centred, NonCentred};
use sampler::Model;
use sampler::rng::{chain_rng, uniform, uniform_open0};
use std::path::{Path, PathBuf};

/// Relative tolerance on log densities (after the constant) and gradients.
const TOLERANCE: f64 = 1e-12;

struct Fixture {
    dim: usize,
    seed: u64,
    /// `(x₁, lp, gradient)` per point.
    rows: Vec<(f64, f64, Vec<f64>)>,
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/before_move/{name}.csv"))
}

fn read_fixture(name: &str) -> Fixture {
    let text = std::fs::read_to_string(fixture_path(name)).unwrap();
    let mut lines = text.lines();
    let comment = lines.next().unwrap();
    let field = |key: &str| -> u64 {
        let start = comment.find(&format!("{key}=")).unwrap() + key.len() + 1;
        let rest = &comment[start..];
        let end = rest.find(';').unwrap_or(rest.len());
        rest[..end].parse().unwrap()
    };
    let (dim, seed) = (field("dim") as usize, field("seed"));
    lines.next(); // header
    let rows = lines
        .map(|l| {
            let v: Vec<f64> = l.split(',').map(|s| s.parse().unwrap()).collect();
            assert_eq!(v.len(), dim + 2, "{name}: a row of the wrong length");
            (v[0], v[1], v[2..].to_vec())
        })
        .collect();
    Fixture { dim, seed, rows }
}

/// `n` points of `dim` standard normal coordinates, drawn as the fixtures were
/// recorded: by the Box–Muller transform from `chain_rng(seed, 0, 0)`, the recipe of
/// `sampler::rng::std_normal` at the time. Frozen here so that the recorded points
/// stay put when the sampler changes its normal generator (each row's first
/// coordinate is checked against the fixture).
fn fixture_points(dim: usize, n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = chain_rng(seed, 0, 0);
    let mut normal = || {
        let u1 = uniform_open0(&mut rng);
        let u2 = uniform(&mut rng);
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    };
    (0..n).map(|_| (0..dim).map(|_| normal()).collect()).collect()
}

/// Checks `model` against fixture `name`; panics with the first disagreement.
fn check(name: &str, model: &dyn Model) {
    let f = read_fixture(name);
    assert_eq!(model.dim(), f.dim, "{name}: dimension");
    let points = fixture_points(f.dim, f.rows.len(), f.seed);
    let mut grad = vec![0.0; f.dim];
    let mut constant = f64::NAN;
    for (k, (x, (x1, lp_old, g_old))) in points.iter().zip(&f.rows).enumerate() {
        assert_eq!(x[0], *x1, "{name}: point {k} is not the recorded one");
        let lp = model.log_density_grad(x, &mut grad);
        if k == 0 {
            constant = lp - lp_old;
        }
        let err = (lp - lp_old - constant).abs() / (1.0 + lp_old.abs());
        assert!(
            err <= TOLERANCE,
            "{name}, point {k}: lp {lp:e}, before {lp_old:e}, constant {constant:e}, error {err:e}"
        );
        for (i, (g, g0)) in grad.iter().zip(g_old).enumerate() {
            let err = (g - g0).abs() / (1.0 + g0.abs());
            assert!(
                err <= TOLERANCE,
                "{name}, point {k}, coordinate {i}: gradient {g:e}, before {g0:e}, error {err:e}"
            );
        }
    }
}

#[test]
fn a_changed_model_fails_the_check() {
    // The check can fail: Eight Schools with one observed effect changed.
    let mut changed = models::EightSchools::new(NonCentred);
    changed.y[0] += 1.0;
    let result = std::panic::catch_unwind(|| check("eight_schools_non_centred", &changed));
    assert!(result.is_err());
}

#[test]
fn eight_schools_models() {
    use models::declared::eight_schools::{CompletePooling, NoPooling, Schools};
    use models::eight_schools::{SIGMA, Y};
    check("eight_schools_centred", &models::EightSchools::new(Centred));
    check("eight_schools_non_centred", &models::EightSchools::new(NonCentred));
    let cov = models::eight_schools_covariate::CovariateSchools {
        y: Y.to_vec(),
        sigma: SIGMA.to_vec(),
        x: vec![1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    };
    check("eight_schools_covariate", &cov);
    check("loo_complete", &CompletePooling::declare(Schools::classic()).unwrap());
    check("loo_no_pooling", &NoPooling::declare(Schools::classic()).unwrap());
}

#[test]
fn small_models() {
    check(
        "gaussian_bivariate",
        &models::gaussian::Gaussian::bivariate([1.0, -2.0], [1.5, 0.5], 0.6),
    );
    let pois = models::hierarchical_poisson::HierarchicalPoisson {
        y: vec![3.0, 7.0, 1.0, 12.0, 0.0, 5.0, 9.0, 4.0],
        exposure: models::hierarchical_poisson::HOSPITAL_EXPOSURE.to_vec(),
    };
    check("hierarchical_poisson", &pois);
    let binom = models::binomial_logit::BinomialLogit::declare(
        vec![12, 7, 20, 3],
        vec![45, 45, 50, 10],
        -1.0,
        1.5,
        1.0,
    )
    .unwrap();
    check("binomial_logit", &binom);
    use models::neals_funnel::NealsFunnel;
    check("neals_funnel_centred", &NealsFunnel::centred());
    check("neals_funnel_non_centred", &NealsFunnel::non_centred());
}

#[test]
fn normal_groups() {
    use models::normal_groups::*;
    let data =
        GroupStats::from_groups(&[vec![1.2, 0.4, 2.2], vec![3.1, 2.7], vec![-0.5, 0.3, 0.9, 1.4]])
            .unwrap();
    let priors = GroupPriors { mu_mean: 0.0, mu_sd: 5.0, tau_scale: 2.0, sigma_scale: 3.0 };
    let data2 = data.clone();
    check("normal_groups_complete", &CompletePoolingMeans { data: data2, priors });
    let data2 = data.clone();
    check("normal_groups_no_pooling", &NoPoolingMeans { data: data2, priors });
    for (parameterization, key) in [(Centred, "centred"), (NonCentred, "non_centred")] {
        let m = PartialPooling { data: data.clone(), priors, parameterization };
        check(&format!("normal_groups_partial_{key}"), &m);
    }
}

#[test]
fn high_school_and_beyond() {
    use models::hsb::data::Hsb;
    use models::pooling_regression::{CompletePoolingLines, NoPoolingLines};
    use models::varying_slopes::VaryingSlopes;
    let hsb = Hsb::load(Path::new(models::hsb::DEFAULT_DATA)).unwrap();
    let data = hsb.grouped().unwrap();
    check("hsb_complete", &CompletePoolingLines { data: data.clone() });
    check("hsb_no_pooling", &NoPoolingLines { data: data.clone() });
    check("hsb_partial_centred", &VaryingSlopes::new(data.clone(), Centred));
    check("hsb_partial_non_centred", &VaryingSlopes::new(data, NonCentred));
}

#[test]
fn survey() {
    use models::survey::{FullModel, MarginalModel, Survey};
    let survey = Survey::printed();
    check("survey_full", &FullModel::new(&survey));
    check("survey_marginal", &MarginalModel::new(&survey));
}

#[test]
fn beta_multilevel() {
    use models::beta_multilevel::exam::{ExamAverages, ExamPooling, SchoolSummary};
    use models::beta_multilevel::heights::Heights;
    use models::beta_multilevel::one_school::OneSchool;
    use models::beta_multilevel::schools::{BetaPooling, BetaSchools};
    use models::beta_multilevel::three_levels::ThreeLevels;
    let heights =
        vec![vec![180.0, 183.5, 178.2], vec![170.1, 171.0], vec![190.0, 188.0, 192.5, 189.9]];
    check("beta_heights", &Heights::declare(&heights).unwrap());
    let one = [0.7, 0.81, 0.93, 0.55, 0.77];
    check("beta_one_school", &OneSchool::declare(&one).unwrap());
    let scores = vec![vec![0.7, 0.8, 0.9], vec![0.6, 0.65], vec![0.91, 0.85, 0.88, 0.7]];
    let unpooled = BetaSchools::declare(&scores, BetaPooling::Unpooled).unwrap();
    check("beta_schools_unpooled", &unpooled);
    let pooled = BetaSchools::declare(&scores, BetaPooling::Pooled).unwrap();
    check("beta_schools_pooled", &pooled);
    let scores3 =
        vec![vec![0.7, 0.8, 0.9], vec![0.6, 0.65], vec![0.91, 0.85, 0.88], vec![0.5, 0.7]];
    let three = ThreeLevels::declare(&scores3, &[0, 0, 1, 1]).unwrap();
    check("beta_three_levels", &three);
    let schools: Vec<SchoolSummary> =
        [(0.64, 113.0, 0), (0.85, 59.0, 1), (0.62, 190.0, 2), (0.55, 40.0, 2)]
            .map(|(mean, n, authority)| SchoolSummary { mean, n, authority })
            .to_vec();
    for (p, key) in [
        (ExamPooling::Unpooled, "unpooled"),
        (ExamPooling::Pooled, "pooled"),
        (ExamPooling::Authority, "authority"),
    ] {
        check(&format!("beta_exam_{key}"), &ExamAverages::new(&schools, p));
    }
}
