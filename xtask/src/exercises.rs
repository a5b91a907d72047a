//! The exercise checker, in the spirit of rustlings.
//!
//! - `cargo xtask exercises` lists every exercise as solved, unsolved or
//!   does not compile;
//! - `cargo xtask exercise NAME` runs one exercise's checks and shows their
//!   messages (expected vs got), or the compiler's errors.
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

/// One exercise: a module `exercises/src/<name>.rs`, its checks in
/// `exercises/checks/<name>.rs`, its answer in `solutions/src/<name>.rs` and
/// its page `book/src/exercises/<name>.md`.
pub struct Exercise {
    /// Module, feature and file name.
    pub name: &'static str,
    /// What the book calls it.
    pub title: &'static str,
    /// Where to start when stuck.
    pub hint: &'static str,
}

/// Every exercise, in book order.
pub const EXERCISES: &[Exercise] = &[
    Exercise {
        name: "shrinkage",
        title: "5.8.1 Shrinkage arithmetic",
        hint: "B = sigma² / (sigma² + tau²); the shrunk estimate is (1 − B) y + B mu.",
    },
    Exercise {
        name: "non_centred",
        title: "5.8.2 The non-centred parameterisation",
        hint: "theta_j = mu + tau eta_j: differentiate through theta_j, and remember the + log tau of tau = exp(log tau).",
    },
    Exercise {
        name: "hospitals",
        title: "5.8.3 Eight hospitals: a hierarchical Poisson model",
        hint: "A Gamma(a, b) prior and y ~ Poisson(e lambda) give a Gamma(a + y, b + e) posterior.",
    },
    Exercise {
        name: "new_school",
        title: "5.8.4 Predicting a new school",
        hint: "For each posterior draw, theta_new = mu + tau z with a fresh z ~ Normal(0, 1).",
    },
    Exercise {
        name: "survey_sizes",
        title: "Try it yourself: one tiny region, one huge one",
        hint: "Given alpha and pi0, a region's shares are Dirichlet(alpha pi0 + y); B = alpha / (alpha + n).",
    },
    Exercise {
        name: "hsb_ppc",
        title: "High School and Beyond: a posterior predictive check",
        hint: "Replicate every student's score as line_j(ses) + sigma z, then take the sd of the school means.",
    },
    Exercise {
        name: "beta_mean_size",
        title: "Beta models: mean and sample size",
        hint: "Beta(a, b) has mean a / (a + b) and variance a b / ((a + b)^2 (a + b + 1)); put a = mu nu, b = (1 - mu) nu.",
    },
];

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
            return Ok(Report {
                status: Status::DoesNotCompile,
                output: errors,
            });
        }
        let run = self.cargo_test(name, false)?;
        let stdout = String::from_utf8_lossy(&run.stdout);
        if stdout.contains("running 0 tests") {
            bail!("exercise {name} has no checks: is exercises/checks/{name}.rs included?");
        }
        let status = if run.status.success() {
            Status::Solved
        } else {
            Status::Unsolved
        };
        // The checks' messages are on stdout; cargo's own lines on stderr
        // matter only if the tests did not run at all.
        let output = if stdout.contains("test result:") {
            stdout.into_owned()
        } else {
            format!("{stdout}{}", String::from_utf8_lossy(&run.stderr))
        };
        Ok(Report { status, output })
    }

    /// `cargo test -p exercises --lib` with only feature `name`; `--no-run`
    /// if `build_only`.
    fn cargo_test(&self, name: &str, build_only: bool) -> Result<Output> {
        let mut cmd = Command::new(&self.cargo);
        cmd.current_dir(&self.root)
            .args(["test", "-p", "exercises", "--lib"])
            .args(["--no-default-features", "--features", name])
            .args(["--color", "never"])
            .env("RUST_BACKTRACE", "0")
            .stdin(Stdio::null());
        if build_only {
            cmd.args(["--no-run", "--quiet"]);
        }
        if let Some(dir) = &self.target_dir {
            cmd.env("CARGO_TARGET_DIR", dir);
        }
        cmd.output()
            .with_context(|| format!("cannot run {}", self.cargo.to_string_lossy()))
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

/// `cargo xtask exercise NAME`: runs one exercise's checks and shows why it
/// fails, if it does. Fails (non-zero exit) unless the exercise is solved.
pub fn run(root: &Path, name: &str) -> Result<()> {
    let exercise = find(name)?;
    eprintln!("checking {name} ({}) ...", exercise.title);
    let report = Checker::new(root).check(name)?;
    print!("{}", report.output);
    let file = format!("exercises/src/{name}.rs");
    match report.status {
        Status::Solved => {
            println!("\n{name} ({}): solved. Well done!", exercise.title);
            Ok(())
        }
        Status::Unsolved => bail!(
            "{name} ({}) is not solved yet: the checks above say what was expected and what \
             your code returned. Edit {file}.\nhint: {}",
            exercise.title,
            exercise.hint
        ),
        Status::DoesNotCompile => bail!(
            "{name} ({}) does not compile: see the errors above. Edit {file}.",
            exercise.title
        ),
    }
}

#[cfg(test)]
mod tests;
