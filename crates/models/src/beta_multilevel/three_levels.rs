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

use super::beta::BetaStats;
use crate::layer::{
    Declaration, Declared, Density, GenVector, Generated, Number, Params, Scalar, Support, Target,
    Vector,
};
use crate::lpdf::{beta, beta_mean_size, exponential, half_normal, normal};
use sampler::{Result, SamplerError};

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
    mu_district: Vector,
    nu_district_raw: Vector,
    mu_school: Vector,
    nu_school: Vector,
    alpha_bar: Scalar,
    beta_bar: Scalar,
    nu_bar: Scalar,
    sigma_nu: Scalar,
    nu_district: GenVector,
}

impl ThreeLevels {
    /// The model for `scores[s]` (school `s`'s students), where school `s`
    /// belongs to district `district_of[s]` (0-based, every district used).
    pub fn declare(scores: &[Vec<f64>], district_of: &[usize]) -> Result<Declared<Self>> {
        if scores.len() != district_of.len() {
            return Err(SamplerError::Model(format!(
                "three levels: {} schools of scores but {} district indices",
                scores.len(),
                district_of.len()
            )));
        }
        let d = district_of.iter().max().map_or(0, |m| m + 1);
        let s = scores.len();
        let (unit, positive) = (Support::Interval(0.0, 1.0), Support::Positive);
        let mut p = Declaration::new();
        let mu_district = p.vector("mu_district", d, unit);
        let nu_district_raw = p.vector("nu_district_raw", d, positive);
        let mu_school = p.vector("mu_school", s, unit);
        let nu_school = p.vector("nu_school", s, positive);
        let alpha_bar = p.positive("alpha_bar");
        let beta_bar = p.positive("beta_bar");
        let nu_bar = p.positive("nu_bar");
        let sigma_nu = p.positive("sigma_nu");
        let nu_district = p.generated_vector("nu_district", d);
        let model = Self {
            stats: scores.iter().map(|s| BetaStats::of(s)).collect(),
            district_of: district_of.to_vec(),
            mu_district,
            nu_district_raw,
            mu_school,
            nu_school,
            alpha_bar,
            beta_bar,
            nu_bar,
            sigma_nu,
            nu_district,
        };
        Declared::new(p, model)
    }
}

impl Density for ThreeLevels {
    // ANCHOR: three_levels
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (alpha_bar, beta_bar) = (p[self.alpha_bar], p[self.beta_bar]);
        let (nu_bar, sigma_nu) = (p[self.nu_bar], p[self.sigma_nu]);
        let mu_district = &p[self.mu_district];
        let mut target = Target::new();
        // District level: mu_district ~ beta(alpha_bar, beta_bar) and the
        // non-centred sample size of the Beta each district gives its schools.
        let mut nu_district = Vec::with_capacity(mu_district.len());
        for (&mu, &raw) in mu_district.iter().zip(&p[self.nu_district_raw]) {
            target += beta(mu, alpha_bar, beta_bar);
            target += half_normal(raw, 1.0); // std_normal(), bounded below by 0
            nu_district.push(nu_bar + sigma_nu * raw);
        }
        let schools = p[self.mu_school].iter().zip(&p[self.nu_school]);
        for (i, (&mu, &nu)) in schools.enumerate() {
            let k = self.district_of[i];
            // mu_school ~ beta(mu_district * nu_district, (1 - mu_district) * nu_district)
            target += beta_mean_size(mu, mu_district[k], nu_district[k]);
            // s ~ beta(mu_school * nu_school, (1 - mu_school) * nu_school)
            target += self.stats[i].log_lik(mu, nu);
        }
        target += normal(alpha_bar, HYPER[0].0, HYPER[0].1);
        target += normal(beta_bar, HYPER[1].0, HYPER[1].1);
        target += normal(nu_bar, HYPER[2].0, HYPER[2].1);
        target += exponential(sigma_nu, 1.0);
        target.value()
    }
    // ANCHOR_END: three_levels

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        let (nu_bar, sigma_nu) = (p[self.nu_bar], p[self.sigma_nu]);
        for (nu, raw) in out[self.nu_district].iter_mut().zip(&p[self.nu_district_raw]) {
            *nu = nu_bar + sigma_nu * raw;
        }
    }
}
