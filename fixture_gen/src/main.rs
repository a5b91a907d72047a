//! One-off generator of `crates/models/tests/fixtures/before_move/*.csv`: every model's
//! log density and gradient at points drawn from a fixed seed (standard normal on the
//! unconstrained scale), recorded with the code as it was before the models moved.

use models::layer::check::random_points;
use sampler::Model;
use std::fmt::Write as _;
use std::path::Path;

const SEED: u64 = 20_261_205;

fn record(dir: &Path, name: &str, what: &str, model: &dyn Model, n: usize) {
    let d = model.dim();
    let mut s = format!("# {what}; dim={d}; seed={SEED}; points={n}\n");
    s.push_str("x1,lp");
    for i in 1..=d {
        write!(s, ",g.{i}").unwrap();
    }
    s.push('\n');
    let mut grad = vec![0.0; d];
    for x in random_points(d, n, SEED) {
        let lp = model.log_density_grad(&x, &mut grad);
        write!(s, "{:.16e},{lp:.16e}", x[0]).unwrap();
        for g in &grad {
            write!(s, ",{g:.16e}").unwrap();
        }
        s.push('\n');
    }
    std::fs::write(dir.join(format!("{name}.csv")), s).unwrap();
    eprintln!("{name}: d = {d}");
}

fn main() {
    use models::Parameterization::{Centred, NonCentred};
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/models/tests/fixtures/before_move");
    std::fs::create_dir_all(&dir).unwrap();
    let n = 1000;

    // crates/models
    let es = |p| models::EightSchools::new(p);
    record(
        &dir,
        "eight_schools_centred",
        "models::EightSchools centred, classic data",
        &es(Centred),
        n,
    );
    record(
        &dir,
        "eight_schools_non_centred",
        "models::EightSchools non-centred, classic data",
        &es(NonCentred),
        n,
    );
    let cov = models::eight_schools_covariate::CovariateSchools {
        y: models::eight_schools::Y.to_vec(),
        sigma: models::eight_schools::SIGMA.to_vec(),
        x: vec![1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    };
    record(
        &dir,
        "eight_schools_covariate",
        "CovariateSchools, classic data, x = 1,0,1,0,0,1,0,0",
        &cov,
        n,
    );
    let gauss = models::gaussian::Gaussian::bivariate([1.0, -2.0], [1.5, 0.5], 0.6);
    record(
        &dir,
        "gaussian_bivariate",
        "Gaussian::bivariate([1, -2], [1.5, 0.5], 0.6)",
        &gauss,
        n,
    );
    let pois = models::hierarchical_poisson::HierarchicalPoisson {
        y: vec![3.0, 7.0, 1.0, 12.0, 0.0, 5.0, 9.0, 4.0],
        exposure: models::hierarchical_poisson::HOSPITAL_EXPOSURE.to_vec(),
    };
    record(
        &dir,
        "hierarchical_poisson",
        "HierarchicalPoisson, y = 3,7,1,12,0,5,9,4, hospital exposures",
        &pois,
        n,
    );
    let binom = models::binomial_logit::BinomialLogit::new(
        vec![12, 7, 20, 3],
        vec![45, 45, 50, 10],
        -1.0,
        1.5,
        1.0,
    )
    .unwrap();
    record(
        &dir,
        "binomial_logit",
        "BinomialLogit, y = 12,7,20,3 of 45,45,50,10, priors (-1, 1.5, 1)",
        &binom,
        n,
    );
    record(
        &dir,
        "neals_funnel_centred",
        "NealsFunnel::centred()",
        &models::neals_funnel::NealsFunnel::centred(),
        n,
    );
    record(
        &dir,
        "neals_funnel_non_centred",
        "NealsFunnel::non_centred()",
        &models::neals_funnel::NealsFunnel::non_centred(),
        n,
    );
    {
        use models::normal_groups::*;
        let data = GroupedData::from_groups(&[
            vec![1.2, 0.4, 2.2],
            vec![3.1, 2.7],
            vec![-0.5, 0.3, 0.9, 1.4],
        ])
        .unwrap();
        let priors = GroupPriors {
            mu_mean: 0.0,
            mu_sd: 5.0,
            tau_scale: 2.0,
            sigma_scale: 3.0,
        };
        let what = "groups [1.2,0.4,2.2],[3.1,2.7],[-0.5,0.3,0.9,1.4], priors (0, 5, 2, 3)";
        record(
            &dir,
            "normal_groups_complete",
            &format!("normal_groups::CompletePooling, {what}"),
            &CompletePooling {
                data: data.clone(),
                priors,
            },
            n,
        );
        record(
            &dir,
            "normal_groups_no_pooling",
            &format!("normal_groups::NoPooling, {what}"),
            &NoPooling {
                data: data.clone(),
                priors,
            },
            n,
        );
        for (p, key) in [(Centred, "centred"), (NonCentred, "non_centred")] {
            let m = PartialPooling {
                data: data.clone(),
                priors,
                parameterization: p,
            };
            record(
                &dir,
                &format!("normal_groups_partial_{key}"),
                &format!("normal_groups::PartialPooling {key}, {what}"),
                &m,
                n,
            );
        }
    }
    {
        let hsb = ch_hsb::data::Hsb::load(Path::new(ch_hsb::DEFAULT_DATA)).unwrap();
        let data = hsb.grouped().unwrap();
        let m = 20;
        use models::pooling_regression::{CompletePooling, NoPooling};
        use models::varying_slopes::VaryingSlopes;
        record(
            &dir,
            "hsb_complete",
            "pooling_regression::CompletePooling on data/hsb82.csv",
            &CompletePooling { data: data.clone() },
            n,
        );
        record(
            &dir,
            "hsb_no_pooling",
            "pooling_regression::NoPooling on data/hsb82.csv",
            &NoPooling { data: data.clone() },
            m,
        );
        record(
            &dir,
            "hsb_partial_centred",
            "VaryingSlopes centred on data/hsb82.csv",
            &VaryingSlopes::new(data.clone(), Centred),
            m,
        );
        record(
            &dir,
            "hsb_partial_non_centred",
            "VaryingSlopes non-centred on data/hsb82.csv",
            &VaryingSlopes::new(data, NonCentred),
            m,
        );
    }

    // chapters
    record(
        &dir,
        "loo_complete",
        "ch_loo::pooling_models::CompletePooling (Eight Schools)",
        &ch_loo::pooling_models::CompletePooling,
        n,
    );
    record(
        &dir,
        "loo_no_pooling",
        "ch_loo::pooling_models::NoPooling (Eight Schools)",
        &ch_loo::pooling_models::NoPooling,
        n,
    );
    {
        use ch_dirichlet_multinomial::data::Survey;
        use ch_dirichlet_multinomial::models::{FullModel, MarginalModel};
        let survey = Survey::printed();
        record(
            &dir,
            "survey_full",
            "ch_dirichlet_multinomial FullModel, printed survey",
            &FullModel::new(&survey),
            n,
        );
        record(
            &dir,
            "survey_marginal",
            "ch_dirichlet_multinomial MarginalModel, printed survey",
            &MarginalModel::new(&survey),
            n,
        );
    }
    {
        use ch_beta_multilevel::models::Unconstrained;
        use ch_beta_multilevel::models::exam::{ExamAverages, ExamPooling, SchoolSummary};
        use ch_beta_multilevel::models::heights::Heights;
        use ch_beta_multilevel::models::one_school::OneSchool;
        use ch_beta_multilevel::models::schools::{Pooling, Schools};
        use ch_beta_multilevel::models::three_levels::ThreeLevels;
        let heights = vec![
            vec![180.0, 183.5, 178.2],
            vec![170.1, 171.0],
            vec![190.0, 188.0, 192.5, 189.9],
        ];
        record(
            &dir,
            "beta_heights",
            "Heights, [180,183.5,178.2],[170.1,171],[190,188,192.5,189.9]",
            &Unconstrained(Heights::new(&heights)),
            n,
        );
        let one = [0.7, 0.81, 0.93, 0.55, 0.77];
        record(
            &dir,
            "beta_one_school",
            "OneSchool, scores 0.7,0.81,0.93,0.55,0.77",
            &Unconstrained(OneSchool::new(&one)),
            n,
        );
        let scores = vec![
            vec![0.7, 0.8, 0.9],
            vec![0.6, 0.65],
            vec![0.91, 0.85, 0.88, 0.7],
        ];
        let what = "scores [0.7,0.8,0.9],[0.6,0.65],[0.91,0.85,0.88,0.7]";
        record(
            &dir,
            "beta_schools_unpooled",
            &format!("Schools unpooled, {what}"),
            &Unconstrained(Schools::new(&scores, Pooling::Unpooled)),
            n,
        );
        record(
            &dir,
            "beta_schools_pooled",
            &format!("Schools pooled, {what}"),
            &Unconstrained(Schools::new(&scores, Pooling::Pooled)),
            n,
        );
        let scores3 = vec![
            vec![0.7, 0.8, 0.9],
            vec![0.6, 0.65],
            vec![0.91, 0.85, 0.88],
            vec![0.5, 0.7],
        ];
        record(
            &dir,
            "beta_three_levels",
            "ThreeLevels, scores [0.7,0.8,0.9],[0.6,0.65],[0.91,0.85,0.88],[0.5,0.7], districts 0,0,1,1",
            &Unconstrained(ThreeLevels::new(&scores3, &[0, 0, 1, 1])),
            n,
        );
        let schools: Vec<SchoolSummary> = [
            (0.64, 113.0, 0),
            (0.85, 59.0, 1),
            (0.62, 190.0, 2),
            (0.55, 40.0, 2),
        ]
        .map(|(mean, n, authority)| SchoolSummary { mean, n, authority })
        .to_vec();
        let what = "schools (0.64,113,0),(0.85,59,1),(0.62,190,2),(0.55,40,2)";
        for (p, key) in [
            (ExamPooling::Unpooled, "unpooled"),
            (ExamPooling::Pooled, "pooled"),
            (ExamPooling::Authority, "authority"),
        ] {
            record(
                &dir,
                &format!("beta_exam_{key}"),
                &format!("ExamAverages {key}, {what}"),
                &Unconstrained(ExamAverages::new(&schools, p)),
                n,
            );
        }
    }
}
