//! The chapter's models on the real data: hand-written gradients against
//! finite differences at random points, and the two parameterisations of
//! partial pooling against each other.

use models::Parameterization;
use models::hsb::data::Hsb;
use models::pooling_regression::{CompletePooling, NoPooling};
use models::varying_slopes::VaryingSlopes;
use sampler::rng::{chain_rng, std_normal};
use sampler::{Model, check_gradient};
use std::path::Path;

fn grouped() -> models::grouped_regression::GroupedData {
    Hsb::load(Path::new(ch_hsb::DEFAULT_DATA))
        .unwrap()
        .grouped()
        .unwrap()
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

#[test]
fn partial_pooling_gradients_match_finite_differences() {
    let data = grouped();
    for (p, centred) in [
        (Parameterization::NonCentred, false),
        (Parameterization::Centred, true),
    ] {
        let model = VaryingSlopes::new(data.clone(), p);
        assert_eq!(model.dim(), 325);
        for stream in 0..3 {
            let x = random_point(&model, centred, stream);
            let check = check_gradient(&model, &x);
            assert!(
                check.passes(1e-5),
                "{p:?}, point {stream}: max error {}",
                check.max_error
            );
        }
    }
}

#[test]
fn pooling_extremes_gradients_match_finite_differences() {
    let data = grouped();
    let cp = CompletePooling { data: data.clone() };
    let np = NoPooling { data };
    for stream in 0..3 {
        let mut x = random_point(&cp, false, stream);
        x[0] += 12.0;
        let c = check_gradient(&cp, &x);
        assert!(c.passes(1e-5), "complete pooling: {}", c.max_error);
        let mut x = random_point(&np, false, stream);
        for v in &mut x[..160] {
            *v += 12.0;
        }
        x[320] = 1.8;
        let c = check_gradient(&np, &x);
        assert!(c.passes(1e-5), "no pooling: {}", c.max_error);
    }
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
