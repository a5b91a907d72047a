//! Checks that an mdBook's source is consistent, without building it:
//!
//! - every `{{#include}}`, `{{#rustdoc_include}}` and `{{#playground}}`
//!   target exists (relative to the file holding the directive) and, when an
//!   anchor is named, contains `ANCHOR: name` and `ANCHOR_END: name`;
//! - every image (`![..](x)`, `<img src=..>`) and relative link (`[..](x.md#frag)`,
//!   `<a href=..>`) on a page, includes expanded, exists relative to the page;
//! - every page listed in `SUMMARY.md` exists, and every other page is
//!   listed or included somewhere;
//! - every chapter crate `chapters/ch_<name>` has a page `<name>.md` listed
//!   in `SUMMARY.md`.
//!
//! [`check_book`] returns every problem found, not just the first.
//! Whole-project tests live in `tests/tests/`.

mod includes;
mod links;

use includes::{expand, has_marker, includes};
use links::{links, local_target, summary_pages};
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// One thing wrong with the book, located in a file (relative to `src`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: PathBuf,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

/// Checks the book whose sources are in `src` (the directory holding
/// `SUMMARY.md`). If `chapters` is given, it is the directory of chapter
/// crates `ch_<name>`, each of which needs a page `<name>.md`.
pub fn check_book(src: &Path, chapters: Option<&Path>) -> Vec<Problem> {
    let src = &normalize(src);
    let mut checker =
        Checker { src: src.to_path_buf(), problems: Vec::new(), included: BTreeSet::new() };
    let mut files = Vec::new();
    if let Err(e) = markdown_files(src, &mut files) {
        checker.problem(src, format!("cannot read the book sources: {e}"));
        return checker.problems;
    }
    files.sort();

    for file in &files {
        checker.check_includes(file);
    }

    let summary = src.join("SUMMARY.md");
    let pages = match std::fs::read_to_string(&summary) {
        Ok(text) => summary_pages(&text),
        Err(e) => {
            checker.problem(&summary, format!("cannot read SUMMARY.md: {e}"));
            Vec::new()
        }
    };
    let mut listed = BTreeSet::new();
    for page in &pages {
        let path = normalize(&src.join(page));
        if !path.is_file() {
            checker.problem(&summary, format!("lists {page}, which does not exist"));
            continue;
        }
        listed.insert(path.clone());
        checker.check_links(&path);
    }

    for file in &files {
        let file = normalize(file);
        let name = file.file_name().and_then(|n| n.to_str());
        if name == Some("SUMMARY.md") || listed.contains(&file) || checker.included.contains(&file)
        {
            continue;
        }
        checker
            .problem(&file, "is neither listed in SUMMARY.md nor included by another page".into());
    }

    if let Some(chapters) = chapters {
        checker.check_chapters(chapters, &listed);
    }
    checker.problems.sort();
    checker.problems.dedup();
    checker.problems
}

struct Checker {
    src: PathBuf,
    problems: Vec<Problem>,
    /// Every file some include directive points at (normalized).
    included: BTreeSet<PathBuf>,
}

impl Checker {
    fn problem(&mut self, file: &Path, message: String) {
        let file = file.strip_prefix(&self.src).unwrap_or(file).to_path_buf();
        self.problems.push(Problem { file, message });
    }

    /// Checks the include directives of one file.
    fn check_includes(&mut self, file: &Path) {
        let Some(text) = self.read(file) else { return };
        let dir = file.parent().unwrap_or(Path::new("."));
        for inc in includes(&text) {
            let target = normalize(&dir.join(&inc.path));
            self.included.insert(target.clone());
            if !target.is_file() {
                self.problem(
                    file,
                    format!("{{{{#{} {}}}}}: {} does not exist", inc.kind, inc.raw, inc.path),
                );
                continue;
            }
            let Some(anchor) = &inc.anchor else { continue };
            let Some(content) = self.read(&target) else {
                continue;
            };
            for marker in ["ANCHOR", "ANCHOR_END"] {
                if !has_marker(&content, marker, anchor) {
                    self.problem(
                        file,
                        format!(
                            "{{{{#{} {}}}}}: {} has no `{marker}: {anchor}`",
                            inc.kind, inc.raw, inc.path
                        ),
                    );
                }
            }
        }
    }

    /// Checks the images and relative links of a page, includes expanded:
    /// included text lands in the page, so its links resolve from the page.
    fn check_links(&mut self, page: &Path) {
        let Some(text) = self.read(page) else { return };
        let text = expand(&text, page.parent().unwrap_or(Path::new(".")), 0);
        let dir = page.parent().unwrap_or(Path::new("."));
        for link in links(&text) {
            let Some(path) = local_target(&link.target) else {
                continue;
            };
            let mut target = normalize(&dir.join(&path));
            if target.extension().is_some_and(|e| e == "html") {
                target.set_extension("md");
            }
            if !target.exists() {
                self.problem(page, format!("{} {} does not exist", link.kind, link.target));
            }
        }
    }

    fn check_chapters(&mut self, chapters: &Path, listed: &BTreeSet<PathBuf>) {
        let entries = match std::fs::read_dir(chapters) {
            Ok(entries) => entries,
            Err(e) => {
                self.problem(chapters, format!("cannot list chapter crates: {e}"));
                return;
            }
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str()?.strip_prefix("ch_").map(str::to_string))
            .collect();
        names.sort();
        let summary = self.src.join("SUMMARY.md");
        for name in names {
            let page = normalize(&self.src.join(format!("{name}.md")));
            if !page.is_file() {
                self.problem(&page, format!("chapter crate ch_{name} has no page {name}.md"));
            } else if !listed.contains(&page) {
                self.problem(
                    &summary,
                    format!("does not list {name}.md, the page of chapter crate ch_{name}"),
                );
            }
        }
    }

    fn read(&mut self, file: &Path) -> Option<String> {
        match std::fs::read_to_string(file) {
            Ok(text) => Some(text),
            Err(e) => {
                self.problem(file, format!("cannot read: {e}"));
                None
            }
        }
    }
}

/// All `.md` files below `dir`.
fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            markdown_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

/// Removes `.` and `a/..` components without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
