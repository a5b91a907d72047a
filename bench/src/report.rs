//! The benchmark's markdown tables and the description of the machine.

use crate::goals::{Goal, with_interval};
use crate::interval::{RatioInterval, ratio_of_medians};
use crate::record::{Medians, RunRecord, SamplerKind};
use crate::targets::Target;
use diagnostics::sig;
use std::fmt::Write;

/// Medians of every sampler on one model, in [`SamplerKind::ALL`] order,
/// and the per-seed records they summarise.
#[derive(Debug, Clone)]
pub struct ModelResult {
    /// The model.
    pub target: Target,
    /// Its parameter count (unconstrained).
    pub dim: usize,
    /// One entry per sampler.
    pub medians: Vec<(SamplerKind, Medians)>,
    /// One record per seed for each sampler, in the order of `medians`.
    pub records: Vec<(SamplerKind, Vec<RunRecord>)>,
}

/// What a ratio divides: a per-seed efficiency of [`RunRecord`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// ESS per gradient, warmup included.
    PerGradient,
    /// ESS per gradient after warmup.
    PerSamplingGradient,
    /// ESS per CPU second.
    PerCpuSecond,
    /// ESS per wall-clock second of warmup plus sampling (the peers' measure).
    PerWallSecond,
}

impl Measure {
    /// The measure of one fit.
    pub fn of(self, r: &RunRecord) -> f64 {
        match self {
            Measure::PerGradient => r.ess_per_kgrad(),
            Measure::PerSamplingGradient => r.ess_per_sampling_kgrad(),
            Measure::PerCpuSecond => r.ess_per_second(),
            Measure::PerWallSecond => r.min_ess / r.seconds,
        }
    }

    /// How the goals name it.
    pub fn label(self) -> &'static str {
        match self {
            Measure::PerGradient => "ESS per gradient",
            Measure::PerSamplingGradient => "ESS per gradient after warmup",
            Measure::PerCpuSecond => "ESS per CPU second",
            Measure::PerWallSecond => "ESS per wall second",
        }
    }
}

impl ModelResult {
    /// Medians and per-seed records of every sampler in `records`.
    pub fn new(target: Target, dim: usize, records: Vec<(SamplerKind, Vec<RunRecord>)>) -> Self {
        Self {
            target,
            dim,
            medians: records.iter().map(|(k, r)| (*k, Medians::of(r))).collect(),
            records,
        }
    }

    /// The per-seed values of `measure` for `kind`, if it was run.
    pub fn per_seed(&self, kind: SamplerKind, measure: Measure) -> Option<Vec<f64>> {
        let (_, records) = self.records.iter().find(|(k, _)| *k == kind)?;
        Some(records.iter().map(|r| measure.of(r)).collect())
    }

    /// `ours / other` in `measure`: the ratio of the medians over seeds,
    /// with its bootstrap interval.
    pub fn ratio(
        &self,
        ours: SamplerKind,
        other: SamplerKind,
        measure: Measure,
    ) -> Option<RatioInterval> {
        Some(ratio_of_medians(&self.per_seed(ours, measure)?, &self.per_seed(other, measure)?))
    }
}

pub(crate) fn num(x: f64) -> String {
    if x.is_finite() { sig(x, 3) } else { "–".into() }
}

/// A count (a median of counts): whole numbers without decimals.
fn count(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e6 { format!("{x:.0}") } else { num(x) }
}

/// One small table per model, under the model's name: a row per sampler,
/// the columns `header` names, the cells `row` makes from the medians.
fn per_model_tables(
    results: &[ModelResult],
    header: &[&str],
    row: impl Fn(&Medians) -> Vec<String>,
) -> String {
    let mut s = String::new();
    for r in results {
        writeln!(s, "**{}** ({} parameters)\n", r.target.label(), r.dim).unwrap();
        writeln!(s, "| sampler | {} |", header.join(" | ")).unwrap();
        writeln!(s, "|---|{}", "---:|".repeat(header.len())).unwrap();
        for (kind, m) in &r.medians {
            writeln!(s, "| {} | {} |", kind.label(), row(m).join(" | ")).unwrap();
        }
        s.push('\n');
    }
    s
}

