//! The no-U-turn criterion and the small vector kernels a trajectory uses.
//!
//! The generalised criterion is Betancourt (2017), "A Conceptual
//! Introduction to Hamiltonian Monte Carlo", arXiv:1701.02434, §A.4.2; the
//! extra checks across the seam of two merged subtrees are Stan's
//! (`base_nuts.hpp`, since Stan 2.21).

use crate::sums::{LANES, combine};
pub(super) use crate::sums::{dot, dot_sum};
use wide::f64x4;

/// `log(exp(a) + exp(b))` without overflow.
///
/// When both are finite the larger one's term is `exp(0) = 1` exactly, so it
/// is written as `1` and only one exponential is evaluated (the result is
/// bit for bit the same as the two-exponential form).
pub(super) fn log_sum_exp(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let m = a.max(b);
    if a.is_finite() && b.is_finite() {
        return if a >= b {
            m + (1.0 + (b - m).exp()).ln()
        } else {
            m + ((a - m).exp() + 1.0).ln()
        };
    }
    m + ((a - m).exp() + (b - m).exp()).ln()
}

/// `out = a + b`, element by element.
pub(super) fn sum_into(out: &mut [f64], a: &[f64], b: &[f64]) {
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = x + y;
    }
}

// ANCHOR: no_u_turn
/// The generalised no-U-turn criterion: keep going while both ends still move
/// along the summed momentum `rho` (Betancourt 2017, §A.4.2).
pub(super) fn no_u_turn(p_sharp_minus: &[f64], p_sharp_plus: &[f64], rho: &[f64]) -> bool {
    dot(p_sharp_plus, rho) > 0.0 && dot(p_sharp_minus, rho) > 0.0
}
// ANCHOR_END: no_u_turn

/// [`no_u_turn`] with `rho = rho_a + rho_b`, the summed momentum of a tree
/// and the inner end of its neighbour (the checks across a seam).
pub(super) fn no_u_turn_across(
    p_sharp_minus: &[f64],
    p_sharp_plus: &[f64],
    rho_a: &[f64],
    rho_b: &[f64],
) -> bool {
    dot_sum(p_sharp_plus, rho_a, rho_b) > 0.0 && dot_sum(p_sharp_minus, rho_a, rho_b) > 0.0
}

