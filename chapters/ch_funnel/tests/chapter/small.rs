//! Fast checks of the funnel chapter: a small seed sweep, determinism across
//! thread counts, and clean failures on bad flags.

use ch_funnel::sweep::{SweepConfig, run_sweep};
use ch_funnel::{Args, run};
use chapter_support::testing::{
    assert_thread_count_invariant_with_draws, expect_cli_failure, expect_one_line_error,
    expect_sampling_flag_failures, files_in,
};
use models::Parameterization;
use sampler::Settings;

#[test]
fn small_sweep_non_centred_rarely_diverges_and_centred_mostly_does() {
    let config = SweepConfig { targets: vec![0.9], seeds: 5, warmup: 500, draws: 500 };
    let base = Settings { seed: 20261123, ..Settings::default() };
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
    let a = assert_thread_count_invariant_with_draws(|r| {
        let flags = r.flags(&[
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
        ]);
        run(&Args::parse_from_iter(flags).unwrap()).unwrap();
    });
    assert_eq!(files_in(&a.path().join("draws")).len(), 16);
}

const BIN: &str = env!("CARGO_BIN_EXE_ch_funnel");

/// Runs the binary, expecting a clean one-line error and a non-zero exit.
fn expect_failure(extra: &[&str], needle: &str) {
    expect_cli_failure(BIN, extra, needle);
}

#[test]
fn bad_flags_fail_cleanly() {
    expect_sampling_flag_failures(BIN, &["--sweep-seeds", "1"]);
    expect_failure(&["--sweep-seeds", "0"], "at least 1 seed");
    expect_failure(&["--sweep-targets", "0.9,1"], "sweep target acceptance");
    expect_failure(&["--sweep-draws", "0"], "sweep's draws");
    expect_failure(&["--sweep-targets", "fast"], "invalid value");
    expect_one_line_error(BIN, &["--sweep-seeds", "0"]);
}
