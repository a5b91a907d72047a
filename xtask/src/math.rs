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
use std::ops::Range;

use anyhow::{Result, bail};
use mdbook_markdown::pulldown_cmark::{Event, Tag};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use mdbook_preprocessor::book::Book;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};

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
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Math opened with one backslash, `\(` or `\[`, in `markdown[segment]`:
/// markdown reads it as an escaped bracket, so the reader would see raw TeX.
/// Each one is an error asking for the doubled backslash.
fn single_backslash_delimiters(markdown: &str, segment: Range<usize>) -> Vec<FragmentError> {
    let text = &markdown[segment.clone()];
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b'\\' && matches!(bytes[i + 1], b'(' | b'['))
        .filter(|&i| i == 0 || bytes[i - 1] != b'\\')
        .map(|i| FragmentError {
            line: line_of(markdown, segment.start + i),
            fragment: text[i..].chars().take(40).collect(),
            message: "math opened with a single backslash; write \\\\( … \\\\) or \\\\[ … \\\\]"
                .to_string(),
        })
        .collect()
}

/// Converts one TeX fragment (already markdown-unescaped, no delimiters) to
/// a `<math>` element on a single line, with every ASCII punctuation
/// character of its text written as a character reference so that markdown
/// (emphasis, tables, smart quotes) cannot alter it.
pub fn tex_to_mathml(tex: &str, display: bool) -> Result<String, String> {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(tex, &storage).collect();
    let problems: Vec<String> = events
        .iter()
        .filter_map(|e| e.as_ref().err().map(ToString::to_string))
        .collect();
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut mathml = String::new();
    push_mathml(&mut mathml, events.into_iter(), config).map_err(|e| e.to_string())?;
    // `pulldown-latex` writes `\mu` as U+00B5 MICRO SIGN, which browsers leave
    // upright; the Greek letter gets the same italic as the other variables.
    let mathml = mathml.replace('\u{b5}', "\u{3bc}");
    // It also escapes its own `&nbsp;` for `\ ` and `~`, which would show the
    // entity's name; a no-break space character is what was meant.
    let mathml = mathml.replace("&amp;nbsp;", "\u{a0}");
    Ok(protect_from_markdown(&space_leading_relations(&mathml)))
}

/// In TeX's `aligned`, a cell after `&` starts with an empty group, so
/// `&\sim` or `&=` is spaced as a relation. In MathML an operator that opens
/// its cell counts as a prefix and loses that space; an empty `<mrow>` in
/// front of it (in the even, left-aligned cells of align-like tables) gives
/// it back.
fn space_leading_relations(mathml: &str) -> String {
    // One entry per open <mtable>: whether it is align-like, and the column
    // of the current cell.
    let mut tables: Vec<(bool, usize)> = Vec::new();
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|c| open + c + 1) else {
            break;
        };
        let tag = &rest[open..close];
        out.push_str(&rest[..close]);
        rest = &rest[close..];
        let name = tag[1..]
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or_default();
        match name {
            "mtable" => tables.push((tag.contains("menv-alignlike"), 0)),
            "" if tag.starts_with("</mtable") => {
                tables.pop();
            }
            "mtr" => {
                if let Some(table) = tables.last_mut() {
                    table.1 = 0;
                }
            }
            "mtd" => {
                if let Some(table) = tables.last_mut() {
                    table.1 += 1;
                    let operator = rest.starts_with("<mo>") || rest.starts_with("<mo ");
                    if table.0 && table.1 % 2 == 0 && operator {
                        out.push_str("<mrow></mrow>");
                    }
                }
            }
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

/// One math fragment found in the markdown.
struct Fragment {
    /// Byte range of the whole fragment, delimiters included.
    whole: Range<usize>,
    /// Byte range of the TeX between the delimiters.
    tex: Range<usize>,
    /// Display (`\\[`) rather than inline (`\\(`) math.
    display: bool,
}

/// The fragments in `markdown[segment]`; an `Err` holds the offset of an
/// opening delimiter with no closing one in the segment.
fn find_fragments(markdown: &str, segment: Range<usize>) -> Vec<Result<Fragment, usize>> {
    let bytes = markdown.as_bytes();
    let end = segment.end;
    let mut found = Vec::new();
    let mut i = segment.start;
    while i < end {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let display = match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(b'\\'), Some(b'(')) if i + 3 <= end => Some(false),
            (Some(b'\\'), Some(b'[')) if i + 3 <= end => Some(true),
            _ => None,
        };
        let Some(display) = display else {
            // A backslash escapes the next character: step over both.
            i += 2;
            continue;
        };
        let closer = if display { b']' } else { b')' };
        let tex_start = i + 3;
        match find_closer(bytes, tex_start..end, closer) {
            Some(close) => {
                found.push(Ok(Fragment {
                    whole: i..close + 3,
                    tex: tex_start..close,
                    display,
                }));
                i = close + 3;
            }
            None => {
                found.push(Err(i));
                break;
            }
        }
    }
    found
}

