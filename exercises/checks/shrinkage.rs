//! Checks for exercise 5.8.1, compiled into both `exercises` and `solutions`.

use super::*;
use crate::common::{between, close, same};

const Y: [f64; 8] = [28.0, 8.0, -3.0, 7.0, -1.0, 1.0, 18.0, 12.0];
const SIGMA: [f64; 8] = [15.0, 10.0, 16.0, 11.0, 9.0, 11.0, 10.0, 18.0];
const MU: f64 = 8.0;
const TAU: f64 = 6.0;

#[test]
fn shrinkage_factors() {
    // School A: 15² / (15² + 6²) = 225 / 261.
    close("B for School A", shrinkage_factor(15.0, TAU), 225.0 / 261.0, 1e-12);
    // School E: 81 / 117.
    close("B for School E", shrinkage_factor(9.0, TAU), 81.0 / 117.0, 1e-12);
    close("B with tau = 0", shrinkage_factor(10.0, 0.0), 1.0, 1e-12);
}

#[test]
fn ranking_by_shrinkage() {
    // sigma = 18 (H) shrinks most, then 16 (C), 15 (A), 11 (D, F), 10 (B, G), 9 (E).
    same(
        "order of schools from most to least shrinkage (0 = A)",
        rank_by_shrinkage(&SIGMA, TAU),
        vec![7, 2, 0, 3, 5, 1, 6, 4],
    );
}

#[test]
fn shrunk_estimates() {
    // School A: (36/261)·28 + (225/261)·8 = (1008 + 1800) / 261.
    close("School A", shrunk_estimate(28.0, 15.0, MU, TAU), 2808.0 / 261.0, 1e-9);
    for (i, school) in "ABCDEFGH".chars().enumerate() {
        let t = shrunk_estimate(Y[i], SIGMA[i], MU, TAU);
        let (lo, hi) = (Y[i].min(MU), Y[i].max(MU));
        between(&format!("School {school} (between its y = {} and mu = {MU})", Y[i]), t, lo, hi);
    }
}

#[test]
fn percentage_reduction_of_the_raw_effect() {
    // School A's raw 28 becomes 2808/261, a reduction of (28 − 2808/261)/28
    // = 4500/7308 = 125/203 (61.6%, as the shrinkage chapter reports). The
    // distance to mu shrinks by B = 225/261 (86.2%) instead: not what (c) asks.
    close(
        "reduction of School A's raw effect (%)",
        percent_reduction(28.0, 15.0, MU, TAU),
        100.0 * 125.0 / 203.0,
        1e-9,
    );
    // School G: 18 becomes (36·18 + 100·8)/136 = 1448/136, a reduction of
    // (18·136 − 1448)/(18·136) = 1000/2448.
    close(
        "reduction of School G's raw effect (%)",
        percent_reduction(18.0, 10.0, MU, TAU),
        100.0 * 1000.0 / 2448.0,
        1e-9,
    );
}
