//! `cargo xtask schedules`: the evidence behind the book's default warmup
//! schedule. Every chapter's fits are rerun under each `--adaptation` choice
//! and several seeds, with the chapter's own defaults otherwise, and two
//! tables record how they converged (worst R-hat, divergences) and what they
//! cost (smallest bulk ESS per 1000 gradient evaluations, warmup included).
//! The tables go to `book/src/generated/schedules/`, which `cargo xtask book`
//! leaves alone: the study takes many times longer than the book.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chapter_support::worst_convergence_where;
use sampler::Fit;

use crate::chapters::CHAPTERS;

/// The `--adaptation` values compared, in table order.
pub const SCHEDULES: [&str; 3] = ["stan", "rolling", "rolling-gradient"];

/// R-hat above this counts as not converged (Vehtari et al. 2021).
const RHAT_LIMIT: f64 = 1.01;

/// What one fit says about its schedule.
#[derive(Debug, Clone, Copy)]
pub struct FitStats {
    /// Largest rank-normalised R-hat over the fit's parameters.
    pub max_rhat: f64,
    /// Smallest bulk ESS over the fit's parameters.
    pub min_ess: f64,
    /// Divergent transitions after warmup.
    pub divergences: usize,
    /// Gradient evaluations, warmup included.
    pub gradients: u64,
}

impl FitStats {
    /// The statistics of `fit`, over every column but the pointwise log
    /// likelihood (`log_lik.*`, a by-product for LOO, not a parameter).
    /// Columns whose draws are all equal (no R-hat) are skipped.
    pub fn of(fit: &Fit) -> Self {
        let (min_ess, max_rhat) = worst_convergence_where(fit, |n| !n.starts_with("log_lik"));
        Self {
            max_rhat,
            min_ess,
            divergences: fit.num_divergent(),
            gradients: fit.gradient_evaluations(),
        }
    }

    /// Smallest bulk ESS per 1000 gradient evaluations.
    fn ess_per_kgrad(&self) -> f64 {
        1000.0 * self.min_ess / self.gradients as f64
    }
}

/// Runs the study for `seeds` seeds (the book's seed and the ones after it)
/// and writes its tables into `out`. `only` restricts it to some chapters.
pub fn run(out: &Path, seeds: u64, only: &[String]) -> Result<()> {
    if seeds == 0 {
        bail!("--seeds must be at least 1");
    }
    let chosen: Vec<_> = CHAPTERS
        .iter()
        .filter(|c| c.study.is_some() && (only.is_empty() || only.iter().any(|n| n == c.name)))
        .collect();
    if chosen.is_empty() {
        bail!(
            "no chapter to study (sbc is left out: its fits are a calibration, not a chapter's fits)"
        );
    }
    // (fit stem, schedule) -> one FitStats per seed
    let mut results: BTreeMap<(String, &str), Vec<FitStats>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for chapter in &chosen {
        let study = chapter.study.expect("filtered above");
        for schedule in SCHEDULES {
            for k in 0..seeds {
                let seed = (BOOK_SEED + k).to_string();
                let start = Instant::now();
                let fits =
                    study(&["--seed", &seed, "--adaptation", schedule]).with_context(|| {
                        format!("{} with --adaptation {schedule}, seed {seed}", chapter.name)
                    })?;
                eprintln!(
                    "{} · {schedule} · seed {seed}: {} fits in {:.1} s",
                    chapter.name,
                    fits.len(),
                    start.elapsed().as_secs_f64()
                );
                for (stem, stats) in fits {
                    let short = stem.strip_prefix(&format!("{}_", chapter.name)).unwrap_or(&stem);
                    let stem = format!("{}: {short}", chapter.name);
                    if !order.contains(&stem) {
                        order.push(stem.clone());
                    }
                    results.entry((stem, schedule)).or_default().push(stats);
                }
            }
        }
        // After every chapter, so an interrupted study keeps what it did.
        write_tables(out, &order, &results, seeds)?;
    }
    Ok(())
}

/// Writes `convergence.md` and `cost.md` into `out`.
fn write_tables(out: &Path, order: &[String], results: &Results, seeds: u64) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    };
    write("convergence.md", convergence_table(order, results, seeds))?;
    write("cost.md", cost_table(order, results))
}

/// The book's default `--seed` (chapter_support's `SamplingArgs`).
const BOOK_SEED: u64 = 20261123;

