//! Sums over the coordinates in four interleaved lanes.
//!
//! A sum written `iter().sum()` is one chain of dependent additions: each
//! must wait for the one before, and the compiler may not reorder them
//! (floating-point addition is not associative). Every sum over coordinates
//! that the sampler does per leapfrog step — the kinetic energy and the dot
//! products of the no-U-turn checks — is instead split into four partial
//! sums: term `i` goes to lane `i mod 4`, and the lanes are combined as
//! `(l₀ + l₁) + (l₂ + l₃)`. The four chains run side by side (in SIMD
//! registers where the processor has them), and the order is still fixed,
//! so a seed gives the same bytes on every run and at every thread count.

/// Number of partial sums.
pub const LANES: usize = 4;

/// Combines four partial sums in the fixed order `(l₀ + l₁) + (l₂ + l₃)`.
#[inline(always)]
pub fn combine(l: [f64; LANES]) -> f64 {
    (l[0] + l[1]) + (l[2] + l[3])
}

/// Calls `f(i, i mod 4)` for `i` in `0..n`, in order, in blocks of four
/// (so the compiler sees four independent lanes).
#[inline(always)]
pub fn for_each_in_lanes(n: usize, mut f: impl FnMut(usize, usize)) {
    let full = n - n % LANES;
    for start in (0..full).step_by(LANES) {
        for lane in 0..LANES {
            f(start + lane, lane);
        }
    }
    for lane in 0..n - full {
        f(full + lane, lane);
    }
}

/// `Σᵢ term(i)` for `i` in `0..n`, term `i` in lane `i mod 4`.
#[inline(always)]
pub fn lane_sum(n: usize, term: impl Fn(usize) -> f64) -> f64 {
    let mut l = [0.0; LANES];
    for_each_in_lanes(n, |i, lane| l[lane] += term(i));
    combine(l)
}

/// `Σᵢ aᵢ bᵢ`, in four lanes.
#[inline]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    lane_sum(n, |i| a[i] * b[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_sum_puts_term_i_in_lane_i_mod_4() {
        // Terms chosen so that the order of additions shows in the result:
        // 1e16 + 1 + (-1e16) loses the 1 in one order and not in another.
        let terms = [1e16, 1.0, 1.0, 1.0, -1e16, 1.0, 1.0];
        let got = lane_sum(terms.len(), |i| terms[i]);
        let lanes = [1e16 + -1e16, 1.0 + 1.0, 1.0 + 1.0, 1.0];
        assert_eq!(got, (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]));
        assert_eq!(got, 5.0);
    }

    #[test]
    fn dot_matches_the_exact_value_for_small_integers() {
        for n in 0..11 {
            let a: Vec<f64> = (0..n).map(|i| i as f64).collect();
            let b: Vec<f64> = (0..n).map(|i| (2 * i + 1) as f64).collect();
            let exact: f64 = (0..n).map(|i| (i * (2 * i + 1)) as f64).sum();
            assert_eq!(dot(&a, &b), exact, "n = {n}");
        }
    }
}
