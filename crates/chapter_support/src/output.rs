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
        Ok(Self { root: root.to_path_buf() })
    }

    /// The path of `name` inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// Draws `figure` as the SVG file `name`.
    pub fn draw(&self, name: &str, figure: &figures::Figure) -> Result<()> {
        let path = self.path(name);
        figures::draw(&path, figure).with_context(|| format!("cannot draw {}", path.display()))
    }

    /// Writes `contents` to `name`, returning its path.
    pub fn write(&self, name: &str, contents: &str) -> Result<PathBuf> {
        let path = self.path(name);
        std::fs::write(&path, contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(path)
    }
}

/// The workspace root (two levels above this crate), written without `..`.
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().nth(2).map_or_else(|| here.to_path_buf(), Path::to_path_buf)
}

/// Where a chapter run by hand writes by default: `out/<chapter>` in the
/// workspace, a scratch directory git ignores. Only `cargo xtask book` (or an
/// explicit `--out book/src/generated/<chapter>`) writes into the book, so a
/// reader's experiments never change the committed outputs.
pub fn default_out_dir(chapter: &str) -> PathBuf {
    workspace_root().join("out").join(chapter)
}

/// Where the book keeps the committed outputs of `chapter`:
/// `book/src/generated/<chapter>`.
pub fn book_out_dir(chapter: &str) -> PathBuf {
    workspace_root().join("book").join("src").join("generated").join(chapter)
}

/// `path` as the reader should see it: relative to the current directory
/// when it lies beneath it, otherwise as given.
pub fn display_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// Tells the reader (on stderr, unless `quiet`) where chapter `chapter`
/// wrote, and, for a scratch run, how to compare it with the book's copy.
pub fn report_written(chapter: &str, out_dir: &Path, quiet: bool) {
    if quiet {
        return;
    }
    eprintln!("wrote figures and tables to {}", display_path(out_dir));
    if let Some(hint) = compare_hint(chapter, out_dir) {
        eprintln!("{hint}");
    }
}

/// How to compare a run written to `out_dir` with the book's copy, or
/// `None` when `out_dir` is the book's copy (however it was spelled, e.g.
/// `--out book/src/generated/<chapter>` from the workspace root).
fn compare_hint(chapter: &str, out_dir: &Path) -> Option<String> {
    let book = book_out_dir(chapter);
    let same = match (out_dir.canonicalize(), book.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => out_dir == book,
    };
    (!same).then(|| {
        format!(
            "the book's copy is in {}; compare with: diff -r {} {}",
            display_path(&book),
            display_path(&book),
            display_path(out_dir)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_copy_gets_no_compare_hint_however_spelled() {
        let book = book_out_dir("eight_schools");
        assert!(compare_hint("eight_schools", &book).is_none());
        let spelled = book.join("..").join("eight_schools");
        assert!(compare_hint("eight_schools", &spelled).is_none());
        let scratch = tempfile::tempdir().unwrap();
        let hint = compare_hint("eight_schools", scratch.path()).unwrap();
        assert!(hint.contains("diff -r"), "{hint}");
    }

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
    fn the_default_is_a_scratch_directory_outside_the_book() {
        let dir = default_out_dir("eight_schools");
        assert!(dir.ends_with("out/eight_schools"), "{}", dir.display());
        assert!(!dir.starts_with(book_out_dir("eight_schools")));
        assert!(!dir.to_string_lossy().contains(".."), "{}", dir.display());
        assert!(book_out_dir("x").ends_with("book/src/generated/x"));
        assert!(workspace_root().join("Cargo.lock").is_file());
    }

    #[test]
    fn writes_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create(&dir.path().join("a/b")).unwrap();
        let p = out.write("t.md", "hello").unwrap();
        assert_eq!(std::fs::read_to_string(p).unwrap(), "hello");
    }
}
