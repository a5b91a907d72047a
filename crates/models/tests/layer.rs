//! The model layer on its own: supports and their transforms, declarations and their
//! errors, and automatic gradients of a model with every support against finite
//! differences.

use models::layer::{
    Declaration, Declared, Density, GenScalar, Generated, Number, Params, Scalar, Support, Target,
    Vector, Vectors,
};
use models::lpdf;
use sampler::{Model, check_gradient};

#[test]
fn scalar_transforms_round_trip_and_their_log_jacobians_are_the_log_derivatives() {
    let supports = [
        Support::Real,
        Support::Positive,
        Support::Lower(-2.5),
        Support::Interval(0.0, 1.0),
        Support::Interval(-3.0, 7.0),
    ];
    for s in supports {
        for u in [-30.0, -4.0, -0.3, 0.0, 0.7, 5.0, 30.0] {
            let mut x = [0.0];
            let log_jac = s.constrain(&[u], &mut x);
            let mut back = [0.0];
            s.unconstrain(&x, &mut back).unwrap();
            if u.abs() < 20.0 {
                assert!((back[0] - u).abs() < 1e-9 * (1.0 + u.abs()), "{s:?}: {u} -> {back:?}");
            }
            let h = 1e-6;
            let (mut up, mut down) = ([0.0], [0.0]);
            s.constrain(&[u + h], &mut up);
            s.constrain(&[u - h], &mut down);
            let slope: f64 = (up[0] - down[0]) / (2.0 * h);
            if slope > 1e-200 && u.abs() < 20.0 {
                assert!(
                    (log_jac - slope.ln()).abs() < 1e-6,
                    "{s:?} at {u}: log|J| {log_jac}, ln slope {}",
                    slope.ln()
                );
            }
            assert!(log_jac.is_finite(), "{s:?} at {u}");
        }
    }
    let mut u = [0.0];
    assert!(Support::Interval(0.0, 1.0).unconstrain(&[1.0], &mut u).is_err());
    assert!(Support::Lower(2.0).unconstrain(&[2.0], &mut u).is_err());
}

#[test]
fn simplex_support_is_the_stick_breaking_transform() {
    let y = [0.3, -1.2, 2.0];
    let (mut a, mut b) = ([0.0; 4], [0.0; 4]);
    let ja = Support::Simplex(4).constrain(&y, &mut a);
    let jb = models::simplex::constrain(&y, &mut b);
    assert_eq!((a, ja), (b, jb));
    let mut back = [0.0; 3];
    Support::Simplex(4).unconstrain(&a, &mut back).unwrap();
    assert!(y.iter().zip(&back).all(|(p, q)| (p - q).abs() < 1e-12));
    assert!(Support::Simplex(3).unconstrain(&[0.5, 0.6, -0.1], &mut back).is_err());
}

#[test]
fn declarations_name_values_and_free_coordinates_as_stan_does() {
    let mut p = Declaration::new();
    p.real("mu");
    p.positive("tau");
    p.lower("nu", 2.0);
    p.interval("phi", 0.0, 1.0);
    p.vector("eta", 2, Support::Real);
    p.simplex("w", 3);
    p.simplexes("pi", 2, 2);
    p.generated_vector("theta", 2);
    assert_eq!(
        p.value_names(),
        [
            "mu", "tau", "nu", "phi", "eta.1", "eta.2", "w.1", "w.2", "w.3", "pi.1.1", "pi.1.2",
            "pi.2.1", "pi.2.2"
        ]
    );
    assert_eq!(
        p.free_names(),
        [
            "mu",
            "log tau",
            "log(nu - 2)",
            "logit phi",
            "eta.1",
            "eta.2",
            "stick w.1",
            "stick w.2",
            "stick pi.1.1",
            "stick pi.2.1"
        ]
    );
    assert_eq!(p.generated_names(), ["theta.1", "theta.2"]);
    assert_eq!((p.free_len(), p.value_len()), (10, 13));
    assert!(p.errors().is_empty());
}

/// A density that reads nothing (to test declarations alone).
#[derive(Debug)]
struct Flat;
impl Density for Flat {
    fn log_density<T: Number>(&self, _: &Params<T>) -> T {
        T::from(0.0)
    }
}

/// Adds one declaration.
type Declare = fn(&mut Declaration);

#[test]
fn bad_declarations_are_one_line_errors_at_construction() {
    let cases: [(&str, Declare); 7] = [
        ("declared twice", |p| {
            p.real("mu");
            p.positive("mu");
        }),
        ("no spaces or dots", |p| {
            p.real("theta.1");
        }),
        ("must not be empty", |p| {
            p.real("");
        }),
        ("length 0", |p| {
            p.vector("eta", 0, Support::Real);
        }),
        ("lower < upper", |p| {
            p.interval("phi", 1.0, 0.0);
        }),
        ("at least 2 entries", |p| {
            p.simplex("w", 1);
        }),
        ("not a scalar support", |p| {
            p.scalar("w", Support::Simplex(3));
        }),
    ];
    for (expected, declare) in cases {
        let mut p = Declaration::new();
        p.real("ok");
        declare(&mut p);
        let err = Declared::new(p, Flat).unwrap_err().to_string();
        assert!(err.contains(expected) && !err.contains('\n'), "{expected}: {err}");
    }
    let err = Declared::new(Declaration::new(), Flat).unwrap_err().to_string();
    assert!(err.contains("no parameters"), "{err}");
}

