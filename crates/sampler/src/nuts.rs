//! One NUTS transition: multinomial sampling over a doubling trajectory.
//!
//! This follows Stan's `base_nuts` step for step: the trajectory doubles in a
//! random direction until the generalised no-U-turn criterion fails (checked
//! on the whole tree and across the two merged subtrees, which catches U-turns
//! a single check misses), a subtree diverges, or the depth limit is reached.
//! Within a new subtree points are chosen by uniform progressive multinomial
//! sampling; between the old tree and a new subtree the choice is biased
//! towards the new subtree, which moves draws further per transition.
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
fn log_sum_exp(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn add_assign(a: &mut [f64], b: &[f64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

fn sum(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| x + y).collect()
}

/// The generalised no-U-turn criterion: keep going while both ends still move
/// along the summed momentum `rho` (Betancourt 2017, §A.4.2).
fn no_u_turn(p_sharp_minus: &[f64], p_sharp_plus: &[f64], rho: &[f64]) -> bool {
    dot(p_sharp_plus, rho) > 0.0 && dot(p_sharp_minus, rho) > 0.0
}

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

impl<M: Model + ?Sized> Trajectory<'_, M> {
    /// Builds a subtree of `2^depth` leapfrog steps from `z` in direction
    /// `sign`, leaving `z` at its far end. Returns false if the subtree
    /// diverged or made a U-turn, in which case it must be discarded.
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
    ) -> bool {
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
            self.metric.velocity(&z.p, &mut ends.p_sharp_beg);
            ends.p_sharp_end.copy_from_slice(&ends.p_sharp_beg);
            add_assign(rho, &z.p);
            ends.p_beg.copy_from_slice(&z.p);
            ends.p_end.copy_from_slice(&z.p);
            return !self.divergent;
        }
        let d = z.q.len();

        // The first half of the subtree.
        let mut init = Ends::zeros(d);
        let mut rho_init = vec![0.0; d];
        let mut log_sum_weight_init = f64::NEG_INFINITY;
        if !self.build_tree(
            depth - 1,
            z,
            z_propose,
            &mut init,
            &mut rho_init,
            sign,
            &mut log_sum_weight_init,
            rng,
        ) {
            return false;
        }

        // The second half, continuing from where the first ended.
        let mut z_propose_final = z.clone();
        let mut fin = Ends::zeros(d);
        let mut rho_final = vec![0.0; d];
        let mut log_sum_weight_final = f64::NEG_INFINITY;
        if !self.build_tree(
            depth - 1,
            z,
            &mut z_propose_final,
            &mut fin,
            &mut rho_final,
            sign,
            &mut log_sum_weight_final,
            rng,
        ) {
            return false;
        }

        // Uniform progressive multinomial sampling between the two halves.
        let log_sum_weight_subtree = log_sum_exp(log_sum_weight_init, log_sum_weight_final);
        *log_sum_weight = log_sum_exp(*log_sum_weight, log_sum_weight_subtree);
        if log_sum_weight_final > log_sum_weight_subtree
            || uniform(rng) < (log_sum_weight_final - log_sum_weight_subtree).exp()
        {
            std::mem::swap(z_propose, &mut z_propose_final);
        }

        let rho_subtree = sum(&rho_init, &rho_final);
        add_assign(rho, &rho_subtree);

        // The ends of the merged subtree.
        ends.p_beg.copy_from_slice(&init.p_beg);
        ends.p_sharp_beg.copy_from_slice(&init.p_sharp_beg);
        ends.p_end.copy_from_slice(&fin.p_end);
        ends.p_sharp_end.copy_from_slice(&fin.p_sharp_end);

        // No U-turn across the whole subtree, nor across the seam between halves.
        no_u_turn(&ends.p_sharp_beg, &ends.p_sharp_end, &rho_subtree)
            && no_u_turn(
                &ends.p_sharp_beg,
                &fin.p_sharp_beg,
                &sum(&rho_init, &fin.p_beg),
            )
            && no_u_turn(
                &init.p_sharp_end,
                &ends.p_sharp_end,
                &sum(&rho_final, &init.p_end),
            )
    }
}

