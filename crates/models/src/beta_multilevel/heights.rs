//! Heights of people in several countries: a Normal varying-intercepts model,
//! written as the source's Stan program has it.
//!
//! `height ~ Normal(mu_country[c], sigma)`, `mu_country ~ Normal(alpha_bar, 10)`,
//! `alpha_bar ~ Normal(176, 1)`, `sigma ~ Exponential(1)` and
//! `sigma_country ~ Exponential(1)`, both bounded below by 0.001. The
//! program declares `sigma_country` but never uses it: the country means
//! get the fixed scale 10, so `sigma_country`'s posterior is its prior.

use super::{ConstrainedDensity, exponential, indexed, normal};
use crate::layer::Support;

/// Prior scale of the country means around `alpha_bar` (fixed in the source).
pub const COUNTRY_SCALE: f64 = 10.0;
/// Prior mean and sd of `alpha_bar`.
pub const ALPHA_BAR_PRIOR: (f64, f64) = (176.0, 1.0);
/// Lower bound of both scales (`real<lower = 1e-3>`).
pub const SCALE_LOWER: f64 = 1e-3;

/// One country's heights, summarised: count, mean, and within sum of squares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupStats {
    /// Number of people.
    pub n: f64,
    /// Mean height.
    pub mean: f64,
    /// `Σ (y − mean)²`.
    pub within_ss: f64,
}

impl GroupStats {
    /// Summarises one group's observations.
    pub fn of(ys: &[f64]) -> Self {
        let n = ys.len() as f64;
        let mean = ys.iter().sum::<f64>() / n;
        let within_ss = ys.iter().map(|y| (y - mean) * (y - mean)).sum();
        Self { n, mean, within_ss }
    }
}

/// The heights model on the given countries' data.
///
/// Parameters: `mu_country.1…K`, `sigma`, `sigma_country`, `alpha_bar`.
#[derive(Debug, Clone, PartialEq)]
pub struct Heights {
    groups: Vec<GroupStats>,
    bounds: Vec<Support>,
}

impl Heights {
    /// The model for `heights[c]`, the heights measured in country `c`.
    pub fn new(heights: &[Vec<f64>]) -> Self {
        let k = heights.len();
        let mut bounds = vec![Support::Real; k];
        bounds.extend([
            Support::Lower(SCALE_LOWER),
            Support::Lower(SCALE_LOWER),
            Support::Real,
        ]);
        Self {
            groups: heights.iter().map(|h| GroupStats::of(h)).collect(),
            bounds,
        }
    }
}

impl ConstrainedDensity for Heights {
    fn bounds(&self) -> &[Support] {
        &self.bounds
    }

    fn names(&self) -> Vec<String> {
        let mut names = indexed("mu_country", self.groups.len());
        names.extend(["sigma", "sigma_country", "alpha_bar"].map(String::from));
        names
    }

    // ANCHOR: heights
    fn log_density(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        let k = self.groups.len();
        let (sigma, sigma_country, alpha_bar) = (v[k], v[k + 1], v[k + 2]);
        let inv_var = 1.0 / (sigma * sigma);
        let mut lp = 0.0;
        // heights ~ normal(mu_country[country], sigma), through each
        // country's count, mean and within sum of squares.
        for (j, g) in self.groups.iter().enumerate() {
            let dev = g.mean - v[j];
            let ss = g.within_ss + g.n * dev * dev;
            lp += -g.n * sigma.ln() - 0.5 * ss * inv_var;
            grad[j] += g.n * dev * inv_var;
            grad[k] += -g.n / sigma + ss * inv_var / sigma;
            // mu_country ~ normal(alpha_bar, 10)
            let (l, d) = normal(v[j], alpha_bar, COUNTRY_SCALE);
            lp += l;
            grad[j] += d;
            grad[k + 2] -= d;
        }
        let priors = [
            (k, exponential(sigma, 1.0)),
            (k + 1, exponential(sigma_country, 1.0)),
            (
                k + 2,
                normal(alpha_bar, ALPHA_BAR_PRIOR.0, ALPHA_BAR_PRIOR.1),
            ),
        ];
        for (i, (l, d)) in priors {
            lp += l;
            grad[i] += d;
        }
        lp
    }
    // ANCHOR_END: heights

    fn outputs(&self, v: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beta_multilevel::Unconstrained;
    use crate::beta_multilevel::test_support::assert_gradient;

    #[test]
    fn gradient_matches_finite_differences() {
        let data = vec![
            vec![180.0, 183.5, 178.2],
            vec![170.1, 171.0],
            vec![190.0, 188.0, 192.5, 189.9],
        ];
        let model = Unconstrained(Heights::new(&data));
        assert_gradient(&model, &[180.0, 171.0, 190.0, 1.0, 0.0, 176.0]);
    }
}
