//! Finding the math in the markdown: the `\\( … \\)` and `\\[ … \\]`
//! fragments outside code and raw HTML, the TeX a reader would see in each,
//! and math opened with a single backslash (an error).

use std::ops::Range;

use mdbook_markdown::pulldown_cmark::{Event, Tag};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

use super::{FragmentError, line_of};

/// Math opened with one backslash, `\(` or `\[`, in `markdown[segment]`:
/// markdown reads it as an escaped bracket, so the reader would see raw TeX.
/// Each one is an error asking for the doubled backslash.
pub(super) fn single_backslash_delimiters(
    markdown: &str,
    segment: Range<usize>,
) -> Vec<FragmentError> {
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

/// One math fragment found in the markdown.
pub(super) struct Fragment {
    /// Byte range of the whole fragment, delimiters included.
    pub(super) whole: Range<usize>,
    /// Byte range of the TeX between the delimiters.
    pub(super) tex: Range<usize>,
    /// Display (`\\[`) rather than inline (`\\(`) math.
    pub(super) display: bool,
}

/// The fragments in `markdown[segment]`; an `Err` holds the offset of an
/// opening delimiter with no closing one in the segment.
pub(super) fn find_fragments(
    markdown: &str,
    segment: Range<usize>,
) -> Vec<Result<Fragment, usize>> {
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
                found.push(Ok(Fragment { whole: i..close + 3, tex: tex_start..close, display }));
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
pub(super) fn find_closer(bytes: &[u8], range: Range<usize>, closer: u8) -> Option<usize> {
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
pub(super) fn skipped_ranges(markdown: &str) -> Vec<Range<usize>> {
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
pub(super) fn unescape_markdown(source: &str) -> String {
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
                let named = [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&'), ("&quot;", '"')];
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
