//! The HTML around the figures: the page shell with its navigation, the
//! controls (sliders, choices, the seed), and small tables. Everything is
//! built as text, escaped where it holds anything but our own markup.

/// The style sheet, served at `/static/style.css`.
pub const STYLE: &str = include_str!("../assets/style.css");
/// The script that sends the controls' values and swaps in the answer,
/// served at `/static/app.js`.
pub const SCRIPT: &str = include_str!("../assets/app.js");
/// The landing page.
pub const INDEX: &str = include_str!("../assets/index.html");

/// `s` with `&`, `<`, `>` and quotes escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One control of a page's form.
#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    /// A slider `name` from `min` to `max` in steps of `step`, at `value`.
    Slider {
        /// Query parameter.
        name: &'static str,
        /// What the reader sees.
        label: &'static str,
        /// Range and step.
        min: f64,
        /// Upper end.
        max: f64,
        /// Step.
        step: f64,
        /// Current value.
        value: f64,
    },
    /// A choice among `(value, label)` options.
    Select {
        /// Query parameter.
        name: &'static str,
        /// What the reader sees.
        label: &'static str,
        /// Options.
        options: Vec<(&'static str, String)>,
        /// The chosen value.
        value: String,
    },
    /// The seed, with a "new draw" button that moves it on by one.
    Seed {
        /// Current seed.
        value: u64,
    },
}

impl Control {
    /// A slider `name` over `(min, max, step)` at `value`.
    pub fn slider(
        name: &'static str,
        label: &'static str,
        (min, max, step): (f64, f64, f64),
        value: f64,
    ) -> Self {
        Control::Slider { name, label, min, max, step, value }
    }

    /// A choice `name` among `(value, label)` options, at `value`.
    pub fn select(
        name: &'static str,
        label: &'static str,
        options: &[(&'static str, &str)],
        value: &str,
    ) -> Self {
        Control::Select {
            name,
            label,
            options: options.iter().map(|(v, l)| (*v, l.to_string())).collect(),
            value: value.to_string(),
        }
    }
}

/// The HTML of one control.
fn control_html(c: &Control) -> String {
    match c {
        Control::Slider { name, label, min, max, step, value } => format!(
            "<label>{label} <input type=\"range\" name=\"{name}\" min=\"{min}\" max=\"{max}\" \
             step=\"{step}\" value=\"{value}\"><output>{value}</output></label>\n"
        ),
        Control::Select { name, label, options, value } => {
            let opts: String = options
                .iter()
                .map(|(v, text)| {
                    let selected = if *v == value { " selected" } else { "" };
                    format!("<option value=\"{v}\"{selected}>{}</option>", escape(text))
                })
                .collect();
            format!("<label>{label} <select name=\"{name}\">{opts}</select></label>\n")
        }
        Control::Seed { value } => format!(
            "<label>seed <input type=\"number\" name=\"seed\" min=\"0\" max=\"{}\" \
             value=\"{value}\"></label> <button type=\"button\" id=\"new-draw\">new draw</button>\n",
            crate::pages::MAX_SEED
        ),
    }
}

/// A whole page: navigation, `intro` (our HTML), the controls posting to
/// `api`, a line for errors (`error`, if any) and the `result` fragment.
pub fn page(
    path: &str,
    title: &str,
    intro: &str,
    api: &str,
    controls: &[Control],
    error: Option<&str>,
    result: &str,
) -> String {
    let nav: String =
        [("/schools", "School scores"), ("/eight", "Eight Schools"), ("/funnel", "Neal's funnel")]
            .iter()
            .map(|(href, name)| {
                let here = if *href == path { " aria-current=\"page\"" } else { "" };
                format!("<a href=\"{href}\"{here}>{name}</a>")
            })
            .collect::<Vec<_>>()
            .join(" · ");
    let controls: String = controls.iter().map(control_html).collect();
    let error = error.map(escape).unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · explorer</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head>\n\
         <body><nav><a href=\"/\">explorer</a> · {nav}</nav>\n<main><h1>{title}</h1>\n{intro}\n\
         <form id=\"controls\" data-api=\"{api}\" action=\"{path}\">\n{controls}</form>\n\
         <p id=\"error\" class=\"error\" role=\"alert\">{error}</p>\n\
         <div id=\"result\">{result}</div></main>\n<script src=\"/static/app.js\"></script></body></html>\n"
    )
}

/// A table with a header row; cells are our own HTML.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let head: String = header.iter().map(|h| format!("<th>{h}</th>")).collect();
    let body: String = rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| format!("<td>{c}</td>")).collect();
            format!("<tr>{cells}</tr>\n")
        })
        .collect();
    format!("<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_marks_the_current_page() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        let p = page("/eight", "T", "", "/api/eight", &[], Some("bad <x>"), "");
        assert!(p.contains("<a href=\"/eight\" aria-current=\"page\">"));
        assert!(p.contains("bad &lt;x&gt;"));
    }
}
