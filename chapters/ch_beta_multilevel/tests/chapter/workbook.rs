//! The workbook loader, on small workbooks the test writes itself in the
//! layout of the province's file (calamine only reads, so rust_xlsxwriter writes).

use models::beta_multilevel::workbook::load;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

const HEADER: [&str; 9] = [
    "Diploma Course",
    "Authority Type",
    "Authority Code",
    "Authority Name",
    "School Code",
    "School Name",
    "2016Sch Students Writing",
    "2016Sch Exam Average %",
    "2016Sch Exam Standard Deviation %",
];

/// A cell: text or a number.
enum C {
    T(&'static str),
    N(f64),
}

fn row(
    course: &'static str,
    auth: &'static str,
    school: &'static str,
    n: C,
    mean: C,
    sd: C,
) -> Vec<C> {
    vec![
        C::T(course),
        C::T("Public"),
        C::T(auth),
        C::T("An Authority"),
        C::T(school),
        C::T("A School"),
        n,
        mean,
        sd,
    ]
}

/// Writes a workbook with a title line, the header, `rows` and a footnote.
fn write(dir: &Path, name: &str, header: &[&str], rows: Vec<Vec<C>>) -> PathBuf {
    let path = dir.join(name);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Diploma results by school").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (r as u32 + 2, c as u16);
            match cell {
                C::T(t) => ws.write_string(r, c, *t).unwrap(),
                C::N(x) => ws.write_number(r, c, *x).unwrap(),
            };
        }
    }
    let foot = rows.len() as u32 + 2;
    ws.write_string(foot, 0, "1. The 2015/2016 results do not include exempted students.").unwrap();
    wb.save(&path).unwrap();
    path
}

fn good_rows() -> Vec<Vec<C>> {
    use C::*;
    vec![
        row("Mathematics 30-1", "0009", "0012", N(113.0), N(63.9), N(20.0)),
        row("Mathematics 30-1", "0015", "0021", T("59"), T("84.8"), T("10.8")),
        row("Mathematics 30-1", "0019", "1272", N(12.0), N(63.3), N(15.5)),
        row("Mathematics 30-1", "0019", "4471", N(190.0), N(61.8), N(20.0)),
        row("Mathematics 30-1", "0019", "9999", T("n/a"), T("n/a"), T("n/a")),
        row("Physics 30", "0019", "4471", N(80.0), N(70.1), N(14.0)),
    ]
}

#[test]
fn reads_the_course_and_year_and_skips_schools_without_writers() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "results.xlsx", &HEADER, good_rows());
    let data = load(&path, "Mathematics 30-1", 2016).unwrap();
    assert_eq!(data.source, "results.xlsx");
    assert_eq!(data.schools.len(), 4, "the n/a school and Physics are skipped");
    let first = &data.schools[0];
    assert_eq!((first.authority_code.as_str(), first.school_code.as_str()), ("0009", "0012"));
    assert_eq!((first.writers, first.mean_pct, first.sd_pct), (113, 63.9, 20.0));
    assert_eq!(data.schools[1].writers, 59, "numbers stored as text are read");
    assert!(data.schools.iter().all(|s| s.true_mean.is_none()));
    let kept = data.select(30);
    assert_eq!(kept.schools.len(), 3);
    assert_eq!(kept.authorities, vec!["0009", "0015", "0019"]);
    assert_eq!(kept.summaries[2].authority, 2);
    assert!((kept.summaries[0].mean - 0.639).abs() < 1e-12);
    let physics = load(&path, "Physics 30", 2016).unwrap();
    assert_eq!(physics.schools.len(), 1);
}

#[test]
fn headers_match_without_spaces_or_case() {
    // The 2012 block of the real file reads "2012SchStudents Writing".
    let dir = tempfile::tempdir().unwrap();
    let mut header = HEADER;
    header[6] = "2016SchStudents Writing";
    header[0] = "DIPLOMA COURSE";
    let path = write(dir.path(), "r.xlsx", &header, good_rows());
    assert_eq!(load(&path, "Mathematics 30-1", 2016).unwrap().schools.len(), 4);
}

fn error_of(path: &Path, course: &str, year: u32) -> String {
    format!("{:#}", load(path, course, year).unwrap_err())
}

#[test]
fn a_wrong_workbook_names_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.xlsx", &HEADER, good_rows());
    let e = error_of(&path, "Mathematics 30-1", 2015);
    assert!(e.contains("'2015Sch Students Writing'"), "{e}");
    assert!(e.contains("'2015Sch Exam Average %'"), "{e}");
    let e = error_of(&path, "Chemistry 30", 2016);
    assert!(e.contains("no course 'Chemistry 30'"), "{e}");

    let mut header = HEADER;
    header[7] = "2016Sch School Average %";
    let path = write(dir.path(), "no_exam.xlsx", &header, good_rows());
    let e = error_of(&path, "Mathematics 30-1", 2016);
    assert!(e.contains("no column '2016Sch Exam Average %'"), "{e}");

    let path = write(dir.path(), "no_header.xlsx", &["Course", "School"], vec![]);
    let e = error_of(&path, "Mathematics 30-1", 2016);
    assert!(e.contains("'Diploma Course'"), "{e}");

    let only_na = vec![row("Mathematics 30-1", "1", "2", C::T("n/a"), C::T("n/a"), C::T("n/a"))];
    let path = write(dir.path(), "na.xlsx", &HEADER, only_na);
    let e = error_of(&path, "Mathematics 30-1", 2016);
    assert!(e.contains("no school with writers"), "{e}");

    let text = dir.path().join("fake.xlsx");
    std::fs::write(&text, "not a workbook").unwrap();
    assert!(error_of(&text, "Mathematics 30-1", 2016).contains("cannot read the workbook"));
    let missing = dir.path().join("missing.xlsx");
    assert!(error_of(&missing, "Mathematics 30-1", 2016).contains("cannot read the workbook"));
}

#[test]
fn the_binary_reports_a_bad_workbook_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.xlsx", &HEADER, good_rows());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ch_beta_multilevel"))
        .args(["--quiet", "--year", "2013", "--out"])
        .arg(dir.path().join("out"))
        .arg("--data")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("'2013Sch Exam Average %'"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn a_real_layout_workbook_runs_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.xlsx", &HEADER, good_rows());
    let args = ch_beta_multilevel::Args::parse_from_iter([
        "ch_beta_multilevel",
        "--quiet",
        "--warmup",
        "200",
        "--draws",
        "200",
        "--data",
        path.to_str().unwrap(),
        "--min-writers",
        "50",
        "--out",
        dir.path().join("out").to_str().unwrap(),
    ])
    .unwrap();
    ch_beta_multilevel::run(&args).unwrap();
    let models = std::fs::read_to_string(dir.path().join("out/exam_models.md")).unwrap();
    assert!(models.contains("— (real data)"), "{models}");
    let overview = std::fs::read_to_string(dir.path().join("out/exam_overview.md")).unwrap();
    assert!(overview.starts_with("Data: r.xlsx"), "{overview}");
    let csv = std::fs::read_to_string(dir.path().join("out/exam_schools.csv")).unwrap();
    assert_eq!(csv.lines().count(), 4, "header and three schools with 50 or more writers");
}
