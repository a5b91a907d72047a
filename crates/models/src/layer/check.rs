//! The check that keeps a hand-written gradient honest: compare it with the automatic
//! gradient of the same model, declared with the layer, at many random points.
//!
//! A model may keep a hand-written gradient where speed matters (a chapter that fits
//! it thousands of times, a large data set). It then lives beside a declared version
//! of itself, and a test calls [`check_against_declared`]: the two must have the same
//! log density up to an additive constant and the same gradient.

use super::declared::{Declared, Density};
use sampler::Model;
use sampler::rng::{chain_rng, std_normal};

/// Tolerance on each gradient component: `|hand − auto| ≤ 1e-10 · (1 + |auto|)`.
pub const GRADIENT_TOLERANCE: f64 = 1e-10;

/// Tolerance on the log densities: `|(hand − auto) − c| ≤ 1e-12 · (1 + |auto|)`, with
/// `c` the difference at the first point.
pub const DENSITY_TOLERANCE: f64 = 1e-12;

/// What [`check_against_declared`] saw when the two models agreed.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Points compared.
    pub points: usize,
    /// The constant `hand − auto` log density (normalising terms one side drops).
    pub constant: f64,
    /// Largest `|(hand − auto) − constant| / (1 + |auto|)` over the points.
    pub max_density_error: f64,
    /// Largest `|hand − auto| / (1 + |auto|)` over every gradient component.
    pub max_gradient_error: f64,
}

/// `n` points of dimension `dim`, each coordinate standard normal, from ChaCha8 stream 0
/// of `seed`: the points the checks use.
pub fn random_points(dim: usize, n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = chain_rng(seed, 0, 0);
    (0..n).map(|_| (0..dim).map(|_| std_normal(&mut rng)).collect()).collect()
}

/// Compares a hand-written model with its declared twin at `n` standard-normal points
/// of the unconstrained space (seeded by `seed`): log densities equal up to a constant
/// ([`DENSITY_TOLERANCE`]) and gradients equal component by component
/// ([`GRADIENT_TOLERANCE`]). Both models must use the same free coordinates in the
/// same order.
///
/// The error is one line naming the first failure: the point, the coordinate by its
/// declared name (`log tau`, `theta.3`), and both values.
///
/// ```
/// use models::declared::eight_schools::{NonCentred, Schools};
/// use models::layer::check::check_against_declared;
/// use models::{EightSchools, Parameterization};
/// let hand = EightSchools::new(Parameterization::NonCentred);
/// let auto = NonCentred::declare(Schools::classic()).unwrap();
/// let agreement = check_against_declared(&hand, &auto, 100, 1).unwrap();
/// assert!(agreement.max_gradient_error < 1e-10);
/// ```
pub fn check_against_declared<H, D>(
    hand: &H,
    declared: &Declared<D>,
    n: usize,
    seed: u64,
) -> Result<Agreement, String>
where
    H: Model + ?Sized,
    D: Density,
{
    let d = declared.dim();
    if hand.dim() != d {
        return Err(format!(
            "the hand model has {} free coordinates, the declared one {d}",
            hand.dim()
        ));
    }
    let names = declared.free_names();
    let (mut g_hand, mut g_auto) = (vec![0.0; d], vec![0.0; d]);
    let mut agreement = Agreement {
        points: n,
        constant: f64::NAN,
        max_density_error: 0.0,
        max_gradient_error: 0.0,
    };
    for (k, x) in random_points(d, n, seed).iter().enumerate() {
        let lp_hand = hand.log_density_grad(x, &mut g_hand);
        let lp_auto = declared.log_density_grad(x, &mut g_auto);
        if !(lp_hand.is_finite() && lp_auto.is_finite()) {
            return Err(format!(
                "point {k}: log density hand {lp_hand:e}, auto {lp_auto:e} (not both finite)"
            ));
        }
        if k == 0 {
            agreement.constant = lp_hand - lp_auto;
        }
        let err = ((lp_hand - lp_auto) - agreement.constant).abs() / (1.0 + lp_auto.abs());
        if err > DENSITY_TOLERANCE || err.is_nan() {
            return Err(format!(
                "point {k}: log density hand {lp_hand:e}, auto {lp_auto:e}: differs from \
                 the constant {:e} by {err:e} (relative)",
                agreement.constant
            ));
        }
        agreement.max_density_error = agreement.max_density_error.max(err);
        for i in 0..d {
            let err = (g_hand[i] - g_auto[i]).abs() / (1.0 + g_auto[i].abs());
            if err > GRADIENT_TOLERANCE || err.is_nan() {
                return Err(format!(
                    "point {k}: ∂/∂({}) hand {:e}, auto {:e} (relative error {err:e})",
                    names[i], g_hand[i], g_auto[i]
                ));
            }
            agreement.max_gradient_error = agreement.max_gradient_error.max(err);
        }
    }
    Ok(agreement)
}
