//! Grouped data from any CSV file: a group column, a numeric outcome and an optional
//! numeric predictor, named by the reader. The loader behind "Your own model, your own
//! data"; the fast models over it are in [`fit`], the same model declared with the
//! layer in [`declared`].
//!
//! Groups are named by their text in the file and sorted: numerically when every name
//! is a number (so `9` comes before `10`), otherwise as text. Every problem with the
//! file is a [`DataError`] whose message is one line naming the file, the line and the
//! column.

pub mod declared;
pub mod fit;

use crate::data_error::DataError;
use std::path::{Path, PathBuf};

/// The columns to read, as named in the file's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The column naming each row's group.
    pub group: String,
    /// The numeric outcome.
    pub outcome: String,
    /// An optional numeric predictor (a slope per group when given).
    pub predictor: Option<String>,
}

/// The rows of a grouped data file, with groups numbered `0..J` in sorted order.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedTable {
    /// The file the rows came from (for messages).
    pub path: PathBuf,
    /// The columns read.
    pub columns: Columns,
    /// Name of each group, as written in the file, in sorted order.
    pub group_names: Vec<String>,
    /// `group[i]`: 0-based group of row `i`.
    pub group: Vec<usize>,
    /// `line[i]`: the file line of row `i` (the header is line 1).
    pub line: Vec<u64>,
    /// The outcome of every row.
    pub y: Vec<f64>,
    /// The predictor of every row, when one was asked for.
    pub x: Option<Vec<f64>>,
    /// Rows per group.
    pub sizes: Vec<usize>,
}

/// Position of `name` in the header, or the one-line error naming what is there.
fn column_index(headers: &csv::StringRecord, name: &str, path: &Path) -> Result<usize, DataError> {
    headers.iter().position(|h| h.trim() == name).ok_or_else(|| DataError::MissingColumn {
        path: path.to_path_buf(),
        column: name.into(),
        found: headers.iter().collect::<Vec<_>>().join(", "),
    })
}

/// Sorted, distinct group names: numerically when all are numbers, else as text.
fn sorted_names(names: &[String]) -> Vec<String> {
    let mut distinct: Vec<String> = names.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let numbers: Option<Vec<f64>> = distinct.iter().map(|n| n.parse().ok()).collect();
    if let Some(numbers) = numbers {
        let mut pairs: Vec<(f64, String)> = numbers.into_iter().zip(distinct).collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        return pairs.into_iter().map(|p| p.1).collect();
    }
    distinct
}

impl GroupedTable {
    /// Reads and checks the CSV file at `path`.
    pub fn load(path: &Path, columns: &Columns) -> Result<Self, DataError> {
        let file = std::fs::File::open(path)
            .map_err(|source| DataError::Io { path: path.to_path_buf(), source })?;
        Self::from_reader(file, path, columns)
    }

