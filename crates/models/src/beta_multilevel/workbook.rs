//! Reading the province's diploma-results workbook ("diploma-multiyear-sch-
//! list-annual.xlsx" on the Alberta open-data site) with `calamine`.
//!
//! The workbook has one row per course and school, and for each year the
//! columns `<year>Sch Students Writing`, `<year>Sch Exam Average %` and
//! `<year>Sch Exam Standard Deviation %` (the 2012 block spells the first
//! one without a space, so headers are compared with spaces removed and
//! case ignored). Schools without writers show `n/a`; they are skipped, as
//! are the footnote rows at the bottom.

use super::exam_data::{ExamData, ExamSchool};
use calamine::{Data, Reader, open_workbook_auto};
use std::path::{Path, PathBuf};

/// Why a workbook cannot be used; each message is one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// The file cannot be opened as a workbook.
    #[error("cannot read the workbook {}", path.display())]
    Open { path: PathBuf, source: calamine::Error },
    /// A sheet cannot be read.
    #[error("cannot read sheet '{sheet}' of {}", path.display())]
    Sheet { path: PathBuf, sheet: String, source: calamine::Error },
    /// No sheet has a header row with a `Diploma Course` column.
    #[error("{}: no sheet has a header row with a 'Diploma Course' column", path.display())]
    NoHeader { path: PathBuf },
    /// Sheets with a header, none usable: what each lacks.
    #[error("{}: {}", path.display(), problems.join("; "))]
    Unusable { path: PathBuf, problems: Vec<String> },
}

/// Rows searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// The columns the loader needs, with their published names.
struct Columns {
    course: usize,
    authority_code: usize,
    authority_name: Option<usize>,
    school_code: usize,
    school_name: Option<usize>,
    writers: usize,
    mean: usize,
    sd: usize,
}

/// A header cell, lower-cased with whitespace removed.
fn normalise(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// A cell as text (numbers in their shortest form, codes like `0009` kept).
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
        Data::Empty => String::new(),
    }
}

/// A numeric cell; `None` for `n/a`, empty or suppressed values.
fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Int(i) => Some(*i as f64),
        Data::Float(f) => Some(*f),
        Data::String(s) => s.trim().trim_end_matches('%').trim().parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

fn find_columns(header: &[Data], year: u32) -> Result<Columns, Vec<String>> {
    let names: Vec<String> = header.iter().map(|c| normalise(&text(c))).collect();
    let find = |name: &str| names.iter().position(|n| *n == normalise(name));
    let wanted = [
        "Diploma Course".to_string(),
        "Authority Code".to_string(),
        "School Code".to_string(),
        format!("{year}Sch Students Writing"),
        format!("{year}Sch Exam Average %"),
        format!("{year}Sch Exam Standard Deviation %"),
    ];
    let found: Vec<Option<usize>> = wanted.iter().map(|w| find(w)).collect();
    let missing: Vec<String> = wanted
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(w, _)| format!("'{w}'"))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let f = |i: usize| found[i].unwrap_or_default();
    Ok(Columns {
        course: f(0),
        authority_code: f(1),
        authority_name: find("Authority Name"),
        school_code: f(2),
        school_name: find("School Name"),
        writers: f(3),
        mean: f(4),
        sd: f(5),
    })
}

// ANCHOR: load
/// Reads one course's results for one year from the workbook at `path`:
/// every school with writers and a published average and standard deviation.
///
/// Fails with a one-line message naming what is missing: an unreadable file,
/// no sheet with a `Diploma Course` header, the year's columns, or the course.
pub fn load(path: &Path, course: &str, year: u32) -> Result<ExamData, WorkbookError> {
    let path_buf = || path.to_path_buf();
    let mut workbook = open_workbook_auto(path)
        .map_err(|source| WorkbookError::Open { path: path_buf(), source })?;
    let mut problems = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).map_err(|source| WorkbookError::Sheet {
            path: path_buf(),
            sheet: sheet.clone(),
            source,
        })?;
        let rows: Vec<&[Data]> = range.rows().collect();
        let Some(h) = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|r| r.iter().any(|c| normalise(&text(c)) == normalise("Diploma Course")))
        else {
            continue;
        };
        let cols = match find_columns(rows[h], year) {
            Ok(c) => c,
            Err(missing) => {
                problems.push(format!("sheet '{sheet}' has no column {}", missing.join(", ")));
                continue;
            }
        };
        let schools = read_rows(&rows[h + 1..], &cols, course);
        let listed =
            rows[h + 1..].iter().any(|r| r.get(cols.course).is_some_and(|c| text(c) == course));
        if !listed {
            problems.push(format!("sheet '{sheet}' lists no course '{course}'"));
            continue;
        }
        if schools.is_empty() {
            problems.push(format!(
                "sheet '{sheet}' has no school with writers in '{course}' for {year}"
            ));
            continue;
        }
        return Ok(ExamData {
            source: path
                .file_name()
                .map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into()),
            course: course.to_string(),
            year,
            schools,
        });
    }
    if problems.is_empty() {
        return Err(WorkbookError::NoHeader { path: path_buf() });
    }
    Err(WorkbookError::Unusable { path: path_buf(), problems })
}
// ANCHOR_END: load

/// The course's schools with a number of writers, an average and an sd.
fn read_rows(rows: &[&[Data]], cols: &Columns, course: &str) -> Vec<ExamSchool> {
    let cell = |r: &[Data], i: usize| r.get(i).cloned().unwrap_or(Data::Empty);
    rows.iter()
        .filter(|r| text(&cell(r, cols.course)) == course)
        .filter_map(|r| {
            let writers = number(&cell(r, cols.writers))?;
            let (mean, sd) = (number(&cell(r, cols.mean))?, number(&cell(r, cols.sd))?);
            (writers >= 1.0 && writers.fract() == 0.0 && mean > 0.0 && mean < 100.0).then(|| {
                ExamSchool {
                    authority_code: text(&cell(r, cols.authority_code)),
                    authority_name: cols
                        .authority_name
                        .map(|i| text(&cell(r, i)))
                        .unwrap_or_default(),
                    school_code: text(&cell(r, cols.school_code)),
                    school_name: cols.school_name.map(|i| text(&cell(r, i))).unwrap_or_default(),
                    writers: writers as u32,
                    mean_pct: mean,
                    sd_pct: sd,
                    true_mean: None,
                }
            })
        })
        .collect()
}
