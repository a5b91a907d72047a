//! The one list of chapters. Adding a chapter is one line in [`CHAPTERS`]
//! (plus its crate in xtask's Cargo.toml).

use std::ffi::OsString;
use std::path::Path;

use anyhow::{Context, Result};

use crate::schedules::FitStats;

/// A chapter crate `ch_<name>` whose outputs go to `book/src/generated/<name>`.
pub struct Chapter {
    /// The chapter's name: its crate is `ch_<name>`, its page `<name>.md`.
    pub name: &'static str,
    /// Runs the chapter, writing its figures and tables into the directory;
    /// `true` passes `--quiet` (no progress bars or timings).
    pub run: fn(&Path, bool) -> Result<()>,
    /// Computes the chapter with these extra flags (always `--quiet`),
    /// writing nothing, and returns the statistics of each of its fits, by
    /// the stem its `--draws-dir` files take; `None` for a chapter left out
    /// of `cargo xtask schedules`.
    pub study: Option<Study>,
}

/// See [`Chapter::study`].
pub type Study = fn(&[&str]) -> Result<Vec<(String, FitStats)>>;

/// `chapter!(name, ch_name)`: runs crate `ch_name` as if invoked as
/// `ch_name --out DIR` (with `--quiet` when asked), parsed like the chapter's own binary (with
/// the chapter's defaults for the shared sampling flags).
macro_rules! chapter {
    ($name:ident, $krate:ident) => {
        Chapter {
            name: stringify!($name),
            run: |out, quiet| {
                let bin = stringify!($krate);
                let mut argv: Vec<OsString> = vec![bin.into(), "--out".into(), out.into()];
                if quiet {
                    argv.push("--quiet".into());
                }
                let args = $krate::Args::parse_from_iter(argv)
                    .map_err(|e| anyhow::anyhow!("{}", e.to_string().trim()))
                    .with_context(|| format!("bad arguments for {bin}"))?;
                $krate::run(&args).map(|_| ())
            },
            study: Some(|extra| {
                let bin = stringify!($krate);
                let mut argv: Vec<OsString> = vec![bin.into(), "--quiet".into()];
                argv.extend(extra.iter().map(OsString::from));
                let args = $krate::Args::parse_from_iter(argv)
                    .map_err(|e| anyhow::anyhow!("{}", e.to_string().trim()))
                    .with_context(|| format!("bad arguments for {bin}"))?;
                type C = $krate::Chapter;
                let outcome = (<C as chapter_support::Chapter>::COMPUTE)(&args)?;
                Ok(<C as chapter_support::Chapter>::fits(&outcome)
                    .into_iter()
                    .map(|(stem, fit)| (stem, FitStats::of(fit)))
                    .collect())
            }),
        }
    };
    ($name:ident, $krate:ident, no_study) => {
        Chapter { study: None, ..chapter!($name, $krate) }
    };
}

/// Every chapter, in book order.
pub const CHAPTERS: &[Chapter] = &[
    chapter!(pooling, ch_pooling),
    chapter!(shrinkage, ch_shrinkage),
    chapter!(stein, ch_stein),
    chapter!(eight_schools, ch_eight_schools),
    chapter!(funnel, ch_funnel),
    chapter!(dirichlet_multinomial, ch_dirichlet_multinomial),
    chapter!(loo, ch_loo),
    chapter!(hsb, ch_hsb),
    chapter!(beta_multilevel, ch_beta_multilevel),
    chapter!(sbc, ch_sbc, no_study),
    chapter!(recover, ch_recover),
    chapter!(own_data, ch_own_data),
];
