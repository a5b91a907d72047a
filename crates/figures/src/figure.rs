//! Drawing a figure ([`Figure`], in `spec.rs`): each panel's axes, its
//! marks in order, and a legend made from the marks' labels.
//!
//! plotters draws the axes, grid and tick labels; the marks are written as
//! compact SVG elements (see `mark_svg.rs`), clipped to each panel's
//! plotting area.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::legend::{LegendItem, draw_legend, legend_height};
use crate::mark::legend_of;
use crate::mark_svg::{mark_svg, tick_grid_svg};
use crate::ranges::{Ranges, panel_ranges, span};
use crate::render::{Area, render_svg, title_height, titled, write_file};
use crate::scale::{PanelGeometry, Scale, axis_value, log_ticks};
use crate::spec::{Figure, Panel};
use crate::theme;

/// Default plotting-area height of a panel.
const DEFAULT_HEIGHT: u32 = 300;
/// Height of a panel's title strip.
const PANEL_TITLE_H: u32 = 30;
/// Space between tick labels or notes and the plotting area.
const GAP: u32 = 10;

/// Writes `figure` to `path` as SVG (the text of [`to_svg`]).
///
/// Errors if there are no panels, a panel has no marks, a mark is empty or
/// its vectors differ in length, a value is not finite, a range is empty,
/// or a value on a log axis is not positive (see [`Figure`] for another example).
///
/// ```
/// use figures::{Figure, Mark, Panel, Style, theme::palette};
/// let line = Mark::line(vec![(0.0, 0.0), (1.0, 2.0)], Style::new(palette::BLUE));
/// let figure = Figure::grid(vec![Panel { marks: vec![line], ..Default::default() }], 1, 200);
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("figs/line.svg"); // the directory is created
/// figures::draw(&path, &figure).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), figures::to_svg(&figure).unwrap());
/// ```
pub fn draw(path: &Path, figure: &Figure) -> Result<(), FigureError> {
    write_file(path, &to_svg(figure)?)
}

/// `figure` as SVG text, the same bytes [`draw`] writes (for a program that
/// serves figures instead of writing files); errors as [`draw`].
///
/// ```
/// use figures::{Figure, Mark, Panel, Style, theme::palette};
/// let panel = Panel {
///     x_label: "tau".into(),
///     marks: vec![Mark::points(vec![1.0, 2.0], vec![3.0, 1.0], Style::new(palette::BLUE))],
///     ..Default::default()
/// };
/// let svg = figures::to_svg(&Figure::grid(vec![panel], 1, 200).titled("draws")).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("draws") && svg.contains("tau"));
/// ```
pub fn to_svg(figure: &Figure) -> Result<String, FigureError> {
    theme::register_fonts()?;
    if figure.panels.is_empty() {
        return Err(FigureError::Empty(format!("figure {:?}", figure.title)));
    }
    let mut ranges = Vec::with_capacity(figure.panels.len());
    for p in &figure.panels {
        ranges.push(panel_ranges(p)?);
    }
    if figure.shared_x {
        let x = span(ranges.iter().flat_map(|r| [r.x.0, r.x.1]))?;
        ranges.iter_mut().for_each(|r| r.x = x);
    }
    if figure.shared_y {
        let y = span(ranges.iter().flat_map(|r| [r.y.0, r.y.1]))?;
        ranges.iter_mut().for_each(|r| r.y = y);
    }

    let cols = figure.columns.clamp(1, 6);
    let legends: Vec<Vec<LegendItem>> = if figure.legend_per_panel {
        figure.panels.iter().map(|p| legend_of(&p.marks)).collect()
    } else {
        vec![legend_of(figure.panels.iter().flat_map(|p| &p.marks))]
    };
    let legend_w = if figure.legend_per_panel { theme::WIDTH / cols as u32 } else { theme::WIDTH };
    let mut legend_h = 0;
    for items in &legends {
        legend_h = legend_h.max(legend_height(items, legend_w)?);
    }
    let rows = figure.panels.len().div_ceil(cols) as u32;
    let title_h = if figure.panels.iter().any(|p| !p.title.is_empty()) { PANEL_TITLE_H } else { 0 };
    let chart_h = if figure.panel_height == 0 { DEFAULT_HEIGHT } else { figure.panel_height };
    let (cell_h, below) = if figure.legend_per_panel {
        (title_h + chart_h + legend_h, 0)
    } else {
        (title_h + chart_h, legend_h)
    };
    let height = title_height(&figure.title) + rows * cell_h + below;

    render_svg((theme::WIDTH, height), |root| {
        let body = titled(root, &figure.title)?;
        let (grid, legend_area) = body.split_vertically(rows * cell_h);
        let cells = grid.split_evenly((rows as usize, cols));
        let mut overlay = String::new();
        for (k, (cell, (p, r))) in cells.iter().zip(figure.panels.iter().zip(&ranges)).enumerate() {
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
            let cell = if figure.legend_per_panel {
                let (chart, legend) = cell.split_vertically(chart_h);
                draw_legend(&legend, &legends[k])?;
                chart
            } else {
                cell
            };
            // With a shared y axis, explicit y tick labels are drawn only
            // in the first column.
            let inner = figure.shared_y && k % cols > 0 && p.y_ticks.is_some();
            let shown;
            let p = if inner {
                shown = Panel { y_ticks: Some(Vec::new()), y_label: String::new(), ..p.clone() };
                &shown
            } else {
                p
            };
            overlay.push_str(&draw_panel(&cell, p, r, k, cols)?);
        }
        if !figure.legend_per_panel {
            draw_legend(&legend_area, &legends[0])?;
        }
        Ok(overlay)
    })
}

