//! The directory a chapter writes its figures and tables into.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// An output directory that exists and is writable, with helpers that name
/// the file in every error.
#[derive(Debug, Clone)]
pub struct OutputDir {
    root: PathBuf,
}

impl OutputDir {
    /// Creates `root` (and its parents) if needed. Fails with a one-line
    /// message if it cannot, e.g. when a parent is a regular file.
    pub fn create(root: &Path) -> Result<Self> {
        std::fs::create_dir_all(root)
            .with_context(|| format!("cannot create output directory {}", root.display()))?;
        if !root.is_dir() {
            anyhow::bail!("output path {} is not a directory", root.display());
        }
        Ok(Self {
            root: root.to_path_buf(),
        })
    }

    /// The path of `name` inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// Writes `contents` to `name`, returning its path.
    pub fn write(&self, name: &str, contents: &str) -> Result<PathBuf> {
        let path = self.path(name);
        std::fs::write(&path, contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(path)
    }
}

/// Where a chapter writes by default: `book/src/generated/<chapter>` in this
/// workspace, so that `cargo run -p ch_<chapter>` refreshes the book.
pub fn default_out_dir(chapter: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../book/src/generated")
        .join(chapter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_beneath_a_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        let err = OutputDir::create(&file.join("sub")).unwrap_err();
        let msg = format!("{err:#}");
        assert!(msg.contains("cannot create output directory"), "{msg}");
    }

    #[test]
    fn writes_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create(&dir.path().join("a/b")).unwrap();
        let p = out.write("t.md", "hello").unwrap();
        assert_eq!(std::fs::read_to_string(p).unwrap(), "hello");
    }
}
