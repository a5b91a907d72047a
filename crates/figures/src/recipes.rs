//! Recipes: short functions that build the panels the book draws often
//! (traces, divergence scatters, density histograms, strips of replications)
//! from marks. Put the panels in a [`crate::Figure`] and [`crate::draw`] it.

use plotters::style::RGBColor;

use crate::mark::{Mark, Shape, Style};
use crate::stat::{self, histogram, jitter, median};
use crate::theme::{self, palette};
use crate::{FigureError, Panel};

/// Colours of reference lines in traces, in order (blue and vermillion are
/// taken by the draws and the divergences).
const REFERENCE_COLOURS: [RGBColor; 4] = [
    palette::BLACK,
    palette::GREEN,
    palette::PURPLE,
    palette::ORANGE,
];

/// Fails unless `x`, `y` and `divergent` have one entry per draw.
fn check_draws(what: &str, x: &[f64], y: &[f64], divergent: &[bool]) -> Result<(), FigureError> {
    if x.len() != y.len() || x.len() != divergent.len() {
        return Err(FigureError::Invalid(format!(
            "{what}: {} x, {} y and {} divergence flags",
            x.len(),
            y.len(),
            divergent.len()
        )));
    }
    Ok(())
}

/// Red dots on top of the draws at the divergent transitions, labelled with
/// their count; `x[i]`, `y[i]` is draw `i` (lengths checked by the caller).
fn divergent_dots(x: &[f64], y: &[f64], divergent: &[bool]) -> Mark {
    let keep: Vec<usize> = (0..x.len()).filter(|&i| divergent[i]).collect();
    Mark::Points {
        x: keep.iter().map(|&i| x[i]).collect(),
        y: keep.iter().map(|&i| y[i]).collect(),
        radii: vec![],
        style: Style::new(palette::VERMILLION)
            .size(3.0)
            .label(format!("divergent ({})", keep.len())),
    }
}

/// One chain's trace: `values` against iteration 1, 2, … as a thin blue
/// line, divergent draws (if `divergent` is not empty) as red dots, and
/// dashed horizontal `references` `(y, label)`. Errors if `divergent` is
/// neither empty nor one flag per value.
///
/// ```
/// use figures::{Figure, recipes::trace};
/// let panel = trace("chain 1", "tau", &[1.0, 2.0, 1.5], &[false, true, false], &[(1.2, "median".into())]).unwrap();
/// let dir = tempfile::tempdir().unwrap();
/// let fig = Figure { panels: vec![panel], legend_per_panel: true, ..Default::default() };
/// figures::draw(&dir.path().join("trace.svg"), &fig).unwrap();
/// ```
pub fn trace(
    title: &str,
    y_label: &str,
    values: &[f64],
    divergent: &[bool],
    references: &[(f64, String)],
) -> Result<Panel, FigureError> {
    let x: Vec<f64> = (1..=values.len()).map(|i| i as f64).collect();
    if !divergent.is_empty() {
        check_draws(title, &x, values, divergent)?;
    }
    let mut marks = vec![Mark::Line {
        points: x.iter().copied().zip(values.iter().copied()).collect(),
        style: Style::new(palette::BLUE).size(1.0).label("draws"),
    }];
    for (i, (y, label)) in references.iter().enumerate() {
        let colour = REFERENCE_COLOURS[i % REFERENCE_COLOURS.len()];
        let style = Style::new(colour).dashed().label(label.clone());
        marks.push(Mark::HLine { y: *y, style });
    }
    if !divergent.is_empty() {
        marks.push(divergent_dots(&x, values, divergent));
    }
    Ok(Panel {
        title: title.into(),
        x_label: "iteration after warmup".into(),
        y_label: y_label.into(),
        marks,
        x_range: Some((0.0, values.len() as f64 + 1.0)),
        ..Default::default()
    })
}

/// A scatter of draws `(x[i], y[i])` as faint blue dots with the divergent
/// ones in red on top, each labelled with its count. Errors unless the
/// three slices have the same length.
///
/// ```
/// let p = figures::recipes::divergence_scatter("centred", "theta", "log tau",
///     &[0.0, 1.0], &[0.5, -1.0], &[false, true]).unwrap();
/// assert_eq!(p.marks.len(), 2);
/// ```
pub fn divergence_scatter(
    title: &str,
    x_label: &str,
    y_label: &str,
    x: &[f64],
    y: &[f64],
    divergent: &[bool],
) -> Result<Panel, FigureError> {
    check_draws(title, x, y, divergent)?;
    let plain: Vec<usize> = (0..x.len()).filter(|&i| !divergent[i]).collect();
    let dots = Mark::Points {
        x: plain.iter().map(|&i| x[i]).collect(),
        y: plain.iter().map(|&i| y[i]).collect(),
        radii: vec![],
        style: Style::new(palette::BLUE)
            .opacity(0.3)
            .label(format!("non-divergent ({})", plain.len())),
    };
    Ok(Panel {
        title: title.into(),
        x_label: x_label.into(),
        y_label: y_label.into(),
        marks: vec![dots, divergent_dots(x, y, divergent)],
        ..Default::default()
    })
}

