//! The model with every region's proportions integrated out, and exact draws of them.
//!
//! Integrating `pi_r ~ Dirichlet(alpha · pi0)` against the multinomial gives the
//! Dirichlet-multinomial (Pólya) likelihood
//! `p(y_r | alpha, pi0) ∝ Γ(alpha)/Γ(alpha + n_r) · Πₖ Γ(alpha pi0ₖ + y_rk)/Γ(alpha pi0ₖ)`,
//! so only `alpha` and `pi0` (1 + 3 unconstrained values) are sampled. Given them, each
//! `pi_r` is conditionally `Dirichlet(alpha · pi0 + y_r)` (conjugacy), which we draw
//! exactly for every posterior draw.
//!
//! Reference: Mosimann (1962), "On the compound multinomial distribution, the
//! multivariate β-distribution, and correlations among proportions", *Biometrika* 49.

use super::data::Survey;
use crate::draws::draw_dirichlet;
use crate::simplex;
use sampler::rng::chain_rng;
use sampler::{Fit, Model};
use statrs::function::gamma::{digamma, ln_gamma};

// ANCHOR: marginal
/// `alpha` and `pi0` only, under the compound likelihood.
///
/// The gradient is written by hand for speed: the benchmark and simulation-based
/// calibration fit this model many times, and the automatic gradient of its declared
/// twin [`super::declared::Marginal`] costs several times more per evaluation. A test
/// checks the two agree at 1000 random points.
#[derive(Debug, Clone, PartialEq)]
pub struct MarginalModel {
    counts: Vec<Vec<f64>>,
    sizes: Vec<f64>,
    k: usize,
}

impl MarginalModel {
    /// The model for a survey.
    pub fn new(survey: &Survey) -> Self {
        let counts: Vec<Vec<f64>> =
            survey.counts.iter().map(|r| r.iter().map(|&c| f64::from(c)).collect()).collect();
        let sizes = counts.iter().map(|r| r.iter().sum()).collect();
        Self { counts, sizes, k: survey.num_categories() }
    }
}

impl Model for MarginalModel {
    fn dim(&self) -> usize {
        self.k
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["alpha".to_string()];
        names.extend((1..=self.k).map(|j| format!("pi0.{j}")));
        names
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let k = self.k;
        let alpha = x[0].exp();
        let mut lp = -alpha + x[0];
        let mut d_alpha = -1.0;
        let mut pi0 = vec![0.0; k];
        lp += simplex::constrain(&x[1..k], &mut pi0);
        let mut d_pi0 = vec![0.0; k];
        let conc: Vec<f64> = pi0.iter().map(|p| alpha * p).collect();
        let (lg_alpha, psi_alpha) = (ln_gamma(alpha), digamma(alpha));
        let lg_conc: Vec<f64> = conc.iter().map(|&c| ln_gamma(c)).collect();
        let psi_conc: Vec<f64> = conc.iter().map(|&c| digamma(c)).collect();
        for (y, &n) in self.counts.iter().zip(&self.sizes) {
            lp += lg_alpha - ln_gamma(alpha + n);
            d_alpha += psi_alpha - digamma(alpha + n);
            for j in 0..k {
                lp += ln_gamma(conc[j] + y[j]) - lg_conc[j];
                let d = digamma(conc[j] + y[j]) - psi_conc[j];
                d_alpha += pi0[j] * d;
                d_pi0[j] += alpha * d;
            }
        }
        grad.iter_mut().for_each(|g| *g = 0.0);
        simplex::backprop(&x[1..k], &pi0, &d_pi0, &mut grad[1..k]);
        grad[0] = d_alpha * alpha + 1.0;
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        out.push(x[0].exp());
        let mut p = vec![0.0; self.k];
        simplex::constrain(&x[1..self.k], &mut p);
        out.extend_from_slice(&p);
    }
}
// ANCHOR_END: marginal

/// Replication number of the random streams for the exact `pi_r` draws (the fit itself
/// uses replication 0, so the streams never overlap).
const REGION_DRAWS_REPLICATION: u32 = 1;

// ANCHOR: region_draws
/// `fit` of a [`MarginalModel`] with `pi.r.k` columns added: for every draw, each
/// `pi_r ~ Dirichlet(alpha · pi0 + y_r)`, drawn from chain c's own stream
/// `chain_rng(seed, 1, c)`, so the result does not depend on the thread count.
pub fn with_region_draws(fit: &Fit, survey: &Survey) -> Fit {
    let k = survey.num_categories();
    let mut out = fit.clone();
    out.param_names = super::param_names(survey.counts.len(), k);
    for (c, chain) in out.chains.iter_mut().enumerate() {
        let mut rng = chain_rng(fit.settings.seed, REGION_DRAWS_REPLICATION, c as u32);
        for draw in chain.draws.iter_mut() {
            let (alpha, pi0) = (draw[0], draw[1..=k].to_vec());
            for y in &survey.counts {
                let shape: Vec<f64> =
                    pi0.iter().zip(y).map(|(p, &c)| alpha * p + f64::from(c)).collect();
                draw.extend(draw_dirichlet(&mut rng, &shape));
            }
        }
    }
    out
}
// ANCHOR_END: region_draws
