//! Short runs: the outputs do not depend on the thread count, and the CSV
//! export writes the pointwise log likelihood only when asked.

use ch_hsb::{Args, run};
use chapter_support::testing::{assert_thread_count_invariant_with_draws, files_in};

fn args(extra: &[&str]) -> Args {
    let mut v = vec!["ch_hsb", "--quiet"];
    v.extend_from_slice(extra);
    Args::parse_from_iter(v).unwrap()
}

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let a = assert_thread_count_invariant_with_draws(|r| {
        run(&args(&r.flags(&["--warmup", "100", "--draws", "50"]))).unwrap();
    });
    let draws = files_in(&a.path().join("draws"));
    assert_eq!(draws.len(), 20, "5 models x 4 chains");
    let text = std::fs::read_to_string(&draws[0]).unwrap();
    assert!(
        !text.contains("log_lik.1"),
        "log_lik is written only on request"
    );
}

#[test]
fn log_lik_is_exported_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let draws = dir.path().join("draws");
    run(&args(&[
        "--chains",
        "1",
        "--warmup",
        "20",
        "--draws",
        "10",
        "--out",
        dir.path().to_str().unwrap(),
        "--draws-dir",
        draws.to_str().unwrap(),
        "--export-log-lik",
    ]))
    .unwrap();
    let path = draws.join("hsb_partial_1.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let header = text.lines().find(|l| l.starts_with("lp__")).unwrap();
    assert!(header.contains(",sigma,log_lik.1,") && header.ends_with(",log_lik.7185"));
    assert_eq!(text.lines().filter(|l| !l.starts_with('#')).count(), 11);
}
