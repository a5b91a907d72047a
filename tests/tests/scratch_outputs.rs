//! A reader's experiments never write into the book: only `cargo xtask book`
//! (or an explicit `--out`) does. Chapters take their default output
//! directory from `chapter_support::output::default_out_dir` (a git-ignored
//! `out/<chapter>`), so no chapter's source may name the book's generated
//! directory itself, and git must ignore the scratch directories.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_chapter_writes_into_the_book_by_default() {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root().join("chapters")).expect("chapters/") {
        let src = entry.expect("directory entry").path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut files);
        }
    }
    assert!(files.len() > 10, "found only {} chapter sources", files.len());
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).expect("a UTF-8 source file");
            text.contains("src/generated") || text.contains("\"generated\"")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "chapter sources that name the book's generated directory (use \
         chapter_support::output::default_out_dir instead): {offenders:?}"
    );
}

#[test]
fn scratch_directories_are_ignored_by_git() {
    let ignore = std::fs::read_to_string(root().join(".gitignore")).expect(".gitignore");
    for dir in ["/out/", "/draws/"] {
        assert!(ignore.lines().any(|l| l.trim() == dir), ".gitignore does not list {dir}");
    }
}
