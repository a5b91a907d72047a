//! Every density of `models::lpdf` against `statrs` (or, where statrs has none, a closed
//! form built from statrs' log-gamma) at many random points, in `f64`.

use models::layer::special::logistic;
use models::lpdf;
use nalgebra::DVector;
use sampler::rng::{chain_rng, std_normal, uniform};
use statrs::distribution::{
    Beta, Binomial, Cauchy, Continuous, Dirichlet, Discrete, Exp, Gamma, LogNormal, Multinomial,
    Normal, Poisson, StudentsT,
};
use statrs::function::gamma::ln_gamma;
use std::f64::consts::LN_2;

const POINTS: usize = 500;
/// Agreement required: `|ours − reference| ≤ TOL · (1 + |reference|)`.
const TOL: f64 = 1e-12;

fn assert_close(what: &str, ours: f64, reference: f64) {
    assert!(
        (ours - reference).abs() <= TOL * (1.0 + reference.abs()),
        "{what}: ours {ours:e}, reference {reference:e}"
    );
}

/// Random draws for one density's test: normal, positive (log-normal) and unit values.
struct Draws(rand::rngs::ChaCha8Rng);

impl Draws {
    fn new(seed: u64) -> Self {
        Self(chain_rng(seed, 0, 0))
    }
    fn normal(&mut self, scale: f64) -> f64 {
        scale * std_normal(&mut self.0)
    }
    fn positive(&mut self) -> f64 {
        (1.5 * std_normal(&mut self.0)).exp()
    }
    fn unit(&mut self) -> f64 {
        logistic(2.0 * std_normal(&mut self.0))
    }
    fn count(&mut self, max: u64) -> u64 {
        (uniform(&mut self.0) * (max + 1) as f64) as u64
    }
}

#[test]
fn real_line_densities_match_statrs() {
    let mut r = Draws::new(1);
    for _ in 0..POINTS {
        let (x, mu, sigma, nu) = (r.normal(10.0), r.normal(5.0), r.positive(), r.positive());
        let at = format!("x {x}, mu {mu}, sigma {sigma}, nu {nu}");
        let normal = Normal::new(mu, sigma).unwrap().ln_pdf(x);
        assert_close(&format!("normal at {at}"), lpdf::normal(x, mu, sigma), normal);
        let t = StudentsT::new(mu, sigma, nu).unwrap().ln_pdf(x);
        assert_close(&format!("student_t at {at}"), lpdf::student_t(x, nu, mu, sigma), t);
        let cauchy = Cauchy::new(mu, sigma).unwrap().ln_pdf(x);
        assert_close(&format!("cauchy at {at}"), lpdf::cauchy(x, mu, sigma), cauchy);
    }
}

#[test]
fn half_densities_are_twice_their_parents_on_the_positive_half_line() {
    let mut r = Draws::new(2);
    for _ in 0..POINTS {
        let (x, sigma, nu) = (r.positive(), r.positive(), r.positive());
        let at = format!("x {x}, sigma {sigma}, nu {nu}");
        let hn = LN_2 + Normal::new(0.0, sigma).unwrap().ln_pdf(x);
        assert_close(&format!("half_normal at {at}"), lpdf::half_normal(x, sigma), hn);
        let ht = LN_2 + StudentsT::new(0.0, sigma, nu).unwrap().ln_pdf(x);
        assert_close(&format!("half_student_t at {at}"), lpdf::half_student_t(x, nu, sigma), ht);
        let hc = LN_2 + Cauchy::new(0.0, sigma).unwrap().ln_pdf(x);
        assert_close(&format!("half_cauchy at {at}"), lpdf::half_cauchy(x, sigma), hc);
    }
    for f in [
        lpdf::half_normal::<f64>(-0.1, 1.0),
        lpdf::half_student_t::<f64>(-0.1, 3.0, 1.0),
        lpdf::half_cauchy::<f64>(-0.1, 1.0),
    ] {
        assert_eq!(f, f64::NEG_INFINITY);
    }
}

