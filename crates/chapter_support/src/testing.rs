//! Assertions the chapters' tests share: committed outputs against a fresh
//! run, the same outputs whatever the thread count, and command-line errors
//! that must be one clean line.
//!
//! These are test helpers: they fail by panicking, with a message that names
//! the file or flags at fault. A chapter's default run, shared by all the
//! tests of a binary, is in [`default_run`].

pub mod default_run;

pub use default_run::{
    args, assert_default_outputs_committed, assert_run_thread_count_invariant, default_outcome,
};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// A test of exact bytes (a snapshot of sampled numbers, the committed
/// outputs), which runs on the reference platform, x86_64 Linux (glibc), and
/// is reported as ignored, with that reason, elsewhere: other platforms' `exp`
/// and `ln` may differ in the last bit, and NUTS trajectories amplify that.
///
/// ```ignore
/// chapter_support::reference_platform_test!(
///     /// Rounded numbers of the default run, locked by a snapshot.
///     default_run_snapshot => insta::assert_snapshot!(rounded_numbers(outcome()))
/// );
/// ```
#[macro_export]
macro_rules! reference_platform_test {
    ($(#[$doc:meta])* $name:ident => $body:expr) => {
        $(#[$doc])*
        #[test]
        #[cfg_attr(
            not(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu")),
            ignore = "exact bytes are promised on x86_64 Linux only"
        )]
        fn $name() {
            $body;
        }
    };
}

/// The regular files directly in `dir`, sorted by path.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

/// Fails unless `a` and `b` hold the same file names with byte-identical
/// contents, naming the first file that differs.
pub fn assert_same_files(a: &Path, b: &Path) {
    compare_files(a, b, "");
}

/// [`assert_same_files`], with `hint` appended to every failure message.
fn compare_files(a: &Path, b: &Path, hint: &str) {
    let name = |p: &PathBuf| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let (fa, fb) = (files_in(a), files_in(b));
    assert_eq!(
        fa.iter().map(name).collect::<Vec<_>>(),
        fb.iter().map(name).collect::<Vec<_>>(),
        "different files in {a:?} and {b:?}{hint}"
    );
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {p:?}: {e}"));
    for (x, y) in fa.iter().zip(&fb) {
        assert!(read(x) == read(y), "{} differs from {}{hint}", x.display(), y.display());
    }
}

/// Where the book keeps the committed outputs of chapter `name` (the crate
/// `ch_<name>`): `book/src/generated/<name>`.
pub fn committed_outputs(name: &str) -> PathBuf {
    crate::output::book_out_dir(name)
}

/// Fails unless `fresh`, the output directory of a default run of chapter
/// `name`, holds exactly the committed outputs ([`committed_outputs`]) byte
/// for byte. The message says how to regenerate them.
pub fn assert_committed(name: &str, fresh: &Path) {
    let hint = format!(": regenerate with `cargo xtask book --chapter {name}`");
    compare_files(&committed_outputs(name), fresh, &hint);
}

/// One of the two runs of [`assert_thread_count_invariant`] and
/// [`assert_thread_count_invariant_with_draws`]: how many threads it may use
/// and where it writes.
pub struct ThreadRun {
    /// The thread count: 1 for the first run, 3 for the second.
    pub threads: usize,
    /// This run's own empty temporary directory, for its outputs.
    pub out: PathBuf,
    threads_flag: String,
    out_flag: String,
    draws_flag: Option<String>,
}

impl ThreadRun {
    /// The command line after the binary's name: `extra`, then
    /// `--threads N --out DIR`, then `--draws-dir DIR/draws` when the draws
    /// are compared too.
    pub fn flags<'a>(&'a self, extra: &[&'a str]) -> Vec<&'a str> {
        let mut v = extra.to_vec();
        v.extend(["--threads", &self.threads_flag, "--out", &self.out_flag]);
        if let Some(draws) = &self.draws_flag {
            v.extend(["--draws-dir", draws]);
        }
        v
    }
}

/// The thread counts the determinism checks compare.
const THREAD_COUNTS: [usize; 2] = [1, 3];

/// Calls `run` twice, for 1 and then 3 threads, each into its own fresh
/// temporary directory ([`ThreadRun::out`]), and fails unless the two
/// directories hold the same non-empty set of files with byte-identical
/// contents: a chapter's outputs must depend on its seed alone. `run` must
/// write its outputs (for instance by passing [`ThreadRun::flags`] to the
/// chapter's `run`) and panic if the chapter fails. Returns the directory of
/// the 1-thread run, for further checks.
pub fn assert_thread_count_invariant(run: impl FnMut(&ThreadRun)) -> TempDir {
    thread_runs(false, run)
}

/// [`assert_thread_count_invariant`] for a chapter that also exports its
/// draws: [`ThreadRun::flags`] adds `--draws-dir <out>/draws`, and the two
/// runs' `draws` directories must also be non-empty and byte-identical.
pub fn assert_thread_count_invariant_with_draws(run: impl FnMut(&ThreadRun)) -> TempDir {
    thread_runs(true, run)
}

fn thread_runs(with_draws: bool, mut run: impl FnMut(&ThreadRun)) -> TempDir {
    let dirs = THREAD_COUNTS.map(|threads| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let text = |p: &Path| p.to_str().expect("a UTF-8 temporary path").to_string();
        let out = dir.path().to_path_buf();
        run(&ThreadRun {
            threads,
            threads_flag: threads.to_string(),
            out_flag: text(&out),
            draws_flag: with_draws.then(|| text(&out.join("draws"))),
            out,
        });
        dir
    });
    let [a, b] = dirs;
    let mut compared = vec![(a.path().to_path_buf(), b.path().to_path_buf())];
    if with_draws {
        compared.push((a.path().join("draws"), b.path().join("draws")));
    }
    let hint = format!(" (threads {} and {})", THREAD_COUNTS[0], THREAD_COUNTS[1]);
    for (x, y) in &compared {
        assert!(!files_in(x).is_empty(), "the run wrote nothing in {x:?}");
        compare_files(x, y, &hint);
    }
    a
}

/// Runs `bin` with `args` as given, and returns what it said.
fn output_of(bin: &str, args: &[&str]) -> Output {
    Command::new(bin).args(args).output().unwrap_or_else(|e| panic!("cannot run {bin}: {e}"))
}

/// Runs the chapter binary `bin` with `args` and `--quiet`, and fails unless
/// it exits non-zero without panicking, prints nothing on stdout, and says
/// `needle` on stderr — in one line, unless it is clap's usage error (which
/// ends by pointing at `--help`).
pub fn expect_cli_failure(bin: &str, args: &[&str], needle: &str) {
    let out = output_of(bin, &[args, &["--quiet"]].concat());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    assert!(stderr.contains(needle), "{args:?}: expected {needle:?} in {stderr}");
    if !stderr.contains("--help") {
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: not one line: {stderr}");
    }
    assert!(out.stdout.is_empty(), "{args:?} printed results");
}

/// [`expect_cli_failure`] with `--out` beneath a regular file, followed by
/// `extra`: the binary must say it cannot create the output directory.
pub fn expect_out_dir_failure(bin: &str, extra: &[&str]) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("a_file");
    std::fs::write(&file, "x").unwrap_or_else(|e| panic!("cannot write {file:?}: {e}"));
    let beneath = file.join("out");
    let beneath = beneath.to_str().expect("a UTF-8 temporary path");
    expect_cli_failure(
        bin,
        &[&["--out", beneath], extra].concat(),
        "cannot create output directory",
    );
}

