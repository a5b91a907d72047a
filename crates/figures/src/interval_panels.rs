//! Interval panels side by side: the same groups (rows) estimated several
//! ways (panels), on one shared x axis, with an optional marker per row
//! (e.g. the true value) and a reference line per panel (e.g. the grand mean).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// A row of panels sharing row labels and an x axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntervalPanels {
    pub title: String,
    pub x_label: String,
    /// One label per row, top to bottom, drawn once at the left.
    pub row_labels: Vec<String>,
    /// The panels, left to right.
    pub panels: Vec<IntervalPanel>,
    /// Legend label of the dot-and-interval.
    pub estimate_label: String,
    /// Legend label of the per-row markers (e.g. "true mean").
    pub marker_label: String,
    /// Legend label of the reference lines (e.g. "grand mean").
    pub reference_label: String,
}

/// One panel of an [`IntervalPanels`] figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntervalPanel {
    pub title: String,
    /// `(estimate, low, high)` for each row.
    pub intervals: Vec<(f64, f64, f64)>,
    /// A marker for each row (e.g. the truth), or empty for none.
    pub markers: Vec<f64>,
    /// A vertical dashed line (e.g. the panel's estimate of the grand mean).
    pub reference: Option<f64>,
}

/// Row height for up to [`COMPACT_ROWS`] rows; more rows get [`COMPACT_HEIGHT`].
const ROW_HEIGHT: u32 = 40;
const COMPACT_ROWS: usize = 10;
const COMPACT_HEIGHT: u32 = 28;
const PANEL_TITLE: u32 = 32;
const X_AXIS_AREA: u32 = 56;
const TOP_MARGIN: u32 = 8;
const GAP: i32 = 10;

/// Writes the panels to `path` as SVG, with one legend below them.
///
/// Errors if there are no rows or panels, a panel's intervals or markers do
/// not match the rows, an interval has `low > high`, or a value is not finite.
pub fn interval_panels(path: &Path, spec: &IntervalPanels) -> Result<(), FigureError> {
    theme::register_fonts()?;
    let n = spec.row_labels.len();
    if n == 0 || spec.panels.is_empty() {
        return Err(FigureError::Empty(format!(
            "interval panels {:?}",
            spec.title
        )));
    }
    for p in &spec.panels {
        let what = format!("interval panel {:?}", p.title);
        if p.intervals.len() != n || !(p.markers.is_empty() || p.markers.len() == n) {
            return Err(FigureError::Invalid(format!(
                "{what} has {} intervals and {} markers for {n} rows",
                p.intervals.len(),
                p.markers.len()
            )));
        }
        check_finite(
            &what,
            p.intervals
                .iter()
                .flat_map(|(m, l, h)| [m, l, h])
                .chain(&p.markers)
                .chain(p.reference.iter()),
        )?;
        if let Some((_, l, h)) = p.intervals.iter().find(|(_, l, h)| l > h) {
            return Err(FigureError::Invalid(format!(
                "{what} has low {l} > high {h}"
            )));
        }
    }

    let estimate_colour = palette::BLUE.to_rgba();
    let marker_colour = palette::VERMILLION.to_rgba();
    let reference_colour = theme::MUTED.to_rgba();
    let mut legend = vec![LegendItem::new(
        Swatch::LineDot(estimate_colour, 3, 5),
        spec.estimate_label.clone(),
    )];
    if spec.panels.iter().any(|p| !p.markers.is_empty()) {
        legend.push(LegendItem::new(
            Swatch::Cross(marker_colour),
            spec.marker_label.clone(),
        ));
    }
    if spec.panels.iter().any(|p| p.reference.is_some()) {
        legend.push(LegendItem::new(
            Swatch::Dashed(reference_colour),
            spec.reference_label.clone(),
        ));
    }

    let label_style = theme::text(theme::TICK_SIZE);
    let mut label_w = 0;
    for l in &spec.row_labels {
        label_w = label_w.max(theme::text_size(&label_style, l)?.0);
    }
    let label_w = label_w.min(theme::WIDTH / 4) + 2 * GAP as u32;
    let (x_lo, x_hi) = padded_range(
        spec.panels.iter().flat_map(|p| {
            p.intervals
                .iter()
                .flat_map(|(m, l, h)| [*m, *l, *h])
                .chain(p.markers.iter().copied())
                .chain(p.reference)
        }),
        0.05,
    )
    .ok_or_else(|| FigureError::Empty(format!("interval panels {:?}", spec.title)))?;

    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let row_h = if n > COMPACT_ROWS {
        COMPACT_HEIGHT
    } else {
        ROW_HEIGHT
    };
    let chart_h = PANEL_TITLE + TOP_MARGIN + row_h * n as u32 + X_AXIS_AREA;
    let height = title_height(&spec.title) + chart_h + legend_h;
    let row_y = |i: usize| (n - 1 - i) as f64;

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (charts, legend_area) = body.split_vertically(chart_h);
        let (labels_area, panels_area) = charts.split_horizontally(label_w);
        let columns = panels_area.split_evenly((1, spec.panels.len()));
        let mut row_pixels = Vec::new();
        for (col, p) in columns.iter().zip(&spec.panels) {
            let (title_area, chart_area) = col.split_vertically(PANEL_TITLE);
            let (w, _) = title_area.dim_in_pixel();
            title_area.draw(&Text::new(
                p.title.as_str(),
                (w as i32 / 2, 4),
                theme::text(theme::AXIS_LABEL_SIZE).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
            let mut chart = ChartBuilder::on(&chart_area)
                .margin_top(TOP_MARGIN)
                .margin_left(6)
                .margin_right(14)
                .x_label_area_size(X_AXIS_AREA)
                .build_cartesian_2d(x_lo..x_hi, -0.5..(n as f64 - 0.5))?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .y_labels(0)
                .x_labels(5)
                .max_light_lines(0)
                .bold_line_style(theme::GRID)
                .axis_style(theme::AXIS)
                .label_style(theme::text(theme::TICK_SIZE))
                .x_label_formatter(&theme::format_tick)
                .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
                .x_desc(spec.x_label.as_str())
                .draw()?;
            if let Some(x) = p.reference {
                chart.draw_series(DashedLineSeries::new(
                    [(x, -0.5), (x, n as f64 - 0.5)],
                    8,
                    5,
                    reference_colour.stroke_width(2),
                ))?;
            }
            chart.draw_series(p.intervals.iter().enumerate().map(|(i, (_, l, h))| {
                PathElement::new(
                    vec![(*l, row_y(i)), (*h, row_y(i))],
                    estimate_colour.stroke_width(3),
                )
            }))?;
            chart.draw_series(
                p.intervals
                    .iter()
                    .enumerate()
                    .map(|(i, (m, _, _))| Circle::new((*m, row_y(i)), 5, estimate_colour.filled())),
            )?;
            chart.draw_series(
                p.markers
                    .iter()
                    .enumerate()
                    .map(|(i, x)| Cross::new((*x, row_y(i)), 6, marker_colour.stroke_width(2))),
            )?;
            if row_pixels.is_empty() {
                row_pixels = (0..n)
                    .map(|i| chart.backend_coord(&(x_lo, row_y(i))).1)
                    .collect();
            }
        }
        let (lx, _) = labels_area.get_base_pixel();
        let style = label_style.pos(Pos::new(HPos::Right, VPos::Center));
        for (label, y) in spec.row_labels.iter().zip(&row_pixels) {
            root.draw(&Text::new(
                label.as_str(),
                (lx + label_w as i32 - GAP, *y),
                style.clone(),
            ))?;
        }
        draw_legend(&legend_area, &legend)
    })
}
