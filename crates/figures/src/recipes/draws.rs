//! Recipes for draws: traces, divergence scatters, density histograms.

use plotters::style::RGBColor;

use crate::mark::Mark;
use crate::stat::histogram;
use crate::style::Style;
use crate::theme::palette;
use crate::{FigureError, Panel};

/// Colours of reference lines in traces, in order (blue and vermillion are
/// taken by the draws and the divergences).
const REFERENCE_COLOURS: [RGBColor; 4] =
    [palette::BLACK, palette::GREEN, palette::PURPLE, palette::ORANGE];

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

/// Dots at the draws `i` whose divergence flag is `flag`, labelled
/// `"{label} ({count})"`; `x[i]`, `y[i]` is draw `i` (lengths checked by
/// the caller).
fn dots_where(
    x: &[f64],
    y: &[f64],
    divergent: &[bool],
    flag: bool,
    label: &str,
    style: Style,
) -> Mark {
    let keep: Vec<usize> = (0..x.len()).filter(|&i| divergent[i] == flag).collect();
    let pick = |v: &[f64]| keep.iter().map(|&i| v[i]).collect();
    Mark::points(pick(x), pick(y), style.label(format!("{label} ({})", keep.len())))
}

/// Red dots on top of the draws at the divergent transitions.
fn divergent_dots(x: &[f64], y: &[f64], divergent: &[bool]) -> Mark {
    let style = Style::new(palette::VERMILLION).size(3.0);
    dots_where(x, y, divergent, true, "divergent", style)
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
    let points = x.iter().copied().zip(values.iter().copied()).collect();
    let mut marks = vec![Mark::line(points, Style::new(palette::BLUE).size(1.0).label("draws"))];
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
    let style = Style::new(palette::BLUE).opacity(0.3);
    let dots = dots_where(x, y, divergent, false, "non-divergent", style);
    Ok(Panel {
        title: title.into(),
        x_label: x_label.into(),
        y_label: y_label.into(),
        marks: vec![dots, divergent_dots(x, y, divergent)],
        ..Default::default()
    })
}

/// Like [`divergence_scatter`], keeping only the draws with `|x| ≤ x_window`
/// (a funnel's mouth can reach far enough to flatten its neck); the x label
/// is `x_name` and says so.
///
/// ```
/// let p = figures::recipes::divergence_scatter_within("centred", "x.1", "v",
///     &[0.0, 100.0], &[0.5, 8.0], &[false, true], 20.0).unwrap();
/// assert_eq!(p.x_label, "x.1 (|x.1| ≤ 20 shown)");
/// ```
pub fn divergence_scatter_within(
    title: &str,
    x_name: &str,
    y_label: &str,
    x: &[f64],
    y: &[f64],
    divergent: &[bool],
    x_window: f64,
) -> Result<Panel, FigureError> {
    check_draws(title, x, y, divergent)?;
    let keep: Vec<usize> = (0..x.len()).filter(|&i| x[i].abs() <= x_window).collect();
    let pick = |values: &[f64]| keep.iter().map(|&i| values[i]).collect::<Vec<_>>();
    divergence_scatter(
        title,
        &format!("{x_name} (|{x_name}| ≤ {x_window} shown)"),
        y_label,
        &pick(x),
        &pick(y),
        &keep.iter().map(|&i| divergent[i]).collect::<Vec<_>>(),
    )
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
    crate::error::check_finite("density histogram", values)?;
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
    let density = Mark::line(curve.to_vec(), Style::new(palette::BLACK).label(curve_label));
    Ok(Panel {
        title: title.into(),
        x_label: x_label.into(),
        y_label: "density".into(),
        marks: vec![density_histogram(samples, bins, Some(range))?, density],
        x_range: Some(range),
        ..Default::default()
    })
}
