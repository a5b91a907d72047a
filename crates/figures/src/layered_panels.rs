//! Layered panels: a grid of small plots, each built from layers (points,
//! lines, bands, reference lines, intervals, histograms), with one legend for
//! the whole figure. One function covers scatter plots with fitted lines,
//! small multiples, caterpillar plots, posterior predictive density overlays
//! and multi-chain trace plots.
//!
//! plotters draws the axes, grid and text; the layers are written as compact
//! SVG elements in the order given (later layers on top), clipped to each
//! panel's plotting area (see [`crate::panel_layers`]).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, draw_legend, legend_height};
use crate::panel_layers::{PanelGeometry, layer_svg, legend_item, tick_grid_svg};
use crate::render::{padded_range, title_height, titled, write_svg_with_overlay};
use crate::theme;
use plotters::style::RGBColor;

/// A grid of [`Panel`]s sharing one legend.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayeredFigure {
    /// Figure title (may be empty).
    pub title: String,
    /// The panels, filled row by row.
    pub panels: Vec<Panel>,
    /// Panels per row (1 to 4; 0 means 1).
    pub columns: usize,
    /// Height of each panel's plotting area with its axes, in pixels (0 means 300).
    pub panel_height: u32,
    /// All panels use one x range.
    pub shared_x: bool,
    /// All panels use one y range.
    pub shared_y: bool,
}

/// One panel: axes and layers drawn in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panel {
    /// Drawn above the panel (may be empty).
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub layers: Vec<Layer>,
    /// Explicit x ticks `(position, label)`, e.g. for a category axis or a
    /// log axis drawn on log values; `None` lets plotters choose.
    pub x_ticks: Option<Vec<(f64, String)>>,
    /// Fixed x range instead of the data's (layers are clipped to it).
    pub x_range: Option<(f64, f64)>,
    /// Fixed y range instead of the data's.
    pub y_range: Option<(f64, f64)>,
}

/// How a layer looks, and its legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    pub colour: RGBColor,
    /// Opacity of fills and strokes, in (0, 1].
    pub opacity: f64,
    /// Line width, or point radius, in pixels.
    pub size: f64,
    /// Dashed lines (lines, reference lines, intervals).
    pub dashed: bool,
    /// Legend label; empty for no legend entry. Entries with the same label
    /// appear once.
    pub label: String,
}

impl Style {
    /// A solid style of `colour`, opaque, size 2, no legend entry.
    pub fn new(colour: RGBColor) -> Self {
        Self {
            colour,
            opacity: 1.0,
            size: 2.0,
            dashed: false,
            label: String::new(),
        }
    }

    /// The same style with opacity `o`.
    pub fn opacity(mut self, o: f64) -> Self {
        self.opacity = o;
        self
    }

    /// The same style with line width or point radius `s`.
    pub fn size(mut self, s: f64) -> Self {
        self.size = s;
        self
    }

    /// The same style, dashed.
    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }

    /// The same style with legend label `l`.
    pub fn label(mut self, l: impl Into<String>) -> Self {
        self.label = l.into();
        self
    }
}

/// One layer of a [`Panel`].
#[derive(Clone, Debug, PartialEq)]
pub enum Layer {
    /// Dots at `(x[i], y[i])`; `radii`, if not empty, gives each dot's radius
    /// in pixels (otherwise `style.size`).
    Points {
        x: Vec<f64>,
        y: Vec<f64>,
        radii: Vec<f64>,
        style: Style,
    },
    /// A polyline through `points` in order.
    Line {
        points: Vec<(f64, f64)>,
        style: Style,
    },
    /// A filled band between `low` and `high` over `x` (x increasing).
    Band {
        x: Vec<f64>,
        low: Vec<f64>,
        high: Vec<f64>,
        style: Style,
    },
    /// A horizontal line across the panel.
    HLine { y: f64, style: Style },
    /// A vertical line across the panel.
    VLine { x: f64, style: Style },
    /// Vertical segments from `low[i]` to `high[i]` at `x[i]`.
    Intervals {
        x: Vec<f64>,
        low: Vec<f64>,
        high: Vec<f64>,
        style: Style,
    },
    /// Horizontal segments from `low[i]` to `high[i]` at height `y[i]`.
    HIntervals {
        y: Vec<f64>,
        low: Vec<f64>,
        high: Vec<f64>,
        style: Style,
    },
    /// A histogram of `values` (counts) with `bins` equal bins over `range`
    /// (default: the values' range).
    Histogram {
        values: Vec<f64>,
        bins: usize,
        range: Option<(f64, f64)>,
        style: Style,
    },
}

/// Default plotting-area height of a panel.
const DEFAULT_HEIGHT: u32 = 300;
/// Height of a panel's title strip.
const PANEL_TITLE_H: u32 = 30;

