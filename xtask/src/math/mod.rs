//! Turns the book's TeX into MathML while the book is built, so that pages
//! show typeset formulas with no JavaScript and no network.
//!
//! The markdown follows mdBook's MathJax convention: inline math is written
//! `\\( ... \\)` and display math `\\[ ... \\]` (the doubled backslash is a
//! markdown escape). [`MathPreprocessor`] finds every such fragment outside
//! code, converts it with `pulldown-latex`, and puts the `<math>` element in
//! its place. A fragment that does not convert fails the build, naming the
//! chapter and the fragment, so raw TeX never reaches a reader.

use std::fmt;

use anyhow::{Result, bail};
use mdbook_preprocessor::book::Book;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

mod fragments;
mod mathml;
#[cfg(test)]
mod tests;

use fragments::{find_fragments, single_backslash_delimiters, skipped_ranges, unescape_markdown};
pub use mathml::tex_to_mathml;

/// The mdBook preprocessor that replaces TeX fragments with MathML.
///
/// Register it with `MDBook::with_preprocessor`; it runs after mdBook's own
/// preprocessors, so text pulled in by `{{#include}}` is converted too.
pub struct MathPreprocessor;

impl Preprocessor for MathPreprocessor {
    fn name(&self) -> &str {
        "tex-to-mathml"
    }

    fn run(&self, _ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let mut failures = Vec::new();
        book.for_each_chapter_mut(|chapter| {
            let file = chapter
                .source_path
                .as_ref()
                .map_or_else(|| chapter.name.clone(), |p| p.display().to_string());
            match convert_markdown(&chapter.content) {
                Ok(converted) => chapter.content = converted,
                Err(errors) => {
                    failures.extend(errors.iter().map(|e| format!("  {file}: {e}")));
                }
            }
        });
        if !failures.is_empty() {
            bail!(
                "{} math fragment(s) could not be converted to MathML:\n{}",
                failures.len(),
                failures.join("\n")
            );
        }
        Ok(book)
    }

    fn supports_renderer(&self, renderer: &str) -> Result<bool> {
        Ok(renderer == "html")
    }
}

/// A math fragment that could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentError {
    /// 1-based line of the fragment's opening delimiter in the chapter text
    /// (after `{{#include}}` expansion).
    pub line: usize,
    /// The fragment as written in the markdown, delimiters included.
    pub fragment: String,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for FragmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: {}\n    fragment: {}",
            self.line,
            self.message.trim_end().replace('\n', "\n    "),
            self.fragment
        )
    }
}

/// Replaces every `\\( ... \\)` and `\\[ ... \\]` fragment of `markdown`
/// outside code blocks, inline code and raw HTML with MathML.
///
/// Returns every fragment that failed, rather than only the first.
pub fn convert_markdown(markdown: &str) -> Result<String, Vec<FragmentError>> {
    let skipped = skipped_ranges(markdown);
    let mut out = String::with_capacity(markdown.len());
    let mut errors = Vec::new();
    let mut copied = 0;
    let mut segment_start = 0;
    let end = std::iter::once(markdown.len()..markdown.len());
    for gap in skipped.into_iter().chain(end) {
        let segment = segment_start..gap.start;
        errors.extend(single_backslash_delimiters(markdown, segment.clone()));
        for found in find_fragments(markdown, segment) {
            match found {
                Ok(fragment) => {
                    let tex = unescape_markdown(&markdown[fragment.tex.clone()]);
                    match tex_to_mathml(&tex, fragment.display) {
                        Ok(mathml) => {
                            out.push_str(&markdown[copied..fragment.whole.start]);
                            out.push_str(&mathml);
                            copied = fragment.whole.end;
                        }
                        Err(message) => errors.push(FragmentError {
                            line: line_of(markdown, fragment.whole.start),
                            fragment: markdown[fragment.whole].to_string(),
                            message,
                        }),
                    }
                }
                Err(start) => errors.push(FragmentError {
                    line: line_of(markdown, start),
                    fragment: markdown[start..].chars().take(60).collect(),
                    message: "no closing delimiter before the end of the text \
                              (or before code or raw HTML)"
                        .to_string(),
                }),
            }
        }
        segment_start = gap.end.max(segment_start);
    }
    out.push_str(&markdown[copied..]);
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// 1-based line number of byte `offset`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}
