//! Building a trajectory: the recursive doubling of one subtree, and the
//! buffers a transition reuses so that no leapfrog step allocates.
//!
//! Hoffman & Gelman (2014), "The No-U-Turn Sampler", JMLR 15, algorithm 3
//! (with multinomial rather than slice sampling, as Stan does).

use super::criterion::{log_sum_exp, subtree_no_u_turn};
use crate::hamiltonian::{PhasePoint, hamiltonian, leapfrog};
use crate::metric::Metric;
use crate::model::Model;
use crate::rng::uniform;
use crate::symmetric_accept::symmetric_accept;
use rand::Rng;

/// The ends of a one-step subtree at momentum `p`: both momenta are `p`, both
/// velocities `M⁻¹ p`, and the subtree's summed momentum `rho` is `p` too.
/// Under a diagonal metric this is one pass, the same arithmetic as
/// [`Metric::velocity`]; otherwise the metric writes the velocity first.
pub(super) fn leaf_ends<Me: Metric>(p: &[f64], metric: &Me, ends: &mut Ends, rho: &mut [f64]) {
    let d = p.len();
    let rho = &mut rho[..d];
    let (p_beg, p_end) = (&mut ends.p_beg[..d], &mut ends.p_end[..d]);
    let (s_beg, s_end) = (&mut ends.p_sharp_beg[..d], &mut ends.p_sharp_end[..d]);
    let Some(inv_mass) = metric.as_diagonal() else {
        metric.velocity(p, s_beg);
        s_end.copy_from_slice(s_beg);
        p_beg.copy_from_slice(p);
        p_end.copy_from_slice(p);
        rho.copy_from_slice(p);
        return;
    };
    let inv_mass = &inv_mass[..d];
    for i in 0..d {
        let v = p[i] * inv_mass[i];
        s_beg[i] = v;
        s_end[i] = v;
        rho[i] = p[i];
        p_beg[i] = p[i];
        p_end[i] = p[i];
    }
}

/// State shared by the whole trajectory of one transition.
pub(super) struct Trajectory<'a, M: ?Sized, Me> {
    pub(super) model: &'a M,
    pub(super) metric: &'a Me,
    pub(super) step_size: f64,
    pub(super) h0: f64,
    pub(super) max_energy_error: f64,
    pub(super) n_leapfrog: usize,
    pub(super) sum_metro_prob: f64,
    pub(super) sum_symmetric_prob: f64,
    pub(super) divergent: bool,
}

/// Momentum-like vectors at the two ends of a (sub)tree.
#[derive(Debug, Clone)]
pub(super) struct Ends {
    pub(super) p_beg: Vec<f64>,
    pub(super) p_end: Vec<f64>,
    pub(super) p_sharp_beg: Vec<f64>,
    pub(super) p_sharp_end: Vec<f64>,
}

impl Ends {
    pub(super) fn zeros(d: usize) -> Self {
        Self {
            p_beg: vec![0.0; d],
            p_end: vec![0.0; d],
            p_sharp_beg: vec![0.0; d],
            p_sharp_end: vec![0.0; d],
        }
    }
}

/// The buffers a subtree of depth `k ≥ 1` needs for its two halves. One
/// level per depth suffices: the two halves of a subtree are built one
/// after the other, and the second reuses what the first no longer needs.
#[derive(Debug, Clone)]
pub(super) struct Level {
    pub(super) init: Ends,
    pub(super) fin: Ends,
    pub(super) rho_init: Vec<f64>,
    pub(super) rho_final: Vec<f64>,
    pub(super) z_propose_final: PhasePoint,
}

impl Level {
    pub(super) fn new(d: usize) -> Self {
        Self {
            init: Ends::zeros(d),
            fin: Ends::zeros(d),
            rho_init: vec![0.0; d],
            rho_final: vec![0.0; d],
            z_propose_final: PhasePoint::zeros(d),
        }
    }
}

// ANCHOR: workspace
/// Every buffer a transition needs, allocated once per chain and reused, so
/// that no leapfrog step and no tree node allocates.
#[derive(Debug, Clone)]
pub struct NutsWorkspace {
    pub(super) levels: Vec<Level>,
    pub(super) fwd: Ends,
    pub(super) bck: Ends,
    pub(super) z_fwd: PhasePoint,
    pub(super) z_bck: PhasePoint,
    pub(super) z_sample: PhasePoint,
    pub(super) z_propose: PhasePoint,
    pub(super) rho: Vec<f64>,
    pub(super) rho_fwd: Vec<f64>,
    pub(super) rho_bck: Vec<f64>,
}
// ANCHOR_END: workspace