/// Writes `spec` to `path` as SVG.
///
/// Errors if there are no panels, a panel has no layers, a layer is empty or
/// its vectors differ in length, a value is not finite, or a range is empty.
pub fn layered_panels(path: &Path, spec: &LayeredFigure) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if spec.panels.is_empty() {
        return Err(FigureError::Empty(format!(
            "layered figure {:?}",
            spec.title
        )));
    }
    let mut ranges = Vec::with_capacity(spec.panels.len());
    for p in &spec.panels {
        ranges.push(panel_ranges(p)?);
    }
    if spec.shared_x {
        let all = ranges.iter().flat_map(|r: &Ranges| [r.x.0, r.x.1]);
        let x = span(all).ok_or_else(|| FigureError::Empty("x range".into()))?;
        ranges.iter_mut().for_each(|r| r.x = x);
    }
    if spec.shared_y {
        let all = ranges.iter().flat_map(|r: &Ranges| [r.y.0, r.y.1]);
        let y = span(all).ok_or_else(|| FigureError::Empty("y range".into()))?;
        ranges.iter_mut().for_each(|r| r.y = y);
    }

    let mut legend: Vec<LegendItem> = Vec::new();
    for layer in spec.panels.iter().flat_map(|p| &p.layers) {
        if let Some(item) = legend_item(layer)
            && !legend.iter().any(|l| l.label == item.label)
        {
            legend.push(item);
        }
    }
    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let cols = spec.columns.clamp(1, 4);
    let rows = spec.panels.len().div_ceil(cols) as u32;
    let title_h = if spec.panels.iter().any(|p| !p.title.is_empty()) {
        PANEL_TITLE_H
    } else {
        0
    };
    let chart_h = if spec.panel_height == 0 {
        DEFAULT_HEIGHT
    } else {
        spec.panel_height
    };
    let cell_h = title_h + chart_h;
    let height = title_height(&spec.title) + rows * cell_h + legend_h;

    write_svg_with_overlay(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let grid_h = rows * cell_h;
        let (grid, legend_area) = body.split_vertically(grid_h);
        let cells = grid.split_evenly((rows as usize, cols));
        let mut overlay = String::new();
        for (k, (cell, (p, r))) in cells
            .iter()
            .zip(spec.panels.iter().zip(&ranges))
            .enumerate()
        {
            let cell = if title_h > 0 {
                let (top, rest) = cell.split_vertically(title_h);
                let style =
                    theme::text(theme::AXIS_LABEL_SIZE).pos(Pos::new(HPos::Center, VPos::Center));
                let (w, _) = top.dim_in_pixel();
                top.draw(&Text::new(
                    p.title.as_str(),
                    (w as i32 / 2, title_h as i32 / 2 + 2),
                    style,
                ))?;
                rest
            } else {
                cell.clone()
            };
            overlay.push_str(&draw_panel(&cell, p, r, k, cols)?);
        }
        draw_legend(&legend_area, &legend)?;
        Ok(overlay)
    })
}

/// Axis ranges of one panel.
#[derive(Clone, Copy, Debug)]
struct Ranges {
    x: (f64, f64),
    y: (f64, f64),
}

fn span(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    padded_range(values, 0.0)
}

/// Bin counts of a histogram layer: `(lo, width, counts)`.
pub(crate) fn histogram_counts(
    values: &[f64],
    bins: usize,
    range: Option<(f64, f64)>,
) -> Result<(f64, f64, Vec<usize>), FigureError> {
    if bins == 0 {
        return Err(FigureError::Invalid("a histogram layer has 0 bins".into()));
    }
    let (lo, hi) = match range {
        Some((lo, hi)) if lo < hi && lo.is_finite() && hi.is_finite() => (lo, hi),
        Some((lo, hi)) => return Err(FigureError::Invalid(format!("histogram range {lo}..{hi}"))),
        None => {
            span(values.iter().copied()).ok_or_else(|| FigureError::Empty("histogram".into()))?
        }
    };
    let width = (hi - lo) / bins as f64;
    let mut counts = vec![0; bins];
    for &v in values {
        if (lo..=hi).contains(&v) {
            counts[(((v - lo) / width) as usize).min(bins - 1)] += 1;
        }
    }
    Ok((lo, width, counts))
}

