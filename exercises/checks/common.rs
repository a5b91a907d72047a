//! Assertions shared by the exercises' checks: each says what was expected,
//! what your code returned, and how close it had to be.

// Not every exercise uses every helper.
#![allow(dead_code)]

/// Fails unless `got` is within `tol` of `expected`.
pub fn close(what: &str, got: f64, expected: f64, tol: f64) {
    assert!(
        (got - expected).abs() <= tol,
        "{what}: expected {expected}, got {got} (tolerance ±{tol:?})"
    );
}

/// Fails unless `got` lies in `[lo, hi]`.
pub fn between(what: &str, got: f64, lo: f64, hi: f64) {
    assert!(
        (lo..=hi).contains(&got),
        "{what}: expected a value between {lo} and {hi}, got {got}"
    );
}