/// Runs one NUTS transition from `z` (whose momentum is redrawn), replacing
/// `z` by the selected point.
///
/// The returned `accept_stat` is the average acceptance probability
/// `min(1, exp(H0 − H))` over all leapfrog steps, the statistic dual
/// averaging adapts the step size against (Hoffman & Gelman 2014, §3.2).
pub fn transition<M: Model + ?Sized, R: Rng + ?Sized>(
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

    let mut p_sharp = vec![0.0; d];
    metric.velocity(&z.p, &mut p_sharp);
    // Forward end (`fwd`) and backward end (`bck`) of the whole trajectory;
    // each has an outer (`*_fwd` / `*_bck`) and inner momentum.
    let mut fwd = Ends {
        p_beg: z.p.clone(),
        p_end: z.p.clone(),
        p_sharp_beg: p_sharp.clone(),
        p_sharp_end: p_sharp.clone(),
    };
    let mut bck = Ends {
        p_beg: z.p.clone(),
        p_end: z.p.clone(),
        p_sharp_beg: p_sharp.clone(),
        p_sharp_end: p_sharp,
    };
    let mut z_fwd = z.clone();
    let mut z_bck = z.clone();
    let mut z_sample = z.clone();
    let mut z_propose = z.clone();
    let mut rho = z.p.clone();
    let mut log_sum_weight = 0.0;
    let mut depth = 0;

    while depth < options.max_tree_depth {
        let mut rho_fwd = vec![0.0; d];
        let mut rho_bck = vec![0.0; d];
        let mut log_sum_weight_subtree = f64::NEG_INFINITY;
        let valid = if uniform(rng) > 0.5 {
            // Extend forwards: the old tree becomes the backward part.
            // Its inner end is the old forward tip.
            rho_bck.copy_from_slice(&rho);
            bck.p_beg.copy_from_slice(&fwd.p_end);
            bck.p_sharp_beg.copy_from_slice(&fwd.p_sharp_end);
            traj.build_tree(
                depth,
                &mut z_fwd,
                &mut z_propose,
                &mut fwd,
                &mut rho_fwd,
                1.0,
                &mut log_sum_weight_subtree,
                rng,
            )
        } else {
            // Extend backwards: the old tree becomes the forward part.
            // Its inner end is the old backward tip.
            rho_fwd.copy_from_slice(&rho);
            fwd.p_beg.copy_from_slice(&bck.p_end);
            fwd.p_sharp_beg.copy_from_slice(&bck.p_sharp_end);
            traj.build_tree(
                depth,
                &mut z_bck,
                &mut z_propose,
                &mut bck,
                &mut rho_bck,
                -1.0,
                &mut log_sum_weight_subtree,
                rng,
            )
        };
        if !valid {
            break;
        }
        depth += 1;

        // Biased progressive sampling: prefer the new subtree.
        if log_sum_weight_subtree > log_sum_weight
            || uniform(rng) < (log_sum_weight_subtree - log_sum_weight).exp()
        {
            z_sample.clone_from(&z_propose);
        }
        log_sum_weight = log_sum_exp(log_sum_weight, log_sum_weight_subtree);

        rho = sum(&rho_bck, &rho_fwd);
        // `fwd.p_end` is the outermost forward momentum, `bck.p_end` the
        // outermost backward one; `*.p_beg` are the inner ends at the seam.
        let persist = no_u_turn(&bck.p_sharp_end, &fwd.p_sharp_end, &rho)
            && no_u_turn(
                &bck.p_sharp_end,
                &fwd.p_sharp_beg,
                &sum(&rho_bck, &fwd.p_beg),
            )
            && no_u_turn(
                &bck.p_sharp_beg,
                &fwd.p_sharp_end,
                &sum(&rho_fwd, &bck.p_beg),
            );
        if !persist {
            break;
        }
    }

    let energy = hamiltonian(&z_sample, metric);
    *z = z_sample;
    Transition {
        accept_stat: traj.sum_metro_prob / traj.n_leapfrog as f64,
        tree_depth: depth,
        n_leapfrog: traj.n_leapfrog,
        divergent: traj.divergent,
        energy,
    }
}
