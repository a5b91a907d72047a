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

use crate::hamiltonian::{PhasePoint, hamiltonian, leapfrog};
use crate::metric::DiagMetric;
use crate::model::Model;
use crate::rng::uniform;
use rand::Rng;

/// What one transition reports (Stan's `accept_stat__`, `treedepth__`, …).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transition {
    /// Mean Metropolis acceptance probability over every node of the tree.
    pub accept_stat: f64,
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
        Self {
            max_tree_depth: 10,
            max_energy_error: 1000.0,
        }
    }
}

/// `log(exp(a) + exp(b))` without overflow.
///
/// When both are finite the larger one's term is `exp(0) = 1` exactly, so it
/// is written as `1` and only one exponential is evaluated (the result is
/// bit for bit the same as the two-exponential form).
fn log_sum_exp(a: f64, b: f64) -> f64 {
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

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `dot(p, a + b)`, without materialising `a + b`.
fn dot_sum(p: &[f64], a: &[f64], b: &[f64]) -> f64 {
    p.iter()
        .zip(a.iter().zip(b))
        .map(|(x, (y, z))| x * (y + z))
        .sum()
}

fn add_assign(a: &mut [f64], b: &[f64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// `out = a + b`, element by element.
fn sum_into(out: &mut [f64], a: &[f64], b: &[f64]) {
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = x + y;
    }
}

/// The ends of a one-step subtree at momentum `p`: both momenta are `p`, both
/// velocities `M⁻¹ p`; `p` is also added to the subtree's summed momentum
/// `rho`. One pass, the same arithmetic as [`DiagMetric::velocity`] and
/// [`add_assign`].
fn leaf_ends(p: &[f64], inv_mass: &[f64], ends: &mut Ends, rho: &mut [f64]) {
    let d = p.len();
    let (inv_mass, rho) = (&inv_mass[..d], &mut rho[..d]);
    let (p_beg, p_end) = (&mut ends.p_beg[..d], &mut ends.p_end[..d]);
    let (s_beg, s_end) = (&mut ends.p_sharp_beg[..d], &mut ends.p_sharp_end[..d]);
    for i in 0..d {
        let v = p[i] * inv_mass[i];
        s_beg[i] = v;
        s_end[i] = v;
        rho[i] += p[i];
        p_beg[i] = p[i];
        p_end[i] = p[i];
    }
}

// ANCHOR: no_u_turn
/// The generalised no-U-turn criterion: keep going while both ends still move
/// along the summed momentum `rho` (Betancourt 2017, §A.4.2).
fn no_u_turn(p_sharp_minus: &[f64], p_sharp_plus: &[f64], rho: &[f64]) -> bool {
    dot(p_sharp_plus, rho) > 0.0 && dot(p_sharp_minus, rho) > 0.0
}
// ANCHOR_END: no_u_turn

/// [`no_u_turn`] with `rho = rho_a + rho_b`, the summed momentum of a tree
/// and the inner end of its neighbour (the checks across a seam).
fn no_u_turn_across(
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
/// The six dot products are accumulated side by side, each in coordinate
/// order exactly as [`dot`] sums it, so every value (and the answer) is the
/// same as the three separate calls give; interleaving them lets the
/// processor overlap six chains of additions instead of waiting on one.
/// `a_outer` / `b_outer` are the velocities at the subtree's two ends,
/// `a_inner` / `b_inner` the momentum and velocity at the seam.
#[allow(clippy::too_many_arguments)]
fn subtree_no_u_turn(
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
    // `-0.0` is the starting value of `Iterator::sum` for floats.
    let [
        mut whole_a,
        mut whole_b,
        mut seam_a,
        mut seam_b,
        mut seam2_a,
        mut seam2_b,
    ] = [-0.0; 6];
    for i in 0..d {
        let rho = rho_a[i] + rho_b[i];
        rho_ab[i] = rho;
        // The whole subtree: both outer velocities against rho_a + rho_b.
        whole_b += b_out[i] * rho;
        whole_a += a_out[i] * rho;
        // The first half plus the first point of the second half.
        let rho_seam = rho_a[i] + b_p[i];
        seam_b += b_in[i] * rho_seam;
        seam_a += a_out[i] * rho_seam;
        // The second half plus the last point of the first half.
        let rho_seam2 = rho_b[i] + a_p[i];
        seam2_b += b_out[i] * rho_seam2;
        seam2_a += a_in[i] * rho_seam2;
    }
    whole_b > 0.0 && whole_a > 0.0 && seam_b > 0.0 && seam_a > 0.0 && seam2_b > 0.0 && seam2_a > 0.0
}
// ANCHOR_END: fused_checks

/// State shared by the whole trajectory of one transition.
struct Trajectory<'a, M: ?Sized> {
    model: &'a M,
    metric: &'a DiagMetric,
    step_size: f64,
    h0: f64,
    max_energy_error: f64,
    n_leapfrog: usize,
    sum_metro_prob: f64,
    divergent: bool,
}

/// Momentum-like vectors at the two ends of a (sub)tree.
#[derive(Debug, Clone)]
struct Ends {
    p_beg: Vec<f64>,
    p_end: Vec<f64>,
    p_sharp_beg: Vec<f64>,
    p_sharp_end: Vec<f64>,
}

impl Ends {
    fn zeros(d: usize) -> Self {
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
struct Level {
    init: Ends,
    fin: Ends,
    rho_init: Vec<f64>,
    rho_final: Vec<f64>,
    rho_subtree: Vec<f64>,
    z_propose_final: PhasePoint,
}

impl Level {
    fn new(d: usize) -> Self {
        Self {
            init: Ends::zeros(d),
            fin: Ends::zeros(d),
            rho_init: vec![0.0; d],
            rho_final: vec![0.0; d],
            rho_subtree: vec![0.0; d],
            z_propose_final: PhasePoint::zeros(d),
        }
    }
}

// ANCHOR: workspace
/// Every buffer a transition needs, allocated once per chain and reused, so
/// that no leapfrog step and no tree node allocates.
#[derive(Debug, Clone)]
pub struct NutsWorkspace {
    levels: Vec<Level>,
    fwd: Ends,
    bck: Ends,
    z_fwd: PhasePoint,
    z_bck: PhasePoint,
    z_sample: PhasePoint,
    z_propose: PhasePoint,
    rho: Vec<f64>,
    rho_fwd: Vec<f64>,
    rho_bck: Vec<f64>,
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

impl<M: Model + ?Sized> Trajectory<'_, M> {
    /// Builds a subtree of `2^depth` leapfrog steps from `z` in direction
    /// `sign`, leaving `z` at its far end. Returns false if the subtree
    /// diverged or made a U-turn, in which case it must be discarded.
    /// `levels[k − 1]` holds the buffers of the subtree levels `k ≤ depth`.
    #[allow(clippy::too_many_arguments)]
    fn build_tree<R: Rng + ?Sized>(
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
            self.sum_metro_prob += if self.h0 - h > 0.0 {
                1.0
            } else {
                (self.h0 - h).exp()
            };
            z_propose.clone_from(z);
            leaf_ends(&z.p, &self.metric.inv_mass, ends, rho);
            return !self.divergent;
        }
        // ANCHOR_END: leaf
        let (lower, this) = levels.split_at_mut(depth - 1);
        let Level {
            init,
            fin,
            rho_init,
            rho_final,
            rho_subtree,
            z_propose_final,
        } = &mut this[0];

        // The first half of the subtree.
        rho_init.fill(0.0);
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
        rho_final.fill(0.0);
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
        // halves (`no_u_turn` on the three pairs, in one pass).
        let persist = subtree_no_u_turn(
            rho_subtree,
            rho_init,
            rho_final,
            &init.p_sharp_beg,
            &init.p_sharp_end,
            &init.p_end,
            &fin.p_sharp_end,
            &fin.p_sharp_beg,
            &fin.p_beg,
        );
        add_assign(rho, rho_subtree);

        // The ends of the merged subtree: the outer ends of the two halves,
        // moved rather than copied (the halves no longer need them).
        std::mem::swap(&mut ends.p_beg, &mut init.p_beg);
        std::mem::swap(&mut ends.p_sharp_beg, &mut init.p_sharp_beg);
        std::mem::swap(&mut ends.p_end, &mut fin.p_end);
        std::mem::swap(&mut ends.p_sharp_end, &mut fin.p_sharp_end);
        persist
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
pub fn transition<M: Model + ?Sized, R: Rng + ?Sized>(
    model: &M,
    metric: &DiagMetric,
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
pub fn transition_in<M: Model + ?Sized, R: Rng + ?Sized>(
    workspace: &mut NutsWorkspace,
    model: &M,
    metric: &DiagMetric,
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
        rho_fwd.fill(0.0);
        rho_bck.fill(0.0);
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
        tree_depth: depth,
        n_leapfrog: traj.n_leapfrog,
        divergent: traj.divergent,
        energy,
    }
}
