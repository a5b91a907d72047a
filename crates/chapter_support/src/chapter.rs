//! One chapter of the book, declared once: its name, its flags, its defaults
//! for the shared sampling flags, what it computes and what it writes.
//! Everything every chapter does alike — parsing the flags, checking them,
//! creating the output directory, writing the draws, printing the report,
//! saying where it wrote — is written here, once ([`run`], [`main`]).
//!
//! A chapter crate declares a unit type and its flags:
//!
//! ```ignore
//! pub struct Chapter;
//! pub type Args = chapter_support::ChapterArgs<Chapter>;
//! impl chapter_support::Chapter for Chapter {
//!     const NAME: &'static str = "stein";
//!     type Flags = Flags; // its own flags, a `clap::Args` struct (or `NoFlags`)
//!     type Outcome = Outcome;
//!     const DEFAULTS: Defaults = &[("target_accept", "0.9")];
//!     const ABOUT: &'static str = "Stein's paradox: ...";
//!     const COMPUTE: fn(&Args) -> Result<Outcome> = compute; // the chapter's story
//!     const WRITERS: &'static [Writer<Outcome>] = &[tables::write_all, plots::write_all];
//!     const REPORT: fn(&Outcome) -> Result<String> = tables::console_report;
//!     fn validate(args: &Args) -> Result<()> {
//!         chapter_support::args::at_least("reps", args.reps, 2)
//!     }
//!     fn fits(o: &Outcome) -> Vec<(String, &Fit)> {
//!         vec![("stein_batting".into(), &o.fit)]
//!     }
//! }
//! pub use chapter_support::run;
//! ```
//!
//! and its `main.rs` is `fn main() { chapter_support::main::<ch_stein::Chapter>() }`.

use crate::output::{OutputDir, default_out_dir, report_written};
use crate::{SamplingArgs, args::command_with_defaults};
use anyhow::Result;
use clap::{FromArgMatches, Parser};
use sampler::Fit;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A chapter's defaults for the shared sampling flags: `(field, value)`
/// pairs, e.g. `&[("draws", "2000"), ("target_accept", "0.9")]`; the fields
/// are those of [`SamplingArgs`].
pub type Defaults = &'static [(&'static str, &'static str)];

/// A function that writes some of a chapter's figures and tables from its
/// outcome into the output directory.
pub type Writer<O> = fn(&OutputDir, &O) -> Result<()>;

/// A chapter: its name, flags and defaults, and the three steps of its run
/// (compute, write, report), as functions of the chapter crate. [`run`] does
/// the rest.
pub trait Chapter: Sized + 'static {
    /// The chapter's name: its crate is `ch_<NAME>`, its page `<NAME>.md`, and
    /// it writes into `out/<NAME>` (or `book/src/generated/<NAME>`).
    const NAME: &'static str;
    /// One line for `--help`: what the chapter shows.
    const ABOUT: &'static str;
    /// This chapter's defaults for the shared sampling flags (`--help` shows them).
    const DEFAULTS: Defaults = &[];
    /// The chapter's own flags ([`NoFlags`] if it has none).
    type Flags: clap::Args + Clone + fmt::Debug;
    /// Everything the chapter computes, before it is written anywhere.
    type Outcome: 'static;
    /// The functions that write the chapter's figures and tables, in order
    /// (e.g. `&[tables::write_all, plots::write_all]`).
    const WRITERS: &'static [Writer<Self::Outcome>] = &[];

    /// Fits the models and computes every number the chapter shows: the
    /// chapter's `compute` (which checks the flags first).
    const COMPUTE: fn(&ChapterArgs<Self>) -> Result<Self::Outcome>;
    /// The readable summary printed to stdout after writing.
    const REPORT: fn(&Self::Outcome) -> Result<String>;

    /// Checks the chapter's own flags (the shared ones are checked before).
    fn validate(_args: &ChapterArgs<Self>) -> Result<()> {
        Ok(())
    }
    /// Writes the chapter's figures and tables into `out`: by default every
    /// one of [`Chapter::WRITERS`].
    fn write(_args: &ChapterArgs<Self>, outcome: &Self::Outcome, out: &OutputDir) -> Result<()> {
        Self::WRITERS.iter().try_for_each(|write| write(out, outcome))
    }
    /// The fits `--draws-dir` writes as CmdStan CSV files, each with the stem
    /// of its file names (`<stem>_<chain>.csv`).
    fn fits(_outcome: &Self::Outcome) -> Vec<(String, &Fit)> {
        Vec::new()
    }
    /// Writes the draws into `dir` (`--draws-dir`): by default every one of
    /// [`Chapter::fits`].
    fn write_draws(_args: &ChapterArgs<Self>, outcome: &Self::Outcome, dir: &Path) -> Result<()> {
        for (stem, fit) in Self::fits(outcome) {
            sampler::cmdstan_csv::write_cmdstan_csv(dir, &stem, fit)?;
        }
        Ok(())
    }
}