/// The shared sampling flags' errors through chapter binary `bin`: zero
/// chains, a target acceptance of 1.5 and a `--draws` that is not a number
/// each fail cleanly ([`expect_cli_failure`]), and so does `--out` beneath a
/// regular file, followed by `extra` ([`expect_out_dir_failure`]).
pub fn expect_sampling_flag_failures(bin: &str, extra: &[&str]) {
    expect_cli_failure(bin, &["--chains", "0"], "chains must be at least 1");
    expect_cli_failure(bin, &["--target-accept", "1.5"], "target acceptance");
    expect_cli_failure(bin, &["--draws", "many"], "invalid value");
    expect_out_dir_failure(bin, extra);
}

/// Runs `bin` with `args` as given (without `--quiet`, so progress output is
/// on), and fails unless it exits non-zero with exactly one line on stderr.
pub fn expect_one_line_error(bin: &str, args: &[&str]) {
    let out = output_of(bin, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} should fail");
    assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: not one line: {stderr}");
}

/// Every file directly in `dir` with its bytes, sorted by path.
fn contents_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_in(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {p:?}: {e}"));
            (p, bytes)
        })
        .collect()
}

/// Runs the chapter binary `bin` with `args` and no `--out`, from the
/// workspace root, as a reader would, and fails unless it wrote into its
/// scratch directory `out/<chapter>`, said so on stderr, and left the
/// book's committed outputs (`book/src/generated/<chapter>`) untouched.
pub fn assert_default_run_stays_out_of_book(bin: &str, chapter: &str, args: &[&str]) {
    let root = crate::output::workspace_root();
    let book = committed_outputs(chapter);
    let before = contents_of(&book);
    let out = Command::new(bin)
        .args(args)
        .current_dir(&root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{bin} {args:?} failed: {stderr}");
    let scratch = format!("out/{chapter}");
    assert!(
        stderr.contains(&format!("wrote figures and tables to {scratch}")),
        "{bin} did not report its scratch directory: {stderr}"
    );
    assert!(
        !files_in(&crate::output::default_out_dir(chapter)).is_empty(),
        "{bin} wrote nothing into {scratch}"
    );
    assert!(contents_of(&book) == before, "{bin} without --out changed {}", book.display());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Writes `a.txt` (always the same) and `z.txt` (`last`) into `dir`.
    fn write_two(dir: &Path, last: &str) {
        fs::write(dir.join("a.txt"), "same").unwrap();
        fs::write(dir.join("z.txt"), last).unwrap();
    }

    #[test]
    fn identical_runs_pass_and_the_first_run_is_returned() {
        let mut runs = Vec::new();
        let a = assert_thread_count_invariant_with_draws(|r| {
            runs.push((r.threads, r.out.clone()));
            write_two(&r.out, "same");
            fs::create_dir(r.out.join("draws")).unwrap();
            write_two(&r.out.join("draws"), "same");
        });
        assert_eq!(runs.len(), 2);
        assert_eq!((runs[0].0, runs[1].0), (1, 3));
        assert_ne!(runs[0].1, runs[1].1);
        assert_eq!(a.path(), runs[0].1);
    }

    #[test]
    #[should_panic(expected = "z.txt differs")]
    fn a_difference_in_the_last_file_fails() {
        assert_thread_count_invariant(|r| write_two(&r.out, &r.threads.to_string()));
    }

    #[test]
    #[should_panic(expected = "z.txt differs")]
    fn a_difference_in_the_draws_fails() {
        assert_thread_count_invariant_with_draws(|r| {
            write_two(&r.out, "same");
            fs::create_dir(r.out.join("draws")).unwrap();
            write_two(&r.out.join("draws"), &r.threads.to_string());
        });
    }

    #[test]
    #[should_panic(expected = "wrote nothing")]
    fn a_run_that_writes_nothing_fails() {
        assert_thread_count_invariant(|_| {});
    }

    #[test]
    fn flags_follow_the_chapter_flags() {
        assert_thread_count_invariant_with_draws(|r| {
            let out = r.out.to_str().unwrap();
            let draws = r.out.join("draws");
            let threads = r.threads.to_string();
            assert_eq!(
                r.flags(&["--draws", "300"]),
                [
                    "--draws",
                    "300",
                    "--threads",
                    &threads,
                    "--out",
                    out,
                    "--draws-dir",
                    draws.to_str().unwrap()
                ]
            );
            write_two(&r.out, "same");
            fs::create_dir(draws).unwrap();
            write_two(&r.out.join("draws"), "same");
        });
        assert_thread_count_invariant(|r| {
            let threads = r.threads.to_string();
            let expected = ["--threads", &threads, "--out", r.out.to_str().unwrap()];
            assert_eq!(r.flags(&[]), expected);
            write_two(&r.out, "same");
        });
    }
}
