//! A curve with labelled points placed on it (e.g. a shrinkage factor as a
//! function of noise, with each group marked where it sits).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// A curve and labelled points on one set of axes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurvePoints {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// The curve, joined in the order given.
    pub curve: Vec<(f64, f64)>,
    pub curve_label: String,
    pub points: Vec<LabelledPoint>,
    pub points_label: String,
    /// Fixed y range (e.g. `(0, 1)` for a probability); default: the data's.
    pub y_range: Option<(f64, f64)>,
}

/// A point with a short label drawn beside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelledPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    /// Label above-left of the point if true, below-right otherwise (to
    /// keep labels of neighbouring points apart).
    pub above: bool,
}

const CHART_HEIGHT: u32 = 420;
const Y_AXIS_AREA: u32 = 80;
const X_AXIS_AREA: u32 = 58;

/// Writes the curve and points to `path` as SVG, legend below.
///
/// Errors if the curve is empty or a value is not finite.
pub fn curve_points(path: &Path, spec: &CurvePoints) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if spec.curve.is_empty() {
        return Err(FigureError::Empty(format!("curve plot {:?}", spec.title)));
    }
    let what = format!("curve plot {:?}", spec.title);
    check_finite(
        &what,
        spec.curve
            .iter()
            .flat_map(|(x, y)| [x, y])
            .chain(spec.points.iter().flat_map(|p| [&p.x, &p.y])),
    )?;
    let xs = spec
        .curve
        .iter()
        .map(|(x, _)| *x)
        .chain(spec.points.iter().map(|p| p.x));
    let (x_lo, x_hi) = padded_range(xs, 0.0).ok_or_else(|| FigureError::Empty(what.clone()))?;
    let (y_lo, y_hi) = match spec.y_range {
        Some((lo, hi)) if lo < hi && lo.is_finite() && hi.is_finite() => (lo, hi),
        Some(r) => return Err(FigureError::Invalid(format!("{what} has y range {r:?}"))),
        None => padded_range(
            spec.curve
                .iter()
                .map(|(_, y)| *y)
                .chain(spec.points.iter().map(|p| p.y)),
            0.05,
        )
        .ok_or_else(|| FigureError::Empty(what.clone()))?,
    };
    let curve_colour = palette::BLUE.to_rgba();
    let point_colour = palette::VERMILLION.to_rgba();
    let mut legend = vec![LegendItem::new(
        Swatch::Line(curve_colour, 3),
        spec.curve_label.clone(),
    )];
    if !spec.points.is_empty() {
        legend.push(LegendItem::new(
            Swatch::Dot(point_colour, 6),
            spec.points_label.clone(),
        ));
    }
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
        chart.draw_series(plotters::series::LineSeries::new(
            spec.curve.iter().copied(),
            curve_colour.stroke_width(3),
        ))?;
        chart.draw_series(
            spec.points
                .iter()
                .map(|p| Circle::new((p.x, p.y), 6, point_colour.filled())),
        )?;
        let style = theme::text(theme::NOTE_SIZE);
        for p in &spec.points {
            let (x, y) = chart.backend_coord(&(p.x, p.y));
            let (pos, at) = if p.above {
                (Pos::new(HPos::Right, VPos::Bottom), (x - 6, y - 8))
            } else {
                (Pos::new(HPos::Left, VPos::Top), (x + 6, y + 8))
            };
            root.draw(&Text::new(p.label.as_str(), at, style.pos(pos)))?;
        }
        draw_legend(&legend_area, &legend)
    })
}
