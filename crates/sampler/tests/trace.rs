//! Bit-for-bit trace test: our NUTS transition against an independent,
//! plainly recursive re-derivation, both fed the same scripted random
//! numbers.
//!
//! The re-derivation keeps the whole trajectory as a list of states and
//! checks U-turns on index ranges of it, as Hoffman & Gelman (2014) describe
//! the tree, with Stan's choices: multinomial sampling (uniform progressive
//! inside subtrees, biased towards the new subtree at the top), and Stan
//! ≥ 2.21's U-turn checks, each merge checked over the whole merged span and
//! over each half extended by the neighbouring point of the other. It shares
//! no code with `nuts/`; it must agree on tree depth, leapfrog count,
//! acceptance statistic, divergence, the chosen point (to the bit) and the
//! number of random numbers drawn.

#[allow(dead_code)]
mod exact;

use exact::{Funnel, NormalLogGamma, WideNormal};
use rand::TryRng;
use sampler::Model;
use sampler::hamiltonian::PhasePoint;
use sampler::metric::DiagMetric;
use sampler::nuts::{NutsOptions, transition};
use std::collections::VecDeque;
use std::convert::Infallible;

/// Random numbers read off a fixed script (SplitMix64 of a seed), counting
/// how many were used.
struct Scripted {
    state: u64,
    used: usize,
}

impl Scripted {
    fn new(seed: u64) -> Self {
        Self { state: seed, used: 0 }
    }
}

impl TryRng for Scripted {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok((self.try_next_u64()? >> 32) as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        // SplitMix64 (Steele, Lea & Flood 2014).
        self.used += 1;
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Ok(z ^ (z >> 31))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let bytes = self.try_next_u64()?.to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}

impl Scripted {
    /// Uniform in [0, 1) from the top 53 bits, as the sampler documents.
    fn uniform(&mut self) -> f64 {
        let Ok(x) = self.try_next_u64();
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A standard normal by the sampler's own generator (the ziggurat of
    /// `rand_distr`): a primitive, not part of what this test re-derives.
    fn normal(&mut self) -> f64 {
        sampler::rng::std_normal(self)
    }
}

#[derive(Clone)]
struct State {
    q: Vec<f64>,
    p: Vec<f64>,
    lp: f64,
    grad: Vec<f64>,
}

/// Everything one re-derived transition needs and counts.
struct Plain<'a, M> {
    model: &'a M,
    inv_mass: &'a [f64],
    eps: f64,
    h0: f64,
    n_leapfrog: usize,
    sum_metro: f64,
    /// Summed `2 / (1 + exp(|H − H₀|))`, nutpie's symmetric statistic.
    sum_symmetric: f64,
    divergent: bool,
}

/// One subtree: its states in the order built, its log weight and its pick.
struct Sub {
    states: Vec<State>,
    log_weight: f64,
    pick: State,
}

fn log_add(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + ((a - m).exp() + (b - m).exp()).ln()
}

impl<M: Model> Plain<'_, M> {
    fn energy(&self, s: &State) -> f64 {
        let kinetic = lane_sum(s.p.len(), |i| s.p[i] * s.p[i] * self.inv_mass[i]);
        let h = -s.lp + 0.5 * kinetic;
        if h.is_nan() { f64::INFINITY } else { h }
    }

    /// No U-turn over `states[a..=b]`: both end velocities along the summed
    /// momentum of the span.
    fn span_ok(&self, states: &[State], a: usize, b: usize) -> bool {
        let d = self.inv_mass.len();
        let rho: Vec<f64> = (0..d).map(|i| states[a..=b].iter().map(|s| s.p[i]).sum()).collect();
        let along = |s: &State| -> f64 { lane_sum(d, |i| s.p[i] * self.inv_mass[i] * rho[i]) };
        along(&states[a]) > 0.0 && along(&states[b]) > 0.0
    }

    /// The merged span `states` (halves of `half` states each, in time
    /// order) passes the whole-span check and both extended-half checks.
    fn merged_ok(&self, states: &[State], half: usize) -> bool {
        let last = states.len() - 1;
        self.span_ok(states, 0, last)
            && self.span_ok(states, 0, half)
            && self.span_ok(states, half - 1, last)
    }

