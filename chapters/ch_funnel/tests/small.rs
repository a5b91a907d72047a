//! Fast checks of the funnel chapter: a small seed sweep, determinism across
//! thread counts, and clean failures on bad flags.

use ch_funnel::sweep::{SweepConfig, run_sweep};
use ch_funnel::{Args, run};
use chapter_support::testing::{assert_same_files, expect_cli_failure, files_in};
use models::Parameterization;
use sampler::Settings;

#[test]
fn small_sweep_non_centred_rarely_diverges_and_centred_mostly_does() {
    let config = SweepConfig {
        targets: vec![0.9],
        seeds: 5,
        warmup: 500,
        draws: 500,
    };
    let base = Settings {
        seed: 20261123,
        ..Settings::default()
    };
    let cells = run_sweep(&base, &config, true).unwrap();
    assert_eq!(cells.len(), 2);
    for cell in &cells {
        assert_eq!(cell.fits.len(), 5);
        let (div, total) = cell.divergent_total();
        assert_eq!(total, 5 * 4 * 500);
        match cell.parameterization {
            // Under 0.05% of all transitions.
            Parameterization::NonCentred => assert!(div * 2000 < total, "{div} of {total}"),
            // Most seeds see at least one divergence.
            Parameterization::Centred => {
                assert!(cell.seeds_with_divergences() >= 4, "{cell:?}")
            }
        }
    }
}

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (dir, threads) in [(&a, "1"), (&b, "3")] {
        let out = dir.path().to_str().unwrap().to_string();
        let draws = dir.path().join("draws");
        let args = Args::parse_from_iter([
            "ch_funnel",
            "--quiet",
            "--warmup",
            "200",
            "--draws",
            "200",
            "--sweep-seeds",
            "2",
            "--sweep-targets",
            "0.8,0.95",
            "--sweep-warmup",
            "200",
            "--sweep-draws",
            "200",
            "--threads",
            threads,
            "--out",
            &out,
            "--draws-dir",
            draws.to_str().unwrap(),
        ])
        .unwrap();
        run(&args).unwrap();
    }
    assert_same_files(a.path(), b.path());
    assert_same_files(&a.path().join("draws"), &b.path().join("draws"));
    assert_eq!(files_in(&a.path().join("draws")).len(), 16);
}

/// Runs the binary, expecting a clean one-line error and a non-zero exit.
fn expect_failure(extra: &[&str], needle: &str) {
    expect_cli_failure(env!("CARGO_BIN_EXE_ch_funnel"), extra, needle);
}

#[test]
fn bad_flags_fail_cleanly() {
    expect_failure(&["--chains", "0"], "chains must be at least 1");
    expect_failure(&["--target-accept", "1.5"], "target acceptance");
    expect_failure(&["--sweep-seeds", "0"], "at least 1 seed");
    expect_failure(&["--sweep-targets", "0.9,1"], "sweep target acceptance");
    expect_failure(&["--sweep-draws", "0"], "sweep's draws");
    expect_failure(&["--sweep-targets", "fast"], "invalid value");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a_file");
    std::fs::write(&file, "x").unwrap();
    let beneath = file.join("out");
    expect_failure(
        &["--out", beneath.to_str().unwrap(), "--sweep-seeds", "1"],
        "cannot create output directory",
    );
    let one_line = std::process::Command::new(env!("CARGO_BIN_EXE_ch_funnel"))
        .args(["--sweep-seeds", "0"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&one_line.stderr)
            .trim()
            .lines()
            .count(),
        1
    );
}