/// Checks a panel's layers and returns its padded data ranges.
fn panel_ranges(p: &Panel) -> Result<Ranges, FigureError> {
    let what = |k: usize| format!("panel {:?}, layer {}", p.title, k + 1);
    if p.layers.is_empty() {
        return Err(FigureError::Empty(format!("panel {:?}", p.title)));
    }
    let (mut xs, mut ys): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    let mut y_floor_zero = false;
    for (k, layer) in p.layers.iter().enumerate() {
        let same = |a: usize, b: usize, c: usize| {
            if a == 0 {
                Err(FigureError::Empty(what(k)))
            } else if a != b || a != c {
                Err(FigureError::Invalid(format!(
                    "{}: lengths {a}, {b}, {c} differ",
                    what(k)
                )))
            } else {
                Ok(())
            }
        };
        match layer {
            Layer::Points { x, y, radii, .. } => {
                same(
                    x.len(),
                    y.len(),
                    if radii.is_empty() {
                        x.len()
                    } else {
                        radii.len()
                    },
                )?;
                check_finite(&what(k), x.iter().chain(y).chain(radii))?;
                xs.extend(x);
                ys.extend(y);
            }
            Layer::Line { points, .. } => {
                same(points.len(), points.len(), points.len())?;
                check_finite(&what(k), points.iter().flat_map(|(a, b)| [a, b]))?;
                xs.extend(points.iter().map(|p| p.0));
                ys.extend(points.iter().map(|p| p.1));
            }
            Layer::Band { x, low, high, .. } | Layer::Intervals { x, low, high, .. } => {
                same(x.len(), low.len(), high.len())?;
                check_finite(&what(k), x.iter().chain(low).chain(high))?;
                xs.extend(x);
                ys.extend(low.iter().chain(high));
            }
            Layer::HIntervals { y, low, high, .. } => {
                same(y.len(), low.len(), high.len())?;
                check_finite(&what(k), y.iter().chain(low).chain(high))?;
                ys.extend(y);
                xs.extend(low.iter().chain(high));
            }
            Layer::HLine { y, .. } => {
                check_finite(&what(k), [y])?;
                ys.push(*y);
            }
            Layer::VLine { x, .. } => {
                check_finite(&what(k), [x])?;
                xs.push(*x);
            }
            Layer::Histogram {
                values,
                bins,
                range,
                ..
            } => {
                same(values.len(), values.len(), values.len())?;
                check_finite(&what(k), values)?;
                let (lo, width, counts) = histogram_counts(values, *bins, *range)?;
                xs.extend([lo, lo + width * counts.len() as f64]);
                ys.push(counts.iter().copied().max().unwrap_or(0) as f64);
                y_floor_zero = true;
            }
        }
    }
    let pad = |v: &[f64], fixed: Option<(f64, f64)>, name: &str| match fixed {
        Some((lo, hi)) if lo < hi && lo.is_finite() && hi.is_finite() => Ok((lo, hi)),
        Some((lo, hi)) => Err(FigureError::Invalid(format!(
            "panel {:?}: {name} range {lo}..{hi}",
            p.title
        ))),
        None => padded_range(v.iter().copied(), 0.04)
            .ok_or_else(|| FigureError::Empty(format!("panel {:?}", p.title))),
    };
    let x = pad(&xs, p.x_range, "x")?;
    let mut y = pad(&ys, p.y_range, "y")?;
    if y_floor_zero && p.y_range.is_none() {
        y.0 = 0.0;
    }
    Ok(Ranges { x, y })
}

/// Draws one panel's axes with plotters and returns its layers as SVG.
fn draw_panel(
    area: &crate::render::Area<'_>,
    p: &Panel,
    r: &Ranges,
    index: usize,
    cols: usize,
) -> Result<String, FigureError> {
    let (w, _) = area.dim_in_pixel();
    let x_area = if p.x_label.is_empty() { 36 } else { 58 };
    let y_area = if p.y_label.is_empty() { 56 } else { 76 };
    let x_ticks = ((w as usize).saturating_sub(y_area as usize) / 80).clamp(3, 8);
    let mut chart = ChartBuilder::on(area)
        .margin(10)
        .margin_right(if cols > 2 { 14 } else { 24 })
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(r.x.0..r.x.1, r.y.0..r.y.1)?;
    let explicit = p.x_ticks.is_some();
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(if explicit { 0 } else { x_ticks })
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(theme::GRID)
        .axis_style(theme::AXIS)
        .label_style(theme::text(theme::TICK_SIZE))
        .x_label_formatter(&theme::format_tick)
        .y_label_formatter(&theme::format_tick)
        .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
        .x_desc(p.x_label.as_str())
        .y_desc(p.y_label.as_str());
    if explicit {
        mesh.disable_x_mesh();
    }
    mesh.draw()?;
    let geometry = PanelGeometry::new(&chart, r.x, r.y, index);
    let mut svg = geometry.clip_def();
    if let Some(ticks) = &p.x_ticks {
        svg.push_str(&tick_grid_svg(&geometry, ticks));
        let style = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Center, VPos::Top));
        let origin = area.get_base_pixel();
        for (x, label) in ticks.iter().filter(|(x, _)| (r.x.0..=r.x.1).contains(x)) {
            let (px, _) = geometry.pixel(*x, r.y.0);
            let at = (px - origin.0, geometry.bottom - origin.1 + 8);
            area.draw(&Text::new(label.as_str(), at, style.clone()))?;
        }
    }
    svg.push_str(&geometry.open_group());
    for layer in &p.layers {
        svg.push_str(&layer_svg(&geometry, layer)?);
    }
    svg.push_str("</g>\n");
    Ok(svg)
}