#[test]
fn positive_densities_match_statrs() {
    let mut r = Draws::new(3);
    for _ in 0..POINTS {
        let (x, mu, sigma) = (r.positive(), r.normal(2.0), r.positive());
        let (shape, rate) = (r.positive(), r.positive());
        let at = format!("x {x}, mu {mu}, sigma {sigma}, shape {shape}, rate {rate}");
        let ln = LogNormal::new(mu, sigma).unwrap().ln_pdf(x);
        assert_close(&format!("lognormal at {at}"), lpdf::lognormal(x, mu, sigma), ln);
        let exp = Exp::new(rate).unwrap().ln_pdf(x);
        assert_close(&format!("exponential at {at}"), lpdf::exponential(x, rate), exp);
        let g = Gamma::new(shape, rate).unwrap().ln_pdf(x);
        assert_close(&format!("gamma at {at}"), lpdf::gamma(x, shape, rate), g);
    }
    assert_eq!(lpdf::gamma::<f64>(-1.0, 2.0, 1.0), f64::NEG_INFINITY);
    assert_eq!(lpdf::exponential::<f64>(-1.0, 2.0), f64::NEG_INFINITY);
    assert!(lpdf::gamma::<f64>(1.0, -2.0, 1.0).is_nan());
}

#[test]
fn beta_densities_match_statrs() {
    let mut r = Draws::new(4);
    for _ in 0..POINTS {
        let (x, a, b) = (r.unit(), r.positive(), r.positive());
        let (mu, kappa) = (r.unit(), r.positive());
        let at = format!("x {x}, a {a}, b {b}, mu {mu}, kappa {kappa}");
        let beta = Beta::new(a, b).unwrap().ln_pdf(x);
        assert_close(&format!("beta at {at}"), lpdf::beta(x, a, b), beta);
        let ms = Beta::new(mu * kappa, (1.0 - mu) * kappa).unwrap().ln_pdf(x);
        assert_close(&format!("beta_mean_size at {at}"), lpdf::beta_mean_size(x, mu, kappa), ms);
    }
    assert_eq!(lpdf::beta::<f64>(1.0, 2.0, 2.0), f64::NEG_INFINITY);
}

#[test]
fn count_likelihoods_match_statrs_and_kernels_drop_only_the_data_term() {
    let mut r = Draws::new(5);
    for _ in 0..POINTS {
        let (eta, n) = (r.normal(2.0), r.count(60));
        let (y, k) = (r.count(40), r.count(n));
        let (yf, nf, kf) = (y as f64, n as f64, k as f64);
        let at = format!("eta {eta}, y {y}, n {n}, k {k}");
        let pois = Poisson::new(eta.exp()).unwrap().ln_pmf(y);
        assert_close(&format!("poisson_log at {at}"), lpdf::poisson_log(yf, eta), pois);
        let dropped = -ln_gamma(yf + 1.0);
        let kernel = lpdf::poisson_log_kernel::<f64>(yf, eta);
        assert_close(&format!("poisson_log_kernel at {at}"), kernel + dropped, pois);
        let binom = Binomial::new(logistic(eta), n).unwrap().ln_pmf(k);
        assert_close(&format!("binomial_logit at {at}"), lpdf::binomial_logit(kf, nf, eta), binom);
        let dropped = ln_gamma(nf + 1.0) - ln_gamma(kf + 1.0) - ln_gamma(nf - kf + 1.0);
        let kernel = lpdf::binomial_logit_kernel::<f64>(kf, nf, eta);
        assert_close(&format!("binomial_logit_kernel at {at}"), kernel + dropped, binom);
    }
    assert!(lpdf::poisson_log::<f64>(1.5, 0.0).is_nan());
    assert!(lpdf::binomial_logit::<f64>(3.0, 2.0, 0.0).is_nan());
}

/// A random point of the simplex with `k` entries, and a concentration vector.
fn simplex_and_alpha(r: &mut Draws, k: usize) -> (Vec<f64>, Vec<f64>) {
    let w: Vec<f64> = (0..k).map(|_| r.positive()).collect();
    let total: f64 = w.iter().sum();
    let alpha = (0..k).map(|_| r.positive()).collect();
    (w.iter().map(|v| v / total).collect(), alpha)
}