impl NutsWorkspace {
    /// Buffers for a `d`-dimensional model; subtree levels are added as
    /// trees first grow deep enough to need them.
    pub fn new(d: usize) -> Self {
        Self {
            levels: Vec::new(),
            fwd: Ends::zeros(d),
            bck: Ends::zeros(d),
            z_fwd: PhasePoint::zeros(d),
            z_bck: PhasePoint::zeros(d),
            z_sample: PhasePoint::zeros(d),
            z_propose: PhasePoint::zeros(d),
            rho: vec![0.0; d],
            rho_fwd: vec![0.0; d],
            rho_bck: vec![0.0; d],
        }
    }
}

impl<M: Model + ?Sized, Me: Metric> Trajectory<'_, M, Me> {
    /// Builds a subtree of `2^depth` leapfrog steps from `z` in direction
    /// `sign`, leaving `z` at its far end and the subtree's summed momentum
    /// in `rho` (overwritten, so it needs no zeroing first). Returns false if
    /// the subtree diverged or made a U-turn, in which case it must be
    /// discarded.
    /// `levels[k − 1]` holds the buffers of the subtree levels `k ≤ depth`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn build_tree<R: Rng + ?Sized>(
        &mut self,
        depth: usize,
        z: &mut PhasePoint,
        z_propose: &mut PhasePoint,
        ends: &mut Ends,
        rho: &mut [f64],
        sign: f64,
        log_sum_weight: &mut f64,
        rng: &mut R,
        levels: &mut [Level],
    ) -> bool {
        // ANCHOR: leaf
        if depth == 0 {
            leapfrog(self.model, self.metric, z, sign * self.step_size);
            self.n_leapfrog += 1;
            let h = hamiltonian(z, self.metric);
            if h - self.h0 > self.max_energy_error {
                self.divergent = true;
            }
            *log_sum_weight = log_sum_exp(*log_sum_weight, self.h0 - h);
            // `exp(−|ΔH|)`: the Metropolis probability when the energy rose
            // (bit for bit `exp(H₀ − H)` there), and all the symmetric
            // statistic needs.
            let e = (-(self.h0 - h).abs()).exp();
            self.sum_metro_prob += if self.h0 - h > 0.0 { 1.0 } else { e };
            self.sum_symmetric_prob += symmetric_accept(e);
            z_propose.clone_from(z);
            leaf_ends(&z.p, self.metric, ends, rho);
            return !self.divergent;
        }
        // ANCHOR_END: leaf
        let (lower, this) = levels.split_at_mut(depth - 1);
        let Level { init, fin, rho_init, rho_final, z_propose_final } = &mut this[0];

        // The first half of the subtree.
        let mut log_sum_weight_init = f64::NEG_INFINITY;
        if !self.build_tree(
            depth - 1,
            z,
            z_propose,
            init,
            rho_init,
            sign,
            &mut log_sum_weight_init,
            rng,
            lower,
        ) {
            return false;
        }

        // The second half, continuing from where the first ended. Its
        // proposal buffer needs no initial value: the first leaf it builds
        // writes it.
        let mut log_sum_weight_final = f64::NEG_INFINITY;
        if !self.build_tree(
            depth - 1,
            z,
            z_propose_final,
            fin,
            rho_final,
            sign,
            &mut log_sum_weight_final,
            rng,
            lower,
        ) {
            return false;
        }

        // Uniform progressive multinomial sampling between the two halves.
        let log_sum_weight_subtree = log_sum_exp(log_sum_weight_init, log_sum_weight_final);
        *log_sum_weight = log_sum_exp(*log_sum_weight, log_sum_weight_subtree);
        if log_sum_weight_final > log_sum_weight_subtree
            || uniform(rng) < (log_sum_weight_final - log_sum_weight_subtree).exp()
        {
            std::mem::swap(z_propose, z_propose_final);
        }

        // No U-turn across the whole subtree, nor across the seam between
        // halves (`no_u_turn` on the three pairs, in one pass), writing the
        // subtree's summed momentum into `rho`.
        let persist = subtree_no_u_turn(
            rho,
            rho_init,
            rho_final,
            &init.p_sharp_beg,
            &init.p_sharp_end,
            &init.p_end,
            &fin.p_sharp_end,
            &fin.p_sharp_beg,
            &fin.p_beg,
        );

        // The ends of the merged subtree: the outer ends of the two halves,
        // moved rather than copied (the halves no longer need them).
        std::mem::swap(&mut ends.p_beg, &mut init.p_beg);
        std::mem::swap(&mut ends.p_sharp_beg, &mut init.p_sharp_beg);
        std::mem::swap(&mut ends.p_end, &mut fin.p_end);
        std::mem::swap(&mut ends.p_sharp_end, &mut fin.p_sharp_end);
        persist
    }
}
