//! Short runs: the outputs do not depend on the thread count, and the CSV
//! export writes the pointwise log likelihood only when asked.

use ch_hsb::{Chapter, run};
use chapter_support::testing::{args, assert_thread_count_invariant_with_draws, files_in};
use std::path::{Path, PathBuf};

/// The first `per_school` students of every school of the book's data,
/// written as a CSV file into `dir`: every school, model, table and figure
/// of the chapter, at a fraction of the cost of all 7185 students.
fn first_students_of_each_school(dir: &Path, per_school: usize) -> PathBuf {
    let text = std::fs::read_to_string(ch_hsb::DEFAULT_DATA).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let school = header.split(',').position(|c| c == "school").unwrap();
    let mut seen = std::collections::HashMap::new();
    let mut kept = vec![header];
    for line in lines {
        let count = seen.entry(line.split(',').nth(school).unwrap()).or_insert(0);
        *count += 1;
        if *count <= per_school {
            kept.push(line);
        }
    }
    assert_eq!(seen.len(), 160, "every school is kept");
    let path = dir.join("hsb_first_students.csv");
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    path
}

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let data_dir = tempfile::tempdir().unwrap();
    let data = first_students_of_each_school(data_dir.path(), 6);
    let data = data.to_str().unwrap();
    let a = assert_thread_count_invariant_with_draws(|r| {
        let flags = r.flags(&["--data", data, "--warmup", "100", "--draws", "50"]);
        run(&args::<Chapter>(&flags)).unwrap();
    });
    let draws = files_in(&a.path().join("draws"));
    assert_eq!(draws.len(), 20, "5 models x 4 chains");
    let text = std::fs::read_to_string(&draws[0]).unwrap();
    assert!(!text.contains("log_lik.1"), "log_lik is written only on request");
}

#[test]
fn log_lik_is_exported_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let draws = dir.path().join("draws");
    run(&args::<Chapter>(&[
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
