//! Recipe for estimates of many groups side by side along the x axis
//! (a caterpillar of schools, countries, districts).

use crate::mark::Mark;
use crate::recipes::{category_ticks, dodged};
use crate::style::{Shape, Style};
use crate::theme::palette;
use crate::{FigureError, Panel};

/// Groups beyond this count get no x labels and thinner marks.
///
/// ```
/// let many: Vec<String> = (0..=figures::recipes::MAX_LABELLED_GROUPS).map(|i| i.to_string()).collect();
/// let series = [("s".to_string(), vec![(1.0, 0.0, 2.0); many.len()])];
/// let p = figures::recipes::group_intervals("g", "y", &many, &series, &[]).unwrap();
/// assert_eq!(p.x_ticks, Some(vec![]));
/// ```
pub const MAX_LABELLED_GROUPS: usize = 30;

/// One estimate per group, `(point, low, high)`, under a legend label.
///
/// ```
/// let s: figures::recipes::GroupSeries = ("posterior".into(), vec![(1.0, 0.5, 1.5)]);
/// assert_eq!(s.1[0].1, 0.5);
/// ```
pub type GroupSeries = (String, Vec<(f64, f64, f64)>);

/// Points at `(x in group units, y)` drawn with one shape, under a label.
///
/// ```
/// use figures::{Shape, recipes::GroupMarkers};
/// let truth: GroupMarkers = ("true mean".into(), Shape::Cross, vec![(0.0, 1.2)]);
/// assert_eq!(truth.1, Shape::Cross);
/// ```
pub type GroupMarkers = (String, Shape, Vec<(f64, f64)>);

/// Groups along the x axis (group `i` at `i`): each estimate series as
/// vertical intervals with a dot, series side by side within a group, then
/// marker series (true values, sample means) on top; colours follow the
/// palette, estimates first. With more than [`MAX_LABELLED_GROUPS`] groups
/// the labels are left out and the marks are thinner. Errors if a series
/// does not have one estimate per group or an interval is reversed.
///
/// ```
/// use figures::Shape;
/// let groups = ["a".to_string(), "b".to_string()];
/// let series = [("posterior".to_string(), vec![(1.0, 0.5, 1.5), (2.0, 1.0, 3.0)])];
/// let truth = [("truth".to_string(), Shape::Cross, vec![(0.0, 1.1), (1.0, 2.2)])];
/// let p = figures::recipes::group_intervals("school", "mean", &groups, &series, &truth).unwrap();
/// assert_eq!(p.marks.len(), 3);
/// ```
pub fn group_intervals(
    x_label: &str,
    y_label: &str,
    groups: &[String],
    series: &[GroupSeries],
    markers: &[GroupMarkers],
) -> Result<Panel, FigureError> {
    let n = groups.len();
    let (line, dot, mark) =
        if n <= MAX_LABELLED_GROUPS { (3.0, 5.0, 6.0) } else { (1.0, 2.0, 3.0) };
    let x: Vec<f64> = (0..n).map(|g| g as f64).collect();
    let mut marks = Vec::new();
    for (i, (label, values)) in series.iter().enumerate() {
        if values.len() != n {
            return Err(FigureError::Invalid(format!(
                "series {label:?} has {} values for {n} groups",
                values.len()
            )));
        }
        if let Some((_, l, h)) = values.iter().find(|(_, l, h)| l > h) {
            return Err(FigureError::Invalid(format!("{label:?}: interval {l} > {h}")));
        }
        let style = Style::new(palette::series(i)).label(label.clone());
        let x = dodged(&x, i, series.len());
        marks.push(Mark::Intervals {
            x: x.clone(),
            low: values.iter().map(|v| v.1).collect(),
            high: values.iter().map(|v| v.2).collect(),
            style: style.clone().size(line),
        });
        let y = values.iter().map(|v| v.0).collect();
        marks.push(Mark::points(x, y, style.size(dot)));
    }
    for (j, (label, shape, points)) in markers.iter().enumerate() {
        let size = if *shape == Shape::Cross { mark } else { mark - 1.0 };
        let style = Style::new(palette::series(series.len() + j));
        let (x, y) = points.iter().copied().unzip();
        marks.push(Mark::points(x, y, style.size(size).shape(*shape).label(label.clone())));
    }
    let labelled = if n <= MAX_LABELLED_GROUPS { groups } else { &[] };
    Ok(Panel {
        x_label: x_label.into(),
        y_label: y_label.into(),
        marks,
        x_ticks: Some(category_ticks(labelled)),
        x_range: Some((-0.6, n as f64 - 0.4)),
        ..Default::default()
    })
}