/// The flags of a chapter with no flags of its own.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct NoFlags {}

/// A chapter's command line: the shared sampling flags, the chapter's own
/// flags (reachable directly, `args.reps`, through `Deref`) and `--out`.
#[derive(Parser)]
pub struct ChapterArgs<C: Chapter> {
    /// Sampling flags shared by every chapter.
    #[command(flatten)]
    pub sampling: SamplingArgs,
    /// The chapter's own flags.
    #[command(flatten)]
    pub flags: C::Flags,
    /// Directory for figures and tables (default: a git-ignored scratch
    /// directory; `cargo xtask book` writes the book's copy).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

impl<C: Chapter> ChapterArgs<C> {
    /// Parses flags (the first item is the program name) with the chapter's
    /// [`Chapter::DEFAULTS`] for the shared ones.
    pub fn parse_from_iter<I, T>(itr: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let out_help = format!(
            "Directory for figures and tables (default: out/{}, a git-ignored scratch \
             directory; `cargo xtask book` writes the book's copy)",
            C::NAME
        );
        let matches = command_with_defaults::<Self>(C::DEFAULTS)
            .about(C::ABOUT)
            .mut_arg("out", |a| a.help(out_help))
            .try_get_matches_from(itr)?;
        Self::from_arg_matches(&matches)
    }

    /// Checks every flag up front, so a bad value fails before any work: the
    /// shared ones, then the chapter's own ([`Chapter::validate`]).
    pub fn validate(&self) -> Result<()> {
        self.sampling.validate()?;
        C::validate(self)
    }

    /// Where the chapter writes: `--out`, or `out/<NAME>` in the workspace.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| default_out_dir(C::NAME))
    }
}

impl<C: Chapter> std::ops::Deref for ChapterArgs<C> {
    type Target = C::Flags;

    fn deref(&self) -> &C::Flags {
        &self.flags
    }
}

impl<C: Chapter> Clone for ChapterArgs<C> {
    fn clone(&self) -> Self {
        Self { sampling: self.sampling.clone(), flags: self.flags.clone(), out: self.out.clone() }
    }
}

impl<C: Chapter> fmt::Debug for ChapterArgs<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChapterArgs")
            .field("sampling", &self.sampling)
            .field("flags", &self.flags)
            .field("out", &self.out)
            .finish()
    }
}

/// Runs chapter `C`: checks the flags, computes, writes figures and tables to
/// `--out`, draws to `--draws-dir` if given, prints the report to stdout and
/// tells where it wrote (on stderr, unless `--quiet`). Returns the outcome.
pub fn run<C: Chapter>(args: &ChapterArgs<C>) -> Result<C::Outcome> {
    let start = Instant::now();
    args.validate()?;
    let out_dir = args.out_dir();
    let out = OutputDir::create(&out_dir)?;
    let outcome = (C::COMPUTE)(args)?;
    C::write(args, &outcome, &out)?;
    if let Some(dir) = &args.sampling.draws_dir {
        C::write_draws(args, &outcome, dir)?;
    }
    print!("{}", (C::REPORT)(&outcome)?);
    let quiet = args.sampling.quiet;
    report_written(C::NAME, &out_dir, quiet);
    if !quiet {
        let seconds = start.elapsed().as_secs_f64();
        eprintln!("ch_{}: total elapsed {seconds:.1} s", C::NAME);
    }
    Ok(outcome)
}

/// The whole of a chapter binary's `main`: parses the command line (exiting
/// with clap's message on bad flags or `--help`), runs the chapter, and exits
/// with status 1 and a one-line error if it fails.
pub fn main<C: Chapter>() {
    let args = match ChapterArgs::<C>::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
