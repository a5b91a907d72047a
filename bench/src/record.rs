//! What one fit reports, and medians over seeds.

use diagnostics::ess_bulk;

/// Which sampler (and adaptation) produced a fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SamplerKind {
    /// Our NUTS with Stan's warmup (windowed draw-variance metric).
    Ours,
    /// Our NUTS with nutpie's rolling windows, metric from draw variances.
    OursRolling,
    /// Our NUTS with nutpie's rolling windows, metric from draw and gradient
    /// variances.
    OursRollingGradient,
    /// `nuts-rs` with its default mass-matrix adaptation (nutpie's: from
    /// the variances of draws and gradients).
    NutsRsDefault,
    /// `nuts-rs` with the metric estimated from draw variances only, the
    /// quantity Stan estimates (its windows remain nuts-rs's own).
    NutsRsDrawVariance,
    /// Our NUTS with nutpie's rolling windows (draw and gradient variances)
    /// and the low-rank-plus-diagonal metric ([`sampler::low_rank`]).
    OursLowRank,
    /// Our NUTS with Stan's schedule and the low-rank-plus-diagonal metric.
    OursStanLowRank,
    /// `nuts-rs` with its low-rank metric (nutpie's
    /// `low_rank_modified_mass_matrix`).
    NutsRsLowRank,
}

impl SamplerKind {
    /// Every sampler, in table order.
    pub const ALL: [SamplerKind; 8] = [
        SamplerKind::Ours,
        SamplerKind::OursRolling,
        SamplerKind::OursRollingGradient,
        SamplerKind::NutsRsDefault,
        SamplerKind::NutsRsDrawVariance,
        SamplerKind::OursLowRank,
        SamplerKind::OursStanLowRank,
        SamplerKind::NutsRsLowRank,
    ];

    /// Short name for the `--samplers` flag.
    pub fn key(self) -> &'static str {
        match self {
            SamplerKind::Ours => "ours",
            SamplerKind::OursRolling => "ours-rolling",
            SamplerKind::OursRollingGradient => "ours-rolling-grad",
            SamplerKind::NutsRsDefault => "nuts-rs",
            SamplerKind::NutsRsDrawVariance => "nuts-rs-stan",
            SamplerKind::OursLowRank => "ours-low-rank",
            SamplerKind::OursStanLowRank => "ours-stan-low-rank",
            SamplerKind::NutsRsLowRank => "nuts-rs-low-rank",
        }
    }

    /// Looks a sampler up by [`SamplerKind::key`].
    pub fn from_key(key: &str) -> Option<SamplerKind> {
        SamplerKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// True for our sampler (any adaptation).
    pub fn is_ours(self) -> bool {
        matches!(
            self,
            SamplerKind::Ours
                | SamplerKind::OursRolling
                | SamplerKind::OursRollingGradient
                | SamplerKind::OursLowRank
                | SamplerKind::OursStanLowRank
        )
    }

    /// Our sampler's adaptation for this kind (`None` for nuts-rs).
    pub fn adaptation(self) -> Option<sampler::Adaptation> {
        use sampler::{Adaptation, MetricEstimate};
        match self {
            SamplerKind::Ours | SamplerKind::OursStanLowRank => Some(Adaptation::Stan),
            SamplerKind::OursRolling => Some(Adaptation::Rolling(MetricEstimate::DrawVariance)),
            SamplerKind::OursRollingGradient | SamplerKind::OursLowRank => {
                Some(Adaptation::Rolling(MetricEstimate::DrawAndGradient))
            }
            _ => None,
        }
    }

    /// Whether this kind uses a low-rank-plus-diagonal metric.
    pub fn is_low_rank(self) -> bool {
        matches!(
            self,
            SamplerKind::OursLowRank | SamplerKind::OursStanLowRank | SamplerKind::NutsRsLowRank
        )
    }

    /// Our sampler's metric for this kind (diagonal unless low-rank).
    pub fn metric(self) -> sampler::MetricKind {
        match self {
            SamplerKind::OursLowRank | SamplerKind::OursStanLowRank => {
                sampler::MetricKind::LowRank(sampler::LowRankOptions::default())
            }
            _ => sampler::MetricKind::Diagonal,
        }
    }

    /// Short name in tables; the performance appendix lists what each means.
    pub fn label(self) -> &'static str {
        match self {
            SamplerKind::Ours => "ours · default (Stan)",
            SamplerKind::OursRolling => "ours · rolling, draws",
            SamplerKind::OursRollingGradient => "ours · rolling, draws+grads",
            SamplerKind::NutsRsDefault => "nuts-rs · default",
            SamplerKind::NutsRsDrawVariance => "nuts-rs · draws",
            SamplerKind::OursLowRank => "ours · rolling, low-rank",
            SamplerKind::OursStanLowRank => "ours · Stan, low-rank",
            SamplerKind::NutsRsLowRank => "nuts-rs · low-rank",
        }
    }
}

