//! Arrow plot: one row per group with an arrow from one estimate to another
//! (e.g. the raw mean to its shrunk value), an optional marker (e.g. the
//! truth) and an optional vertical reference line (e.g. the grand mean).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// An arrow plot; rows are drawn top to bottom in the order given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArrowsPlot {
    pub title: String,
    pub x_label: String,
    pub rows: Vec<ArrowRow>,
    /// Legend labels of the arrow's tail, its head and the marker.
    pub from_label: String,
    pub to_label: String,
    pub marker_label: String,
    /// A vertical dashed line at this x, with its legend label.
    pub reference_line: Option<(f64, String)>,
}

/// One row of an [`ArrowsPlot`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArrowRow {
    pub label: String,
    /// Where the arrow starts (drawn as a dot).
    pub from: f64,
    /// Where it ends (drawn as a dot with an arrow head).
    pub to: f64,
    /// Drawn as a cross.
    pub marker: Option<f64>,
}

const ROW_HEIGHT: u32 = 30;
const X_AXIS_AREA: u32 = 60;
const GAP: i32 = 10;
const HEAD: i32 = 9;

/// Writes an arrow plot of `spec` to `path` as SVG, legend below.
///
/// Errors if there are no rows or a value is not finite.
pub fn arrows_plot(path: &Path, spec: &ArrowsPlot) -> Result<(), FigureError> {
    theme::register_fonts()?;
    let rows = &spec.rows;
    if rows.is_empty() {
        return Err(FigureError::Empty(format!("arrow plot {:?}", spec.title)));
    }
    for r in rows {
        check_finite(
            &format!("arrow row {:?}", r.label),
            [r.from, r.to].iter().chain(r.marker.iter()),
        )?;
    }
    if let Some((x, _)) = &spec.reference_line {
        check_finite("arrow plot reference line", [x])?;
    }
    let from_colour = palette::VERMILLION.to_rgba();
    let to_colour = palette::BLUE.to_rgba();
    let marker_colour = palette::GREEN.to_rgba();
    let arrow_colour = RGBColor(150, 150, 150).to_rgba();
    let reference_colour = theme::MUTED.to_rgba();
    let mut legend = vec![
        LegendItem::new(Swatch::Dot(from_colour, 5), spec.from_label.clone()),
        LegendItem::new(Swatch::Dot(to_colour, 5), spec.to_label.clone()),
    ];
    if rows.iter().any(|r| r.marker.is_some()) {
        legend.push(LegendItem::new(
            Swatch::Cross(marker_colour),
            spec.marker_label.clone(),
        ));
    }
    if let Some((_, label)) = &spec.reference_line {
        legend.push(LegendItem::new(
            Swatch::Dashed(reference_colour),
            label.clone(),
        ));
    }

    let label_style = theme::text(theme::TICK_SIZE);
    let mut label_w = 0;
    for r in rows {
        label_w = label_w.max(theme::text_size(&label_style, &r.label)?.0);
    }
    let label_w = label_w.min(theme::WIDTH / 3);
    let (x_lo, x_hi) = padded_range(
        rows.iter()
            .flat_map(|r| [r.from, r.to].into_iter().chain(r.marker))
            .chain(spec.reference_line.as_ref().map(|(x, _)| *x)),
        0.05,
    )
    .ok_or_else(|| FigureError::Empty(format!("arrow plot {:?}", spec.title)))?;
    let n = rows.len();
    let row_y = |i: usize| (n - 1 - i) as f64;
    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let plot_h = ROW_HEIGHT * n as u32 + 12 + X_AXIS_AREA;
    let height = title_height(&spec.title) + plot_h + legend_h;

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (chart_area, legend_area) = body.split_vertically(plot_h);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(12)
            .margin_left(GAP as u32)
            .margin_right(28)
            .x_label_area_size(X_AXIS_AREA)
            .y_label_area_size(label_w + GAP as u32)
            .build_cartesian_2d(x_lo..x_hi, -0.5..(n as f64 - 0.5))?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(8)
            .max_light_lines(0)
            .bold_line_style(theme::GRID)
            .axis_style(theme::AXIS)
            .label_style(theme::text(theme::TICK_SIZE))
            .x_label_formatter(&theme::format_tick)
            .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
            .x_desc(spec.x_label.as_str())
            .draw()?;
        if let Some((x, _)) = &spec.reference_line {
            chart.draw_series(DashedLineSeries::new(
                [(*x, -0.5), (*x, n as f64 - 0.5)],
                8,
                5,
                reference_colour.stroke_width(2),
            ))?;
        }
        // Shafts in data coordinates, heads in pixels (so they keep their shape).
        chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
            PathElement::new(
                vec![(r.from, row_y(i)), (r.to, row_y(i))],
                arrow_colour.stroke_width(2),
            )
        }))?;
        for (i, r) in rows.iter().enumerate() {
            let (x0, y) = chart.backend_coord(&(r.from, row_y(i)));
            let (x1, _) = chart.backend_coord(&(r.to, row_y(i)));
            if (x1 - x0).abs() > HEAD + 6 {
                let dir = (x1 - x0).signum();
                let tip = x1 - dir * 6;
                root.draw(&Polygon::new(
                    vec![
                        (tip, y),
                        (tip - dir * HEAD, y - 5),
                        (tip - dir * HEAD, y + 5),
                    ],
                    arrow_colour.filled(),
                ))?;
            }
        }
        chart.draw_series(
            rows.iter()
                .enumerate()
                .map(|(i, r)| Circle::new((r.from, row_y(i)), 5, from_colour.filled())),
        )?;
        chart.draw_series(
            rows.iter()
                .enumerate()
                .map(|(i, r)| Circle::new((r.to, row_y(i)), 5, to_colour.filled())),
        )?;
        chart.draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
            r.marker
                .map(|x| Cross::new((x, row_y(i)), 6, marker_colour.stroke_width(2)))
        }))?;
        let left = chart.plotting_area().get_x_axis_pixel_range().start;
        let style = label_style.pos(Pos::new(HPos::Right, VPos::Center));
        for (i, r) in rows.iter().enumerate() {
            let (_, y) = chart.backend_coord(&(x_lo, row_y(i)));
            root.draw(&Text::new(r.label.as_str(), (left - GAP, y), style.clone()))?;
        }
        draw_legend(&legend_area, &legend)
    })
}
