//! One NUTS transition: multinomial sampling over a doubling trajectory.
//!
//! This is Stan's `base_nuts` as it has been since Stan 2.21: the trajectory
//! doubles in a random direction until the generalised no-U-turn criterion
//! fails (checked on the whole tree and across the two merged subtrees,
//! which catches U-turns a single check misses), a subtree diverges, or the
//! depth limit is reached. Within a new subtree points are chosen by uniform
//! progressive multinomial sampling; between the old tree and a new subtree
//! the choice is biased towards the new subtree, which moves draws further
//! per transition.
//!
//! The check across the seam between the old tree and a new subtree uses
//! the old tree's momentum at that seam, its tip on the side being extended:
//! Stan sets `p_bck_fwd = p_fwd_fwd` before extending forwards (and
//! `p_fwd_bck = p_bck_bck` before extending backwards), and so do we. Every
//! check is then a function of the trajectory's states alone, not of the
//! order in which it was built, which the transition's invariance needs
//! (`tests/invariance.rs` fails when the seam momentum depends on build
//! order; `tests/trace.rs` compares transitions bit for bit with an
//! independent re-derivation).
//!
//! References: Hoffman & Gelman (2014), "The No-U-Turn Sampler", JMLR 15;
//! Betancourt (2017), "A Conceptual Introduction to Hamiltonian Monte Carlo",
//! arXiv:1701.02434, appendix A; Stan's `stan/mcmc/hmc/nuts/base_nuts.hpp`.

mod criterion;
mod tree;

use crate::hamiltonian::{PhasePoint, hamiltonian};
use crate::metric::Metric;
use crate::model::Model;
use crate::rng::uniform;
use criterion::{log_sum_exp, no_u_turn, no_u_turn_across, sum_into};
use rand::Rng;
pub use tree::NutsWorkspace;
use tree::{Level, Trajectory};

/// What one transition reports (Stan's `accept_stat__`, `treedepth__`, …).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transition {
    /// Mean Metropolis acceptance probability over every node of the tree.
    pub accept_stat: f64,
    /// Mean over the same steps of the symmetric statistic
    /// `2 / (1 + exp(|ΔH|))` ([`crate::symmetric_accept`]), which the
    /// rolling warmup tunes against late in warmup, as nutpie does.
    pub accept_stat_symmetric: f64,
    /// Number of doublings completed.
    pub tree_depth: usize,
    /// Leapfrog steps taken (each one gradient evaluation).
    pub n_leapfrog: usize,
    /// True when the energy error exceeded the divergence threshold.
    pub divergent: bool,
    /// The Hamiltonian at the selected point.
    pub energy: f64,
}

/// Tuning constants of a transition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NutsOptions {
    /// Maximum number of doublings (Stan's `max_depth`, default 10).
    pub max_tree_depth: usize,
    /// Energy error above which a trajectory is divergent (default 1000).
    pub max_energy_error: f64,
}

impl Default for NutsOptions {
    fn default() -> Self {
        Self { max_tree_depth: 10, max_energy_error: 1000.0 }
    }
}

/// Runs one NUTS transition from `z` (whose momentum is redrawn), replacing
/// `z` by the selected point.
///
/// The returned `accept_stat` is the average acceptance probability
/// `min(1, exp(H0 − H))` over all leapfrog steps, the statistic dual
/// averaging adapts the step size against (Hoffman & Gelman 2014, §3.2).
///
/// This allocates its buffers on every call; a chain calls
/// [`transition_in`] with one [`NutsWorkspace`] instead.
pub fn transition<M: Model + ?Sized, Me: Metric, R: Rng + ?Sized>(
    model: &M,
    metric: &Me,
    step_size: f64,
    options: &NutsOptions,
    z: &mut PhasePoint,
    rng: &mut R,
) -> Transition {
    let mut workspace = NutsWorkspace::new(z.q.len());
    transition_in(&mut workspace, model, metric, step_size, options, z, rng)
}