    /// Reads CSV text from `reader`; `path` only names it in errors.
    pub fn from_reader(
        reader: impl std::io::Read,
        path: &Path,
        columns: &Columns,
    ) -> Result<Self, DataError> {
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let headers = csv.headers().map_err(|e| DataError::from_csv(e, path))?.clone();
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(DataError::Empty { path: path.to_path_buf() });
        }
        let g_col = column_index(&headers, &columns.group, path)?;
        let y_col = column_index(&headers, &columns.outcome, path)?;
        let x_col = match &columns.predictor {
            Some(name) => Some(column_index(&headers, name, path)?),
            None => None,
        };
        let (mut names, mut line, mut y, mut x) = (vec![], vec![], vec![], vec![]);
        let mut record = csv::StringRecord::new();
        while csv.read_record(&mut record).map_err(|e| DataError::from_csv(e, path))? {
            let here = record.position().map_or(0, |p| p.line());
            let bad = |col: usize, expected: &'static str| DataError::BadValue {
                path: path.to_path_buf(),
                line: here,
                column: headers.get(col).unwrap_or("?").trim().to_string(),
                value: record.get(col).unwrap_or("").to_string(),
                expected,
            };
            let number = |col: usize| {
                let text = record.get(col).unwrap_or("").trim();
                match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => Ok(v),
                    _ => Err(bad(col, "a finite number")),
                }
            };
            let name = record.get(g_col).unwrap_or("").trim();
            if name.is_empty() {
                return Err(bad(g_col, "a group name (it is empty)"));
            }
            names.push(name.to_string());
            y.push(number(y_col)?);
            if let Some(c) = x_col {
                x.push(number(c)?);
            }
            line.push(here);
        }
        if y.is_empty() {
            return Err(DataError::Empty { path: path.to_path_buf() });
        }
        let group_names = sorted_names(&names);
        let group: Vec<usize> =
            names.iter().map(|n| group_names.iter().position(|g| g == n).unwrap_or(0)).collect();
        let mut sizes = vec![0; group_names.len()];
        for &j in &group {
            sizes[j] += 1;
        }
        Ok(Self {
            path: path.to_path_buf(),
            columns: columns.clone(),
            group_names,
            group,
            line,
            y,
            x: x_col.map(|_| x),
            sizes,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// True when there are no rows (never, for a loaded file).
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Number of groups `J`.
    pub fn num_groups(&self) -> usize {
        self.group_names.len()
    }

    /// The predictor of row `i` (0 without a predictor).
    pub fn x_of(&self, i: usize) -> f64 {
        self.x.as_ref().map_or(0.0, |x| x[i])
    }

    /// The outcomes of each group, in file order.
    pub fn outcomes_by_group(&self) -> Vec<Vec<f64>> {
        let mut groups = vec![Vec::new(); self.num_groups()];
        for (&j, &y) in self.group.iter().zip(&self.y) {
            groups[j].push(y);
        }
        groups
    }

    /// The standard deviation (divisor: the number of groups) of the group means of
    /// `y`, one outcome per row in file order (the table's own, or a replicated data
    /// set): how far apart the groups are, a posterior predictive check's statistic.
    pub fn sd_of_group_means(&self, y: &[f64]) -> f64 {
        let mut sums = vec![0.0; self.num_groups()];
        for (&j, &v) in self.group.iter().zip(y) {
            sums[j] += v;
        }
        let means: Vec<f64> = sums.iter().zip(&self.sizes).map(|(s, &n)| s / n as f64).collect();
        let m = means.iter().sum::<f64>() / means.len() as f64;
        (means.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / means.len() as f64).sqrt()
    }

    /// Checks that every group can be fitted on its own (no pooling): at least two
    /// rows, and with a predictor at least two distinct values of it, so that a
    /// least-squares line exists. The error names the first group that cannot, by the
    /// line of its first row.
    pub fn check_no_pooling(&self) -> Result<(), DataError> {
        for (j, name) in self.group_names.iter().enumerate() {
            let rows: Vec<usize> = (0..self.len()).filter(|&i| self.group[i] == j).collect();
            let distinct_x = rows.iter().any(|&i| self.x_of(i) != self.x_of(rows[0]));
            let needs = match &self.columns.predictor {
                _ if rows.len() < 2 => Some("no pooling fits each group on its own and needs at least 2 rows in every group".to_string()),
                Some(p) if !distinct_x => Some(format!(
                    "no pooling fits a line per group and needs at least 2 distinct values of `{p}` in every group"
                )),
                _ => None,
            };
            if let Some(needs) = needs {
                return Err(DataError::TooFewRows {
                    path: self.path.clone(),
                    line: self.line[rows[0]],
                    column: self.columns.group.clone(),
                    group: name.clone(),
                    rows: rows.len(),
                    needs,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(predictor: Option<&str>) -> Columns {
        Columns { group: "g".into(), outcome: "y".into(), predictor: predictor.map(String::from) }
    }

    fn parse(text: &str, predictor: Option<&str>) -> Result<GroupedTable, DataError> {
        GroupedTable::from_reader(text.as_bytes(), Path::new("t.csv"), &columns(predictor))
    }

    #[test]
    fn groups_sort_numerically_when_all_are_numbers() {
        let t = parse("g,y\n10,1\n9,2\n10,3\n", None).unwrap();
        assert_eq!(t.group_names, ["9", "10"]);
        assert_eq!(t.group, [1, 0, 1]);
        assert_eq!(t.sizes, [1, 2]);
        assert_eq!(t.line, [2, 3, 4]);
        let t = parse("g,y\nb,1\nB,2\na,3\n", None).unwrap();
        assert_eq!(t.group_names, ["B", "a", "b"]);
        assert_eq!(t.outcomes_by_group(), [vec![2.0], vec![3.0], vec![1.0]]);
    }

    #[test]
    fn sd_of_group_means_divides_by_the_number_of_groups() {
        let t = parse("g,y\n9,1\n9,3\n10,6\n", None).unwrap();
        assert_eq!(t.sd_of_group_means(&t.y), 2.0);
        assert_eq!(t.sd_of_group_means(&[5.0, 5.0, 5.0]), 0.0);
    }

    #[test]
    fn the_predictor_is_read_when_asked_for() {
        let t = parse("y,x,g\n1,0.5,a\n2,-1,a\n", Some("x")).unwrap();
        assert_eq!(t.x, Some(vec![0.5, -1.0]));
        assert_eq!(t.x_of(1), -1.0);
        assert!(parse("y,g\n1,a\n", None).unwrap().x.is_none());
    }

    #[test]
    fn no_pooling_names_the_group_that_is_too_small() {
        let t = parse("g,y,x\na,1,0\na,2,1\nb,3,0\nc,4,0\nc,5,0\n", Some("x")).unwrap();
        let e = t.check_no_pooling().unwrap_err().to_string();
        assert!(e.starts_with("data file t.csv, line 4, column `g`: group \"b\" has 1 row(s)"));
        let mut t = parse("g,y,x\na,1,0\na,2,1\nc,4,0\nc,5,0\n", Some("x")).unwrap();
        let e = t.check_no_pooling().unwrap_err().to_string();
        assert!(e.contains("line 4") && e.contains("2 distinct values of `x`"), "{e}");
        t.columns.predictor = None;
        t.x = None;
        assert!(t.check_no_pooling().is_ok());
    }
}
