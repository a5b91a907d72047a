//! Eight Schools under other hyperpriors, for a prior-sensitivity check: the
//! non-centred model of [`super::eight_schools`] with the priors of `mu` and `tau`
//! chosen from a short list, flat (improper) ones included.
//!
//! The same [`HyperPriors`] value gives the declared model NUTS samples
//! ([`NonCentredUnder`]) and the exact posterior on a grid
//! ([`crate::eight_schools_prior_grid`]), so the two always agree on the prior.
//!
//! References: Gelman (2006), "Prior distributions for variance parameters in
//! hierarchical models", *Bayesian Analysis* 1(3) (the half-Cauchy and the flat
//! prior on `tau`); Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §5.5
//! (both hyperparameters flat).

use crate::eight_schools::{MU_PRIOR_SD, SIGMA, TAU_PRIOR_SCALE, Y};
use crate::layer::{
    Declaration, Declared, Density, GenVector, Generated, Number, Params, Scalar, Support, Target,
    Vector,
};
use crate::lpdf::{half_cauchy, half_normal, normal};
use sampler::{Result, SamplerError};

/// The prior of the population mean `mu`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MuPrior {
    /// `mu ~ Normal(mean, sd)`.
    Normal {
        /// Prior mean.
        mean: f64,
        /// Prior sd.
        sd: f64,
    },
    /// A flat (improper) prior on the whole real line.
    Flat,
}

/// The prior of the between-school sd `tau`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TauPrior {
    /// `tau ~ HalfNormal(scale)`.
    HalfNormal(f64),
    /// `tau ~ HalfCauchy(0, scale)`.
    HalfCauchy(f64),
    /// A flat (improper) prior on `(0, ∞)`.
    Flat,
}

/// The two hyperpriors of the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HyperPriors {
    /// Prior of `mu`.
    pub mu: MuPrior,
    /// Prior of `tau`.
    pub tau: TauPrior,
}

/// The book's priors: `mu ~ Normal(0, 20)`, `tau ~ HalfNormal(10)`.
pub const BOOK: HyperPriors = HyperPriors {
    mu: MuPrior::Normal { mean: 0.0, sd: MU_PRIOR_SD },
    tau: TauPrior::HalfNormal(TAU_PRIOR_SCALE),
};

/// The four rows of the prior-sensitivity check, with a short label each:
/// (a) the book's priors; (b) a half-Cauchy(0, 5) on `tau`; (c) `tau` flat;
/// (d) `mu` and `tau` both flat, as in BDA3 §5.5.
pub const SENSITIVITY_ROWS: [(&str, HyperPriors); 4] = [
    ("(a) mu ~ N(0, 20), tau ~ HalfNormal(10)", BOOK),
    (
        "(b) mu ~ N(0, 20), tau ~ HalfCauchy(0, 5)",
        HyperPriors { tau: TauPrior::HalfCauchy(5.0), ..BOOK },
    ),
    ("(c) mu ~ N(0, 20), tau flat", HyperPriors { tau: TauPrior::Flat, ..BOOK }),
    ("(d) mu and tau flat", HyperPriors { mu: MuPrior::Flat, tau: TauPrior::Flat }),
];

impl HyperPriors {
    /// Checks that every scale is positive and finite and the mean finite.
    pub fn validate(&self) -> Result<()> {
        let bad = |what: &str, v: f64| {
            Err(SamplerError::Model(format!("{what} must be positive and finite, got {v}")))
        };
        if let MuPrior::Normal { mean, sd } = self.mu {
            if !mean.is_finite() {
                return Err(SamplerError::Model(format!(
                    "prior mean of mu must be finite, got {mean}"
                )));
            }
            if !(sd.is_finite() && sd > 0.0) {
                return bad("prior sd of mu", sd);
            }
        }
        match self.tau {
            TauPrior::HalfNormal(s) | TauPrior::HalfCauchy(s) if !(s.is_finite() && s > 0.0) => {
                bad("prior scale of tau", s)
            }
            _ => Ok(()),
        }
    }

