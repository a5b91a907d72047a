//! The benchmark models, all written once as [`sampler::Model`]s.

use anyhow::{Context, Result};
use models::factor_gaussian::FactorGaussian;
use models::gaussian::Gaussian;
use models::survey::FullModel;
use models::survey::data::Survey;
use models::varying_slopes::VaryingSlopes;
use models::{EightSchools, Parameterization};
use std::path::Path;

/// One benchmark model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Eight schools, non-centred (10 parameters).
    EightSchoolsNonCentred,
    /// Eight schools, centred: shown, but left out of the ratios (its ESS
    /// swings by an order of magnitude from seed to seed).
    EightSchoolsCentred,
    /// A 100-dimensional correlated Gaussian ([`correlated_gaussian`]).
    Gaussian100,
    /// The Dirichlet-multinomial survey with every region's proportions
    /// sampled (22 parameters).
    DirichletMultinomial,
    /// High School and Beyond, partial pooling of intercepts and slopes,
    /// non-centred (7185 students, 160 schools, 325 parameters).
    Hsb,
    /// A 100-dimensional Gaussian with three strong common factors and
    /// scales over a factor of 100 ([`FactorGaussian::benchmark`]): the
    /// target of the low-rank metric, compared in its own table and left
    /// out of the ours / nuts-rs ratios of the diagonal metrics.
    Factor100,
}

impl Target {
    /// Every model, in table order.
    pub const ALL: [Target; 6] = [
        Target::EightSchoolsNonCentred,
        Target::EightSchoolsCentred,
        Target::Gaussian100,
        Target::DirichletMultinomial,
        Target::Hsb,
        Target::Factor100,
    ];

    /// Name in tables.
    pub fn label(self) -> &'static str {
        match self {
            Target::EightSchoolsNonCentred => "eight schools, non-centred",
            Target::EightSchoolsCentred => "eight schools, centred",
            Target::Gaussian100 => "correlated Gaussian, d = 100",
            Target::DirichletMultinomial => "Dirichlet-multinomial survey",
            Target::Hsb => "High School and Beyond, partial pooling",
            Target::Factor100 => "three-factor Gaussian, d = 100",
        }
    }

    /// Short name for the `--models` flag.
    pub fn key(self) -> &'static str {
        match self {
            Target::EightSchoolsNonCentred => "eight-nc",
            Target::EightSchoolsCentred => "eight-c",
            Target::Gaussian100 => "gauss100",
            Target::DirichletMultinomial => "dirichlet",
            Target::Hsb => "hsb",
            Target::Factor100 => "factor100",
        }
    }

    /// Looks a model up by [`Target::key`].
    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Whether the model enters the ours / nuts-rs ratios.
    pub fn in_ratios(self) -> bool {
        !matches!(self, Target::EightSchoolsCentred | Target::Factor100)
    }
}

/// Eight schools in the given parameterisation.
pub fn eight_schools(p: Parameterization) -> EightSchools {
    EightSchools::new(p)
}

/// Dimension of the correlated Gaussian.
pub const GAUSSIAN_DIM: usize = 100;
/// Lag-one correlation of the Gaussian's AR(1) correlation matrix.
pub const GAUSSIAN_RHO: f64 = 0.7;

/// A `d`-dimensional zero-mean Gaussian with AR(1) correlation
/// `corr(x_i, x_j) = rho^|i − j|` and standard deviations spread
/// log-uniformly from 0.1 to 10, so a sampler needs both a good diagonal
/// metric (scales differ by a factor 100) and long trajectories (neighbours
/// are correlated).
///
/// The AR(1) correlation matrix has a tridiagonal inverse,
/// `R⁻¹ = (1 − ρ²)⁻¹ · tridiag(−ρ, [1, 1 + ρ², …, 1 + ρ², 1], −ρ)`, and with
/// `Σ = S R S` the precision is `S⁻¹ R⁻¹ S⁻¹` (stored dense, as
/// [`Gaussian`] takes it).
pub fn correlated_gaussian(d: usize, rho: f64) -> Gaussian {
    let sd = models::factor_gaussian::log_spaced_scales(d);
    let c = 1.0 / (1.0 - rho * rho);
    let mut precision = vec![0.0; d * d];
    for i in 0..d {
        let diag = if i == 0 || i == d - 1 { 1.0 } else { 1.0 + rho * rho };
        precision[i * d + i] = c * diag / (sd[i] * sd[i]);
        if i + 1 < d {
            let off = -c * rho / (sd[i] * sd[i + 1]);
            precision[i * d + i + 1] = off;
            precision[(i + 1) * d + i] = off;
        }
    }
    Gaussian { mean: vec![0.0; d], precision }
}

/// Dimension of the factor Gaussian.
pub const FACTOR_DIM: usize = 100;

/// The three-factor Gaussian of dimension [`FACTOR_DIM`].
pub fn factor_gaussian() -> FactorGaussian {
    FactorGaussian::benchmark(FACTOR_DIM)
}

/// The survey model of the Dirichlet-multinomial chapter, on the printed data.
pub fn dirichlet_multinomial() -> FullModel {
    FullModel::new(&Survey::printed())
}

/// The non-centred partial-pooling model of the High School and Beyond
/// chapter, on the data file shipped with the repository.
pub fn hsb() -> Result<VaryingSlopes> {
    let path = Path::new(models::hsb::DEFAULT_DATA);
    let data = models::hsb::data::Hsb::load(path)
        .with_context(|| format!("cannot read the High School and Beyond data {}", path.display()))?
        .grouped()?;
    Ok(VaryingSlopes::new(data, Parameterization::NonCentred))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::Model;

    #[test]
    fn precision_inverts_the_ar1_covariance() {
        let (d, rho) = (12, GAUSSIAN_RHO);
        let g = correlated_gaussian(d, rho);
        let sd: Vec<f64> =
            (0..d).map(|i| 10f64.powf(-1.0 + 2.0 * i as f64 / (d - 1) as f64)).collect();
        for i in 0..d {
            for j in 0..d {
                // (Σ P)_ij with Σ_ik = sd_i sd_k rho^|i-k|.
                let v: f64 = (0..d)
                    .map(|k| {
                        sd[i]
                            * sd[k]
                            * rho.powi((i as i32 - k as i32).abs())
                            * g.precision[k * d + j]
                    })
                    .sum();
                let expected = if i == j { 1.0 } else { 0.0 };
                assert!((v - expected).abs() < 1e-9, "({i}, {j}): {v}");
            }
        }
    }

    #[test]
    fn keys_round_trip_and_sizes_are_as_documented() {
        for t in Target::ALL {
            assert_eq!(Target::from_key(t.key()), Some(t));
        }
        assert_eq!(correlated_gaussian(GAUSSIAN_DIM, GAUSSIAN_RHO).dim(), 100);
        assert_eq!(dirichlet_multinomial().dim(), 22);
        assert_eq!(hsb().unwrap().dim(), 325);
        assert_eq!(factor_gaussian().dim(), 100);
    }
}