/// Offset of the first `\\` + `closer` in `bytes[range]`, stepping over
/// escaped pairs so that a TeX line break (`\\\\`) is not mistaken for it.
fn find_closer(bytes: &[u8], range: Range<usize>, closer: u8) -> Option<usize> {
    let mut i = range.start;
    while i < range.end {
        if bytes[i] == b'\\' {
            if i + 3 <= range.end && bytes[i + 1] == b'\\' && bytes[i + 2] == closer {
                return Some(i);
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// Byte ranges that are not prose: code blocks, inline code and raw HTML,
/// sorted and merged. Math-like text in them is left alone.
fn skipped_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = new_cmark_parser(markdown, &MarkdownOptions::default())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
            | Event::Code(_)
            | Event::InlineHtml(_) => Some(range),
            _ => None,
        })
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The TeX that a reader of the rendered markdown would see: backslash
/// escapes of ASCII punctuation and the common character references undone.
fn unescape_markdown(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&(_, next)) if next.is_ascii_punctuation() => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push('\\'),
            },
            '&' => {
                let rest = &source[i..];
                let named = [
                    ("&lt;", '<'),
                    ("&gt;", '>'),
                    ("&amp;", '&'),
                    ("&quot;", '"'),
                ];
                match named.iter().find(|(name, _)| rest.starts_with(name)) {
                    Some((name, ch)) => {
                        out.push(*ch);
                        for _ in 1..name.len() {
                            chars.next();
                        }
                    }
                    None => out.push('&'),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Writes the ASCII punctuation in the text of `mathml` as character
/// references (leaving tags and existing references alone) and puts it all
/// on one line, so the markdown parser passes it through unchanged.
fn protect_from_markdown(mathml: &str) -> String {
    let mut out = String::with_capacity(mathml.len() + mathml.len() / 4);
    let mut in_tag = false;
    let mut in_quote = false;
    let mut after_value = false;
    let mut in_reference = false;
    for c in mathml.chars() {
        let c = if c == '\n' || c == '\r' { ' ' } else { c };
        if in_tag {
            // `pulldown-latex` 0.8 writes sized delimiters (`\Big(`) as
            // `stretchy="true"minsize=…`: attributes need a space between
            // them, or the tag is not HTML and the page shows it as text.
            if after_value && !in_quote && c.is_ascii_alphabetic() {
                out.push(' ');
            }
            out.push(c);
            after_value = false;
            if c == '"' {
                in_quote = !in_quote;
                after_value = !in_quote;
            }
            in_tag = in_quote || c != '>';
        } else if in_reference {
            out.push(c);
            in_reference = c != ';';
        } else if c == '<' {
            out.push(c);
            in_tag = true;
        } else if c == '&' {
            out.push(c);
            in_reference = true;
        } else if c.is_ascii_punctuation() {
            out.push_str(&format!("&#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// 1-based line number of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdbook_preprocessor::book::Chapter;
    use mdbook_preprocessor::config::Config;

    #[test]
    fn sized_delimiters_give_well_formed_attributes() {
        let mathml = tex_to_mathml(r"\Big(1 - x\Big)", true).unwrap();
        assert!(mathml.contains(r#"stretchy="true" minsize="#), "{mathml}");
        assert!(!mathml.contains(r#""minsize"#), "{mathml}");
    }

    fn converted(markdown: &str) -> String {
        convert_markdown(markdown).expect("the markdown converts")
    }

    #[test]
    fn inline_fragment_becomes_math_element() {
        let out = converted(r"The scale \\( \tau \\) is unknown.");
        assert!(out.starts_with("The scale <math"), "{out}");
        assert!(out.ends_with("</math> is unknown."), "{out}");
        assert!(!out.contains(r"\tau"), "{out}");
        assert!(out.contains('τ'), "{out}");
        assert!(!out.contains("display=\"block\""), "{out}");
    }

    #[test]
    fn display_fragment_is_a_block_on_one_line() {
        let out = converted("Before.\n\n\\\\[\n  \\frac{1}{\\sigma_j^2}\n\\\\]\n\nAfter.");
        assert!(
            out.starts_with("Before.\n\n<math display=\"block\""),
            "{out}"
        );
        assert!(out.contains("<mfrac>"), "{out}");
        assert!(out.ends_with("</math>\n\nAfter."), "{out}");
        let math_line = out.lines().nth(2).unwrap();
        assert!(math_line.starts_with("<math") && math_line.ends_with("</math>"));
    }

    #[test]
    fn markdown_escapes_inside_math_are_undone() {
        // `\\{` in markdown is the TeX `\{`: a literal brace, not a group.
        let out = converted(r"\\( \\{ a \\} \\)");
        assert!(out.contains("&#123;") && out.contains("&#125;"), "{out}");
        // `\\\\` is the TeX line break `\\`, not the end of the fragment.
        let out = converted(r"\\[ \begin{aligned} a &= 1 \\\\ b &= 2 \end{aligned} \\]");
        assert!(out.contains("<mtable"), "{out}");
        assert!(!out.contains(r"\\"), "{out}");
    }

    #[test]
    fn relations_after_alignment_marks_keep_their_space() {
        let out = tex_to_mathml(r"\begin{aligned} a &\sim b, & c &= d \end{aligned}", true)
            .expect("converts");
        assert_eq!(out.matches("<mrow></mrow><mo>").count(), 2, "{out}");
        // Outside align-like tables nothing is added.
        let out = tex_to_mathml(r"a = -b", false).expect("converts");
        assert!(!out.contains("<mrow></mrow>"), "{out}");
    }

    #[test]
    fn control_space_is_a_space_not_an_entity_name() {
        let out = tex_to_mathml(r"a,\ b~c", false).expect("converts");
        assert!(!out.contains("nbsp"), "{out}");
        assert_eq!(out.matches('\u{a0}').count(), 2, "{out}");
    }

    #[test]
    fn mu_is_the_greek_letter() {
        let out = tex_to_mathml(r"\mu", false).expect("converts");
        assert!(out.contains('\u{3bc}') && !out.contains('\u{b5}'), "{out}");
    }

    #[test]
    fn text_outside_math_is_untouched() {
        let text = "# Title\n\nPlain *emphasis*, a [link](x.md) and \\_escapes\\_.\n";
        assert_eq!(converted(text), text);
    }

    #[test]
    fn code_blocks_and_inline_code_are_untouched() {
        let text = "Inline `\\\\( \\tau \\\\)` code.\n\n\
                    ```text\n\\\\[ \\sum_j x_j \\\\]\n```\n\n\
                    ```rust\nlet s = \"\\\\( x \\\\)\";\n```\n\n\
                    \x20   indented \\\\( y \\\\)\n";
        assert_eq!(converted(text), text);
        let mixed = format!("{text}\nBut \\\\( z \\\\) is math.\n");
        let out = converted(&mixed);
        assert!(out.starts_with(text), "{out}");
        assert!(out.contains("But <math"), "{out}");
    }

    #[test]
    fn punctuation_in_mathml_cannot_become_markdown() {
        // `*` and `|` in the MathML text must not start emphasis or split a table cell.
        let out = converted("| a | b |\n|---|---|\n| \\\\( \\theta^* \\\\) | \\\\( |x| \\\\) |\n");
        assert!(
            !out.contains("<mo>*</mo>") && !out.contains("<mo>|</mo>"),
            "{out}"
        );
        assert_eq!(out.lines().nth(2).unwrap().matches('|').count(), 3, "{out}");
    }

    #[test]
    fn bad_fragment_is_reported_with_its_text_and_line() {
        let errors = convert_markdown("ok \\\\( x \\\\)\n\nbad \\\\( \\frac{1 \\\\) here\n")
            .expect_err("an unbalanced brace does not convert");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 3);
        assert_eq!(errors[0].fragment, r"\\( \frac{1 \\)");
    }

    #[test]
    fn unclosed_fragment_is_reported() {
        let errors = convert_markdown("an open \\\\( x without end\n").expect_err("unclosed");
        assert!(errors[0].message.contains("no closing"), "{errors:?}");
    }

    #[test]
    fn single_backslash_math_is_an_error_outside_code_only() {
        let errors =
            convert_markdown("ok \\\\(x\\\\) and `\\(x\\)`\n\nsmall \\(\\nu\\).\n").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].message.contains("single backslash"));
        assert!(convert_markdown("fine \\\\(\\nu\\\\)\n").is_ok());
    }

    #[test]
    fn preprocessor_fails_naming_chapter_and_fragment() {
        let mut book = Book::new();
        book.push_item(Chapter::new(
            "Good",
            "\\\\( \\alpha \\\\)".to_string(),
            "good.md",
            vec![],
        ));
        book.push_item(Chapter::new(
            "Bad",
            "\\\\( \\notacommand \\\\)".to_string(),
            "bad.md",
            vec![],
        ));
        let ctx = PreprocessorContext::new(".".into(), Config::default(), "html".into());
        let err = MathPreprocessor
            .run(&ctx, book)
            .expect_err("an unknown command fails the build")
            .to_string();
        assert!(err.contains("bad.md"), "{err}");
        assert!(err.contains(r"\\( \notacommand \\)"), "{err}");
        assert!(!err.contains("good.md"), "{err}");
    }

    #[test]
    fn preprocessor_converts_every_chapter() {
        let mut book = Book::new();
        book.push_item(Chapter::new(
            "One",
            "\\\\[ \\sum_{j=1}^J \\theta_j \\\\]".to_string(),
            "one.md",
            vec![],
        ));
        let ctx = PreprocessorContext::new(".".into(), Config::default(), "html".into());
        let mut book = MathPreprocessor.run(&ctx, book).expect("converts");
        let mut contents = Vec::new();
        book.for_each_chapter_mut(|c| contents.push(c.content.clone()));
        assert!(
            contents[0].starts_with("<math display=\"block\""),
            "{contents:?}"
        );
        assert!(contents[0].contains("<munderover>"), "{contents:?}");
    }
}