// ANCHOR: fused_checks
/// The three checks that close a subtree made of a first half `a` and a
/// second half `b` — [`no_u_turn`] over the whole subtree and
/// [`no_u_turn_across`] at both sides of the seam — in one pass over the
/// coordinates, also writing the subtree's summed momentum
/// `rho_ab = rho_a + rho_b`.
///
/// The six dot products are accumulated side by side, each in the four
/// lanes of [`crate::sums`] exactly as [`dot`] sums it, so every value (and
/// the answer) is the same as the three separate calls give; interleaving
/// them lets the processor overlap 24 chains of additions instead of waiting
/// on one.
/// `a_outer` / `b_outer` are the velocities at the subtree's two ends,
/// `a_inner` / `b_inner` the momentum and velocity at the seam.
#[allow(clippy::too_many_arguments)]
pub(super) fn subtree_no_u_turn(
    rho_ab: &mut [f64],
    rho_a: &[f64],
    rho_b: &[f64],
    a_outer_sharp: &[f64],
    a_inner_sharp: &[f64],
    a_inner_p: &[f64],
    b_outer_sharp: &[f64],
    b_inner_sharp: &[f64],
    b_inner_p: &[f64],
) -> bool {
    let d = rho_ab.len();
    let (rho_a, rho_b) = (&rho_a[..d], &rho_b[..d]);
    let (a_out, a_in, a_p) = (&a_outer_sharp[..d], &a_inner_sharp[..d], &a_inner_p[..d]);
    let (b_out, b_in, b_p) = (&b_outer_sharp[..d], &b_inner_sharp[..d], &b_inner_p[..d]);
    // The six sums, each in four lanes: lane `l` of `acc[k]` adds the terms
    // of the coordinates `i ≡ l (mod 4)` in order, exactly as
    // [`crate::sums`] does, but four coordinates at a time in one SIMD
    // vector (lane-wise adds and multiplies, so the same values).
    let (ra, ra_tail) = rho_a.as_chunks::<LANES>();
    let (rb, rb_tail) = rho_b.as_chunks::<LANES>();
    let (ao, ao_tail) = a_out.as_chunks::<LANES>();
    let (ai, ai_tail) = a_in.as_chunks::<LANES>();
    let (ap, ap_tail) = a_p.as_chunks::<LANES>();
    let (bo, bo_tail) = b_out.as_chunks::<LANES>();
    let (bi, bi_tail) = b_in.as_chunks::<LANES>();
    let (bp, bp_tail) = b_p.as_chunks::<LANES>();
    let (out, out_tail) = rho_ab.as_chunks_mut::<LANES>();
    let mut acc = [f64x4::ZERO; 6];
    for (k, out) in out.iter_mut().enumerate() {
        let v = |c: &[[f64; LANES]]| f64x4::new(c[k]);
        let (rho_a, rho_b) = (v(ra), v(rb));
        let rho = rho_a + rho_b;
        *out = rho.to_array();
        // The whole subtree: both outer velocities against rho_a + rho_b.
        acc[0] += v(bo) * rho;
        acc[1] += v(ao) * rho;
        // The first half plus the first point of the second half.
        let rho_seam = rho_a + v(bp);
        acc[2] += v(bi) * rho_seam;
        acc[3] += v(ao) * rho_seam;
        // The second half plus the last point of the first half.
        let rho_seam2 = rho_b + v(ap);
        acc[4] += v(bo) * rho_seam2;
        acc[5] += v(ai) * rho_seam2;
    }
    // The last `d mod 4` coordinates, one lane each.
    let mut acc = acc.map(|a| a.to_array());
    for (lane, out) in out_tail.iter_mut().enumerate() {
        let rho = ra_tail[lane] + rb_tail[lane];
        *out = rho;
        acc[0][lane] += bo_tail[lane] * rho;
        acc[1][lane] += ao_tail[lane] * rho;
        let rho_seam = ra_tail[lane] + bp_tail[lane];
        acc[2][lane] += bi_tail[lane] * rho_seam;
        acc[3][lane] += ao_tail[lane] * rho_seam;
        let rho_seam2 = rb_tail[lane] + ap_tail[lane];
        acc[4][lane] += bo_tail[lane] * rho_seam2;
        acc[5][lane] += ai_tail[lane] * rho_seam2;
    }
    acc.iter().all(|&lanes| combine(lanes) > 0.0)
}
// ANCHOR_END: fused_checks

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{chain_rng, std_normal};

    /// The fused checks give the same answer (and the same summed momentum)
    /// as the readable criterion applied three times, for every dimension
    /// around a multiple of the lane count.
    #[test]
    fn fused_checks_agree_with_the_readable_criterion() {
        let mut rng = chain_rng(11, 0, 0);
        let mut answers = [0usize; 2];
        for d in 0..14 {
            for _ in 0..400 {
                let mut v = || (0..d).map(|_| std_normal(&mut rng)).collect::<Vec<f64>>();
                let (rho_a, rho_b) = (v(), v());
                let (a_out, a_in, a_p) = (v(), v(), v());
                let (b_out, b_in, b_p) = (v(), v(), v());
                let mut rho_ab = vec![0.0; d];
                let fused = subtree_no_u_turn(
                    &mut rho_ab,
                    &rho_a,
                    &rho_b,
                    &a_out,
                    &a_in,
                    &a_p,
                    &b_out,
                    &b_in,
                    &b_p,
                );
                let mut rho = vec![0.0; d];
                sum_into(&mut rho, &rho_a, &rho_b);
                let separate = no_u_turn(&a_out, &b_out, &rho)
                    && no_u_turn_across(&a_out, &b_in, &rho_a, &b_p)
                    && no_u_turn_across(&a_in, &b_out, &rho_b, &a_p);
                assert_eq!(fused, separate, "d = {d}");
                assert_eq!(rho_ab, rho);
                answers[usize::from(fused)] += 1;
            }
        }
        // Both answers occur, so the comparison is not vacuous.
        assert!(answers[0] > 100 && answers[1] > 100, "{answers:?}");
    }
}