/// Time, cost and efficiency of one fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunRecord {
    /// Wall-clock seconds of the whole fit (warmup and sampling).
    pub seconds: f64,
    /// CPU seconds of the whole fit (NaN where they cannot be read).
    pub cpu_seconds: f64,
    /// Log-density-and-gradient evaluations, warmup included, all chains.
    pub gradients: u64,
    /// The part of `gradients` spent in warmup (initialisation included).
    pub warmup_gradients: u64,
    /// Divergent transitions after warmup, all chains.
    pub divergences: usize,
    /// Smallest bulk-ESS over every constrained parameter.
    pub min_ess: f64,
    /// Mean step size over the kept draws (and chains).
    pub step_size: f64,
    /// Mean leapfrog steps per kept draw.
    pub steps_per_draw: f64,
}

impl RunRecord {
    /// Minimum bulk-ESS per second of CPU time (of wall time where CPU time
    /// cannot be read). With one thread per fit the two agree on an idle
    /// machine; on a shared one CPU time leaves out the waits for a core.
    pub fn ess_per_second(&self) -> f64 {
        if self.cpu_seconds.is_finite() && self.cpu_seconds > 0.0 {
            self.min_ess / self.cpu_seconds
        } else {
            self.min_ess / self.seconds
        }
    }

    /// Minimum bulk-ESS per 1000 gradient evaluations.
    pub fn ess_per_kgrad(&self) -> f64 {
        1000.0 * self.min_ess / self.gradients as f64
    }

    /// Minimum bulk-ESS per 1000 gradient evaluations after warmup: the
    /// efficiency of the tuned sampler alone, without the cost of tuning it.
    pub fn ess_per_sampling_kgrad(&self) -> f64 {
        1000.0 * self.min_ess / (self.gradients - self.warmup_gradients) as f64
    }

    /// CPU microseconds per gradient evaluation: the log density plus the
    /// sampler's own work per leapfrog step.
    pub fn cpu_us_per_gradient(&self) -> f64 {
        1e6 * self.cpu_seconds / self.gradients as f64
    }

    /// Fraction of the gradient evaluations spent in warmup.
    pub fn warmup_share(&self) -> f64 {
        self.warmup_gradients as f64 / self.gradients as f64
    }
}

/// Smallest bulk-ESS over parameters. `draws[c][i]` is the vector of
/// constrained values of chain `c` at draw `i`.
pub fn min_bulk_ess(draws: &[Vec<Vec<f64>>]) -> f64 {
    let num_params = draws[0][0].len();
    (0..num_params)
        .map(|j| {
            let chains: Vec<Vec<f64>> =
                draws.iter().map(|chain| chain.iter().map(|d| d[j]).collect()).collect();
            ess_bulk(&chains)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Medians over seeds of every column of a sampler's records on one model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Medians {
    /// Median wall time, seconds.
    pub seconds: f64,
    /// Median CPU time, seconds.
    pub cpu_seconds: f64,
    /// Median gradient evaluations.
    pub gradients: f64,
    /// Median fraction of them spent in warmup.
    pub warmup_share: f64,
    /// Median post-warmup divergences.
    pub divergences: f64,
    /// Median of the minimum bulk-ESS.
    pub min_ess: f64,
    /// Median ESS per second.
    pub ess_per_second: f64,
    /// Median ESS per wall-clock second (warmup and sampling), the measure
    /// the peers' script reports.
    pub wall_ess_per_second: f64,
    /// Median ESS per 1000 gradients.
    pub ess_per_kgrad: f64,
    /// Median ESS per 1000 gradients after warmup.
    pub ess_per_sampling_kgrad: f64,
    /// Median of the mean step size.
    pub step_size: f64,
    /// Median of the mean leapfrog steps per draw.
    pub steps_per_draw: f64,
    /// Median CPU microseconds per gradient.
    pub cpu_us_per_gradient: f64,
}

impl Medians {
    /// Medians of `records` (one per seed), each column on its own.
    pub fn of(records: &[RunRecord]) -> Self {
        let col = |f: fn(&RunRecord) -> f64| {
            diagnostics::median(&records.iter().map(f).collect::<Vec<_>>())
        };
        Self {
            seconds: col(|r| r.seconds),
            cpu_seconds: col(|r| r.cpu_seconds),
            gradients: col(|r| r.gradients as f64),
            warmup_share: col(RunRecord::warmup_share),
            divergences: col(|r| r.divergences as f64),
            min_ess: col(|r| r.min_ess),
            ess_per_second: col(RunRecord::ess_per_second),
            wall_ess_per_second: col(|r| r.min_ess / r.seconds),
            ess_per_kgrad: col(RunRecord::ess_per_kgrad),
            ess_per_sampling_kgrad: col(RunRecord::ess_per_sampling_kgrad),
            step_size: col(|r| r.step_size),
            steps_per_draw: col(|r| r.steps_per_draw),
            cpu_us_per_gradient: col(RunRecord::cpu_us_per_gradient),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn efficiency_columns() {
        let r = RunRecord {
            seconds: 3.0,
            cpu_seconds: 2.0,
            gradients: 4000,
            warmup_gradients: 1000,
            divergences: 0,
            min_ess: 1000.0,
            step_size: 0.5,
            steps_per_draw: 7.0,
        };
        assert_eq!(r.ess_per_second(), 500.0);
        assert_eq!(r.ess_per_kgrad(), 250.0);
        assert_eq!(r.warmup_share(), 0.25);
        assert_eq!(r.ess_per_sampling_kgrad(), 1000.0 / 3.0);
        assert_eq!(r.cpu_us_per_gradient(), 500.0);
    }
}
