//! The cost of one gradient of the non-centred Eight Schools (d = 10) and of the same
//! model with 98 schools (d = 100), by each forward-mode strategy, against plain `f64`
//! evaluation and the hand-written gradient; and of the survey's two models (the
//! hand-written gradients against the layer's). Run by hand (timings are not tests):
//!
//! ```sh
//! cargo run --release -p models --example dual_cost
//! ```
//!
//! The dynamic dual `DualDVec64` is not `Copy`, so the layer cannot use it; it is timed
//! on the same density written with `.clone()`s (`dynamic_density` below).
//!
//! Each row is the fastest of five runs; the table below is the fastest of four such
//! invocations on a shared 2-core machine under load (µs per evaluation; the
//! "layer's choice" is what `sampler::Model::log_density_grad` uses):
//!
//! | strategy | d = 4 | d = 6 | d = 8 | d = 10 | d = 25 | d = 100 |
//! |---|---|---|---|---|---|---|
//! | `f64` value only (declared) | 0.051 | 0.064 | 0.079 | 0.093 | 0.212 | 0.870 |
//! | hand-written gradient | 0.020 | 0.026 | 0.031 | 0.039 | 0.074 | 0.214 |
//! | `Dual64`, d passes | 0.226 | 0.451 | 0.758 | 1.156 | 6.912 | 115.4 |
//! | `DualSVec64<3>` | 0.181 | 0.271 | 0.490 | 0.758 | 4.066 | 55.40 |
//! | `DualSVec64<4>` | 0.162 | 0.427 | 0.589 | 1.020 | 5.368 | 71.21 |
//! | `DualSVec64<6>` | 0.194 | 0.313 | 0.693 | 0.900 | 4.889 | 59.85 |
//! | `DualSVec64<8>` | 0.245 | 0.393 | 0.540 | 1.161 | 5.559 | 66.80 |
//! | `DualSVec64<10>` | 0.263 | 0.411 | 0.567 | 0.721 | 4.538 | 54.72 |
//! | `DualSVec64<16>` | 0.864 | 1.326 | 1.936 | 2.526 | 8.694 | 109.7 |
//! | layer's choice | 0.196 | 0.314 | 0.565 | 0.720 | 4.545 | 54.40 |
//! | `DualDVec64`, one pass | 1.303 | 2.204 | 2.936 | 3.926 | 13.75 | 116.4 |

use models::declared::eight_schools::{NonCentred, Schools};
use models::layer::check::random_points;
use models::{EightSchools, Parameterization, Priors};
use nalgebra::DVector;
use num_dual::{DualDVec64, DualNum};
use sampler::Model;
use std::hint::black_box;
use std::time::Instant;

/// The non-centred density with its Jacobian, for any dual type (no `Copy`).
fn dynamic_density<D: DualNum<Primitive = f64>>(x: &[D], y: &[f64], sigma: &[f64]) -> D {
    let (mu, log_tau) = (x[0].clone(), x[1].clone());
    let tau = log_tau.exp();
    let ln_sqrt_2pi = 0.918_938_533_204_672_8;
    let normal = |v: D, m: D, s: D| {
        let z = (v - m) / s.clone();
        -(z.clone() * z * 0.5 + s.ln() + ln_sqrt_2pi)
    };
    let mut lp = normal(mu.clone(), D::from(0.0), D::from(20.0))
        + normal(tau.clone(), D::from(0.0), D::from(10.0))
        + std::f64::consts::LN_2
        + log_tau;
    for j in 0..y.len() {
        let eta = x[2 + j].clone();
        let theta = mu.clone() + tau.clone() * eta.clone();
        lp += normal(eta, D::from(0.0), D::from(1.0));
        lp += normal(D::from(y[j]), theta, D::from(sigma[j]));
    }
    lp
}

/// Microseconds per call of `f`, cycling through `points`: the fastest of five runs
/// (the least disturbed by other work on the machine).
fn time(points: &[Vec<f64>], mut f: impl FnMut(&[f64]) -> f64) -> f64 {
    let calls = 100_000 / points[0].len();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let mut sink = 0.0;
        for i in 0..calls {
            sink += f(black_box(&points[i % points.len()]));
        }
        black_box(sink);
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / calls as f64);
    }
    best
}

