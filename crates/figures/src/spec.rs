//! What a figure is: a grid of panels, each with its axes and a list of
//! marks (points, lines, bands, rules, intervals, segments, histograms,
//! text) drawn in order. `figure.rs` draws it.

use crate::mark::Mark;
use crate::scale::Scale;

impl Figure {
    /// A figure of `panels`, `columns` to a row, each `panel_height` pixels
    /// high (the other fields can be set with struct update syntax).
    ///
    /// ```
    /// let f = figures::Figure::grid(vec![], 2, 360);
    /// assert_eq!((f.columns, f.panel_height, f.shared_x), (2, 360, false));
    /// ```
    pub fn grid(panels: Vec<Panel>, columns: usize, panel_height: u32) -> Self {
        Self { panels, columns, panel_height, ..Default::default() }
    }

    /// The same figure under `title`.
    ///
    /// ```
    /// let f = figures::Figure::grid(vec![], 1, 300).titled("traces").shared(true, false);
    /// assert_eq!((f.title.as_str(), f.shared_x, f.shared_y), ("traces", true, false));
    /// ```
    pub fn titled(self, title: impl Into<String>) -> Self {
        let title = title.into();
        Self { title, ..self }
    }

    /// The same figure with one x range for all panels (`x`) and one y
    /// range (`y`), or not.
    ///
    /// ```
    /// use figures::{Figure, Mark, Panel, Style, theme::palette};
    /// let panel = |x: f64| Panel {
    ///     marks: vec![Mark::points(vec![x], vec![0.0], Style::new(palette::BLUE))],
    ///     y_ticks: Some(vec![(0.0, "Choate".into())]),
    ///     ..Default::default()
    /// };
    /// let f = Figure::grid(vec![panel(1.0), panel(2.0)], 2, 200).shared(false, true);
    /// // One y range, so the row labels are drawn in the first column only.
    /// assert_eq!(figures::to_svg(&f).unwrap().matches("Choate").count(), 1);
    /// ```
    pub fn shared(self, x: bool, y: bool) -> Self {
        let (shared_x, shared_y) = (x, y);
        Self { shared_x, shared_y, ..self }
    }
}

/// A grid of [`Panel`]s with a legend below them.
///
/// ```
/// use figures::{Figure, Mark, Panel, Style, theme::palette};
/// let panel = Panel {
///     x_label: "x".into(),
///     marks: vec![Mark::Line {
///         points: vec![(0.0, 0.0), (1.0, 1.0)],
///         style: Style::new(palette::BLUE).label("y = x"),
///     }],
///     ..Default::default()
/// };
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("line.svg");
/// figures::draw(&path, &Figure { panels: vec![panel], ..Default::default() }).unwrap();
/// assert!(std::fs::read_to_string(&path).unwrap().contains("<polyline"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    /// Figure title (may be empty).
    pub title: String,
    /// The panels, filled row by row.
    pub panels: Vec<Panel>,
    /// Panels per row (1 to 6; 0 means 1).
    pub columns: usize,
    /// Height of each panel's plotting area with its axes, in pixels (0 means 300).
    pub panel_height: u32,
    /// All panels use one x range.
    pub shared_x: bool,
    /// All panels use one y range.
    pub shared_y: bool,
    /// Each panel gets its own legend below it instead of one for the figure.
    pub legend_per_panel: bool,
}

/// One panel: its axes (labels, ranges, scales, explicit ticks) and its
/// marks, drawn in order.
///
/// ```
/// use figures::{Mark, Panel, Scale, Style, theme::palette};
/// let mse = Panel {
///     x_label: "n (an error falling as 1/n is a straight line)".into(),
///     marks: vec![Mark::Line {
///         points: [5.0, 10.0, 50.0, 100.0].map(|n| (n, 20.0 / n)).to_vec(),
///         style: Style::new(palette::BLUE).label("no pooling"),
///     }],
///     x_scale: Scale::Log,
///     y_scale: Scale::Log,
///     ..Default::default()
/// };
/// let dir = tempfile::tempdir().unwrap();
/// figures::draw(&dir.path().join("mse.svg"), &figures::Figure::grid(vec![mse], 1, 300)).unwrap();
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panel {
    /// Drawn above the panel (may be empty).
    pub title: String,
    /// Description of the x axis.
    pub x_label: String,
    /// Description of the y axis.
    pub y_label: String,
    /// The marks, later ones on top.
    pub marks: Vec<Mark>,
    /// Explicit x ticks `(position, label)`, e.g. for a category axis or a
    /// log axis drawn on log values; `None` lets plotters choose.
    pub x_ticks: Option<Vec<(f64, String)>>,
    /// Explicit y ticks `(position, label)`, e.g. one row per group (with
    /// [`Figure::shared_y`], labelled in the first column only).
    pub y_ticks: Option<Vec<(f64, String)>>,
    /// Notes at the right of the plotting area, `(y, text)`.
    pub y_notes: Vec<(f64, String)>,
    /// Fixed x range instead of the data's (marks are clipped to it).
    pub x_range: Option<(f64, f64)>,
    /// Fixed y range instead of the data's.
    pub y_range: Option<(f64, f64)>,
    /// Linear or logarithmic x axis.
    pub x_scale: Scale,
    /// Linear or logarithmic y axis.
    pub y_scale: Scale,
}
