//! Markdown tables for the book's generated pages.

use crate::FigureError;

/// Formats a markdown table. Columns whose cells all parse as numbers are
/// right-aligned; `|` in cells is escaped. Errors if there are no columns
/// or a row has a different number of cells from the header.
///
/// ```
/// use figures::{FigureError, markdown_table};
/// let rows = vec![vec!["mu".to_string(), "4.4".into()], vec!["tau|y".into(), "3.6".into()]];
/// let table = markdown_table(&["parameter", "mean"], &rows).unwrap();
/// let lines: Vec<&str> = table.lines().collect();
/// assert_eq!(lines[..2], ["| parameter | mean |", "|---|---:|"]); // numbers right-aligned
/// assert_eq!(lines[3], r"| tau\|y | 3.6 |");
/// let short = vec![vec!["mu".to_string()]];
/// assert!(matches!(markdown_table(&["parameter", "mean"], &short), Err(FigureError::Invalid(_))));
/// ```
pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> Result<String, FigureError> {
    if header.is_empty() {
        return Err(FigureError::Empty("markdown table".into()));
    }
    if let Some(row) = rows.iter().find(|r| r.len() != header.len()) {
        return Err(FigureError::Invalid(format!(
            "table row has {} cells but the header has {}: {row:?}",
            row.len(),
            header.len()
        )));
    }
    let numeric =
        |c: usize| !rows.is_empty() && rows.iter().all(|r| r[c].trim().parse::<f64>().is_ok());
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<String> = cells.map(|c| c.replace('|', "\\|")).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = line(&mut header.iter().copied());
    let rules: Vec<&str> =
        (0..header.len()).map(|c| if numeric(c) { "---:" } else { "---" }).collect();
    out.push_str(&format!("|{}|\n", rules.join("|")));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    Ok(out)
}
