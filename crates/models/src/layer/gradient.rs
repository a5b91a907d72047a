//! Forward-mode automatic gradients of a declared model with `num-dual`'s dual numbers.
//!
//! A dual number carries a value and the derivatives of that value with respect to a
//! few seeded inputs; evaluating the log density once with duals seeded on coordinates
//! `i … i + N − 1` gives those `N` partial derivatives exactly (to rounding). The
//! gradient takes `⌈d / N⌉` such passes. Vectors of derivatives sized at compile time
//! (`DualSVec64<N>`) live on the stack and are `Copy`; their cost per pass grows with
//! `N`, so the chunk width trades passes against work per operation.
//! The widths were chosen by measurement (`cargo run --release -p models --example
//! dual_cost`; the table is in that example's doc). On the non-centred Eight Schools
//! (d = 10) one pass of width 10 took 0.72 µs, against 1.2 µs for ten passes of
//! `Dual64`, 3.9 µs for one pass of the heap-allocated `DualDVec64`, 0.09 µs for the
//! log density alone in `f64` and 0.04 µs for the hand-written gradient. One pass
//! wider than 10 was slower (width 16: 2.5 µs), and from d = 4 to d = 100 widths 3, 6
//! and 10 were each within 20% of the fastest width tried, so a model of up to 3
//! coordinates takes one pass of width 3, up to 6 one of width 6, and larger ones
//! passes of width [`CHUNK`]. Forward mode costs about d evaluations per gradient:
//! at d = 100 the gradient took 54 µs, 250 times the hand-written one.
//!
//! Reference: Griewank & Walther (2008), *Evaluating Derivatives*, 2nd ed., ch. 3
//! (the forward mode); Revels, Lubin & Papamarkou (2016), "Forward-mode automatic
//! differentiation in Julia", arXiv:1607.07892 (chunked dual numbers).

use super::declared::{Declared, Density};
use num_dual::{Dual64, DualSVec64};

/// Number of coordinates differentiated per pass for models with more than six.
pub const CHUNK: usize = 10;

impl<D: Density> Declared<D> {
    /// The log density at `x` and its gradient (written into `grad`), by
    /// [`Declared::log_density_grad_chunked`] with the width chosen for the dimension:
    /// 3 for up to 3 coordinates, 6 for up to 6, [`CHUNK`] above. This is what
    /// [`sampler::Model::log_density_grad`] calls.
    pub fn log_density_grad_auto(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        match x.len() {
            0..=3 => self.log_density_grad_chunked::<3>(x, grad),
            4..=6 => self.log_density_grad_chunked::<6>(x, grad),
            _ => self.log_density_grad_chunked::<CHUNK>(x, grad),
        }
    }

    /// The gradient in `⌈d / N⌉` passes of `DualSVec64<N>`, each seeding `N`
    /// coordinates.
    pub fn log_density_grad_chunked<const N: usize>(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let mut u: Vec<DualSVec64<N>> = x.iter().map(|&v| DualSVec64::from_re(v)).collect();
        let mut values = Vec::new();
        let mut lp = f64::NAN;
        for start in (0..x.len()).step_by(N) {
            let end = (start + N).min(x.len());
            for i in start..end {
                u[i] = DualSVec64::from_re(x[i]).derivative(i - start);
            }
            let f = self.evaluate(&u, &mut values);
            lp = f.re;
            match &f.eps.0 {
                Some(eps) => {
                    for i in start..end {
                        grad[i] = eps[i - start];
                    }
                }
                // The density does not depend on these coordinates at all.
                None => grad[start..end].fill(0.0),
            }
            for i in start..end {
                u[i] = DualSVec64::from_re(x[i]);
            }
        }
        lp
    }

    /// The gradient in `d` passes of the scalar dual `Dual64`, one coordinate each
    /// (the simplest forward mode; kept for comparison).
    pub fn log_density_grad_by_coordinate(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        let mut u: Vec<Dual64> = x.iter().map(|&v| Dual64::from(v)).collect();
        let mut values = Vec::new();
        let mut lp = f64::NAN;
        for i in 0..x.len() {
            u[i] = Dual64::new(x[i], 1.0);
            let f = self.evaluate(&u, &mut values);
            (lp, grad[i]) = (f.re, f.eps);
            u[i] = Dual64::from(x[i]);
        }
        lp
    }
}