    /// The log prior density of `mu` (zero for the flat prior).
    pub fn log_prior_mu<T: Number>(&self, mu: T) -> T {
        match self.mu {
            MuPrior::Normal { mean, sd } => normal(mu, mean, sd),
            MuPrior::Flat => T::from(0.0),
        }
    }

    /// The log prior density of `tau > 0` (zero for the flat prior).
    pub fn log_prior_tau<T: Number>(&self, tau: T) -> T {
        match self.tau {
            TauPrior::HalfNormal(s) => half_normal(tau, s),
            TauPrior::HalfCauchy(s) => half_cauchy(tau, s),
            TauPrior::Flat => T::from(0.0),
        }
    }
}

// ANCHOR: non_centred_under
/// Non-centred Eight Schools under any [`HyperPriors`]: `eta` is sampled,
/// `theta = mu + tau · eta` reported.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCentredUnder {
    y: Vec<f64>,
    sigma: Vec<f64>,
    priors: HyperPriors,
    mu: Scalar,
    tau: Scalar,
    eta: Vector,
    theta: GenVector,
}

impl Density for NonCentredUnder {
    fn log_density<T: Number>(&self, p: &Params<T>) -> T {
        let (mu, tau, eta) = (p[self.mu], p[self.tau], &p[self.eta]);
        let mut target = Target::new();
        target += self.priors.log_prior_mu(mu);
        target += self.priors.log_prior_tau(tau);
        for ((&y, &sigma), &eta) in self.y.iter().zip(&self.sigma).zip(eta) {
            target += normal(eta, 0.0, 1.0);
            target += normal(y, mu + tau * eta, sigma);
        }
        target.value()
    }

    fn generated(&self, p: &Params<f64>, out: &mut Generated) {
        for (theta, eta) in out[self.theta].iter_mut().zip(&p[self.eta]) {
            *theta = p[self.mu] + p[self.tau] * eta;
        }
    }
}
// ANCHOR_END: non_centred_under

impl NonCentredUnder {
    /// The classic data under `priors`, declared and checked.
    pub fn declare(priors: HyperPriors) -> Result<Declared<Self>> {
        priors.validate()?;
        let mut p = Declaration::new();
        let mu = p.real("mu");
        let tau = p.positive("tau");
        let eta = p.vector("eta", Y.len(), Support::Real);
        let theta = p.generated_vector("theta", Y.len());
        Declared::new(p, Self { y: Y.to_vec(), sigma: SIGMA.to_vec(), priors, mu, tau, eta, theta })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EightSchools, Parameterization};
    use sampler::Model;

    #[test]
    fn the_book_row_is_the_hand_written_model_up_to_a_constant() {
        let declared = NonCentredUnder::declare(BOOK).unwrap();
        let hand = EightSchools::new(Parameterization::NonCentred);
        let at = |k: usize| -> Vec<f64> {
            (0..10).map(|i| ((k * 10 + i) as f64 * 0.7).sin() * 2.0).collect()
        };
        let offset = declared.log_density(&at(0)) - hand.log_density(&at(0));
        for k in 1..50 {
            let d = declared.log_density(&at(k)) - hand.log_density(&at(k));
            assert!((d - offset).abs() < 1e-10, "point {k}: {d} vs {offset}");
        }
    }

    #[test]
    fn flat_priors_add_nothing_and_bad_scales_are_refused() {
        let flat = SENSITIVITY_ROWS[3].1;
        assert_eq!(flat.log_prior_mu(3.0), 0.0);
        assert_eq!(flat.log_prior_tau(3.0), 0.0);
        let cauchy = SENSITIVITY_ROWS[1].1;
        let expected = (2.0 / (std::f64::consts::PI * 5.0 * (1.0 + 0.36))).ln();
        assert!((cauchy.log_prior_tau(3.0) - expected).abs() < 1e-14);
        let bad = HyperPriors { tau: TauPrior::HalfCauchy(0.0), ..BOOK };
        let err = NonCentredUnder::declare(bad).unwrap_err().to_string();
        assert!(err.contains("prior scale of tau"), "{err}");
        let bad = HyperPriors { mu: MuPrior::Normal { mean: f64::NAN, sd: 1.0 }, ..BOOK };
        assert!(NonCentredUnder::declare(bad).is_err());
    }
}
