//! The derivatives automatic differentiation takes through every density of
//! `models::lpdf`, with respect to every argument that may be a parameter, against
//! central finite differences of the same function in `f64`.

use models::layer::Number;
use models::layer::special::logistic;
use models::lpdf;
use num_dual::Dual64;
use sampler::rng::{chain_rng, std_normal};

/// Kinds of argument: any real, positive, or in (0, 1).
#[derive(Clone, Copy)]
enum Kind {
    R,
    P,
    U,
}
use Kind::{P, R, U};

/// Compares `∂f/∂aᵢ` from dual numbers with central differences at 20 random points.
fn check(name: &str, kinds: &[Kind], f64_fn: fn(&[f64]) -> f64, dual_fn: fn(&[Dual64]) -> Dual64) {
    let mut rng = chain_rng(name.len() as u64, 0, 0);
    for _ in 0..20 {
        let a: Vec<f64> = kinds
            .iter()
            .map(|k| {
                let z = std_normal(&mut rng);
                match k {
                    R => 3.0 * z,
                    P => (0.8 * z).exp(),
                    U => logistic(z),
                }
            })
            .collect();
        for i in 0..a.len() {
            let duals: Vec<Dual64> =
                (0..a.len()).map(|j| Dual64::new(a[j], if i == j { 1.0 } else { 0.0 })).collect();
            let auto = dual_fn(&duals);
            // Dual division multiplies by a reciprocal: the value may differ in the last bit.
            let value = f64_fn(&a);
            assert!((auto.re - value).abs() <= 1e-14 * (1.0 + value.abs()), "{name} at {a:?}");
            let h = 1e-6 * a[i].abs().max(1e-2);
            let (mut up, mut down) = (a.clone(), a.clone());
            up[i] += h;
            down[i] -= h;
            let numeric = (f64_fn(&up) - f64_fn(&down)) / (2.0 * h);
            assert!(
                (auto.eps - numeric).abs() <= 1e-5 * (1.0 + numeric.abs()),
                "{name}: ∂/∂a[{i}] at {a:?}: dual {}, finite difference {numeric}",
                auto.eps
            );
        }
    }
}

/// Defines `f` generic over the number type from an expression in `a`, and checks it.
macro_rules! check_derivatives {
    ($name:expr, [$($kind:expr),*], |$a:ident| $body:expr) => {{
        fn f<T: Number>($a: &[T]) -> T {
            $body
        }
        check($name, &[$($kind),*], f::<f64>, f::<Dual64>);
    }};
}

#[test]
fn continuous_densities() {
    check_derivatives!("normal", [R, R, P], |a| lpdf::normal(a[0], a[1], a[2]));
    check_derivatives!("student_t", [R, P, R, P], |a| lpdf::student_t(a[0], a[1], a[2], a[3]));
    check_derivatives!("cauchy", [R, R, P], |a| lpdf::cauchy(a[0], a[1], a[2]));
    check_derivatives!("half_normal", [P, P], |a| lpdf::half_normal(a[0], a[1]));
    check_derivatives!("half_student_t", [P, P, P], |a| lpdf::half_student_t(a[0], a[1], a[2]));
    check_derivatives!("half_cauchy", [P, P], |a| lpdf::half_cauchy(a[0], a[1]));
    check_derivatives!("lognormal", [P, R, P], |a| lpdf::lognormal(a[0], a[1], a[2]));
    check_derivatives!("exponential", [P, P], |a| lpdf::exponential(a[0], a[1]));
    check_derivatives!("gamma", [P, P, P], |a| lpdf::gamma(a[0], a[1], a[2]));
    check_derivatives!("beta", [U, P, P], |a| lpdf::beta(a[0], a[1], a[2]));
    check_derivatives!("beta_mean_size", [U, U, P], |a| lpdf::beta_mean_size(a[0], a[1], a[2]));
}

#[test]
fn count_likelihoods() {
    check_derivatives!("poisson_log", [R], |a| lpdf::poisson_log(4.0, a[0]));
    check_derivatives!("poisson_log_kernel", [R], |a| lpdf::poisson_log_kernel(4.0, a[0]));
    check_derivatives!("binomial_logit", [R], |a| lpdf::binomial_logit(3.0, 7.0, a[0]));
    check_derivatives!("binomial_logit_kernel", [R], |a| {
        lpdf::binomial_logit_kernel(3.0, 7.0, a[0] * 5.0)
    });
}

#[test]
fn compositional_densities() {
    // x on the simplex from two free numbers; alpha positive.
    check_derivatives!("dirichlet", [U, U, P, P, P], |a| {
        let x = [a[0] * a[1], a[0] * (-a[1] + 1.0), -a[0] + 1.0];
        lpdf::dirichlet(&x, &a[2..5])
    });
    check_derivatives!("multinomial", [U, U], |a| {
        let p = [a[0] * a[1], a[0] * (-a[1] + 1.0), -a[0] + 1.0];
        lpdf::multinomial(&[2.0, 0.0, 5.0], &p)
    });
    check_derivatives!("dirichlet_multinomial", [P, P, P, P], |a| {
        lpdf::dirichlet_multinomial(&[2.0, 0.0, 5.0, 1.0], a)
    });
    check_derivatives!("dirichlet_multinomial_kernel", [P, P], |a| {
        lpdf::dirichlet_multinomial_kernel(&[3.0, 9.0], a)
    });
}
