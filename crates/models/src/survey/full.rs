//! The model with every region's proportions as parameters (1 + 3 + 6 · 3 = 22
//! unconstrained values for the survey).

use super::data::Survey;
use crate::simplex;
use sampler::Model;
use statrs::function::gamma::{digamma, ln_gamma};

// ANCHOR: full
/// `alpha`, `pi0` and all `pi_r` sampled jointly.
///
/// The gradient is written by hand for speed: the benchmark and simulation-based
/// calibration fit this model many times, and the automatic gradient of its declared
/// twin [`super::declared::Full`] costs several times more per evaluation. A test
/// checks the two agree at 1000 random points.
///
/// Unconstrained layout: `log alpha`, then the K−1 stick-breaking values of `pi0`,
/// then K−1 values per region.
#[derive(Debug, Clone, PartialEq)]
pub struct FullModel {
    counts: Vec<Vec<f64>>,
    k: usize,
}

impl FullModel {
    /// The model for a survey.
    pub fn new(survey: &Survey) -> Self {
        let counts =
            survey.counts.iter().map(|r| r.iter().map(|&c| f64::from(c)).collect()).collect();
        Self { counts, k: survey.num_categories() }
    }

    fn region_offset(&self, r: usize) -> usize {
        self.k + r * (self.k - 1)
    }
}

impl Model for FullModel {
    fn dim(&self) -> usize {
        1 + (self.k - 1) * (1 + self.counts.len())
    }

    fn param_names(&self) -> Vec<String> {
        super::param_names(self.counts.len(), self.k)
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let k = self.k;
        grad.iter_mut().for_each(|g| *g = 0.0);
        // alpha = exp(x0): Exponential(1) prior plus the log-Jacobian x0.
        let alpha = x[0].exp();
        let mut lp = -alpha + x[0];
        let mut d_alpha = -1.0;
        // pi0 ~ Dirichlet(1, …, 1) is flat on the simplex: only the Jacobian counts.
        let mut pi0 = vec![0.0; k];
        lp += simplex::constrain(&x[1..k], &mut pi0);
        let mut d_pi0 = vec![0.0; k];
        let conc: Vec<f64> = pi0.iter().map(|p| alpha * p).collect();
        let psi: Vec<f64> = conc.iter().map(|&c| digamma(c)).collect();
        let log_norm = ln_gamma(alpha) - conc.iter().map(|&c| ln_gamma(c)).sum::<f64>();
        let psi_alpha = digamma(alpha);
        let mut pi = vec![0.0; k];
        let mut d_pi = vec![0.0; k];
        for (r, y) in self.counts.iter().enumerate() {
            let off = self.region_offset(r);
            lp += simplex::constrain(&x[off..off + k - 1], &mut pi);
            // Dirichlet(alpha · pi0) prior and multinomial likelihood (constant dropped).
            lp += log_norm;
            d_alpha += psi_alpha;
            for j in 0..k {
                let log_p = pi[j].ln();
                lp += (conc[j] - 1.0 + y[j]) * log_p;
                d_pi[j] = (conc[j] - 1.0 + y[j]) / pi[j];
                d_alpha += pi0[j] * (log_p - psi[j]);
                d_pi0[j] += alpha * (log_p - psi[j]);
            }
            simplex::backprop(&x[off..off + k - 1], &pi, &d_pi, &mut grad[off..off + k - 1]);
        }
        simplex::backprop(&x[1..k], &pi0, &d_pi0, &mut grad[1..k]);
        grad[0] = d_alpha * alpha + 1.0;
        lp
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        let k = self.k;
        out.push(x[0].exp());
        let mut p = vec![0.0; k];
        simplex::constrain(&x[1..k], &mut p);
        out.extend_from_slice(&p);
        for r in 0..self.counts.len() {
            let off = self.region_offset(r);
            simplex::constrain(&x[off..off + k - 1], &mut p);
            out.extend_from_slice(&p);
        }
    }
}
// ANCHOR_END: full
