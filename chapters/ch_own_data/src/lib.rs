//! Your own model, your own data: a CSV file with a group column, an outcome and
//! optionally a predictor becomes varying intercepts (or intercepts and slopes), fitted
//! with diagnostics, a forest plot labelled with the file's group names, a posterior
//! predictive check, LOO against complete and no pooling, and CmdStan CSV draws.
//!
//! `cargo run --release -p ch_own_data -- --help` lists the flags.

mod plots;
mod tables;

use anyhow::{Result, bail};
use chapter_support::{ChapterArgs, Defaults, Writer, report_warnings, timed};
use loo::{Comparison, LooResult};
use models::grouped_csv::fit::{GroupedModel, Pooling};
use models::grouped_csv::{Columns, GroupedTable};
use sampler::{Fit, Settings};
use std::path::PathBuf;

/// The own-data page's own flags (`--help` lists them with the shared ones).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// The CSV file (default: data/hsb82.csv with its columns school, mAch and cses).
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// The column naming each row's group (needed with --data).
    #[arg(long, value_name = "COL")]
    pub group: Option<String>,
    /// The numeric outcome column (needed with --data).
    #[arg(long, value_name = "COL")]
    pub outcome: Option<String>,
    /// A numeric predictor column: a slope per group as well as an intercept.
    #[arg(long, value_name = "COL")]
    pub predictor: Option<String>,
}

impl Flags {
    /// The file and columns to read: the flags, or High School and Beyond with
    /// `school`, `mAch` and `cses` when `--data` is not given.
    pub fn source(&self) -> Result<(PathBuf, Columns)> {
        let Some(path) = &self.data else {
            let [g, y, x] = DEFAULT_COLUMNS;
            let columns = Columns {
                group: self.group.clone().unwrap_or_else(|| g.into()),
                outcome: self.outcome.clone().unwrap_or_else(|| y.into()),
                predictor: Some(self.predictor.clone().unwrap_or_else(|| x.into())),
            };
            return Ok((PathBuf::from(models::hsb::DEFAULT_DATA), columns));
        };
        let (Some(group), Some(outcome)) = (&self.group, &self.outcome) else {
            bail!("--data needs --group COL and --outcome COL (the columns to read)");
        };
        let columns = Columns {
            group: group.clone(),
            outcome: outcome.clone(),
            predictor: self.predictor.clone(),
        };
        Ok((path.clone(), columns))
    }
}

/// The own-data page, as the book runs it.
pub struct Chapter;

/// Command-line flags of the own-data page: the shared ones and [`Flags`].
pub type Args = ChapterArgs<Chapter>;

impl chapter_support::Chapter for Chapter {
    const NAME: &'static str = "own_data";
    type Flags = Flags;
    type Outcome = Outcome;
    /// Stan's, with 2000 draws per chain (at 1000, the non-centred population
    /// mean of High School and Beyond's intercepts has a bulk ESS near 400 and
    /// an R-hat near 1.016, and the sampler warns).
    const DEFAULTS: Defaults = &[("draws", "2000")];
    const ABOUT: &'static str =
        "Your own data: varying intercepts (and slopes) from a CSV file, checked and compared";
    const COMPUTE: fn(&Args) -> Result<Outcome> = compute;
    const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
    const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;

    fn validate(args: &Args) -> Result<()> {
        args.source()?;
        Ok(())
    }

    fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
        o.fits.iter().map(|f| (format!("own_data_{}", f.pooling.key()), &f.fit)).collect()
    }
}

/// The default file, and its columns.
pub const DEFAULT_COLUMNS: [&str; 3] = ["school", "mAch", "cses"];

/// One pooling model, fitted.
#[derive(Debug, Clone)]
pub struct PoolingFit {
    /// Which pooling.
    pub pooling: Pooling,
    /// The model (it reads the draws back as lines).
    pub model: GroupedModel,
    /// Its draws.
    pub fit: Fit,
    /// PSIS-LOO over every row.
    pub loo: LooResult,
}

/// Everything the page shows.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The data as read.
    pub table: GroupedTable,
    /// Partial pooling first, then complete pooling, then no pooling (when it fits).
    pub fits: Vec<PoolingFit>,
    /// Why no pooling was not fitted (a group too small to fit on its own).
    pub no_pooling_skipped: Option<String>,
    /// The models ranked by LOO.
    pub comparison: Comparison,
}

impl Outcome {
    /// The partial-pooling fit.
    pub fn partial(&self) -> &PoolingFit {
        &self.fits[0]
    }
}

/// Rows per block of the pointwise log-likelihood (LOO never holds all rows at once).
const LOO_BLOCK: usize = 256;

// ANCHOR: fit_one
/// Fits one pooling model and computes its PSIS-LOO from the draws.
fn fit_one(
    table: &GroupedTable,
    model: GroupedModel,
    pooling: Pooling,
    s: &Settings,
) -> Result<PoolingFit> {
    let fit = sampler::fit_replication(&model, s, pooling.stream())?;
    let draws: Vec<&Vec<f64>> = fit.chains.iter().flat_map(|c| &c.draws).collect();
    let loo = loo::loo_by_blocks(table.len(), LOO_BLOCK, fit.chains.len(), |rows| {
        Ok(draws.iter().map(|c| model.pointwise_log_lik(table, c, rows.clone())).collect())
    })?;
    Ok(PoolingFit { pooling, model, fit, loo })
}
// ANCHOR_END: fit_one

/// Reads the data, fits the three models and compares them.
pub fn compute(args: &Args) -> Result<Outcome> {
    args.validate()?;
    let (path, columns) = args.source()?;
    let table = GroupedTable::load(&path, &columns)?;
    let settings = Settings { progress: false, ..args.sampling.settings() };
    let (mut fits, mut no_pooling_skipped) = (Vec::new(), None);
    for pooling in Pooling::ALL {
        let model = match GroupedModel::new(&table, pooling) {
            Ok(m) => m,
            Err(e) if pooling == Pooling::None => {
                no_pooling_skipped = Some(e.to_string());
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let label = format!("{} fit and LOO", pooling.label());
        let run = || fit_one(&table, model, pooling, &settings);
        fits.push(timed(&label, args.sampling.quiet, run)?);
    }
    let named: Vec<(&str, &LooResult)> = fits.iter().map(|f| (f.pooling.label(), &f.loo)).collect();
    let comparison = loo::compare(&named)?;
    for f in &fits {
        report_warnings(f.pooling.label(), &f.fit, args.sampling.quiet);
    }
    if let (Some(reason), false) = (&no_pooling_skipped, args.sampling.quiet) {
        eprintln!("no pooling not fitted: {reason}");
    }
    Ok(Outcome { table, fits, no_pooling_skipped, comparison })
}

/// Runs the page: computes, writes figures and tables to `--out`, draws to
/// `--draws-dir`, and prints the tables and any warnings.
pub use chapter_support::run;