/// The efficiency tables: every model and sampler, medians over seeds.
pub fn results_table(results: &[ModelResult]) -> String {
    per_model_tables(
        results,
        &[
            "divergences",
            "min bulk-ESS",
            "ESS / 1000 gradients",
            "ESS / 1000 gradients after warmup",
            "ESS / CPU s",
        ],
        |m| {
            vec![
                count(m.divergences),
                num(m.min_ess),
                num(m.ess_per_kgrad),
                num(m.ess_per_sampling_kgrad),
                num(m.ess_per_second),
            ]
        },
    )
}

/// Where the gradients and the time go: gradients and their warmup share,
/// step size, trajectory length, CPU time of the fit and of one gradient
/// with the sampler's work around it.
pub fn cost_table(results: &[ModelResult]) -> String {
    per_model_tables(
        results,
        &["gradients", "in warmup", "step size", "steps per draw", "CPU s", "CPU µs per gradient"],
        |m| {
            vec![
                num(m.gradients),
                format!("{}%", num(100.0 * m.warmup_share)),
                num(m.step_size),
                num(m.steps_per_draw),
                num(m.cpu_seconds),
                num(m.cpu_us_per_gradient),
            ]
        },
    )
}

/// The pairs compared in the ratio table: ours with Stan's adaptation
/// against both nuts-rs set-ups, then each rolling-window variant of ours
/// against nuts-rs with the same metric estimate.
pub const PAIRS: [(SamplerKind, SamplerKind); 4] = [
    (SamplerKind::Ours, SamplerKind::NutsRsDrawVariance),
    (SamplerKind::Ours, SamplerKind::NutsRsDefault),
    (SamplerKind::OursRolling, SamplerKind::NutsRsDrawVariance),
    (SamplerKind::OursRollingGradient, SamplerKind::NutsRsDefault),
];

/// Ours / nuts-rs for every pair in [`PAIRS`], on the models that enter the
/// ratios.
pub fn ratio_table(results: &[ModelResult]) -> String {
    let in_ratios = results.iter().filter(|r| r.target.in_ratios());
    pair_table("ours | nuts-rs", in_ratios, &PAIRS)
}

/// A markdown table of `ours / other` for every pair measured on every
/// model of `results`: ESS per gradient, per gradient after warmup and per
/// CPU second, each a ratio of medians with its 95% bootstrap interval over
/// seeds; `columns` names the two sampler columns.
pub fn pair_table<'a>(
    columns: &str,
    results: impl Iterator<Item = &'a ModelResult>,
    pairs: &[(SamplerKind, SamplerKind)],
) -> String {
    let mut s = format!(
        "| model | {columns} | ESS per gradient | ESS per gradient after warmup | ESS per CPU second |\n\
         |---|---|---|---:|---:|---:|\n"
    );
    let measures = [Measure::PerGradient, Measure::PerSamplingGradient, Measure::PerCpuSecond];
    for r in results {
        for &(ours, other) in pairs {
            let cells: Option<Vec<String>> = measures
                .iter()
                .map(|&m| r.ratio(ours, other, m).map(|q| with_interval(&q)))
                .collect();
            if let Some(cells) = cells {
                writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    r.target.label(),
                    ours.label(),
                    other.label(),
                    cells.join(" | ")
                )
                .unwrap();
            }
        }
    }
    s
}

/// A goal `ours / other ≥ threshold` in `measure` on every model that
/// enters the ratios.
pub fn goal(
    results: &[ModelResult],
    (ours, other): (SamplerKind, SamplerKind),
    measure: Measure,
    threshold: f64,
) -> Goal {
    Goal {
        what: format!("{}, {} / {}", measure.label(), ours.label(), other.label()),
        on: "every model".into(),
        threshold,
        measured: results
            .iter()
            .filter(|r| r.target.in_ratios())
            .filter_map(|r| Some((r.target.label().to_string(), r.ratio(ours, other, measure)?)))
            .collect(),
    }
}

