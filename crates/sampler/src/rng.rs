//! Portable, reproducible random numbers: one ChaCha8 stream per (seed, replication, chain).

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

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

/// A standard normal draw by the Box–Muller transform.
///
/// Written here rather than taken from `rand_distr` so that the sampler's
/// draws cannot change when a dependency changes its algorithm.
/// Reference: Box & Muller (1958), "A Note on the Generation of Random Normal
/// Deviates", Annals of Mathematical Statistics 29(2).
pub fn std_normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    let u1 = uniform_open0(rng);
    let u2 = uniform(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}