/// [`transition`] with the buffers of `workspace` (built for `z`'s dimension),
/// so that nothing is allocated once the workspace has grown to the deepest
/// tree. The draws are identical to [`transition`]'s.
pub fn transition_in<M: Model + ?Sized, Me: Metric, R: Rng + ?Sized>(
    workspace: &mut NutsWorkspace,
    model: &M,
    metric: &Me,
    step_size: f64,
    options: &NutsOptions,
    z: &mut PhasePoint,
    rng: &mut R,
) -> Transition {
    let d = z.q.len();
    metric.sample_momentum(rng, &mut z.p);
    let h0 = hamiltonian(z, metric);

    let mut traj = Trajectory {
        model,
        metric,
        step_size,
        h0,
        max_energy_error: options.max_energy_error,
        n_leapfrog: 0,
        sum_metro_prob: 0.0,
        sum_symmetric_prob: 0.0,
        divergent: false,
    };

    let NutsWorkspace {
        levels,
        fwd,
        bck,
        z_fwd,
        z_bck,
        z_sample,
        z_propose,
        rho,
        rho_fwd,
        rho_bck,
    } = workspace;
    // Forward end (`fwd`) and backward end (`bck`) of the whole trajectory;
    // each has an outer (`*_end`) and inner (`*_beg`) momentum.
    metric.velocity(&z.p, &mut fwd.p_sharp_beg);
    for ends in [&mut *fwd, &mut *bck] {
        ends.p_beg.copy_from_slice(&z.p);
        ends.p_end.copy_from_slice(&z.p);
    }
    fwd.p_sharp_end.copy_from_slice(&fwd.p_sharp_beg);
    bck.p_sharp_beg.copy_from_slice(&fwd.p_sharp_beg);
    bck.p_sharp_end.copy_from_slice(&fwd.p_sharp_beg);
    z_fwd.clone_from(z);
    z_bck.clone_from(z);
    z_sample.clone_from(z);
    z_propose.clone_from(z);
    rho.copy_from_slice(&z.p);
    let mut log_sum_weight = 0.0;
    let mut depth = 0;

    while depth < options.max_tree_depth {
        while levels.len() < depth {
            levels.push(Level::new(d));
        }
        let mut log_sum_weight_subtree = f64::NEG_INFINITY;
        let valid = if uniform(rng) > 0.5 {
            // Extend forwards: the old tree becomes the backward part.
            // Its inner end is the old forward tip.
            rho_bck.copy_from_slice(rho);
            bck.p_beg.copy_from_slice(&fwd.p_end);
            bck.p_sharp_beg.copy_from_slice(&fwd.p_sharp_end);
            traj.build_tree(
                depth,
                z_fwd,
                z_propose,
                fwd,
                rho_fwd,
                1.0,
                &mut log_sum_weight_subtree,
                rng,
                levels,
            )
        } else {
            // Extend backwards: the old tree becomes the forward part.
            // Its inner end is the old backward tip.
            rho_fwd.copy_from_slice(rho);
            fwd.p_beg.copy_from_slice(&bck.p_end);
            fwd.p_sharp_beg.copy_from_slice(&bck.p_sharp_end);
            traj.build_tree(
                depth,
                z_bck,
                z_propose,
                bck,
                rho_bck,
                -1.0,
                &mut log_sum_weight_subtree,
                rng,
                levels,
            )
        };
        if !valid {
            break;
        }
        depth += 1;

        // ANCHOR: biased_sampling
        // Biased progressive sampling: prefer the new subtree.
        if log_sum_weight_subtree > log_sum_weight
            || uniform(rng) < (log_sum_weight_subtree - log_sum_weight).exp()
        {
            z_sample.clone_from(z_propose);
        }
        log_sum_weight = log_sum_exp(log_sum_weight, log_sum_weight_subtree);
        // ANCHOR_END: biased_sampling

        sum_into(rho, rho_bck, rho_fwd);
        // `fwd.p_end` is the outermost forward momentum, `bck.p_end` the
        // outermost backward one; `*.p_beg` are the inner ends at the seam.
        let persist = no_u_turn(&bck.p_sharp_end, &fwd.p_sharp_end, rho)
            && no_u_turn_across(&bck.p_sharp_end, &fwd.p_sharp_beg, rho_bck, &fwd.p_beg)
            && no_u_turn_across(&bck.p_sharp_beg, &fwd.p_sharp_end, rho_fwd, &bck.p_beg);
        if !persist {
            break;
        }
    }

    let energy = hamiltonian(z_sample, metric);
    std::mem::swap(z, z_sample);
    Transition {
        accept_stat: traj.sum_metro_prob / traj.n_leapfrog as f64,
        accept_stat_symmetric: traj.sum_symmetric_prob / traj.n_leapfrog as f64,
        tree_depth: depth,
        n_leapfrog: traj.n_leapfrog,
        divergent: traj.divergent,
        energy,
    }
}
