//! Marks: the things a panel draws (points, lines, bands, rules, intervals,
//! segments, histograms, text), each with a [`Style`].

use plotters::style::Color;

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch};
use crate::stat::histogram;
use crate::style::{Anchor, Shape, Style};

/// One mark of a [`crate::Panel`], in data coordinates.
///
/// ```
/// use figures::{Mark, Style, theme::palette};
/// // Intervals with their point estimates: one legend entry, a line with a dot.
/// let style = Style::new(palette::BLUE).label("posterior");
/// let marks = vec![
///     Mark::Intervals { x: vec![0.0, 1.0], low: vec![0.1, 0.4], high: vec![0.5, 0.9], style: style.clone() },
///     Mark::Points { x: vec![0.0, 1.0], y: vec![0.3, 0.6], radii: vec![], style: style.size(5.0) },
/// ];
/// assert_eq!(marks[1].style().size, 5.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// Points at `(x[i], y[i])`; `radii`, if not empty, gives each point's
    /// radius in pixels (otherwise `style.size`).
    Points { x: Vec<f64>, y: Vec<f64>, radii: Vec<f64>, style: Style },
    /// A polyline through `points` in order.
    Line { points: Vec<(f64, f64)>, style: Style },
    /// A filled band between `low` and `high` over `x` (x increasing).
    Band { x: Vec<f64>, low: Vec<f64>, high: Vec<f64>, style: Style },
    /// A horizontal rule across the panel.
    HLine { y: f64, style: Style },
    /// A vertical rule across the panel.
    VLine { x: f64, style: Style },
    /// Vertical segments from `low[i]` to `high[i]` at `x[i]`.
    Intervals { x: Vec<f64>, low: Vec<f64>, high: Vec<f64>, style: Style },
    /// Horizontal segments from `low[i]` to `high[i]` at height `y[i]`.
    HIntervals { y: Vec<f64>, low: Vec<f64>, high: Vec<f64>, style: Style },
    /// Straight segments `(from, to)`; with `arrow`, a head at each `to`.
    Segments { segments: Vec<((f64, f64), (f64, f64))>, arrow: bool, style: Style },
    /// A histogram of `values` (counts) with `bins` equal bins over `range`
    /// (default: the values' range).
    Histogram { values: Vec<f64>, bins: usize, range: Option<(f64, f64)>, style: Style },
    /// Bars from zero up to `height[i]` over `[x[i], x[i] + width]`.
    Bars { x: Vec<f64>, width: f64, height: Vec<f64>, style: Style },
    /// Labels at `at[i]` moved by `offset` pixels (right, down), placed
    /// by `anchor` and vertically centred; `style.size` is the font size.
    Text {
        at: Vec<(f64, f64)>,
        text: Vec<String>,
        anchor: Anchor,
        offset: (i32, i32),
        style: Style,
    },
}

impl Mark {
    /// Points at `(x[i], y[i])`, each of radius `style.size`.
    ///
    /// ```
    /// use figures::{Mark, Style, theme::palette};
    /// let m = Mark::points(vec![1.0], vec![2.0], Style::new(palette::BLUE));
    /// assert!(matches!(m, Mark::Points { radii, .. } if radii.is_empty()));
    /// ```
    pub fn points(x: Vec<f64>, y: Vec<f64>, style: Style) -> Self {
        let radii = vec![];
        Mark::Points { x, y, radii, style }
    }

    /// A polyline through `points` in order.
    ///
    /// ```
    /// use figures::{Mark, Style, theme::palette};
    /// let m = Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], Style::new(palette::BLUE));
    /// assert_eq!(m.style().colour, palette::BLUE);
    /// ```
    pub fn line(points: Vec<(f64, f64)>, style: Style) -> Self {
        Mark::Line { points, style }
    }

    /// The mark's style.
    ///
    /// ```
    /// use figures::{Mark, Style, theme};
    /// let rule = Mark::HLine { y: 0.0, style: Style::new(theme::MUTED).dashed() };
    /// assert!(rule.style().dashed);
    /// ```
    pub fn style(&self) -> &Style {
        match self {
            Mark::Points { style, .. }
            | Mark::Line { style, .. }
            | Mark::Band { style, .. }
            | Mark::HLine { style, .. }
            | Mark::VLine { style, .. }
            | Mark::Intervals { style, .. }
            | Mark::HIntervals { style, .. }
            | Mark::Segments { style, .. }
            | Mark::Histogram { style, .. }
            | Mark::Bars { style, .. }
            | Mark::Text { style, .. } => style,
        }
    }
}

/// The data a mark spans.
#[derive(Debug, Default)]
pub(crate) struct Extent {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// The y axis should start at zero (counts).
    pub y_from_zero: bool,
}