/// A density histogram of `values` (`bins` bins over `range`, default the
/// values' range): bar heights are count / (all values × bin width), so
/// values outside the range still count and a density curve drawn over the
/// bars is on the same scale. The legend gives the number of values.
///
/// ```
/// use figures::{Mark, recipes::density_histogram};
/// let Mark::Bars { height, width, .. } = density_histogram(&[0.2, 0.7, 5.0], 2, Some((0.0, 1.0))).unwrap()
/// else { unreachable!() };
/// assert_eq!((width, height), (0.5, vec![2.0 / 3.0, 2.0 / 3.0]));
/// ```
pub fn density_histogram(
    values: &[f64],
    bins: usize,
    range: Option<(f64, f64)>,
) -> Result<Mark, FigureError> {
    let b = histogram(values, bins, range)?;
    let n = values.len() as f64;
    Ok(Mark::Bars {
        x: (0..bins).map(|i| b.lo + i as f64 * b.width).collect(),
        width: b.width,
        height: b.counts.iter().map(|&c| c as f64 / (n * b.width)).collect(),
        style: Style::new(palette::SKY_BLUE)
            .opacity(0.75)
            .label(format!("draws (n = {})", values.len())),
    })
}

/// A density histogram of `samples` (see [`density_histogram`]) with an
/// exact density `curve` drawn over it in black, labelled `curve_label`;
/// the x axis is `range`.
///
/// ```
/// let p = figures::recipes::density_panel("mu", "mu", &[0.1, 0.4], 4, (0.0, 1.0),
///     &[(0.0, 1.0), (1.0, 1.0)], "exact").unwrap();
/// assert_eq!(p.marks.len(), 2);
/// ```
pub fn density_panel(
    title: &str,
    x_label: &str,
    samples: &[f64],
    bins: usize,
    range: (f64, f64),
    curve: &[(f64, f64)],
    curve_label: &str,
) -> Result<Panel, FigureError> {
    let density = Mark::Line {
        points: curve.to_vec(),
        style: Style::new(palette::BLACK).label(curve_label),
    };
    Ok(Panel {
        title: title.into(),
        x_label: x_label.into(),
        y_label: "density".into(),
        marks: vec![density_histogram(samples, bins, Some(range))?, density],
        x_range: Some(range),
        ..Default::default()
    })
}

/// One row of a [`forest`] panel.
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
    marks.push(Mark::Points {
        x: rows.iter().map(|r| r.mean).collect(),
        y: y.clone(),
        radii: vec![],
        style: blue.size(5.0).label(estimate),
    });
    let observed: Vec<(f64, f64)> = rows
        .iter()
        .zip(&y)
        .filter_map(|(r, y)| Some((r.observed?, *y)))
        .collect();
    if !observed.is_empty() {
        marks.push(Mark::Points {
            x: observed.iter().map(|p| p.0).collect(),
            y: observed.iter().map(|p| p.1).collect(),
            radii: vec![],
            style: Style::new(palette::VERMILLION)
                .size(6.0)
                .shape(Shape::Cross)
                .label(observed_label),
        });
    }
    let labelled = |text: &dyn Fn(&ForestRow) -> Option<String>| -> Vec<(f64, String)> {
        rows.iter()
            .zip(&y)
            .filter_map(|(r, y)| Some((*y, text(r)?)))
            .collect()
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
    let rows = panels
        .iter()
        .filter_map(|p| p.y_ticks.as_ref())
        .map(Vec::len)
        .max();
    let columns = panels.len();
    crate::Figure {
        title: title.into(),
        ..crate::Figure::grid(panels, columns, rows.unwrap_or(1) as u32 * row_height + 78)
    }
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
        .map(|(i, (label, points))| Mark::Line {
            points,
            style: Style::new(palette::series(i)).label(label),
        })
        .collect();
    let panel = Panel {
        x_label: x_label.into(),
        y_label: y_label.into(),
        marks,
        x_range,
        ..Default::default()
    };
    crate::Figure {
        title: title.into(),
        ..crate::Figure::grid(vec![panel], 1, 400)
    }
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
        let style = Style::new(*colour)
            .opacity(0.55)
            .size(4.0)
            .label(label.clone());
        marks.push(Mark::Points {
            x,
            y,
            radii: vec![],
            style,
        });
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
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| (i as f64, l.clone()))
        .collect()
}

/// `x` moved for series `i` of `m` drawn side by side (see [`stat::dodge`]).
///
/// ```
/// assert_eq!(figures::recipes::dodged(&[0.0, 1.0], 0, 1), vec![0.0, 1.0]);
/// ```
pub fn dodged(x: &[f64], i: usize, m: usize) -> Vec<f64> {
    x.iter().map(|v| v + stat::dodge(i, m)).collect()
}