/// Declares a derived scalar and forgets to write it.
#[derive(Debug)]
struct Forgetful {
    _out: GenScalar,
}
impl Density for Forgetful {
    fn log_density<T: Number>(&self, _: &Params<T>) -> T {
        T::from(0.0)
    }
    fn generated(&self, _: &Params<f64>, _: &mut Generated) {}
}

#[test]
fn an_unwritten_generated_quantity_is_an_error() {
    let mut p = Declaration::new();
    p.real("x");
    let out = p.generated("y");
    let err = Declared::new(p, Forgetful { _out: out }).unwrap_err().to_string();
    assert!(err.contains("`y`"), "{err}");
}

/// Every support at once: a location, a scale, a bounded degrees-of-freedom, a
/// proportion, a vector, a simplex and an array of simplexes.
struct KitchenSink {
    mu: Scalar,
    sigma: Scalar,
    nu: Scalar,
    phi: Scalar,
    z: Vector,
    w: Vector,
    pi: Vectors,
}

impl Density for KitchenSink {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, sigma, nu, phi) = (p[self.mu], p[self.sigma], p[self.nu], p[self.phi]);
        let mut target = Target::new();
        target += lpdf::normal(mu, 0.0, 3.0);
        target += lpdf::half_cauchy(sigma, 2.0);
        target += lpdf::gamma(nu, 2.0, 0.1);
        target += lpdf::beta(phi, 2.0, 3.0);
        for &z in &p[self.z] {
            target += lpdf::student_t(z, nu, mu, sigma);
        }
        target += lpdf::dirichlet(&p[self.w], &[2.0, 3.0, 4.0]);
        for row in p.rows(self.pi) {
            let alpha = [phi * 10.0, (-phi + 1.0) * 10.0];
            target += lpdf::dirichlet(row, &alpha);
            target += lpdf::multinomial(&[3.0, 5.0], row);
        }
        target += lpdf::dirichlet_multinomial(&[4.0, 1.0, 2.0], &p[self.w]);
        target.value()
    }
}

fn kitchen_sink() -> Declared<KitchenSink> {
    let mut p = Declaration::new();
    let mu = p.real("mu");
    let sigma = p.positive("sigma");
    let nu = p.lower("nu", 1.0);
    let phi = p.interval("phi", 0.0, 1.0);
    let z = p.vector("z", 3, Support::Real);
    let w = p.simplex("w", 3);
    let pi = p.simplexes("pi", 2, 2);
    let sink = KitchenSink { mu, sigma, nu, phi, z, w, pi };
    Declared::new(p, sink).unwrap()
}

#[test]
fn automatic_gradients_match_finite_differences_for_every_support() {
    let model = kitchen_sink();
    assert_eq!(model.dim(), 11);
    for x in models::layer::check::random_points(model.dim(), 200, 3) {
        let c = check_gradient(&model, &x);
        assert!(c.passes(1e-6), "at {x:?}:\n{c}");
        // The f64 evaluation agrees with the dual one.
        let mut g = vec![0.0; model.dim()];
        let lp = model.log_density_grad(&x, &mut g);
        assert!((lp - model.log_density(&x)).abs() <= 1e-13 * (1.0 + lp.abs()));
    }
}

#[test]
fn every_dual_strategy_gives_the_same_gradient() {
    let model = kitchen_sink();
    let d = model.dim();
    for x in models::layer::check::random_points(d, 50, 4) {
        let mut reference = vec![0.0; d];
        model.log_density_grad_by_coordinate(&x, &mut reference);
        let mut g = vec![0.0; d];
        for (n, lp) in [
            (1, model.log_density_grad_chunked::<1>(&x, &mut g)),
            (4, model.log_density_grad_chunked::<4>(&x, &mut g)),
            (16, model.log_density_grad_chunked::<16>(&x, &mut g)),
        ] {
            assert!(lp.is_finite());
            for i in 0..d {
                let tol = 1e-13 * (1.0 + reference[i].abs());
                assert!((g[i] - reference[i]).abs() <= tol, "N = {n}, coordinate {i}");
            }
        }
    }
}

#[test]
fn constrain_writes_values_that_unconstrain_inverts() {
    let model = kitchen_sink();
    let x: Vec<f64> = (0..model.dim()).map(|i| 0.3 * i as f64 - 1.0).collect();
    let mut values = Vec::new();
    model.constrain(&x, &mut values);
    assert_eq!(values.len(), model.param_names().len());
    let back = model.unconstrain(&values).unwrap();
    assert!(x.iter().zip(&back).all(|(a, b)| (a - b).abs() < 1e-12), "{back:?}");
    let err = model.unconstrain(&[0.0; 3]).unwrap_err().to_string();
    assert!(err.contains("expected 14"), "{err}");
    values[1] = -1.0;
    let err = model.unconstrain(&values).unwrap_err().to_string();
    assert!(err.contains("`sigma`"), "{err}");
}

#[test]
fn a_non_finite_density_is_returned_not_a_panic() {
    let model = kitchen_sink();
    let mut x = vec![0.0; model.dim()];
    x[1] = 800.0; // sigma = e^800 overflows
    let mut g = vec![0.0; model.dim()];
    assert!(!model.log_density_grad(&x, &mut g).is_finite());
    assert!(!model.log_density(&x).is_finite());
}
