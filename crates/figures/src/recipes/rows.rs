//! Recipes for groups and series: forests, strips of replications, lines.

use plotters::style::RGBColor;

use crate::mark::Mark;
use crate::stat::{self, jitter, median};
use crate::style::{Shape, Style};
use crate::theme::{self, palette};
use crate::{FigureError, Panel};

/// One row of a [`forest`] panel.
///
/// ```
/// use figures::recipes::{ForestRow, forest, rows_figure};
/// let row = |label: &str, mean| ForestRow {
///     label: label.into(), mean, low: mean - 1.0, high: mean + 1.0,
///     observed: Some(mean + 0.5), note: Some("R-hat 1.00".into()),
/// };
/// let rows = [row("Choate", 2.0), row("Deerfield", 0.0)];
/// let panel = forest("effect", ["posterior", "observed"], &rows, None);
/// let svg = figures::to_svg(&rows_figure("schools", vec![panel], 30)).unwrap();
/// assert!(["Choate", "Deerfield", "R-hat 1.00", "observed"].iter().all(|t| svg.contains(t)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForestRow {
    /// Drawn at the left of the row.
    pub label: String,
    /// Point estimate, drawn as a dot.
    pub mean: f64,
    /// Lower end of the interval.
    pub low: f64,
    /// Upper end of the interval.
    pub high: f64,
    /// Observed value, drawn as a cross.
    pub observed: Option<f64>,
    /// Short text at the right of the row (e.g. "R-hat 1.00").
    pub note: Option<String>,
}

/// A forest (caterpillar) panel: one row per group, top to bottom, with its
/// interval and point estimate, an optional observed value (a cross) and
/// note, and an optional dashed vertical `reference`; `labels` are the
/// legend labels of the estimates and of the observed values.
///
/// ```
/// use figures::recipes::{ForestRow, forest};
/// let rows = [ForestRow { label: "A".into(), mean: 1.0, low: 0.0, high: 2.0, ..Default::default() }];
/// let p = forest("effect", ["posterior mean and interval", "observed"], &rows, None);
/// assert_eq!(p.y_ticks.unwrap()[0].1, "A");
/// ```
pub fn forest(
    x_label: &str,
    [estimate, observed_label]: [&str; 2],
    rows: &[ForestRow],
    reference: Option<(f64, String)>,
) -> Panel {
    let n = rows.len();
    let y: Vec<f64> = (0..n).map(|i| (n - 1 - i) as f64).collect();
    let blue = Style::new(palette::BLUE);
    let mut marks = Vec::new();
    if let Some((x, label)) = reference {
        let style = Style::new(theme::MUTED).dashed().label(label);
        marks.push(Mark::VLine { x, style });
    }
    marks.push(Mark::HIntervals {
        y: y.clone(),
        low: rows.iter().map(|r| r.low).collect(),
        high: rows.iter().map(|r| r.high).collect(),
        style: blue.clone().size(3.0).label(estimate),
    });
    let means = rows.iter().map(|r| r.mean).collect();
    marks.push(Mark::points(means, y.clone(), blue.size(5.0).label(estimate)));
    let observed: Vec<(f64, f64)> =
        rows.iter().zip(&y).filter_map(|(r, y)| Some((r.observed?, *y))).collect();
    if !observed.is_empty() {
        let (x, y) = observed.into_iter().unzip();
        let cross = Style::new(palette::VERMILLION).size(6.0).shape(Shape::Cross);
        marks.push(Mark::points(x, y, cross.label(observed_label)));
    }
    let labelled = |text: &dyn Fn(&ForestRow) -> Option<String>| -> Vec<(f64, String)> {
        rows.iter().zip(&y).filter_map(|(r, y)| Some((*y, text(r)?))).collect()
    };
    Panel {
        x_label: x_label.into(),
        marks,
        y_ticks: Some(labelled(&|r| Some(r.label.clone()))),
        y_notes: labelled(&|r| r.note.clone()),
        y_range: Some((-0.5, n as f64 - 0.5)),
        ..Default::default()
    }
}

/// Panels of rows (such as [`forest`]s) side by side under `title`, each
/// row `row_height` pixels high.
///
/// ```
/// use figures::recipes::{ForestRow, forest, rows_figure};
/// let rows = [ForestRow { label: "A".into(), mean: 1.0, low: 0.0, high: 2.0, ..Default::default() }];
/// let f = rows_figure("effects", vec![forest("effect", ["mean", "truth"], &rows, None)], 36);
/// assert_eq!(f.panel_height, 36 + 78);
/// ```
pub fn rows_figure(title: &str, panels: Vec<Panel>, row_height: u32) -> crate::Figure {
    let rows = panels.iter().filter_map(|p| p.y_ticks.as_ref()).map(Vec::len).max();
    let columns = panels.len();
    let height = rows.unwrap_or(1) as u32 * row_height + 78;
    crate::Figure::grid(panels, columns, height).titled(title)
}