/// Draws one panel's axes with plotters and returns its marks as SVG.
fn draw_panel(
    area: &Area<'_>,
    p: &Panel,
    r: &Ranges,
    index: usize,
    cols: usize,
) -> Result<String, FigureError> {
    let (w, _) = area.dim_in_pixel();
    let log = (p.x_scale == Scale::Log, p.y_scale == Scale::Log);
    // A log axis without explicit ticks gets ticks at 1, 2, 5 × 10^k.
    let auto = |log: bool, (lo, hi): (f64, f64)| {
        log.then(|| {
            let ticks = log_ticks(lo, hi).into_iter();
            ticks.map(|t| (t, theme::format_tick(&t))).collect()
        })
    };
    let x_ticks: Option<Vec<_>> = p.x_ticks.clone().or_else(|| auto(log.0, r.x));
    let y_ticks: Option<Vec<_>> = p.y_ticks.clone().or_else(|| auto(log.1, r.y));
    // Ticks whose labels are all empty (inner panels of a pairs plot) need
    // no room below; no ticks at all keep the usual room.
    let unlabelled = |t: &Option<Vec<(f64, String)>>| {
        t.as_ref().is_some_and(|t| !t.is_empty() && t.iter().all(|(_, l)| l.is_empty()))
    };
    let x_area = match (p.x_label.is_empty(), unlabelled(&x_ticks)) {
        (true, true) => 4,
        (true, false) => 36,
        (false, _) => 58,
    };
    let mut y_area = if p.y_label.is_empty() { 56 } else { 76 };
    if let Some(ticks) = &y_ticks {
        let desc = if p.y_label.is_empty() { 0 } else { 30 };
        y_area = theme::widest(ticks.iter().map(|t| &t.1))?.min(w * 2 / 5) + GAP + desc;
    }
    let right = match theme::widest(p.y_notes.iter().map(|t| &t.1))? {
        0 if cols > 2 => 14,
        0 => 24,
        notes => notes + 2 * GAP,
    };
    let y_count = (area.dim_in_pixel().1 as usize / 60).clamp(5, 8);
    let x_count = ((w as usize).saturating_sub(y_area as usize) / 54).clamp(3, 8);
    let (ax, ay) = (|v| axis_value(v, log.0), |v| axis_value(v, log.1));
    let mut chart = ChartBuilder::on(area)
        .margin(10)
        .margin_right(right)
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(ax(r.x.0)..ax(r.x.1), ay(r.y.0)..ay(r.y.1))?;
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(if x_ticks.is_some() { 0 } else { x_count })
        .y_labels(if y_ticks.is_some() { 0 } else { y_count })
        .max_light_lines(0)
        .bold_line_style(theme::GRID)
        .axis_style(theme::AXIS)
        .label_style(theme::text(theme::TICK_SIZE))
        .x_label_formatter(&theme::format_tick)
        .y_label_formatter(&theme::format_tick)
        .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
        .x_desc(p.x_label.as_str())
        .y_desc(p.y_label.as_str());
    if x_ticks.is_some() {
        mesh.disable_x_mesh();
    }
    if y_ticks.is_some() {
        mesh.disable_y_mesh();
    }
    mesh.draw()?;
    let geometry = PanelGeometry::new(&chart, (r.x, r.y), log, index);
    let mut svg = geometry.clip_def();
    let origin = area.get_base_pixel();
    // Rows of a forest get no grid lines; a log y axis does.
    let y_grid = if log.1 { y_ticks.as_deref() } else { None };
    svg.push_str(&tick_grid_svg(
        &geometry,
        x_ticks.as_deref().unwrap_or_default(),
        y_grid.unwrap_or_default(),
    ));
    if let Some(ticks) = &x_ticks {
        let style = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Center, VPos::Top));
        for (x, label) in ticks.iter().filter(|(x, _)| (r.x.0..=r.x.1).contains(x)) {
            let (px, _) = geometry.pixel(*x, r.y.0);
            let at = (px - origin.0, geometry.bottom - origin.1 + 8);
            area.draw(&Text::new(label.as_str(), at, style.clone()))?;
        }
    }
    let left = (HPos::Right, theme::TICK_SIZE, theme::TEXT, geometry.left - GAP as i32);
    let right = (HPos::Left, theme::NOTE_SIZE, theme::MUTED, geometry.right + GAP as i32);
    let sides = [(y_ticks.as_deref().unwrap_or_default(), left), (&p.y_notes[..], right)];
    for (labels, (side, size, colour, x)) in sides {
        let style = theme::text(size).color(&colour).pos(Pos::new(side, VPos::Center));
        for (y, label) in labels.iter().filter(|(y, _)| (r.y.0..=r.y.1).contains(y)) {
            let (_, py) = geometry.pixel(r.x.0, *y);
            let at = (x - origin.0, py - origin.1);
            area.draw(&Text::new(label.as_str(), at, style.clone()))?;
        }
    }
    svg.push_str(&geometry.open_group());
    for mark in &p.marks {
        svg.push_str(&mark_svg(&geometry, mark)?);
    }
    svg.push_str("</g>\n");
    Ok(svg)
}
