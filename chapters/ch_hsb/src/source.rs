//! Numbers the source chapter printed (rstan 2.x, loo 2.x, seed 123), kept
//! to set ours beside them. They are facts about the source's run, not
//! targets: our sampler, seeds and diagnostics differ (see the page).

/// Partial pooling: `(name, posterior mean, n_eff, Rhat)` as `print(fit)` showed them.
pub const PARTIAL: [(&str, f64, f64, f64); 5] = [
    ("mu_beta_0", 12.6483104, 4444.2268, 1.000147),
    ("mu_beta_1", 2.3950659, 893.2494, 1.003253),
    ("tau_beta_0", 2.2137904, 2726.8651, 1.000546),
    ("tau_beta_1", 0.6078147, 110.3514, 1.020983),
    ("sigma", 6.0703166, 4092.9932, 1.000403),
];

/// LOOIC, its SE and p_loo of complete, no and partial pooling.
pub const LOO: [(f64, f64, f64); 3] = [
    (47103.47, 98.93721, 2.558731),
    (46608.88, 105.11897, 308.270031),
    (46473.70, 102.08652, 163.916961),
];

/// `loo_compare` against partial pooling: `(elpd_diff, se_diff)` of complete and no pooling.
pub const ELPD_DIFF: [(f64, f64); 2] = [(-314.9, 24.5), (-67.6, 13.3)];

/// Stacking weights of complete, no and partial pooling.
pub const STACKING: [f64; 3] = [0.007, 0.111, 0.882];

/// Observations with p_waic > 0.4 in the no-pooling model (the source's WAIC warning).
pub const NO_POOLING_HIGH_P_WAIC: usize = 46;

/// Share inside the 95% predictive interval: complete, no and partial pooling.
pub const COVERAGE: [f64; 3] = [0.968, 0.97, 0.969];