/// Labelled curves on one set of axes in the palette's colours, the x axis
/// spanning the data exactly: exact densities, risks, running means.
///
/// ```
/// let f = figures::recipes::lines("risk", "n", "risk", vec![("a".into(), vec![(0.0, 1.0), (2.0, 0.5)])]);
/// assert_eq!(f.panels[0].x_range, Some((0.0, 2.0)));
/// ```
pub fn lines(
    title: &str,
    x_label: &str,
    y_label: &str,
    series: Vec<(String, Vec<(f64, f64)>)>,
) -> crate::Figure {
    let xs = series.iter().flat_map(|(_, p)| p.iter().map(|p| p.0));
    let x_range = crate::render::padded_range(xs, 0.0);
    let marks = series
        .into_iter()
        .enumerate()
        .map(|(i, (label, points))| Mark::line(points, Style::new(palette::series(i)).label(label)))
        .collect();
    let panel = Panel {
        x_label: x_label.into(),
        y_label: y_label.into(),
        marks,
        x_range,
        ..Default::default()
    };
    crate::Figure::grid(vec![panel], 1, 400).titled(title)
}

/// Strips of replications: category `c` (an x tick) and group `g` get a
/// column of jittered dots, `values[g][c]`, with a black bar at their
/// median; `groups` gives each group's legend label and colour, and
/// `reference` a dashed horizontal line with its label. Errors unless
/// `values` has one entry per group, each with one per category.
///
/// ```
/// use figures::theme::palette;
/// let p = figures::recipes::strip("ESS", "target", "ESS", &["0.8".into(), "0.95".into()],
///     &[vec![vec![1.0, 2.0], vec![3.0]]], &[("centred".into(), palette::ORANGE)], None).unwrap();
/// assert_eq!(p.x_ticks.unwrap().len(), 2);
/// ```
pub fn strip(
    title: &str,
    x_label: &str,
    y_label: &str,
    categories: &[String],
    values: &[Vec<Vec<f64>>],
    groups: &[(String, RGBColor)],
    reference: Option<(f64, String)>,
) -> Result<Panel, FigureError> {
    const BAND: f64 = 0.7;
    if values.len() != groups.len() || values.iter().any(|g| g.len() != categories.len()) {
        return Err(FigureError::Invalid(format!(
            "strip {title:?}: values must be [{} groups][{} categories]",
            groups.len(),
            categories.len()
        )));
    }
    let strip = BAND / groups.len().max(1) as f64;
    let mut marks = Vec::new();
    if let Some((y, label)) = reference {
        let style = Style::new(theme::MUTED).dashed().label(label);
        marks.push(Mark::HLine { y, style });
    }
    let mut medians = Vec::new();
    for (g, ((label, colour), by_category)) in groups.iter().zip(values).enumerate() {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for (c, v) in by_category.iter().enumerate() {
            let centre = c as f64 - 0.5 * BAND + (g as f64 + 0.5) * strip;
            x.extend((0..v.len()).map(|i| centre + 0.6 * strip * jitter(i)));
            y.extend(v);
            if let Some(m) = median(v) {
                medians.push(((centre - 0.4 * strip, m), (centre + 0.4 * strip, m)));
            }
        }
        let style = Style::new(*colour).opacity(0.55).size(4.0).label(label.clone());
        marks.push(Mark::points(x, y, style));
    }
    marks.push(Mark::Segments {
        segments: medians,
        arrow: false,
        style: Style::new(palette::BLACK).size(3.0).label("median"),
    });
    Ok(Panel {
        title: title.into(),
        x_label: x_label.into(),
        y_label: y_label.into(),
        marks,
        x_ticks: Some(category_ticks(categories)),
        x_range: Some((-0.5, categories.len() as f64 - 0.5)),
        ..Default::default()
    })
}

/// Ticks `(i, label)` for categories at 0, 1, 2, …
///
/// ```
/// let t = figures::recipes::category_ticks(&["a".into(), "b".into()]);
/// assert_eq!(t, vec![(0.0, "a".to_string()), (1.0, "b".to_string())]);
/// ```
pub fn category_ticks(labels: &[String]) -> Vec<(f64, String)> {
    labels.iter().enumerate().map(|(i, l)| (i as f64, l.clone())).collect()
}

/// `x` moved for series `i` of `m` drawn side by side (see [`stat::dodge`]).
///
/// ```
/// assert_eq!(figures::recipes::dodged(&[0.0, 1.0], 0, 1), vec![0.0, 1.0]);
/// ```
pub fn dodged(x: &[f64], i: usize, m: usize) -> Vec<f64> {
    x.iter().map(|v| v + stat::dodge(i, m)).collect()
}
