//! Portable, reproducible random numbers: one ChaCha8 stream per (seed, replication, chain).

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, StandardNormal};

// ANCHOR: chain_rng
/// The generator for one chain: ChaCha8 keyed by `seed`, on stream
/// `replication · 2³² + chain`.
///
/// ChaCha8 is specified bit for bit, so draws are the same on every platform
/// and whatever the thread scheduler does. Chapters that run many fits
/// (sweeps, simulations) pass a distinct `replication` for each fit.
pub fn chain_rng(seed: u64, replication: u32, chain: u32) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream((u64::from(replication) << 32) | u64::from(chain));
    rng
}
// ANCHOR_END: chain_rng

/// A uniform draw in `[0, 1)` with 53 random bits.
pub fn uniform<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform draw in `(0, 1]`, safe to take the logarithm of.
pub fn uniform_open0<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    1.0 - uniform(rng)
}

/// A standard normal draw, by the ziggurat method of `rand_distr`'s
/// `StandardNormal`.
///
/// The ziggurat needs one 64-bit random number and a table lookup for about
/// 99% of draws, and a logarithm or exponential only for the rest, where the
/// Box–Muller transform needs two random numbers, a logarithm, a square root
/// and a cosine for every draw; the momenta of every NUTS transition are drawn
/// here. `Cargo.lock` pins `rand_distr`, so its algorithm (and our draws)
/// change only when we update it and regenerate the book.
/// Reference: Marsaglia & Tsang (2000), "The Ziggurat Method for Generating
/// Random Variables", Journal of Statistical Software 5(8).
pub fn std_normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    StandardNormal.sample(rng)
}
