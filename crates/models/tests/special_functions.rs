//! Log-gamma, digamma and trigamma of dual numbers (which `num-dual` lacks), and the
//! logistic family, against finite differences and known values.

use models::layer::special::{digamma, ln_gamma, log_logistic, log1p_exp, logistic, trigamma};
use num_dual::{Dual64, DualSVec64};
use statrs::function::gamma as sg;
use std::f64::consts::PI;

/// Central difference of `f` at `x` with a relative step.
fn central(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-5 * x.abs().max(1e-3);
    (f(x + h) - f(x - h)) / (2.0 * h)
}

fn points() -> impl Iterator<Item = f64> {
    (0..200).map(|i| 0.01 * 1.06f64.powi(i))
}

#[test]
fn ln_gamma_and_digamma_of_a_dual_carry_their_derivatives() {
    type Pair = (&'static str, fn(Dual64) -> Dual64, fn(f64) -> f64);
    let pairs: [Pair; 2] =
        [("ln_gamma", ln_gamma, sg::ln_gamma), ("digamma", digamma, sg::digamma)];
    for (name, dual_fn, f64_fn) in pairs {
        for x in points() {
            let v = dual_fn(Dual64::new(x, 1.0));
            assert_eq!(v.re, f64_fn(x), "{name} at {x}");
            let fd = central(f64_fn, x);
            let tol = 1e-6 * (1.0 + fd.abs());
            assert!((v.eps - fd).abs() <= tol, "{name}′ at {x}: {} vs {fd}", v.eps);
        }
    }
}

#[test]
fn trigamma_matches_known_values_and_the_reflection_formula() {
    // ψ′(1) = π²/6, ψ′(½) = π²/2, ψ′(n + 1) = ψ′(n) − 1/n².
    assert!((trigamma(1.0) - PI * PI / 6.0).abs() < 1e-15);
    assert!((trigamma(0.5) - PI * PI / 2.0).abs() < 1e-14);
    for n in 1..30 {
        let n = n as f64;
        let step = trigamma(n) - 1.0 / (n * n) - trigamma(n + 1.0);
        assert!(step.abs() < 1e-14 * trigamma(n), "n {n}");
    }
    for x in [-3.7, -2.2, -0.5, -0.01] {
        let fd = central(sg::digamma, x);
        let t = trigamma(x);
        assert!((t - fd).abs() <= 1e-5 * (1.0 + fd.abs()), "x {x}: {t} vs {fd}");
    }
    assert_eq!(trigamma(0.0), f64::INFINITY);
    assert_eq!(trigamma(-2.0), f64::INFINITY);
}

#[test]
fn chain_rule_carries_a_vector_of_derivatives() {
    // d/dx and d/dy of ln Γ(x·y) with static vector duals.
    let (x, y) = (1.7, 2.3);
    let xd = DualSVec64::<2>::from_re(x).derivative(0);
    let yd = DualSVec64::<2>::from_re(y).derivative(1);
    let g = ln_gamma(xd * yd);
    let eps = g.eps.0.expect("derivatives");
    let psi = sg::digamma(x * y);
    assert!((eps[0] - psi * y).abs() < 1e-14 && (eps[1] - psi * x).abs() < 1e-14);
}

#[test]
fn logistic_family_is_stable_and_consistent() {
    for u in [-800.0f64, -40.0, -3.0, -1e-9, 0.0, 1e-9, 2.5, 40.0, 800.0] {
        let p: f64 = logistic(u);
        assert!((0.0..=1.0).contains(&p), "u {u}");
        let direct = 1.0 / (1.0 + (-u).exp());
        assert!((p - direct).abs() <= 1e-15 * (1.0 + direct), "u {u}");
        let l: f64 = log_logistic(u);
        assert!(l.is_finite() && l <= 0.0, "u {u}");
        assert!((log1p_exp(u) - log1p_exp(-u) - u).abs() < 1e-12 * (1.0 + u.abs()), "u {u}");
    }
    let d = log1p_exp(Dual64::new(0.7, 1.0));
    assert!((d.eps - logistic(0.7)).abs() < 1e-15);
}
