//! What can go wrong when reading a data file: one error type for every CSV loader
//! ([`crate::hsb::data`], [`crate::grouped_csv`], [`crate::efron_morris`]). Each
//! message is one line naming the file, and the line and column where the problem is.

use std::path::PathBuf;

/// What can go wrong when reading the data.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file cannot be opened or read.
    #[error("cannot read data file {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The file has no header or no data rows.
    #[error("data file {} is empty: expected a header and at least one row", path.display())]
    Empty { path: PathBuf },
    /// A needed column is not in the header.
    #[error("data file {} has no column `{column}` (its columns are: {found})", path.display())]
    MissingColumn { path: PathBuf, column: String, found: String },
    /// A value is not of the column's type.
    #[error("data file {}, line {line}, column `{column}`: {value:?} is not {expected}", path.display())]
    BadValue { path: PathBuf, line: u64, column: String, value: String, expected: &'static str },
    /// Any other CSV problem (ragged rows, invalid UTF-8, …).
    #[error("data file {}: {message}", path.display())]
    Csv { path: PathBuf, message: String },
    /// A group has too few rows for a model that fits it on its own.
    #[error(
        "data file {}, line {line}, column `{column}`: group {group:?} has {rows} row(s); {needs}",
        path.display()
    )]
    TooFewRows {
        path: PathBuf,
        /// Line of the group's first row.
        line: u64,
        column: String,
        group: String,
        rows: usize,
        /// What the model needs, in words.
        needs: String,
    },
}

impl DataError {
    /// A `csv` crate error while reading `path`: an I/O error stays one, anything else
    /// (ragged rows, invalid UTF-8, …) becomes [`DataError::Csv`] with csv's message.
    pub fn from_csv(e: csv::Error, path: &std::path::Path) -> Self {
        let message = e.to_string();
        match e.into_kind() {
            csv::ErrorKind::Io(source) => DataError::Io { path: path.to_path_buf(), source },
            _ => DataError::Csv { path: path.to_path_buf(), message },
        }
    }
}
