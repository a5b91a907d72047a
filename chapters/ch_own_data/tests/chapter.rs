//! Your own data: the default run's committed outputs, the tiny file with a one-row
//! group (partial pooling fits it, no pooling is skipped with the reason), bad files
//! (a one-line error naming file, line and column, never a panic), determinism.

use ch_own_data::{Chapter, compute, run};
use chapter_support::reference_platform_test;
use chapter_support::testing::{
    args, assert_default_outputs_committed, assert_default_run_stays_out_of_book,
    assert_thread_count_invariant, assert_thread_count_invariant_with_draws, expect_cli_failure,
};
use std::path::{Path, PathBuf};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/tiny_groups.csv");
const BIN: &str = env!("CARGO_BIN_EXE_ch_own_data");

/// The tiny file's flags, with short chains.
fn tiny(predictor: bool) -> Vec<&'static str> {
    let mut v = vec!["--data", TINY, "--group", "class", "--outcome", "score"];
    if predictor {
        v.extend(["--predictor", "hours"]);
    }
    v.extend(["--warmup", "500", "--draws", "500"]);
    v
}

#[test]
fn a_one_row_group_fits_under_partial_pooling_and_no_pooling_says_why_not() {
    for predictor in [false, true] {
        let o = compute(&args::<Chapter>(&tiny(predictor))).unwrap();
        let names: Vec<&str> = o.fits.iter().map(|f| f.pooling.label()).collect();
        assert_eq!(names, ["partial pooling", "complete pooling"]);
        let reason = o.no_pooling_skipped.as_deref().unwrap();
        assert!(reason.contains("line 13, column `class`: group \"Elm\" has 1 row(s)"), "{reason}");
        // Elm's intercept is less certain than that of Ash (five rows), and without a
        // predictor it is pulled from its one score (11.7) towards the population mean.
        let p = o.partial();
        let draws = |j: usize| p.fit.pooled_named(&p.model.intercept_name(j).unwrap()).unwrap();
        let summary = |j: usize| diagnostics::summarize("b", &[draws(j)], 0.9);
        let (ash, elm) = (summary(0), summary(3));
        assert!(elm.sd > ash.sd, "Elm's sd {} vs Ash's {}", elm.sd, ash.sd);
        if !predictor {
            let mu = diagnostics::summarize("mu", &[p.fit.pooled_named("mu").unwrap()], 0.9);
            assert!(11.7 < elm.mean && elm.mean < mu.mean, "Elm {} mu {}", elm.mean, mu.mean);
        }
        assert_eq!(o.comparison.rows.len(), 2);
        assert!(o.comparison.rows.iter().all(|r| r.elpd.is_finite()));
    }
}

reference_platform_test!(
    committed_book_outputs_are_up_to_date => assert_default_outputs_committed::<Chapter>()
);

/// A reader's run (no `--out`) goes to the scratch directory `out/own_data`.
#[test]
fn a_run_without_out_leaves_the_book_alone() {
    let mut flags = tiny(true);
    flags.extend(["--seed", "7"]);
    assert_default_run_stays_out_of_book(BIN, "own_data", &flags);
}

#[test]
fn outputs_and_draws_do_not_depend_on_the_thread_count() {
    assert_thread_count_invariant_with_draws(|r| {
        run(&args::<Chapter>(&r.flags(&tiny(true)))).unwrap();
    });
    assert_thread_count_invariant(|r| {
        run(&args::<Chapter>(&r.flags(&tiny(false)))).unwrap();
    });
}

/// Writes `text` as `name` in a fresh directory and returns both.
fn csv(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Runs the binary on `text` with columns g, y and predictor x, expecting one line
/// naming the file and `needle`.
fn bad_file(text: &str, needle: &str) {
    let (_dir, path) = csv("bad.csv", text);
    let out = tempfile::tempdir().unwrap();
    let p = path.to_str().unwrap();
    let o = out.path().to_str().unwrap();
    let flags = ["--data", p, "--group", "g", "--outcome", "y", "--predictor", "x", "--out", o];
    expect_cli_failure(BIN, &flags, &format!("error: data file {p}"));
    expect_cli_failure(BIN, &flags, needle);
}

#[test]
fn bad_files_give_one_line_naming_file_line_and_column() {
    bad_file("g,y\na,1\n", "has no column `x` (its columns are: g, y)");
    bad_file("g,y,x\na,1,0\nb,high,1\n", "line 3, column `y`: \"high\" is not a finite number");
    bad_file("g,y,x\na,1,0\nb,2,\n", "line 3, column `x`: \"\" is not a finite number");
    bad_file("g,y,x\na,1,0\n,2,1\n", "line 3, column `g`: \"\" is not a group name");
    bad_file("g,y,x\na,1,NaN\n", "line 2, column `x`: \"NaN\" is not a finite number");
    bad_file("", "is empty");
    bad_file("g,y,x\n", "is empty");
    bad_file("g,y,x\na,1,0\nb,2\n", "found record with 2 fields");
    let missing = Path::new("/no/such/file.csv").to_str().unwrap();
    expect_cli_failure(
        BIN,
        &["--data", missing, "--group", "g", "--outcome", "y"],
        "cannot read data file /no/such/file.csv",
    );
}

#[test]
fn data_without_its_columns_is_a_clear_error() {
    expect_cli_failure(BIN, &["--data", TINY], "--data needs --group COL and --outcome COL");
    expect_cli_failure(BIN, &["--data", TINY, "--group", "class"], "--outcome COL");
    expect_cli_failure(BIN, &["--draws", "0"], "draws");
}
