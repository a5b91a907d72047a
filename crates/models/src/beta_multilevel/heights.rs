//! Heights of people in several countries: a Normal varying-intercepts model,
//! written as the source's Stan program has it.
//!
//! `height ~ Normal(mu_country[c], sigma)`, `mu_country ~ Normal(alpha_bar, 10)`,
//! `alpha_bar ~ Normal(176, 1)`, `sigma ~ Exponential(1)` and
//! `sigma_country ~ Exponential(1)`, both bounded below by 0.001. The
//! program declares `sigma_country` but never uses it: the country means
//! get the fixed scale 10, so `sigma_country`'s posterior is its prior.

use crate::layer::{
    Declaration, Declared, Density, Number, Params, Scalar, Support, Target, Vector,
};
use crate::lpdf::{exponential, normal};
use sampler::{Result, SamplerError};

/// Prior scale of the country means around `alpha_bar` (fixed in the source).
pub const COUNTRY_SCALE: f64 = 10.0;
/// Prior mean and sd of `alpha_bar`.
pub const ALPHA_BAR_PRIOR: (f64, f64) = (176.0, 1.0);
/// Lower bound of both scales (`real<lower = 1e-3>`).
pub const SCALE_LOWER: f64 = 1e-3;

/// The heights model on the given countries' data.
///
/// Parameters: `mu_country.1…K`, `sigma`, `sigma_country`, `alpha_bar`.
#[derive(Debug, Clone, PartialEq)]
pub struct Heights {
    heights: Vec<Vec<f64>>,
    mu_country: Vector,
    sigma: Scalar,
    sigma_country: Scalar,
    alpha_bar: Scalar,
}

impl Heights {
    /// The model for `heights[c]`, the heights measured in country `c` (at least
    /// one country, each with at least one height).
    pub fn declare(heights: &[Vec<f64>]) -> Result<Declared<Self>> {
        if heights.is_empty() || heights.iter().any(Vec::is_empty) {
            return Err(SamplerError::Model(
                "heights: every country needs at least one height".into(),
            ));
        }
        let mut p = Declaration::new();
        let mu_country = p.vector("mu_country", heights.len(), Support::Real);
        let sigma = p.lower("sigma", SCALE_LOWER);
        let sigma_country = p.lower("sigma_country", SCALE_LOWER);
        let alpha_bar = p.real("alpha_bar");
        let heights = heights.to_vec();
        Declared::new(p, Self { heights, mu_country, sigma, sigma_country, alpha_bar })
    }
}

impl Density for Heights {
    // ANCHOR: heights
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (sigma, alpha_bar) = (p[self.sigma], p[self.alpha_bar]);
        let mut target = Target::new();
        for (country, &mu) in self.heights.iter().zip(&p[self.mu_country]) {
            for &height in country {
                target += normal(height, mu, sigma);
            }
            target += normal(mu, alpha_bar, COUNTRY_SCALE);
        }
        target += exponential(sigma, 1.0);
        target += exponential(p[self.sigma_country], 1.0);
        target += normal(alpha_bar, ALPHA_BAR_PRIOR.0, ALPHA_BAR_PRIOR.1);
        target.value()
    }
    // ANCHOR_END: heights
}
