//! The exercise checker, in the spirit of rustlings.
//!
//! - `cargo xtask exercises` lists every exercise as solved, unsolved or
//!   does not compile;
//! - `cargo xtask exercise NAME` runs one exercise's checks and shows, check by
//!   check, your values beside the expected ones (or the range they must fall
//!   in), or the compiler's errors; after a failure, one more step of a graded
//!   hint ([`hints`]); `--hint` adds the formula.
//!
//! Each exercise is a module of the `exercises` crate behind a cargo feature
//! of the same name. The checker builds `cargo test -p exercises
//! --no-default-features --features NAME`, so only that exercise is compiled:
//! a compile error in one exercise cannot make the others fail. An exercise
//! is *solved* when its checks pass, *unsolved* when they fail (a `todo!()`
//! panics, or an answer is wrong) and *does not compile* when the build fails.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use anyhow::{Context, Result, bail};

pub mod catalogue;
pub mod hints;
pub mod output;

use hints::HintState;

pub use catalogue::{EXERCISES, Exercise};

/// What the checker found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every check passes.
    Solved,
    /// It compiles, but a check fails (or panics on a `todo!()`).
    Unsolved,
    /// The exercise does not build.
    DoesNotCompile,
}

impl Status {
    /// How the status is printed.
    pub fn label(self) -> &'static str {
        match self {
            Status::Solved => "solved",
            Status::Unsolved => "unsolved",
            Status::DoesNotCompile => "does not compile",
        }
    }
}

/// The outcome of checking one exercise.
#[derive(Debug, Clone)]
pub struct Report {
    /// Solved, unsolved or does not compile.
    pub status: Status,
    /// The compiler's errors, or the checks' output.
    pub output: String,
}

/// Builds and tests exercises of the workspace at `root` with cargo.
pub struct Checker {
    root: PathBuf,
    target_dir: Option<PathBuf>,
    cargo: OsString,
}

impl Checker {
    /// A checker for the workspace at `root`, with cargo's usual target directory.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            target_dir: None,
            cargo: std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()),
        }
    }

    /// Builds into `dir` instead (`CARGO_TARGET_DIR`).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn with_target_dir(mut self, dir: &Path) -> Self {
        self.target_dir = Some(dir.to_path_buf());
        self
    }

    /// Where the graded hints remember how far they got.
    fn hint_file(&self) -> PathBuf {
        let target = self
            .target_dir
            .clone()
            .or_else(|| std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from))
            .unwrap_or_else(|| self.root.join("target"));
        target.join("xtask").join("exercise-hints.txt")
    }

    /// Builds exercise `name` alone and runs its checks.
    pub fn check(&self, name: &str) -> Result<Report> {
        find(name)?;
        let build = self.cargo_test(name, true)?;
        if !build.status.success() {
            let errors = String::from_utf8_lossy(&build.stderr).into_owned();
            // A broken dependency is not the exercise's fault: say so.
            if !errors.contains("could not compile `exercises`") {
                bail!("building the dependencies of exercise {name} failed:\n{errors}");
            }
            return Ok(Report { status: Status::DoesNotCompile, output: errors });
        }
        let run = self.cargo_test(name, false)?;
        let stdout = String::from_utf8_lossy(&run.stdout);
        if stdout.contains("running 0 tests") {
            bail!("exercise {name} has no checks: is exercises/checks/{name}.rs included?");
        }
        let status = if run.status.success() { Status::Solved } else { Status::Unsolved };
        // The checks' messages are on stdout; cargo's own lines on stderr
        // matter only if the tests did not run at all.
        let output = if stdout.contains("test result:") {
            stdout.into_owned()
        } else {
            format!("{stdout}{}", String::from_utf8_lossy(&run.stderr))
        };
        Ok(Report { status, output })
    }

    /// `cargo test --release -p exercises --lib` with only feature `name`;
    /// `--no-run` if `build_only`. Release, like `cargo xtask book` and the
    /// README's `cargo test --release`, so the dependencies those compiled
    /// are reused instead of compiled a second time in another profile.
    fn cargo_test(&self, name: &str, build_only: bool) -> Result<Output> {
        let mut cmd = Command::new(&self.cargo);
        cmd.current_dir(&self.root)
            .args(["test", "--release", "-p", "exercises", "--lib"])
            .args(["--no-default-features", "--features", name])
            .args(["--color", "never"])
            .env("RUST_BACKTRACE", "0")
            .stdin(Stdio::null());
        if build_only {
            cmd.args(["--no-run", "--quiet"]);
        } else {
            // Passing checks print your values too: show them.
            cmd.args(["--", "--show-output"]);
        }
        if let Some(dir) = &self.target_dir {
            cmd.env("CARGO_TARGET_DIR", dir);
        }
        cmd.output().with_context(|| format!("cannot run {}", self.cargo.to_string_lossy()))
    }
}