type Results<'a> = BTreeMap<(String, &'a str), Vec<FitStats>>;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { 0.5 * (v[n / 2 - 1] + v[n / 2]) }
}

/// A Markdown table header: the fit column, then right-aligned `cols`.
fn header(cols: &[String]) -> String {
    let rule = vec!["---:"; cols.len()].join(" | ");
    format!("| fit | {} |\n| --- | {rule} |\n", cols.join(" | "))
}

/// Per fit and schedule: the median of the worst R-hat with, in brackets,
/// the seeds above the limit; then the median divergences.
fn convergence_table(order: &[String], results: &Results, seeds: u64) -> String {
    let cols: Vec<String> = SCHEDULES
        .iter()
        .map(|s| format!("R̂, {s}"))
        .chain(SCHEDULES.iter().map(|s| format!("divergences, {s}")))
        .collect();
    let mut s = header(&cols);
    for stem in order {
        let runs = |schedule| &results[&(stem.clone(), schedule)];
        let mut row = format!("| {stem} |");
        for schedule in SCHEDULES {
            let v = runs(schedule);
            let rhat = median(v.iter().map(|f| f.max_rhat).collect());
            let bad = v.iter().filter(|f| f.max_rhat.is_nan() || f.max_rhat > RHAT_LIMIT).count();
            let _ = write!(row, " {rhat:.4} ({bad}/{seeds}) |");
        }
        for schedule in SCHEDULES {
            let div = median(runs(schedule).iter().map(|f| f.divergences as f64).collect());
            let _ = write!(row, " {div} |");
        }
        s.push_str(&row);
        s.push('\n');
    }
    s
}

/// Per fit: the median smallest bulk ESS per 1000 gradients under each
/// schedule, then the rolling schedules' medians divided by Stan's.
fn cost_table(order: &[String], results: &Results) -> String {
    let cols: Vec<String> = SCHEDULES
        .iter()
        .map(|s| s.to_string())
        .chain(SCHEDULES[1..].iter().map(|s| format!("{s} ÷ stan")))
        .collect();
    let mut s = header(&cols);
    for stem in order {
        let per_kgrad = |schedule| {
            let v: &Vec<FitStats> = &results[&(stem.clone(), schedule)];
            median(v.iter().map(FitStats::ess_per_kgrad).collect())
        };
        let e: Vec<f64> = SCHEDULES.iter().map(|s| per_kgrad(*s)).collect();
        let mut row = format!("| {stem} |");
        for x in &e {
            let _ = write!(row, " {} |", diagnostics::sig(*x, 3));
        }
        for x in &e[1..] {
            let _ = write!(row, " {} |", diagnostics::sig(x / e[0], 3));
        }
        s.push_str(&row);
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::{ChainDraws, DrawStats, Settings};

    /// A chain whose columns are `a` (shifted by `shift`), `log_lik.1`
    /// (shifted a hundred times as far) and a constant `c`.
    fn chain(shift: f64, divergent_every: usize) -> ChainDraws {
        let n = 200;
        let draws = (0..n)
            .map(|i| {
                let x = ((i * 37) % 101) as f64 / 101.0;
                vec![x + shift, x + 100.0 * shift, 3.0]
            })
            .collect();
        let stats = (0..n)
            .map(|i| DrawStats {
                lp: 0.0,
                accept_stat: 0.8,
                step_size: 0.5,
                tree_depth: 2,
                n_leapfrog: 3,
                divergent: i % divergent_every == 0,
                energy: 0.0,
            })
            .collect();
        ChainDraws {
            draws,
            stats,
            warmup_divergences: 0,
            step_size: 0.5,
            inv_mass: vec![1.0; 3],
            gradient_evaluations: 1000,
        }
    }

    #[test]
    fn stats_skip_log_lik_and_constant_columns() {
        let fit = Fit {
            param_names: vec!["a".into(), "log_lik.1".into(), "c".into()],
            settings: Settings::default(),
            chains: vec![chain(0.0, 50), chain(0.3, 100)],
        };
        let s = FitStats::of(&fit);
        let a = fit.chains_of(0);
        assert_eq!(s.max_rhat, diagnostics::rhat(&a));
        assert!(s.max_rhat > RHAT_LIMIT, "the shifted chain shows: {}", s.max_rhat);
        assert_eq!(s.min_ess, diagnostics::ess_bulk(&a));
        assert_eq!((s.divergences, s.gradients), (4 + 2, 2000));
        assert_eq!(s.ess_per_kgrad(), s.min_ess / 2.0);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
