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
    let mut checker = Checker {
        src: src.to_path_buf(),
        problems: Vec::new(),
        included: BTreeSet::new(),
    };
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
        checker.problem(
            &file,
            "is neither listed in SUMMARY.md nor included by another page".into(),
        );
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

/// mdBook stops expanding nested includes at this depth.
const MAX_INCLUDE_DEPTH: usize = 10;

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
                    format!(
                        "{{{{#{} {}}}}}: {} does not exist",
                        inc.kind, inc.raw, inc.path
                    ),
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
                self.problem(
                    page,
                    format!("{} {} does not exist", link.kind, link.target),
                );
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
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_prefix("ch_")
                    .map(str::to_string)
            })
            .collect();
        names.sort();
        let summary = self.src.join("SUMMARY.md");
        for name in names {
            let page = normalize(&self.src.join(format!("{name}.md")));
            if !page.is_file() {
                self.problem(
                    &page,
                    format!("chapter crate ch_{name} has no page {name}.md"),
                );
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

/// An include-like directive: `{{#kind path[:anchor-or-lines] [args]}}`.
#[derive(Debug, PartialEq)]
struct Include {
    kind: String,
    /// The text after the kind, as written.
    raw: String,
    path: String,
    /// A named anchor (`None` for a whole file or a line range).
    anchor: Option<String>,
    /// Byte range of the whole directive in the text.
    span: (usize, usize),
}

const INCLUDE_KINDS: [&str; 3] = ["include", "rustdoc_include", "playground"];

/// The include directives in `text`, skipping escaped ones (`\{{#include}}`).
fn includes(text: &str) -> Vec<Include> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("{{#") {
        let start = from + pos;
        from = start + 3;
        if text[..start].ends_with('\\') {
            continue;
        }
        let Some(len) = text[from..].find("}}") else {
            break;
        };
        let inner = text[from..from + len].trim();
        let end = from + len + 2;
        let (kind, raw) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        if !INCLUDE_KINDS.contains(&kind) {
            continue;
        }
        let raw = raw.trim().to_string();
        let spec = raw.split_whitespace().next().unwrap_or("");
        let (path, selector) = match spec.split_once(':') {
            Some((p, s)) => (p, Some(s)),
            None => (spec, None),
        };
        // `path:name` names an anchor; `path:10`, `path:10:20`, `path::20` are line ranges.
        let anchor = selector
            .filter(|s| !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit() || c == ':'))
            .map(str::to_string);
        out.push(Include {
            kind: kind.to_string(),
            path: path.to_string(),
            raw,
            anchor,
            span: (start, end),
        });
        from = end;
    }
    out
}

/// Whether `text` has a line with `marker: name` (`ANCHOR` or `ANCHOR_END`).
fn has_marker(text: &str, marker: &str, name: &str) -> bool {
    let tag = format!("{marker}:");
    text.lines().any(|line| {
        line.match_indices(&tag).any(|(i, _)| {
            let rest = line[i + tag.len()..].trim_start();
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            word == name
        })
    })
}

