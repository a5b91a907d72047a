//! Bad data and bad flags end the binary with a one-line error and a
//! non-zero exit, before any sampling and without a panic.

use chapter_support::testing::{expect_cli_failure, expect_sampling_flag_failures};
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_ch_hsb");

/// Runs the binary with `extra` flags and a fresh `--out` directory,
/// expecting a clean error containing `needle` (see [`expect_cli_failure`]).
fn expect_failure(extra: &[&str], needle: &str) {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().to_str().unwrap();
    expect_cli_failure(BIN, &[extra, &["--out", out]].concat(), needle);
}

/// Writes `text` as a CSV file in `dir` and returns its path.
fn csv(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn bad_data_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.csv");
    expect_failure(&["--data", missing.to_str().unwrap()], "cannot read data file");
    let empty = csv(dir.path(), "empty.csv", "");
    expect_failure(&["--data", &empty], "is empty");
    let header_only = csv(dir.path(), "header.csv", "school,ses,mAch\n");
    expect_failure(&["--data", &header_only], "is empty");
    let no_ses = csv(dir.path(), "no_ses.csv", "school,SES,mAch\n1,0.5,10\n");
    expect_failure(&["--data", &no_ses], "no column `ses`");
    let text = csv(dir.path(), "text.csv", "school,ses,mAch\n1,0.5,10\n1,0.2,lots\n");
    expect_failure(&["--data", &text], "line 3, column `mAch`: \"lots\" is not a number");
    let ragged = csv(dir.path(), "ragged.csv", "school,ses,mAch\n1,0.5\n");
    expect_failure(&["--data", &ragged], "ragged.csv");
}

#[test]
fn bad_flags_fail_cleanly() {
    expect_sampling_flag_failures(BIN, &[]);
    expect_failure(&["--export-log-lik"], "--draws-dir");
}
