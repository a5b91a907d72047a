//! Loading High School and Beyond (1982) from CSV into typed rows.
//!
//! The file is `mlmRev::Hsb82` as Rdatasets packages it: one row per student
//! with the school id (`school`), socio-economic status (`ses`) and math
//! achievement (`mAch`); other columns are ignored. Schools are numbered
//! 1…J in ascending order of their id, as R's `as.integer(factor(school))`
//! numbers them. Every problem with the file is a [`DataError`] whose message
//! is one line naming the file, and the line and column where it applies.
//!
//! Reference: Raudenbush & Bryk (2002), *Hierarchical Linear Models*, 2nd ed.,
//! ch. 4 (the data set).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Columns the chapter needs, as named in the file.
pub const COLUMNS: [&str; 3] = ["school", "ses", "mAch"];

// ANCHOR: row
/// One student, as read from the file.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct StudentRow {
    /// The school's id in the original survey (e.g. 1224).
    pub school: u32,
    /// Socio-economic status (a standardised composite).
    pub ses: f64,
    /// Math achievement score.
    #[serde(rename = "mAch")]
    pub math: f64,
}
// ANCHOR_END: row

pub use crate::data_error::DataError;

/// The data set, with schools numbered `0..J` in ascending order of id.
#[derive(Debug, Clone, PartialEq)]
pub struct Hsb {
    /// The rows in file order.
    pub rows: Vec<StudentRow>,
    /// `school[i]`: 0-based school number of row `i` (school `j` is the
    /// `j`-th smallest id; the book prints it as `j + 1`).
    pub school: Vec<usize>,
    /// Original ids of schools `0..J`, ascending.
    pub school_ids: Vec<u32>,
    /// Number of students in each school.
    pub sizes: Vec<usize>,
}

impl Hsb {
    /// Reads and checks the CSV file at `path`.
    pub fn load(path: &Path) -> Result<Self, DataError> {
        let file = std::fs::File::open(path)
            .map_err(|source| DataError::Io { path: path.to_path_buf(), source })?;
        Self::from_reader(file, path)
    }

    /// Reads CSV text from `reader`; `path` only names it in errors.
    pub fn from_reader(reader: impl std::io::Read, path: &Path) -> Result<Self, DataError> {
        let path = path.to_path_buf();
        let other = |e: csv::Error, path: &PathBuf| DataError::from_csv(e, path);
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let headers = csv.headers().map_err(|e| other(e, &path))?.clone();
        if headers.is_empty() || headers.iter().all(|h| h.trim().is_empty()) {
            return Err(DataError::Empty { path });
        }
        for column in COLUMNS {
            if !headers.iter().any(|h| h == column) {
                return Err(DataError::MissingColumn {
                    path,
                    column: column.into(),
                    found: headers.iter().collect::<Vec<_>>().join(", "),
                });
            }
        }
        let mut rows = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            match csv.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(other(e, &path)),
            }
            let line = record.position().map_or(0, |p| p.line());
            let row: StudentRow = record.deserialize(Some(&headers)).map_err(|e| {
                let field = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err.field(),
                    _ => None,
                };
                match field.map(|f| f as usize) {
                    Some(f) => DataError::BadValue {
                        path: path.clone(),
                        line,
                        column: headers.get(f).unwrap_or("?").to_string(),
                        value: record.get(f).unwrap_or("").to_string(),
                        expected: if headers.get(f) == Some("school") {
                            "a non-negative integer"
                        } else {
                            "a number"
                        },
                    },
                    None => other(e, &path),
                }
            })?;
            for (column, value) in [("ses", row.ses), ("mAch", row.math)] {
                if !value.is_finite() {
                    return Err(DataError::BadValue {
                        path,
                        line,
                        column: column.into(),
                        value: value.to_string(),
                        expected: "a finite number",
                    });
                }
            }
            rows.push(row);
        }
        if rows.is_empty() {
            return Err(DataError::Empty { path });
        }
        Ok(Self::from_rows(rows))
    }

    /// Numbers the schools of `rows` in ascending order of id.
    pub fn from_rows(rows: Vec<StudentRow>) -> Self {
        let mut school_ids: Vec<u32> = rows.iter().map(|r| r.school).collect();
        school_ids.sort_unstable();
        school_ids.dedup();
        let school: Vec<usize> =
            rows.iter().map(|r| school_ids.binary_search(&r.school).unwrap_or(0)).collect();
        let mut sizes = vec![0; school_ids.len()];
        for &j in &school {
            sizes[j] += 1;
        }
        Self { rows, school, school_ids, sizes }
    }

    /// Number of students.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no students (never, for a loaded file).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Number of schools `J`.
    pub fn num_schools(&self) -> usize {
        self.school_ids.len()
    }

    /// Math achievement of every student, in file order.
    pub fn math(&self) -> Vec<f64> {
        self.rows.iter().map(|r| r.math).collect()
    }

    /// SES of every student, in file order.
    pub fn ses(&self) -> Vec<f64> {
        self.rows.iter().map(|r| r.ses).collect()
    }

    /// Row indices of school `j` (0-based), in file order.
    pub fn rows_of(&self, j: usize) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.school[i] == j).collect()
    }

    /// The observations grouped by school, as the models take them.
    pub fn grouped(&self) -> sampler::Result<crate::grouped_regression::GroupedRows> {
        crate::grouped_regression::GroupedRows::new(
            &self.school,
            &self.ses(),
            &self.math(),
            self.num_schools(),
        )
        .map_err(|e| sampler::SamplerError::Model(format!("cannot group the data by school: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Hsb, DataError> {
        Hsb::from_reader(text.as_bytes(), Path::new("t.csv"))
    }

    #[test]
    fn schools_are_numbered_by_ascending_id() {
        let d = parse("school,ses,mAch,x\n30,0.5,10,a\n7,-1,3.5,b\n30,1,12,c\n").unwrap();
        assert_eq!(d.school_ids, vec![7, 30]);
        assert_eq!(d.school, vec![1, 0, 1]);
        assert_eq!(d.sizes, vec![1, 2]);
        assert_eq!(d.rows[1].math, 3.5);
    }

    #[test]
    fn errors_name_the_problem() {
        let e = parse("").unwrap_err().to_string();
        assert!(e.contains("is empty"), "{e}");
        let e = parse("school,ses,mAch\n").unwrap_err().to_string();
        assert!(e.contains("is empty"), "{e}");
        let e = parse("school,mAch\n1,2\n").unwrap_err().to_string();
        assert!(e.contains("no column `ses`"), "{e}");
        let e = parse("school,ses,mAch\n1,0.1,2\n1,high,3\n").unwrap_err().to_string();
        assert!(e.contains("line 3, column `ses`: \"high\" is not a number"), "{e}");
        let e = parse("school,ses,mAch\n1.5,0.1,2\n").unwrap_err().to_string();
        assert!(e.contains("column `school`"), "{e}");
        let e = parse("school,ses,mAch\n1,0.1,NaN\n").unwrap_err().to_string();
        assert!(e.contains("finite"), "{e}");
        let e = parse("school,ses,mAch\n1,0.1\n").unwrap_err().to_string();
        assert!(e.contains("t.csv"), "{e}");
        assert_eq!(e.lines().count(), 1);
    }
}