/// The goals against nuts-rs: per gradient, Stan's adaptation against both
/// nuts-rs set-ups, and each rolling variant against its nuts-rs
/// counterpart; per CPU second, Stan's against nuts-rs with draw variances
/// and the rolling variants against their counterparts.
pub fn goals(results: &[ModelResult]) -> Vec<Goal> {
    let [stan_vs_stanlike, stan_vs_default, rolling_draw, rolling_grad] = PAIRS;
    let (grad, cpu) = (Measure::PerGradient, Measure::PerCpuSecond);
    vec![
        goal(results, stan_vs_stanlike, grad, 1.0),
        goal(results, stan_vs_default, grad, 0.85),
        goal(results, stan_vs_stanlike, cpu, 1.0),
        goal(results, rolling_draw, grad, 1.0),
        goal(results, rolling_draw, cpu, 1.0),
        goal(results, rolling_grad, grad, 1.0),
        goal(results, rolling_grad, cpu, 1.0),
    ]
}

/// How the numbers were made: machine, load, versions, settings.
#[derive(Debug, Clone)]
pub struct Setup {
    /// CPU model name from `/proc/cpuinfo`.
    pub cpu: String,
    /// Logical cores.
    pub cores: usize,
    /// One-minute load average before the run.
    pub load_before: String,
    /// `rustc -V`.
    pub rustc: String,
    /// `nuts-rs` version from `Cargo.lock`.
    pub nuts_rs: String,
    /// Threads each fit ran on.
    pub threads: usize,
    /// Seeds of the run.
    pub seeds: Vec<u64>,
    /// Wall time of the whole benchmark, seconds.
    pub total_seconds: f64,
}

impl Setup {
    /// Reads what the machine says about itself (fields it cannot read are
    /// "unknown").
    pub fn detect(threads: usize, seeds: Vec<u64>) -> Self {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split(':').nth(1))
                    .map(|v| v.trim().to_string())
            })
            .unwrap_or_else(|| "unknown".into());
        let load_before = std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|s| s.split_whitespace().next().map(String::from))
            .unwrap_or_else(|| "unknown".into());
        let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
            .arg("-V")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "unknown".into());
        let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock"))
            .unwrap_or_default();
        let nuts_rs = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"nuts-rs\""))
            .and_then(|p| p.lines().find(|l| l.starts_with("version")))
            .and_then(|l| l.split('"').nth(1))
            .unwrap_or("unknown")
            .to_string();
        Self {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            load_before,
            rustc,
            nuts_rs,
            threads,
            seeds,
            total_seconds: 0.0,
        }
    }

    /// The setup as a markdown list.
    pub fn markdown(&self) -> String {
        let seeds: Vec<String> = self.seeds.iter().map(u64::to_string).collect();
        let threads = if self.threads == 1 {
            "the 4 chains one after another on one thread".to_string()
        } else {
            format!("the 4 chains on {} threads", self.threads)
        };
        format!(
            "- machine: {} ({} logical cores), load average {} when the run began;\n\
             - {}; nuts-rs {} (without its `parallel` feature, with `relaxed-simd`), release build;\n\
             - every fit: 4 chains × (1000 warmup + 1000 draws), target acceptance 0.8, tree depth ≤ 10, \
             {}; seeds {}; medians over the seeds;\n\
             - step-size jitter: none with Stan's adaptation (Stan's default); ±10% with our rolling windows, \
             as nuts-rs does by default;\n\
             - the whole benchmark took {} s.\n",
            self.cpu,
            self.cores,
            self.load_before,
            self.rustc,
            self.nuts_rs,
            threads,
            seeds.join(", "),
            num(self.total_seconds),
        )
    }
}