fn report(y: Vec<f64>, sigma: Vec<f64>) {
    let d = y.len() + 2;
    let schools = Schools::new(y.clone(), sigma.clone(), Priors::EIGHT_SCHOOLS).unwrap();
    let auto = NonCentred::declare(schools).unwrap();
    let hand = EightSchools::from_data(
        y.clone(),
        sigma.clone(),
        Priors::EIGHT_SCHOOLS,
        Parameterization::NonCentred,
    )
    .unwrap();
    let points = random_points(d, 64, 1);
    let mut g = vec![0.0; d];
    let rows: Vec<(&str, f64)> = vec![
        ("f64 value only (declared)", time(&points, |x| auto.log_density(x))),
        ("hand-written gradient", time(&points, |x| hand.log_density_grad(x, &mut g))),
        ("Dual64, d passes", time(&points, |x| auto.log_density_grad_by_coordinate(x, &mut g))),
        ("DualSVec64<2>", time(&points, |x| auto.log_density_grad_chunked::<2>(x, &mut g))),
        ("DualSVec64<3>", time(&points, |x| auto.log_density_grad_chunked::<3>(x, &mut g))),
        ("DualSVec64<4>", time(&points, |x| auto.log_density_grad_chunked::<4>(x, &mut g))),
        ("DualSVec64<6>", time(&points, |x| auto.log_density_grad_chunked::<6>(x, &mut g))),
        ("DualSVec64<8>", time(&points, |x| auto.log_density_grad_chunked::<8>(x, &mut g))),
        ("DualSVec64<10>", time(&points, |x| auto.log_density_grad_chunked::<10>(x, &mut g))),
        ("DualSVec64<12>", time(&points, |x| auto.log_density_grad_chunked::<12>(x, &mut g))),
        ("DualSVec64<16>", time(&points, |x| auto.log_density_grad_chunked::<16>(x, &mut g))),
        ("layer's choice", time(&points, |x| auto.log_density_grad(x, &mut g))),
        (
            "DualDVec64, one pass",
            time(&points, |x| {
                let xv = DVector::from_column_slice(x);
                let (v, grad) = num_dual::gradient(
                    |u: DVector<DualDVec64>| dynamic_density(u.as_slice(), &y, &sigma),
                    &xv,
                );
                v + grad[0]
            }),
        ),
    ];
    println!("\nnon-centred Eight Schools, d = {d}: µs per evaluation");
    for (name, us) in rows {
        println!("  {name:<28} {us:>9.3}");
    }
}

/// The survey's two models (d = 22 and d = 4): the hand-written gradients against the
/// automatic gradients of their declared twins.
fn report_survey() {
    use models::survey::declared::{Full, Marginal};
    use models::survey::{FullModel, MarginalModel, Survey};
    let survey = Survey::printed();
    let full = (FullModel::new(&survey), Full::declare(&survey).unwrap());
    let marginal = (MarginalModel::new(&survey), Marginal::declare(&survey).unwrap());
    let rows = |hand: &dyn Model, auto: &dyn Model, name: &str| {
        let d = hand.dim();
        let points = random_points(d, 64, 1);
        let mut g = vec![0.0; d];
        println!("\nsurvey, {name}, d = {d}: µs per evaluation");
        let value = time(&points, |x| auto.log_density(x));
        let by_hand = time(&points, |x| hand.log_density_grad(x, &mut g));
        let layer = time(&points, |x| auto.log_density_grad(x, &mut g));
        for (label, us) in [
            ("f64 value only (declared)", value),
            ("hand-written gradient", by_hand),
            ("layer's choice", layer),
        ] {
            println!("  {label:<28} {us:>9.3}");
        }
    };
    rows(&full.0, &full.1, "full model");
    rows(&marginal.0, &marginal.1, "marginal model");
}

fn main() {
    report_survey();
    report(models::eight_schools::Y.to_vec(), models::eight_schools::SIGMA.to_vec());
    for j in [2, 4, 6, 23, 98] {
        let y: Vec<f64> = (0..j).map(|j| ((j * 37) % 41) as f64 - 12.0).collect();
        let sigma: Vec<f64> = (0..j).map(|j| 8.0 + (j % 7) as f64).collect();
        report(y, sigma);
    }
}
