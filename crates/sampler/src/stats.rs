//! Per-draw sampler statistics, as CmdStan reports them.

/// What the sampler records about each draw (CmdStan's `*__` columns).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawStats {
    /// Log density at the draw (`lp__`, Jacobian included).
    pub lp: f64,
    /// Mean acceptance probability over the tree (`accept_stat__`).
    pub accept_stat: f64,
    /// Step size used for this transition (`stepsize__`).
    pub step_size: f64,
    /// Doublings completed (`treedepth__`).
    pub tree_depth: usize,
    /// Leapfrog steps taken (`n_leapfrog__`).
    pub n_leapfrog: usize,
    /// Whether the trajectory diverged (`divergent__`).
    pub divergent: bool,
    /// Hamiltonian at the draw (`energy__`), used for E-BFMI.
    pub energy: f64,
}
