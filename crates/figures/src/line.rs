//! Several labelled series on one set of axes (trace plots, running means,
//! error against sample size...).

use std::path::Path;

use plotters::prelude::*;

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// A line plot of one or more series.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinePlot {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<LineSeries>,
}

/// One series of a [`LinePlot`]; colours follow the book palette in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineSeries {
    /// Legend label.
    pub label: String,
    /// Points `(x, y)`, joined in the order given.
    pub points: Vec<(f64, f64)>,
}

const CHART_HEIGHT: u32 = 400;
const Y_AXIS_AREA: u32 = 80;
const X_AXIS_AREA: u32 = 58;

/// Writes a line plot to `path` as SVG, with a legend below the axes.
///
/// Errors if there are no series, a series has no points, or a value is
/// not finite.
pub fn line_plot(path: &Path, spec: &LinePlot) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if spec.series.is_empty() {
        return Err(FigureError::Empty(format!("line plot {:?}", spec.title)));
    }
    for s in &spec.series {
        if s.points.is_empty() {
            return Err(FigureError::Empty(format!("line series {:?}", s.label)));
        }
        check_finite(
            &format!("line series {:?}", s.label),
            s.points.iter().flat_map(|(x, y)| [x, y]),
        )?;
    }
    let points = || spec.series.iter().flat_map(|s| s.points.iter().copied());
    let empty = || FigureError::Empty(format!("line plot {:?}", spec.title));
    let (x_lo, x_hi) = padded_range(points().map(|(x, _)| x), 0.0).ok_or_else(empty)?;
    let (y_lo, y_hi) = padded_range(points().map(|(_, y)| y), 0.05).ok_or_else(empty)?;

    let legend: Vec<LegendItem> = spec
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.label.is_empty())
        .map(|(i, s)| {
            LegendItem::new(
                Swatch::Line(palette::series(i).to_rgba(), 3),
                s.label.clone(),
            )
        })
        .collect();
    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let height = title_height(&spec.title) + CHART_HEIGHT + legend_h;

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (chart_area, legend_area) = body.split_vertically(CHART_HEIGHT);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin(12)
            .margin_right(28)
            .x_label_area_size(X_AXIS_AREA)
            .y_label_area_size(Y_AXIS_AREA)
            .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;
        chart
            .configure_mesh()
            .x_labels(8)
            .y_labels(6)
            .max_light_lines(0)
            .bold_line_style(theme::GRID)
            .axis_style(theme::AXIS)
            .label_style(theme::text(theme::TICK_SIZE))
            .x_label_formatter(&theme::format_tick)
            .y_label_formatter(&theme::format_tick)
            .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
            .x_desc(spec.x_label.as_str())
            .y_desc(spec.y_label.as_str())
            .draw()?;
        for (i, s) in spec.series.iter().enumerate() {
            chart.draw_series(plotters::series::LineSeries::new(
                s.points.iter().copied(),
                palette::series(i).stroke_width(2),
            ))?;
        }
        draw_legend(&legend_area, &legend)
    })
}
