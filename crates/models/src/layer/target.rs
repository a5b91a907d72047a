//! `target +=`: the running sum of a log density's terms, as Stan writes it.

use super::number::Number;
use std::ops::AddAssign;

/// The log density being accumulated, term by term: `target += normal(y, mu, sigma);`.
///
/// Why not a plain `T`? The density functions take `f64` or `T` for every argument
/// and return `T`, and `T` itself can add both a `T` and an `f64`; in `lp += normal(…)`
/// the compiler cannot tell which `T` the call should return. `Target<T>` adds only
/// `T`, which settles it, and [`Target::value`] hands the sum back.
///
/// ```
/// use models::layer::{Number, Target};
/// use models::lpdf::normal;
/// fn two_observations<T: Number>(mu: T) -> T {
///     let mut target = Target::new();
///     target += normal(1.0, mu, 2.0);
///     target += normal(3.0, mu, 2.0);
///     target.value()
/// }
/// let lp: f64 = two_observations(2.0);
/// assert!((lp - 2.0 * normal::<f64>(1.0, 2.0, 2.0)).abs() < 1e-15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target<T> {
    sum: T,
}

impl<T: Number> Target<T> {
    /// A sum of no terms (zero).
    pub fn new() -> Self {
        Self { sum: T::from(0.0) }
    }

    /// The sum of the terms added so far.
    pub fn value(self) -> T {
        self.sum
    }
}

impl<T: Number> Default for Target<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Number> AddAssign<T> for Target<T> {
    fn add_assign(&mut self, term: T) {
        self.sum += term;
    }
}
