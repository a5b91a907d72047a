//! Sums over the coordinates in four interleaved lanes.
//!
//! A sum written `iter().sum()` is one chain of dependent additions: each
//! must wait for the one before, and the compiler may not reorder them
//! (floating-point addition is not associative). Every sum over coordinates
//! that the sampler does per leapfrog step — the kinetic energy and the dot
//! products of the no-U-turn checks — is instead split into four partial
//! sums: term `i` goes to lane `i mod 4`, and the lanes are combined as
//! `(l₀ + l₁) + (l₂ + l₃)`. The four chains run side by side — [`dot`],
//! [`dot_sum`] and [`squares_weighted`] take four coordinates at a time as
//! one `wide::f64x4` vector, one lane per partial sum — and the order is
//! still fixed, so a seed gives the same bytes on every run and at every
//! thread count.

use wide::f64x4;

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

/// `Σᵢ term(aᵢ, bᵢ)`, term `i` in lane `i mod 4` as [`lane_sum`] adds it,
/// but four coordinates at a time in one SIMD vector: `simd` is the term on
/// four lanes, `scalar` the same operations on one (for the last `n mod 4`
/// coordinates). Lane-wise multiplies and adds, no fused multiply-add, so
/// the value is bit for bit [`lane_sum`]'s.
#[inline(always)]
pub fn pair_sum(
    a: &[f64],
    b: &[f64],
    simd: impl Fn(f64x4, f64x4) -> f64x4,
    scalar: impl Fn(f64, f64) -> f64,
) -> f64 {
    let n = a.len().min(b.len());
    let (a4, a1) = a[..n].as_chunks::<LANES>();
    let (b4, b1) = b[..n].as_chunks::<LANES>();
    let mut acc = f64x4::ZERO;
    for (a, b) in a4.iter().zip(b4) {
        acc += simd(f64x4::new(*a), f64x4::new(*b));
    }
    let mut lanes = acc.to_array();
    for (lane, (a, b)) in a1.iter().zip(b1).enumerate() {
        lanes[lane] += scalar(*a, *b);
    }
    combine(lanes)
}

/// `Σᵢ aᵢ bᵢ`, summed as [`pair_sum`] sums.
#[inline]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    pair_sum(a, b, |a, b| a * b, |a, b| a * b)
}

/// `Σᵢ pᵢ (aᵢ + bᵢ)` without materialising `a + b`, summed as [`pair_sum`] sums
/// (a third slice, so written out).
#[inline]
pub fn dot_sum(p: &[f64], a: &[f64], b: &[f64]) -> f64 {
    let n = p.len().min(a.len()).min(b.len());
    let (p4, p1) = p[..n].as_chunks::<LANES>();
    let (a4, a1) = a[..n].as_chunks::<LANES>();
    let (b4, b1) = b[..n].as_chunks::<LANES>();
    let mut acc = f64x4::ZERO;
    for ((p, a), b) in p4.iter().zip(a4).zip(b4) {
        acc += f64x4::new(*p) * (f64x4::new(*a) + f64x4::new(*b));
    }
    let mut lanes = acc.to_array();
    for (lane, ((p, a), b)) in p1.iter().zip(a1).zip(b1).enumerate() {
        lanes[lane] += p * (a + b);
    }
    combine(lanes)
}

/// `Σᵢ pᵢ² mᵢ` (twice the kinetic energy under a diagonal metric), summed
/// as [`pair_sum`] sums.
#[inline]
pub fn squares_weighted(p: &[f64], m: &[f64]) -> f64 {
    pair_sum(p, m, |p, m| p * p * m, |p, m| p * p * m)
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
    fn simd_sums_are_lane_sums_bit_for_bit() {
        // Terms whose sums depend on the order of additions.
        for n in 0..23 {
            let v = |k: i32| -> Vec<f64> {
                (0..n).map(|i| (1e16f64).powi((i + k) % 3) * (i as f64 - 7.3 + k as f64)).collect()
            };
            let (p, a, b) = (v(0), v(1), v(2));
            let n = n as usize;
            let bits = |x: f64| x.to_bits();
            assert_eq!(bits(dot(&p, &a)), bits(lane_sum(n, |i| p[i] * a[i])));
            let want = lane_sum(n, |i| p[i] * (a[i] + b[i]));
            assert_eq!(bits(dot_sum(&p, &a, &b)), bits(want));
            let want = lane_sum(n, |i| p[i] * p[i] * a[i]);
            assert_eq!(bits(squares_weighted(&p, &a)), bits(want));
        }
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
