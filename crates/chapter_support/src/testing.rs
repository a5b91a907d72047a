//! Assertions the chapters' tests share: committed outputs against a fresh
//! run, and command-line errors that must be one clean line.

use std::path::{Path, PathBuf};
use std::process::Command;

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
    let name = |p: &PathBuf| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let (fa, fb) = (files_in(a), files_in(b));
    assert_eq!(
        fa.iter().map(name).collect::<Vec<_>>(),
        fb.iter().map(name).collect::<Vec<_>>(),
        "different files in {a:?} and {b:?}"
    );
    for (x, y) in fa.iter().zip(&fb) {
        assert!(
            std::fs::read(x).ok() == std::fs::read(y).ok(),
            "{} differs from {}",
            x.display(),
            y.display()
        );
    }
}

/// Runs the chapter binary `bin` with `args` and `--quiet`, and fails unless
/// it exits non-zero without panicking, prints nothing on stdout, and says
/// `needle` on stderr — in one line, unless it is clap's usage error (which
/// ends by pointing at `--help`).
pub fn expect_cli_failure(bin: &str, args: &[&str], needle: &str) {
    let out = Command::new(bin)
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    assert!(
        stderr.contains(needle),
        "{args:?}: expected {needle:?} in {stderr}"
    );
    if !stderr.contains("--help") {
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "{args:?}: not one line: {stderr}"
        );
    }
    assert!(out.stdout.is_empty(), "{args:?} printed results");
}