/// The exercise called `name`, or an error listing them all.
pub fn find(name: &str) -> Result<&'static Exercise> {
    EXERCISES.iter().find(|e| e.name == name).with_context(|| {
        let names: Vec<_> = EXERCISES.iter().map(|e| e.name).collect();
        format!("no exercise {name:?} (exercises: {})", names.join(", "))
    })
}

/// `cargo xtask exercises`: checks every exercise and prints a table.
pub fn list(root: &Path) -> Result<()> {
    let checker = Checker::new(root);
    eprintln!(
        "building and checking each exercise on its own; the first run compiles the dependencies ..."
    );
    println!("{:<14} {:<17} title", "exercise", "status");
    let mut solved = 0;
    let mut next = None;
    for e in EXERCISES {
        let report = checker.check(e.name)?;
        println!("{:<14} {:<17} {}", e.name, report.status.label(), e.title);
        if report.status == Status::Solved {
            solved += 1;
        } else if next.is_none() {
            next = Some(e.name);
        }
    }
    println!("\n{solved} of {} exercises solved.", EXERCISES.len());
    match next {
        Some(name) => {
            println!("Next: edit exercises/src/{name}.rs, then run `cargo xtask exercise {name}`.")
        }
        None => println!("All done. Compare with the worked answers in solutions/src/."),
    }
    Ok(())
}

/// `cargo xtask exercise NAME [--hint]`: runs one exercise's checks and shows,
/// check by check, your values beside the expected ones; after a failure, the next
/// step of the hints for the failing checks, and with `hint` their formulas. Fails
/// (non-zero exit) unless the exercise is solved.
pub fn run(root: &Path, name: &str, hint: bool) -> Result<()> {
    let exercise = find(name)?;
    eprintln!("checking {name} ({}) ...", exercise.title);
    let checker = Checker::new(root);
    let report = checker.check(name)?;
    let file = format!("exercises/src/{name}.rs");
    if report.status == Status::DoesNotCompile {
        print!("{}", report.output);
        bail!("{name} ({}) does not compile: see the errors above. Edit {file}.", exercise.title);
    }
    let results = output::parse(name, &report.output);
    if results.is_empty() {
        // Not libtest's usual output: show it as it came.
        print!("{}", report.output);
    } else {
        let source = std::fs::read_to_string(root.join(format!("exercises/checks/{name}.rs")))
            .unwrap_or_default();
        print!("{}", output::render(&output::in_source_order(results.clone(), &source)));
    }
    let mut state = HintState::load(checker.hint_file());
    if report.status == Status::Solved {
        state.reset(name);
        state.save();
        println!("\n{name} ({}): solved. Well done!", exercise.title);
        return Ok(());
    }
    let failed: Vec<String> =
        results.iter().filter(|r| !r.passed).map(|r| r.name.clone()).collect();
    println!();
    print!("{}", state.after_failure(exercise, &failed, hint));
    state.save();
    bail!(
        "{name} ({}) is not solved yet: the checks marked ✗ say what was expected and \
         what your code returned. Edit {file}.",
        exercise.title
    )
}

#[cfg(test)]
mod tests;
