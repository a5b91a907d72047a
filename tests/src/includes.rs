//! mdBook's include directives (`{{#include path:anchor}}` and kin): finding
//! them, the anchored regions they select, and a page with them expanded.

use std::path::Path;

/// mdBook stops expanding nested includes at this depth.
pub(crate) const MAX_INCLUDE_DEPTH: usize = 10;

/// An include-like directive: `{{#kind path[:anchor-or-lines] [args]}}`.
#[derive(Debug, PartialEq)]
pub(crate) struct Include {
    pub(crate) kind: String,
    /// The text after the kind, as written.
    pub(crate) raw: String,
    pub(crate) path: String,
    /// A named anchor (`None` for a whole file or a line range).
    pub(crate) anchor: Option<String>,
    /// Byte range of the whole directive in the text.
    pub(crate) span: (usize, usize),
}

const INCLUDE_KINDS: [&str; 3] = ["include", "rustdoc_include", "playground"];

/// The include directives in `text`, skipping escaped ones (`\{{#include}}`).
pub(crate) fn includes(text: &str) -> Vec<Include> {
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
pub(crate) fn has_marker(text: &str, marker: &str, name: &str) -> bool {
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
pub(crate) fn anchor_region(text: &str, name: &str) -> String {
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
pub(crate) fn expand(text: &str, dir: &Path, depth: usize) -> String {
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