    /// `2^depth` steps from `from` in direction `sign`; `None` if invalid.
    fn build(&mut self, depth: u32, from: &State, sign: f64, rng: &mut Scripted) -> Option<Sub> {
        if depth == 0 {
            let mut s = from.clone();
            let half = 0.5 * sign * self.eps;
            for i in 0..s.p.len() {
                s.p[i] += half * s.grad[i];
            }
            for i in 0..s.q.len() {
                s.q[i] += sign * self.eps * self.inv_mass[i] * s.p[i];
            }
            s.lp = self.model.log_density_grad(&s.q, &mut s.grad);
            for i in 0..s.p.len() {
                s.p[i] += half * s.grad[i];
            }
            self.n_leapfrog += 1;
            let h = self.energy(&s);
            if h - self.h0 > 1000.0 {
                self.divergent = true;
            }
            self.sum_metro += (self.h0 - h).exp().min(1.0);
            self.sum_symmetric += 2.0 / (1.0 + (h - self.h0).abs().exp());
            let pick = s.clone();
            return (!self.divergent).then_some(Sub {
                states: vec![s],
                log_weight: self.h0 - h,
                pick,
            });
        }
        let first = self.build(depth - 1, from, sign, rng)?;
        let second = self.build(depth - 1, first.states.last()?, sign, rng)?;
        let log_weight = log_add(first.log_weight, second.log_weight);
        let take_second = second.log_weight > log_weight
            || rng.uniform() < (second.log_weight - log_weight).exp();
        let pick = if take_second { second.pick } else { first.pick };
        let n = first.states.len();
        let mut states = first.states;
        states.extend(second.states);
        // The checks read the span in time order.
        let mut ordered = states.clone();
        if sign < 0.0 {
            ordered.reverse();
        }
        self.merged_ok(&ordered, n).then_some(Sub { states, log_weight, pick })
    }
}

struct Outcome {
    depth: usize,
    n_leapfrog: usize,
    accept_stat: f64,
    accept_stat_symmetric: f64,
    divergent: bool,
    q: Vec<f64>,
}

/// One transition by the re-derivation.
fn plain_transition<M: Model>(
    model: &M,
    inv_mass: &[f64],
    eps: f64,
    max_depth: usize,
    q0: &[f64],
    rng: &mut Scripted,
) -> Outcome {
    let mut grad = vec![0.0; q0.len()];
    let lp = model.log_density_grad(q0, &mut grad);
    let p = inv_mass.iter().map(|m| rng.normal() / m.sqrt()).collect();
    let start = State { q: q0.to_vec(), p, lp, grad };
    let mut plain = Plain {
        model,
        inv_mass,
        eps,
        h0: 0.0,
        n_leapfrog: 0,
        sum_metro: 0.0,
        sum_symmetric: 0.0,
        divergent: false,
    };
    plain.h0 = plain.energy(&start);
    let mut trajectory = VecDeque::from([start.clone()]);
    let (mut sample, mut log_weight, mut depth) = (start, 0.0, 0);
    while depth < max_depth {
        let forward = rng.uniform() > 0.5;
        let (from, sign) = if forward {
            (trajectory.back().cloned(), 1.0)
        } else {
            (trajectory.front().cloned(), -1.0)
        };
        let Some(from) = from else { break };
        let Some(sub) = plain.build(depth as u32, &from, sign, rng) else {
            break;
        };
        depth += 1;
        if sub.log_weight > log_weight || rng.uniform() < (sub.log_weight - log_weight).exp() {
            sample = sub.pick.clone();
        }
        log_weight = log_add(log_weight, sub.log_weight);
        let old = trajectory.len();
        for s in sub.states {
            if forward { trajectory.push_back(s) } else { trajectory.push_front(s) }
        }
        let all: Vec<State> = trajectory.iter().cloned().collect();
        let left = if forward { old } else { all.len() - old };
        if !plain.merged_ok(&all, left) {
            break;
        }
    }
    Outcome {
        depth,
        n_leapfrog: plain.n_leapfrog,
        accept_stat: plain.sum_metro / plain.n_leapfrog as f64,
        accept_stat_symmetric: plain.sum_symmetric / plain.n_leapfrog as f64,
        divergent: plain.divergent,
        q: sample.q,
    }
}