#[test]
fn dirichlet_and_multinomial_match_statrs() {
    let mut r = Draws::new(6);
    for i in 0..POINTS {
        let k = 2 + i % 6;
        let (x, alpha) = simplex_and_alpha(&mut r, k);
        let at = format!("x {x:?}, alpha {alpha:?}");
        let dir = Dirichlet::new(alpha.clone()).unwrap().ln_pdf(&DVector::from_vec(x.clone()));
        assert_close(&format!("dirichlet at {at}"), lpdf::dirichlet(&x, &alpha), dir);
        let counts: Vec<u64> = (0..k).map(|_| r.count(12)).collect();
        let n: u64 = counts.iter().sum();
        let cf: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
        let mult =
            Multinomial::new(x.clone(), n).unwrap().ln_pmf(&DVector::from_vec(counts.clone()));
        let at = format!("counts {counts:?}, p {x:?}");
        assert_close(&format!("multinomial at {at}"), lpdf::multinomial(&cf, &x), mult);
        let coefficient =
            ln_gamma(n as f64 + 1.0) - cf.iter().map(|c| ln_gamma(c + 1.0)).sum::<f64>();
        let kernel = lpdf::multinomial_kernel::<f64, f64>(&cf, &x);
        assert_close(&format!("multinomial_kernel at {at}"), kernel + coefficient, mult);
    }
}

/// The Dirichlet-multinomial written independently: the multinomial coefficient times
/// `B(alpha + n) / B(alpha)` with `ln B(a) = Σ ln Γ(aₖ) − ln Γ(Σ aₖ)` (Mosimann 1962).
fn dirichlet_multinomial_reference(counts: &[f64], alpha: &[f64]) -> f64 {
    let ln_b = |a: &[f64]| a.iter().map(|&v| ln_gamma(v)).sum::<f64>() - ln_gamma(a.iter().sum());
    let posterior: Vec<f64> = counts.iter().zip(alpha).map(|(n, a)| n + a).collect();
    let n: f64 = counts.iter().sum();
    let coefficient = ln_gamma(n + 1.0) - counts.iter().map(|c| ln_gamma(c + 1.0)).sum::<f64>();
    coefficient + ln_b(&posterior) - ln_b(alpha)
}

#[test]
fn dirichlet_multinomial_matches_its_closed_form_and_sums_to_one() {
    let mut r = Draws::new(7);
    for i in 0..POINTS {
        let k = 2 + i % 6;
        let (_, alpha) = simplex_and_alpha(&mut r, k);
        let counts: Vec<f64> = (0..k).map(|_| r.count(15) as f64).collect();
        let at = format!("counts {counts:?}, alpha {alpha:?}");
        let reference = dirichlet_multinomial_reference(&counts, &alpha);
        let ours = lpdf::dirichlet_multinomial(&counts, &alpha);
        assert_close(&format!("dirichlet_multinomial at {at}"), ours, reference);
        let coefficient = ln_gamma(counts.iter().sum::<f64>() + 1.0)
            - counts.iter().map(|c| ln_gamma(c + 1.0)).sum::<f64>();
        let kernel = lpdf::dirichlet_multinomial_kernel::<f64, f64>(&counts, &alpha);
        assert_close(&format!("dirichlet_multinomial_kernel at {at}"), kernel + coefficient, ours);
    }
    // Three categories, six trials: the probabilities of all 28 outcomes sum to one.
    let alpha = [0.7, 2.0, 3.5];
    let mut total = 0.0;
    for a in 0..=6 {
        for b in 0..=6 - a {
            let counts = [a as f64, b as f64, (6 - a - b) as f64];
            total += lpdf::dirichlet_multinomial::<f64, f64>(&counts, &alpha).exp();
        }
    }
    assert!((total - 1.0).abs() < 1e-13, "total probability {total}");
}
