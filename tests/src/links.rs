//! Links and images on a page, found by a CommonMark parser
//! (`pulldown-cmark`, the parser mdBook itself uses), so code blocks, inline
//! code, escapes and reference definitions are handled as mdBook renders them.

use pulldown_cmark::{Event, Options, Parser, Tag};
use std::path::PathBuf;

/// The summary's page paths, in order (draft chapters `[x]()` have none).
pub(crate) fn summary_pages(text: &str) -> Vec<String> {
    links(text)
        .into_iter()
        .filter(|l| l.kind == "link")
        .filter_map(|l| local_target(&l.target))
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

/// A link or image target found on a page.
#[derive(Debug, PartialEq)]
pub(crate) struct Link {
    /// "link" or "image".
    pub(crate) kind: &'static str,
    pub(crate) target: String,
}

/// Markdown and HTML links and images in `text`, outside code blocks and
/// inline code, in order of appearance; then the targets of reference
/// definitions (`[label]: target`), used or not.
pub(crate) fn links(text: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES);
    for event in parser.by_ref() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push(Link { kind: "link", target: dest_url.to_string() })
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                out.push(Link { kind: "image", target: dest_url.to_string() })
            }
            Event::Html(html) | Event::InlineHtml(html) => html_links(&html, &mut out),
            _ => {}
        }
    }
    let mut definitions: Vec<(usize, String)> = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| (def.span.start, def.dest.to_string()))
        .collect();
    definitions.sort();
    out.extend(definitions.into_iter().map(|(_, target)| Link { kind: "link", target }));
    out
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
                _ => value.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or(""),
            };
            out.push(Link { kind, target: target.to_string() });
        }
    }
}

/// The file path a link points at, or `None` if it is not a local file:
/// external (`https:`, `mailto:`...), absolute, a same-page `#fragment`, or
/// empty. Fragments and queries are removed; `%20` is decoded.
pub(crate) fn local_target(target: &str) -> Option<PathBuf> {
    let path = target.split(['#', '?']).next().unwrap_or("");
    let has_scheme = path.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if path.is_empty() || path.starts_with('/') || has_scheme {
        return None;
    }
    Some(PathBuf::from(path.replace("%20", " ")))
}
