//! Sampler settings, with Stan's defaults and validation.

use crate::error::{Result, SamplerError};
use crate::low_rank_estimate::LowRankOptions;
use crate::rolling::MetricEstimate;

/// How warmup tunes the metric (the step size is always tuned by dual
/// averaging).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Adaptation {
    /// Stan's windowed schedule: five metric updates from draw variances
    /// ([`crate::warmup`]). The default, chosen from evidence (the book's
    /// performance and sampler appendices): the rolling schedule gives more
    /// effective draws per gradient on the benchmark's models, but on the
    /// book's small hierarchical models it ended with larger R-hats than
    /// Stan's on the fits where convergence is hard, with either metric
    /// estimate; a reader's first fit should be the robust one.
    #[default]
    Stan,
    /// nutpie's schedule: the metric re-estimated after every iteration from
    /// overlapping windows ([`crate::rolling`]).
    Rolling(MetricEstimate),
}

impl Adaptation {
    /// The step-size jitter that goes with the schedule by default: ±10%
    /// with rolling windows (as nuts-rs does), none with Stan's (Stan's
    /// `stepsize_jitter = 0`).
    pub fn default_jitter(self) -> f64 {
        match self {
            Adaptation::Stan => 0.0,
            Adaptation::Rolling(_) => 0.1,
        }
    }
}

/// The kind of metric warmup adapts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum MetricKind {
    /// A diagonal metric ([`crate::metric::DiagMetric`]): one scale per
    /// coordinate. The default.
    #[default]
    Diagonal,
    /// The diagonal corrected along a few directions estimated from draws
    /// and gradients ([`crate::low_rank`], nutpie's low-rank metric): pays
    /// when the posterior's correlations come from a few common factors.
    LowRank(LowRankOptions),
}

impl MetricKind {
    /// The low-rank options, if the metric is low-rank.
    pub fn low_rank_options(&self) -> Option<LowRankOptions> {
        match self {
            MetricKind::Diagonal => None,
            MetricKind::LowRank(options) => Some(*options),
        }
    }
}

/// How to run a fit. `Settings::default()` is Stan's default setup (target
/// acceptance 0.8, tree depth 10, Stan's warmup schedule, no step-size
/// jitter, diagonal metric) with four chains of 1000 warmup and 1000
/// sampling iterations; [`Settings::rolling`] swaps in nutpie's warmup
/// schedule, and [`Settings::low_rank`] also nutpie's low-rank metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Number of chains (≥ 1).
    pub num_chains: usize,
    /// Warmup iterations per chain (0 samples with no adaptation).
    pub num_warmup: usize,
    /// Kept draws per chain (≥ 1).
    pub num_draws: usize,
    /// Seed of the ChaCha8 generator; each chain gets its own stream.
    pub seed: u64,
    /// Target of step-size adaptation, in (0, 1) (Stan's `adapt_delta`).
    pub target_accept: f64,
    /// Maximum tree depth (Stan's `max_depth`).
    pub max_tree_depth: usize,
    /// Energy error that marks a divergence.
    pub max_energy_error: f64,
    /// Initial values are uniform in `(-init_radius, init_radius)`.
    pub init_radius: f64,
    /// How many initial points to try before giving up.
    pub max_init_tries: usize,
    /// Step size before the initial heuristic runs.
    pub initial_step_size: f64,
    /// How the metric is tuned during warmup.
    pub adaptation: Adaptation,
    /// Which metric is tuned: diagonal (the default) or low-rank.
    pub metric: MetricKind,
    /// Each transition's step size is drawn uniformly from
    /// `step_size · (1 ± step_size_jitter)`, in [0, 1) (Stan's
    /// `stepsize_jitter`; 0 turns it off and draws no random number).
    pub step_size_jitter: f64,
    /// Worker threads (`None`: rayon's global pool, e.g. `RAYON_NUM_THREADS`).
    /// Draws do not depend on it.
    pub threads: Option<usize>,
    /// Show a progress bar on stderr when it is a terminal.
    pub progress: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            num_chains: 4,
            num_warmup: 1000,
            num_draws: 1000,
            seed: 1,
            target_accept: 0.8,
            max_tree_depth: 10,
            max_energy_error: 1000.0,
            init_radius: 2.0,
            max_init_tries: 100,
            initial_step_size: 1.0,
            adaptation: Adaptation::default(),
            metric: MetricKind::default(),
            step_size_jitter: Adaptation::default().default_jitter(),
            threads: None,
            progress: false,
        }
    }
}

impl Settings {
    /// [`Settings::default`] with nutpie's rolling warmup schedule, the
    /// metric from `estimate`, and its ±10% step-size jitter.
    pub fn rolling(estimate: MetricEstimate) -> Self {
        let adaptation = Adaptation::Rolling(estimate);
        Self { adaptation, step_size_jitter: adaptation.default_jitter(), ..Self::default() }
    }

    /// [`Settings::rolling`] with nutpie's low-rank metric
    /// ([`MetricKind::LowRank`] with its default options) in place of the
    /// diagonal one: `Settings::low_rank(MetricEstimate::DrawAndGradient)`
    /// is nutpie's `low_rank_modified_mass_matrix=True`.
    pub fn low_rank(estimate: MetricEstimate) -> Self {
        Self { metric: MetricKind::LowRank(LowRankOptions::default()), ..Self::rolling(estimate) }
    }

    /// Checks every setting, naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        let bad = |msg: String| Err(SamplerError::InvalidSettings(msg));
        if self.num_chains == 0 {
            return bad("the number of chains must be at least 1".into());
        }
        if self.num_draws == 0 {
            return bad("the number of draws must be at least 1".into());
        }
        if !(self.target_accept > 0.0 && self.target_accept < 1.0) {
            return bad(format!(
                "target acceptance must be strictly between 0 and 1, got {}",
                self.target_accept
            ));
        }
        if self.max_tree_depth == 0 || self.max_tree_depth > 30 {
            return bad(format!(
                "max tree depth must be between 1 and 30, got {}",
                self.max_tree_depth
            ));
        }
        if self.max_energy_error.is_nan() || self.max_energy_error <= 0.0 {
            return bad("the divergence threshold must be positive".into());
        }
        if !(self.init_radius >= 0.0 && self.init_radius.is_finite()) {
            return bad("the initialisation radius must be finite and non-negative".into());
        }
        if self.max_init_tries == 0 {
            return bad("at least one initialisation try is needed".into());
        }
        if !(self.initial_step_size > 0.0 && self.initial_step_size.is_finite()) {
            return bad("the initial step size must be positive and finite".into());
        }
        if !(0.0..1.0).contains(&self.step_size_jitter) {
            return bad(format!(
                "the step-size jitter must be in [0, 1), got {}",
                self.step_size_jitter
            ));
        }
        if let MetricKind::LowRank(o) = &self.metric {
            if !(o.gamma > 0.0 && o.gamma.is_finite()) {
                return bad(format!("the low-rank gamma must be positive, got {}", o.gamma));
            }
            if !(o.eigval_cutoff > 1.0 && o.eigval_cutoff.is_finite()) {
                return bad(format!(
                    "the low-rank eigenvalue cutoff must be above 1, got {}",
                    o.eigval_cutoff
                ));
            }
            if o.update_every == 0 {
                return bad("the low-rank update interval must be at least 1".into());
            }
        }
        if self.threads == Some(0) {
            return bad("the number of threads must be at least 1".into());
        }
        if self.num_chains > u32::MAX as usize {
            return bad("too many chains".into());
        }
        Ok(())
    }
}
