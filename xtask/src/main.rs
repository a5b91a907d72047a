//! Project tasks, run as `cargo xtask <command>` (an alias in .cargo/config.toml).
//!
//! - `cargo xtask book`: rerun every chapter, writing its figures and tables
//!   into `book/src/generated/<name>/`, then build the HTML book.
//! - `cargo xtask build-book`: build the HTML book from what is already there.
//! - `cargo xtask schedules`: the warmup-schedule study behind the default.
//! - `cargo xtask exercises` / `cargo xtask exercise NAME`: the exercise checker.

mod chapters;
mod exercises;
mod math;
mod schedules;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use chapters::CHAPTERS;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project tasks for the book")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate every chapter's figures and tables, then build the book.
    Book {
        /// Regenerate only these chapters (by name, e.g. `eight_schools`).
        #[arg(long = "chapter", value_name = "NAME")]
        only: Vec<String>,
    },
    /// Build the HTML book without regenerating anything.
    BuildBook,
    /// Rerun every chapter's fits under each warmup schedule and several
    /// seeds, and write the evidence tables into
    /// `book/src/generated/schedules/` (minutes per seed; not part of `book`).
    Schedules {
        /// How many seeds: the book's seed and the ones after it.
        #[arg(long, default_value_t = 5)]
        seeds: u64,
        /// Only these chapters (by name).
        #[arg(long = "chapter", value_name = "NAME")]
        only: Vec<String>,
        /// Where to write the tables (default: the book's copy).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// List the chapters `book` regenerates.
    Chapters,
    /// Check every exercise: solved, unsolved or does not compile.
    Exercises,
    /// Run one exercise's checks: your values beside the expected ones, and
    /// after a failure the next step of a hint.
    Exercise {
        /// The exercise, e.g. `shrinkage` (`cargo xtask exercises` lists them).
        name: String,
        /// Also show the formula behind each hint for the failing checks.
        #[arg(long)]
        hint: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Book { only } => regenerate(&only).and_then(|()| build_book()),
        Command::BuildBook => build_book(),
        Command::Schedules { seeds, only, out } => {
            let out = out.unwrap_or_else(|| book_dir().join("src/generated/schedules"));
            schedules::run(&out, seeds, &only)
        }
        Command::Chapters => {
            for c in CHAPTERS {
                println!("{}", c.name);
            }
            Ok(())
        }
        Command::Exercises => exercises::list(&workspace_root()),
        Command::Exercise { name, hint } => exercises::run(&workspace_root(), &name, hint),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

fn book_dir() -> PathBuf {
    workspace_root().join("book")
}

/// Reruns the chapters named in `only` (all of them if it is empty). Each
/// chapter's output directory is emptied first, so no stale file survives.
fn regenerate(only: &[String]) -> Result<()> {
    if let Some(unknown) = only.iter().find(|n| !CHAPTERS.iter().any(|c| c.name == *n)) {
        let names: Vec<_> = CHAPTERS.iter().map(|c| c.name).collect();
        bail!("no chapter {unknown:?} (chapters: {})", names.join(", "));
    }
    let generated = book_dir().join("src").join("generated");
    let chosen: Vec<_> =
        CHAPTERS.iter().filter(|c| only.is_empty() || only.iter().any(|n| n == c.name)).collect();
    // On a terminal the chapters show their own progress (bars, one line per
    // fit or study); piped, they stay quiet and only these lines remain.
    let quiet = !std::io::stderr().is_terminal();
    let mut times: Vec<(&str, f64)> = Vec::new();
    for (i, chapter) in chosen.iter().enumerate() {
        let out = generated.join(chapter.name);
        if out.exists() {
            std::fs::remove_dir_all(&out)
                .with_context(|| format!("cannot clear {}", out.display()))?;
        }
        std::fs::create_dir_all(&out)
            .with_context(|| format!("cannot create {}", out.display()))?;
        eprintln!("[{}/{}] regenerating {} ...", i + 1, chosen.len(), chapter.name);
        let start = Instant::now();
        (chapter.run)(&out, quiet).with_context(|| format!("chapter {}", chapter.name))?;
        let seconds = start.elapsed().as_secs_f64();
        times.push((chapter.name, seconds));
        eprintln!(
            "[{}/{}] regenerated {} in {seconds:.1} s -> {}",
            i + 1,
            chosen.len(),
            chapter.name,
            relative(&out)
        );
    }
    report_times(&times);
    Ok(())
}

/// Prints how long regeneration took in all, and without the simulation-based
/// calibration study (a thousand fits, by far the longest chapter).
fn report_times(times: &[(&str, f64)]) {
    if times.len() < 2 {
        return;
    }
    let total: f64 = times.iter().map(|(_, s)| s).sum();
    let without_sbc: f64 = times.iter().filter(|(name, _)| *name != "sbc").map(|(_, s)| s).sum();
    eprintln!(
        "regenerated {} chapters in {total:.1} s ({without_sbc:.1} s without sbc)",
        times.len()
    );
}

/// Builds the HTML book into `book/book`.
fn build_book() -> Result<()> {
    let dir = book_dir();
    let mut book = mdbook_driver::MDBook::load(&dir)
        .with_context(|| format!("cannot load the book at {}", dir.display()))?;
    // TeX becomes MathML here, so pages need neither MathJax nor a network.
    book.with_preprocessor(math::MathPreprocessor);
    book.build().context("building the book failed")?;
    let index = book.build_dir_for("html").join("index.html");
    println!("book built: {}", relative(&index));
    Ok(())
}

/// `path` relative to the workspace root when it is inside it.
fn relative(path: &Path) -> String {
    let root = workspace_root();
    path.strip_prefix(&root).unwrap_or(path).display().to_string()
}
