//! Three levels: district means → school means → student scores, as the
//! source's program writes it.
//!
//! `s ~ Beta(mu_school·nu_school, (1 − mu_school)·nu_school)`,
//! `mu_school ~ Beta(mu_district·nu_district, (1 − mu_district)·nu_district)`,
//! `nu_district = nu_bar + sigma_nu · nu_district_raw` with
//! `nu_district_raw ~ Normal(0, 1)` bounded below by 0,
//! `mu_district ~ Beta(alpha_bar, beta_bar)`, `alpha_bar ~ Normal(3, 0.5)`,
//! `beta_bar ~ Normal(1, 0.3)`, `nu_bar ~ Normal(40, 5)`,
//! `sigma_nu ~ Exponential(1)`. The source gives `nu_school` no prior
//! statement, so its prior is flat on (0, ∞); twenty students per school
//! make the posterior proper.

use super::beta::{BetaStats, loglik_mean_size, shapes};
use super::{BetaPrior, ConstrainedDensity, exponential, indexed, normal};
use crate::layer::Support;

/// Hyperpriors of `alpha_bar`, `beta_bar`, `nu_bar` (Normal mean, sd).
pub const HYPER: [(f64, f64); 3] = [(3.0, 0.5), (1.0, 0.3), (40.0, 5.0)];

/// The three-level model.
///
/// Parameters: `mu_district.1…D`, `nu_district_raw.1…D`, `mu_school.1…S`,
/// `nu_school.1…S`, `alpha_bar`, `beta_bar`, `nu_bar`, `sigma_nu`; reported
/// values add `nu_district.1…D`.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreeLevels {
    stats: Vec<BetaStats>,
    district_of: Vec<usize>,
    districts: usize,
    bounds: Vec<Support>,
}

impl ThreeLevels {
    /// The model for `scores[s]` (school `s`'s students), where school `s`
    /// belongs to district `district_of[s]` (0-based, every district used).
    pub fn new(scores: &[Vec<f64>], district_of: &[usize]) -> Self {
        let districts = district_of.iter().max().map_or(0, |m| m + 1);
        let schools = scores.len();
        let mut bounds = vec![Support::Interval(0.0, 1.0); districts];
        bounds.extend(vec![Support::Positive; districts]);
        bounds.extend(vec![Support::Interval(0.0, 1.0); schools]);
        bounds.extend(vec![Support::Positive; schools]);
        bounds.extend([Support::Positive; 4]);
        Self {
            stats: scores.iter().map(|s| BetaStats::of(s)).collect(),
            district_of: district_of.to_vec(),
            districts,
            bounds,
        }
    }
}

impl ConstrainedDensity for ThreeLevels {
    fn bounds(&self) -> &[Support] {
        &self.bounds
    }

    fn names(&self) -> Vec<String> {
        let (d, s) = (self.districts, self.stats.len());
        let mut names = indexed("mu_district", d);
        names.extend(indexed("nu_district_raw", d));
        names.extend(indexed("mu_school", s));
        names.extend(indexed("nu_school", s));
        names.extend(["alpha_bar", "beta_bar", "nu_bar", "sigma_nu"].map(String::from));
        names.extend(indexed("nu_district", d));
        names
    }

    // ANCHOR: three_levels
    fn log_density(&self, v: &[f64], grad: &mut [f64]) -> f64 {
        let (d, s) = (self.districts, self.stats.len());
        let (mu_s, nu_s, h) = (2 * d, 2 * d + s, 2 * d + 2 * s);
        let (alpha_bar, beta_bar, nu_bar, sigma_nu) = (v[h], v[h + 1], v[h + 2], v[h + 3]);
        let mut lp = 0.0;
        // District level: mu_district ~ beta(alpha_bar, beta_bar), and the
        // Beta prior each district gives its schools.
        let top = BetaPrior::new(alpha_bar, beta_bar);
        let mut school_priors = Vec::with_capacity(d);
        for k in 0..d {
            let raw = v[d + k];
            let nu_district = nu_bar + sigma_nu * raw;
            let (a, b) = shapes(v[k], nu_district);
            school_priors.push((BetaPrior::new(a, b), nu_district));
            let t = top.at(v[k]);
            lp += t.lp - 0.5 * raw * raw; // nu_district_raw ~ std_normal()
            grad[k] += t.dx;
            grad[h] += t.da;
            grad[h + 1] += t.db;
            grad[d + k] -= raw;
        }
        for (i, stats) in self.stats.iter().enumerate() {
            let k = self.district_of[i];
            let (mu, nu) = (v[mu_s + i], v[nu_s + i]);
            // s ~ beta(mu_school * nu_school, (1 - mu_school) * nu_school)
            let lik = loglik_mean_size(mu, nu, stats);
            // mu_school ~ beta(a_district, b_district), with
            // a = mu_district * nu_district and b = (1 - mu_district) * nu_district
            let (prior, nu_district) = &school_priors[k];
            let p = prior.at(mu);
            lp += lik.lp + p.lp;
            grad[mu_s + i] += lik.d1 + p.dx;
            grad[nu_s + i] += lik.d2;
            grad[k] += nu_district * (p.da - p.db);
            let dnu_district = v[k] * p.da + (1.0 - v[k]) * p.db;
            grad[h + 2] += dnu_district;
            grad[h + 3] += dnu_district * v[d + k];
            grad[d + k] += dnu_district * sigma_nu;
        }
        let hyper = [
            normal(alpha_bar, HYPER[0].0, HYPER[0].1),
            normal(beta_bar, HYPER[1].0, HYPER[1].1),
            normal(nu_bar, HYPER[2].0, HYPER[2].1),
            exponential(sigma_nu, 1.0),
        ];
        for (j, (l, dl)) in hyper.into_iter().enumerate() {
            lp += l;
            grad[h + j] += dl;
        }
        lp
    }
    // ANCHOR_END: three_levels

    fn outputs(&self, v: &[f64], out: &mut Vec<f64>) {
        out.extend_from_slice(v);
        let (d, s) = (self.districts, self.stats.len());
        let h = 2 * d + 2 * s;
        let (nu_bar, sigma_nu) = (v[h + 2], v[h + 3]);
        out.extend(v[d..2 * d].iter().map(|raw| nu_bar + sigma_nu * raw));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beta_multilevel::Unconstrained;
    use crate::beta_multilevel::test_support::assert_gradient;

    #[test]
    fn gradient_matches_finite_differences() {
        let scores = vec![
            vec![0.7, 0.8, 0.9],
            vec![0.6, 0.65],
            vec![0.91, 0.85, 0.88],
            vec![0.5, 0.7],
        ];
        let model = Unconstrained(ThreeLevels::new(&scores, &[0, 0, 1, 1]));
        let mut centre = vec![1.0, 0.5, -0.5, -0.5];
        centre.extend([1.0, 0.4, 2.0, 0.8]);
        centre.extend([3.4; 4]);
        centre.extend([1.1, 0.0, 3.6, 0.0]);
        assert_gradient(&model, &centre);
    }
}
