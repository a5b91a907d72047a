//! Converting one TeX fragment to a `<math>` element that markdown passes
//! through unchanged.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};

/// Converts one TeX fragment (already markdown-unescaped, no delimiters) to
/// a `<math>` element on a single line, with every ASCII punctuation
/// character of its text written as a character reference so that markdown
/// (emphasis, tables, smart quotes) cannot alter it.
pub fn tex_to_mathml(tex: &str, display: bool) -> Result<String, String> {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(tex, &storage).collect();
    let problems: Vec<String> =
        events.iter().filter_map(|e| e.as_ref().err().map(ToString::to_string)).collect();
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let config = RenderConfig {
        display_mode: if display { DisplayMode::Block } else { DisplayMode::Inline },
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