/// Checks `mark` (lengths agree, values finite, something to draw) and adds
/// the data it spans to `e`; `what` names it in errors.
pub(crate) fn extent(mark: &Mark, what: &str, e: &mut Extent) -> Result<(), FigureError> {
    let same = |a: usize, b: usize, c: usize| {
        if a == 0 {
            Err(FigureError::Empty(what.to_string()))
        } else if a != b || a != c {
            Err(FigureError::Invalid(format!("{what}: lengths {a}, {b}, {c} differ")))
        } else {
            Ok(())
        }
    };
    match mark {
        // An empty set of points is allowed: it still gives a legend entry
        // (e.g. "divergent (0)").
        Mark::Points { x, y, radii, .. } if x.is_empty() && y.is_empty() && radii.is_empty() => {}
        Mark::Points { x, y, radii, .. } => {
            let r = if radii.is_empty() { x.len() } else { radii.len() };
            same(x.len(), y.len(), r)?;
            check_finite(what, x.iter().chain(y).chain(radii))?;
            e.xs.extend(x);
            e.ys.extend(y);
        }
        Mark::Line { points, .. } => {
            same(points.len(), points.len(), points.len())?;
            check_finite(what, points.iter().flat_map(|(a, b)| [a, b]))?;
            e.xs.extend(points.iter().map(|p| p.0));
            e.ys.extend(points.iter().map(|p| p.1));
        }
        Mark::Band { x, low, high, .. } | Mark::Intervals { x, low, high, .. } => {
            same(x.len(), low.len(), high.len())?;
            check_finite(what, x.iter().chain(low).chain(high))?;
            e.xs.extend(x);
            e.ys.extend(low.iter().chain(high));
        }
        Mark::HIntervals { y, low, high, .. } => {
            same(y.len(), low.len(), high.len())?;
            check_finite(what, y.iter().chain(low).chain(high))?;
            e.ys.extend(y);
            e.xs.extend(low.iter().chain(high));
        }
        Mark::Segments { segments, .. } => {
            same(segments.len(), segments.len(), segments.len())?;
            let ends = segments.iter().flat_map(|(a, b)| [a, b]);
            check_finite(what, ends.clone().flat_map(|(x, y)| [x, y]))?;
            e.xs.extend(ends.clone().map(|p| p.0));
            e.ys.extend(ends.map(|p| p.1));
        }
        Mark::HLine { y, .. } => {
            check_finite(what, [y])?;
            e.ys.push(*y);
        }
        Mark::VLine { x, .. } => {
            check_finite(what, [x])?;
            e.xs.push(*x);
        }
        Mark::Histogram { values, bins, range, .. } => {
            same(values.len(), values.len(), values.len())?;
            check_finite(what, values)?;
            let b = histogram(values, *bins, *range)?;
            e.xs.extend([b.lo, b.hi()]);
            e.ys.push(b.counts.iter().copied().max().unwrap_or(0) as f64);
            e.y_from_zero = true;
        }
        Mark::Bars { x, width, height, .. } => {
            same(x.len(), height.len(), height.len())?;
            check_finite(what, x.iter().chain(height).chain([width]))?;
            e.xs.extend(x.iter().flat_map(|l| [*l, l + width]));
            e.ys.extend(height);
            e.y_from_zero = true;
        }
        Mark::Text { at, text, .. } => {
            same(at.len(), text.len(), at.len())?;
            check_finite(what, at.iter().flat_map(|(a, b)| [a, b]))?;
        }
    }
    Ok(())
}

/// The legend entry of a mark (none if its label is empty).
fn legend_item(mark: &Mark) -> Option<LegendItem> {
    let style = mark.style();
    if style.label.is_empty() {
        return None;
    }
    let colour = style.colour.mix(style.opacity.max(0.6));
    let width = (style.size.round() as u32).clamp(1, 4);
    let swatch = match mark {
        Mark::Points { .. } => match style.shape {
            Shape::Dot => Swatch::Dot(colour, (style.size.round() as u32).clamp(3, 6)),
            Shape::Cross => Swatch::Cross(colour),
            Shape::Square => Swatch::Bar(colour),
        },
        Mark::Band { .. } | Mark::Histogram { .. } | Mark::Bars { .. } => {
            Swatch::Bar(style.colour.mix(style.opacity.max(0.3)))
        }
        _ if style.dashed => Swatch::Dashed(colour),
        _ => Swatch::Line(colour, width.max(2)),
    };
    Some(LegendItem::new(swatch, style.label.clone()))
}

/// The legend of `marks`, one entry per label.
pub(crate) fn legend_of<'a>(marks: impl IntoIterator<Item = &'a Mark>) -> Vec<LegendItem> {
    let mut legend: Vec<LegendItem> = Vec::new();
    for item in marks.into_iter().filter_map(legend_item) {
        match legend.iter_mut().find(|l| l.label == item.label) {
            // A line and a dot under one label (an interval and its point
            // estimate) share one swatch.
            Some(l) => l.swatch = l.swatch.with(item.swatch),
            None => legend.push(item),
        }
    }
    legend
}