/// The lines of `text` between `ANCHOR: name` and `ANCHOR_END: name`, or
/// all of it if the anchor is missing (that is reported separately).
fn anchor_region(text: &str, name: &str) -> String {
    let mut lines = text.lines();
    let mut out = String::new();
    let begin = lines.by_ref().position(|l| has_marker(l, "ANCHOR", name));
    if begin.is_none() {
        return text.to_string();
    }
    for line in lines {
        if has_marker(line, "ANCHOR_END", name) {
            break;
        }
        if !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `text` with its include directives replaced by the included text
/// (nested includes resolve from the included file). Missing files are
/// left as they are; they are reported by the include check.
fn expand(text: &str, dir: &Path, depth: usize) -> String {
    if depth >= MAX_INCLUDE_DEPTH {
        return text.to_string();
    }
    let mut out = String::new();
    let mut last = 0;
    for inc in includes(text) {
        let target = dir.join(&inc.path);
        let Ok(content) = std::fs::read_to_string(&target) else {
            continue;
        };
        let content = match &inc.anchor {
            Some(name) => anchor_region(&content, name),
            None => content,
        };
        out.push_str(&text[last..inc.span.0]);
        out.push_str(&expand(&content, target.parent().unwrap_or(dir), depth + 1));
        last = inc.span.1;
    }
    out.push_str(&text[last..]);
    out
}

/// The summary's page paths, in order (draft chapters `[x]()` have none).
fn summary_pages(text: &str) -> Vec<String> {
    links(text)
        .into_iter()
        .filter(|l| l.kind == "link")
        .filter_map(|l| local_target(&l.target))
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

/// A link or image target found on a page.
#[derive(Debug, PartialEq)]
struct Link {
    /// "link" or "image".
    kind: &'static str,
    target: String,
}

/// Markdown and HTML links and images in `text`, outside code blocks and
/// inline code.
fn links(text: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        if let (Some(c), true) = (marker, indent < 4) {
            let run = trimmed.chars().take_while(|x| *x == c).count();
            if run >= 3 {
                match fence {
                    None => fence = Some((c, run)),
                    Some((open, len))
                        if open == c && run >= len && trimmed[run..].trim().is_empty() =>
                    {
                        fence = None
                    }
                    Some(_) => {}
                }
                continue;
            }
        }
        if fence.is_some() {
            continue;
        }
        let line = strip_code_spans(line);
        markdown_links(&line, &mut out);
        reference_definition(&line, &mut out);
        html_links(&line, &mut out);
    }
    out
}

/// `line` with inline code spans blanked out.
fn strip_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let run = rest[start..].chars().take_while(|c| *c == '`').count();
        let ticks = &rest[start..start + run];
        out.push_str(&rest[..start]);
        match rest[start + run..].find(ticks) {
            Some(len) => rest = &rest[start + run + len + run..],
            None => {
                out.push_str(&rest[start..]);
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Inline `[text](target "title")` and `![alt](target)`.
fn markdown_links(line: &str, out: &mut Vec<Link>) {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(pos) = line[from..].find("](") {
        let close = from + pos;
        let open = close + 2;
        from = open;
        // Find the `[` that opens this text, to tell images from links.
        let mut depth = 0;
        let mut start = None;
        for i in (0..close).rev() {
            match bytes[i] {
                b']' => depth += 1,
                b'[' if depth == 0 => {
                    start = Some(i);
                    break;
                }
                b'[' => depth -= 1,
                _ => {}
            }
        }
        let Some(start) = start else { continue };
        if start > 0 && bytes[start - 1] == b'\\' {
            continue;
        }
        let kind = if start > 0 && bytes[start - 1] == b'!' {
            "image"
        } else {
            "link"
        };
        let mut depth = 0;
        let mut end = None;
        for (i, c) in line[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = Some(open + i);
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        let inner = line[open..end].trim();
        let target = match inner.strip_prefix('<') {
            Some(rest) => rest.split('>').next().unwrap_or(""),
            None => inner.split_whitespace().next().unwrap_or(""),
        };
        out.push(Link {
            kind,
            target: target.to_string(),
        });
        from = end;
    }
}

/// A reference definition `[label]: target`.
fn reference_definition(line: &str, out: &mut Vec<Link>) {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() >= 4 || !trimmed.starts_with('[') {
        return;
    }
    let Some((label, rest)) = trimmed[1..].split_once(']') else {
        return;
    };
    let Some(rest) = rest.strip_prefix(':') else {
        return;
    };
    if label.is_empty() || label.starts_with('^') {
        return;
    }
    if let Some(target) = rest.split_whitespace().next() {
        let target = target.trim_start_matches('<').trim_end_matches('>');
        out.push(Link {
            kind: "link",
            target: target.to_string(),
        });
    }
}

/// `<img src="..">` and `<a href="..">`.
fn html_links(line: &str, out: &mut Vec<Link>) {
    let lower = line.to_ascii_lowercase();
    for (tag, attr, kind) in [("<img", "src", "image"), ("<a ", "href", "link")] {
        for (i, _) in lower.match_indices(tag) {
            let tag_end = lower[i..].find('>').map_or(line.len(), |e| i + e);
            let Some(a) = lower[i..tag_end].find(&format!(" {attr}=")) else {
                continue;
            };
            let value = &line[i + a + attr.len() + 2..tag_end];
            let target = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            };
            out.push(Link {
                kind,
                target: target.to_string(),
            });
        }
    }
}

/// The file path a link points at, or `None` if it is not a local file:
/// external (`https:`, `mailto:`...), absolute, a same-page `#fragment`, or
/// empty. Fragments and queries are removed; `%20` is decoded.
fn local_target(target: &str) -> Option<PathBuf> {
    let path = target.split(['#', '?']).next().unwrap_or("");
    let has_scheme = path.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if path.is_empty() || path.starts_with('/') || has_scheme {
        return None;
    }
    Some(PathBuf::from(path.replace("%20", " ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` (path, contents) into a temporary book source directory.
    fn book(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn messages(dir: &tempfile::TempDir, chapters: Option<&Path>) -> Vec<String> {
        check_book(dir.path(), chapters)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const GOOD: &[(&str, &str)] = &[
        (
            "SUMMARY.md",
            "# Summary\n\n[Intro](intro.md)\n\n- [Chapter](chapter.md)\n- [Draft]()\n",
        ),
        (
            "intro.md",
            "# Intro\n\nSee [the chapter](chapter.md#results) and [Rust](https://rust-lang.org).\n",
        ),
        (
            "chapter.md",
            "# Chapter\n\n```rust\n{{#include code/demo.rs:main}}\n```\n\n\
             {{#include generated/chapter/table.md}}\n\n\
             ![funnel](generated/chapter/funnel.svg)\n\n<img src=\"generated/chapter/funnel.svg\" width=\"80%\">\n\n\
             Literal: `![not an image](missing.svg)` and \\{{#include nope.md}}.\n\n\
             ```text\n[not a link](missing.md)\n```\n",
        ),
        (
            "code/demo.rs",
            "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
        ),
        (
            "generated/chapter/table.md",
            "| a |\n|---|\n| 1 |\n\n![inline](generated/chapter/funnel.svg)\n",
        ),
        ("generated/chapter/funnel.svg", "<svg/>"),
    ];

    #[test]
    fn a_consistent_book_has_no_problems() {
        let dir = book(GOOD);
        assert_eq!(messages(&dir, None), Vec::<String>::new());
    }

    #[test]
    fn a_broken_include_is_reported() {
        let mut files = GOOD.to_vec();
        files.push((
            "broken.md",
            "# Broken\n\n{{#include generated/broken/missing.md}}\n",
        ));
        files[0].1 =
            "# Summary\n\n[Intro](intro.md)\n\n- [Chapter](chapter.md)\n- [Broken](broken.md)\n";
        let dir = book(&files);
        let problems = messages(&dir, None);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].starts_with("broken.md: {{#include generated/broken/missing.md}}"),
            "{problems:#?}"
        );
    }

    #[test]
    fn every_problem_is_reported() {
        let files = [
            (
                "SUMMARY.md",
                "# Summary\n\n- [One](one.md)\n- [Gone](gone.md)\n",
            ),
            (
                "one.md",
                "# One\n\n{{#include code.rs:missing_anchor}}\n{{#rustdoc_include nope.rs}}\n\
                 ![plot](plot.svg)\n<img src='other.svg'>\n[next](two.md#part)\n[fine](code.rs)\n",
            ),
            ("code.rs", "// ANCHOR: other\n// ANCHOR_END: other\n"),
            ("orphan.md", "# Orphan\n"),
        ];
        let dir = book(&files);
        let chapters = tempfile::tempdir().unwrap();
        std::fs::create_dir(chapters.path().join("ch_one")).unwrap();
        std::fs::create_dir(chapters.path().join("ch_two")).unwrap();
        std::fs::create_dir(chapters.path().join("ch_orphan")).unwrap();
        let problems = messages(&dir, Some(chapters.path()));
        let expected = [
            "SUMMARY.md: lists gone.md, which does not exist",
            "SUMMARY.md: does not list orphan.md, the page of chapter crate ch_orphan",
            "one.md: {{#include code.rs:missing_anchor}}: code.rs has no `ANCHOR: missing_anchor`",
            "one.md: {{#include code.rs:missing_anchor}}: code.rs has no `ANCHOR_END: missing_anchor`",
            "one.md: {{#rustdoc_include nope.rs}}: nope.rs does not exist",
            "one.md: image plot.svg does not exist",
            "one.md: image other.svg does not exist",
            "one.md: link two.md#part does not exist",
            "orphan.md: is neither listed in SUMMARY.md nor included by another page",
            "two.md: chapter crate ch_two has no page two.md",
        ];
        for e in expected {
            assert!(
                problems.iter().any(|p| p == e),
                "missing {e:?} in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    #[test]
    fn included_links_resolve_from_the_page() {
        // The image path is right relative to the page but not to the included
        // file; mdBook pastes included text into the page, so this is fine...
        let ok = [
            ("SUMMARY.md", "- [P](p.md)\n"),
            ("p.md", "{{#include gen/t.md}}\n"),
            ("gen/t.md", "![x](gen/x.svg)\n"),
            ("gen/x.svg", ""),
        ];
        assert_eq!(messages(&book(&ok), None), Vec::<String>::new());
        // ...and this is broken although `gen/x.svg` sits next to `gen/t.md`.
        let broken = [
            ("SUMMARY.md", "- [P](p.md)\n"),
            ("p.md", "{{#include gen/t.md}}\n"),
            ("gen/t.md", "![x](x.svg)\n"),
            ("gen/x.svg", ""),
        ];
        assert_eq!(
            messages(&book(&broken), None),
            vec!["p.md: image x.svg does not exist"]
        );
    }

    #[test]
    fn include_syntax() {
        let found = includes(
            "a {{#include x.rs:name}} b {{#include y.rs:3:5}} \\{{#include z.md}} {{#playground p.rs editable}} {{#title T}}",
        );
        let got: Vec<_> = found
            .iter()
            .map(|i| (i.kind.as_str(), i.path.as_str(), i.anchor.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("include", "x.rs", Some("name")),
                ("include", "y.rs", None),
                ("playground", "p.rs", None)
            ]
        );
    }

    #[test]
    fn link_syntax() {
        let found = links(
            "[a](x.md) ![b](<y z.svg> \"t\") [![c](i.svg)](p.md#f) `[d](no.md)` [e]: ref.md\n[f]: r2.md \"title\"",
        );
        let got: Vec<_> = found.iter().map(|l| (l.kind, l.target.as_str())).collect();
        assert_eq!(
            got,
            [
                ("link", "x.md"),
                ("image", "y z.svg"),
                ("image", "i.svg"),
                ("link", "p.md#f"),
                ("link", "r2.md")
            ]
        );
        assert_eq!(local_target("https://x.org/a.md"), None);
        assert_eq!(local_target("#top"), None);
        assert_eq!(local_target("a%20b.md#x"), Some(PathBuf::from("a b.md")));
    }
}