/// Runs both on `scripts` scripted streams and compares; returns the
/// re-derivation's outcomes so the caller can check what was covered.
fn compare<M: Model>(
    model: &M,
    inv_mass: &[f64],
    eps: f64,
    max_depth: usize,
    q0: &[f64],
    scripts: u64,
) -> Vec<Outcome> {
    let metric = DiagMetric { inv_mass: inv_mass.to_vec() };
    let options = NutsOptions { max_tree_depth: max_depth, ..NutsOptions::default() };
    (0..scripts)
        .map(|seed| {
            let mut ours_rng = Scripted::new(seed);
            let mut z = PhasePoint::new(model, q0.to_vec());
            let t = transition(model, &metric, eps, &options, &mut z, &mut ours_rng);
            let mut plain_rng = Scripted::new(seed);
            let o = plain_transition(model, inv_mass, eps, max_depth, q0, &mut plain_rng);
            let what = format!("script {seed}, step {eps}, max depth {max_depth}");
            assert_eq!(t.tree_depth, o.depth, "tree depth, {what}");
            assert_eq!(t.n_leapfrog, o.n_leapfrog, "n_leapfrog, {what}");
            assert_eq!(t.divergent, o.divergent, "divergent, {what}");
            assert_eq!(t.accept_stat.to_bits(), o.accept_stat.to_bits(), "accept_stat, {what}");
            // Written differently here (`2 / (1 + e^|ΔH|)`), so equal to
            // rounding only.
            let sym = (t.accept_stat_symmetric, o.accept_stat_symmetric);
            assert!((sym.0 - sym.1).abs() <= 1e-12, "symmetric {sym:?}, {what}");
            let bits = |q: &[f64]| q.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&z.q), bits(&o.q), "chosen point, {what}");
            assert_eq!(ours_rng.used, plain_rng.used, "random numbers drawn, {what}");
            o
        })
        .collect()
}

#[test]
fn transitions_match_an_independent_recursive_nuts_bit_for_bit() {
    let mut all = Vec::new();
    all.extend(compare(
        &WideNormal,
        &[1.0; 8],
        0.1,
        10,
        &[0.5, -3.0, 0.2, 1.0, -0.7, 0.0, 0.3, -1.1],
        40,
    ));
    all.extend(compare(&NormalLogGamma, &[3.0, 3.0, 0.2], 0.5, 10, &[1.2, -1.0, 0.4], 40));
    all.extend(compare(&NormalLogGamma, &[1.0, 9.0, 0.6], 0.3, 4, &[0.2, -4.0, 1.0], 40));
    all.extend(compare(&Funnel, &[27.0, 1.0 / 3.0, 3.0], 0.22, 10, &[-3.0, 0.1, -0.05], 40));
    // What the scripts covered: deep trees, capped trees, divergences, and
    // transitions that moved.
    assert!(all.iter().any(|o| o.depth >= 5), "no deep tree");
    assert!(all.iter().any(|o| o.depth == 4 && o.n_leapfrog == 15), "no tree at the depth cap");
    assert!(all.iter().any(|o| o.divergent), "no divergence");
    assert!(all.iter().filter(|o| o.depth >= 1).count() > 100, "too few trees grew");
}

/// The sampler's fixed summation order (`sampler::sums`), written again:
/// term `i` in lane `i mod 4`, lanes combined as `(l0 + l1) + (l2 + l3)`.
fn lane_sum(n: usize, term: impl Fn(usize) -> f64) -> f64 {
    let mut l = [0.0; 4];
    for i in 0..n {
        l[i % 4] += term(i);
    }
    (l[0] + l[1]) + (l[2] + l[3])
}
