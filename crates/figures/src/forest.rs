//! Forest plot: one row per group with an interval, a point estimate, and
//! optionally the observed value and a short note on the right.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// A forest plot: rows are drawn top to bottom in the order given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForestPlot {
    pub title: String,
    pub x_label: String,
    pub rows: Vec<ForestRow>,
    /// A vertical dashed line at this x, with its legend label
    /// (e.g. the population mean).
    pub reference_line: Option<(f64, String)>,
}

/// One row of a [`ForestPlot`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForestRow {
    /// Drawn at the left of the row.
    pub label: String,
    /// Point estimate, drawn as a dot.
    pub mean: f64,
    /// Interval, drawn as a line from `low` to `high`.
    pub low: f64,
    pub high: f64,
    /// Observed value, drawn as a cross.
    pub observed: Option<f64>,
    /// Short text drawn at the right of the row (e.g. "R-hat 1.00").
    pub note: Option<String>,
}

const ROW_HEIGHT: u32 = 36;
const X_AXIS_AREA: u32 = 62;
const TOP_MARGIN: u32 = 12;
const GAP: i32 = 10;

const INTERVAL_WIDTH: u32 = 3;
const MEAN_RADIUS: u32 = 5;

/// Writes a forest plot of `spec` to `path` as SVG.
///
/// Errors if there are no rows, a value is not finite, or a row has
/// `low > high`.
pub fn forest_plot(path: &Path, spec: &ForestPlot) -> Result<(), FigureError> {
    theme::register_fonts()?;
    let rows = &spec.rows;
    if rows.is_empty() {
        return Err(FigureError::Empty(format!("forest plot {:?}", spec.title)));
    }
    for r in rows {
        check_finite(
            &format!("forest row {:?}", r.label),
            [r.mean, r.low, r.high].iter().chain(r.observed.iter()),
        )?;
        if r.low > r.high {
            return Err(FigureError::Invalid(format!(
                "forest row {:?} has low {} > high {}",
                r.label, r.low, r.high
            )));
        }
    }
    if let Some((x, _)) = &spec.reference_line {
        check_finite("forest reference line", [x])?;
    }

    let mean_colour = palette::BLUE.to_rgba();
    let observed_colour = palette::VERMILLION.to_rgba();
    let reference_colour = theme::MUTED.to_rgba();
    let mut legend = vec![LegendItem::new(
        Swatch::LineDot(mean_colour, INTERVAL_WIDTH, MEAN_RADIUS),
        "posterior mean and interval",
    )];
    if rows.iter().any(|r| r.observed.is_some()) {
        legend.push(LegendItem::new(Swatch::Cross(observed_colour), "observed"));
    }
    if let Some((_, label)) = &spec.reference_line {
        legend.push(LegendItem::new(
            Swatch::Dashed(reference_colour),
            label.clone(),
        ));
    }

    let label_style = theme::text(theme::TICK_SIZE);
    let note_style = theme::text(theme::NOTE_SIZE).color(&theme::MUTED);
    let mut label_width = 0;
    let mut note_width = 0;
    for r in rows {
        label_width = label_width.max(theme::text_size(&label_style, &r.label)?.0);
        if let Some(note) = &r.note {
            note_width = note_width.max(theme::text_size(&note_style, note)?.0);
        }
    }
    let label_width = label_width.min(theme::WIDTH * 2 / 5);

    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let plot_h = ROW_HEIGHT * rows.len() as u32;
    let height = title_height(&spec.title) + TOP_MARGIN + plot_h + X_AXIS_AREA + legend_h;

    let (x_lo, x_hi) = padded_range(
        rows.iter()
            .flat_map(|r| [r.low, r.high, r.mean].into_iter().chain(r.observed))
            .chain(spec.reference_line.as_ref().map(|(x, _)| *x)),
        0.05,
    )
    .ok_or_else(|| FigureError::Empty(format!("forest plot {:?}", spec.title)))?;
    let n = rows.len();
    let row_y = |i: usize| (n - 1 - i) as f64;

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (chart_area, legend_area) = body.split_vertically(body.dim_in_pixel().1 - legend_h);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(TOP_MARGIN)
            .margin_left(GAP as u32)
            .margin_right(if note_width > 0 {
                note_width + 2 * GAP as u32
            } else {
                24
            })
            .x_label_area_size(X_AXIS_AREA)
            .y_label_area_size(label_width + GAP as u32)
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
        chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
            PathElement::new(
                vec![(r.low, row_y(i)), (r.high, row_y(i))],
                mean_colour.stroke_width(INTERVAL_WIDTH),
            )
        }))?;
        chart.draw_series(
            rows.iter()
                .enumerate()
                .map(|(i, r)| Circle::new((r.mean, row_y(i)), MEAN_RADIUS, mean_colour.filled())),
        )?;
        chart.draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
            r.observed
                .map(|x| Cross::new((x, row_y(i)), 6, observed_colour.stroke_width(2)))
        }))?;

        // Row labels and notes, in absolute pixel coordinates on the root.
        let (left, right) = {
            let px = chart.plotting_area().get_x_axis_pixel_range();
            (px.start, px.end)
        };
        let label_style = label_style.pos(Pos::new(HPos::Right, VPos::Center));
        let note_style = note_style.pos(Pos::new(HPos::Left, VPos::Center));
        for (i, r) in rows.iter().enumerate() {
            let (_, y) = chart.backend_coord(&(x_lo, row_y(i)));
            root.draw(&Text::new(
                r.label.as_str(),
                (left - GAP, y),
                label_style.clone(),
            ))?;
            if let Some(note) = &r.note {
                root.draw(&Text::new(
                    note.as_str(),
                    (right + GAP, y),
                    note_style.clone(),
                ))?;
            }
        }

        draw_legend(&legend_area, &legend)
    })
}
