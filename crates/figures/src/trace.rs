//! Trace panels: one chain's draws against iteration, with divergent
//! transitions marked and optional horizontal reference lines (e.g. exact
//! quantiles), so the reader sees where a chain sticks.

use std::path::Path;

use plotters::prelude::*;

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg_with_overlay};
use crate::theme::{self, palette};

/// One panel of a [`trace_panels`] figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TracePanel {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// The draws in iteration order (drawn at x = 1, 2, …).
    pub values: Vec<f64>,
    /// `divergent[i]` marks draw `i` as divergent; empty or same length as `values`.
    pub divergent: Vec<bool>,
    /// Horizontal dashed lines `(y, legend label)`.
    pub reference_lines: Vec<(f64, String)>,
}

const CHART_HEIGHT: u32 = 300;
const Y_AXIS_AREA: u32 = 72;
const X_AXIS_AREA: u32 = 58;
const DIVERGENT_RADIUS: u32 = 3;

/// Colours of reference lines, in order (blue and vermillion are taken by
/// the trace and the divergences).
const REFERENCE_COLOURS: [RGBColor; 4] = [
    palette::BLACK,
    palette::GREEN,
    palette::PURPLE,
    palette::ORANGE,
];

/// Writes trace panels stacked one above the other (full width, shared y
/// range) to `path` as SVG. The trace is a thin blue line; divergent draws
/// are vermillion dots on top; reference lines are dashed.
///
/// Errors if there are no panels, a panel has no values, `divergent` has the
/// wrong length, or a value is not finite.
pub fn trace_panels(path: &Path, panels: &[TracePanel]) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if panels.is_empty() {
        return Err(FigureError::Empty("trace panels".into()));
    }
    for p in panels {
        let what = format!("trace panel {:?}", p.title);
        if p.values.is_empty() {
            return Err(FigureError::Empty(what));
        }
        if !p.divergent.is_empty() && p.divergent.len() != p.values.len() {
            return Err(FigureError::Invalid(format!(
                "{what}: {} values but {} divergence flags",
                p.values.len(),
                p.divergent.len()
            )));
        }
        check_finite(
            &what,
            p.values
                .iter()
                .chain(p.reference_lines.iter().map(|r| &r.0)),
        )?;
    }

    let trace_colour = palette::BLUE.to_rgba();
    let divergent_colour = palette::VERMILLION.to_rgba();
    let legends: Vec<Vec<LegendItem>> = panels
        .iter()
        .map(|p| {
            let n_div = p.divergent.iter().filter(|d| **d).count();
            let mut items = vec![LegendItem::new(Swatch::Line(trace_colour, 2), "draws")];
            if !p.divergent.is_empty() {
                items.push(LegendItem::new(
                    Swatch::Dot(divergent_colour, 4),
                    format!("divergent ({n_div})"),
                ));
            }
            for (i, (_, label)) in p.reference_lines.iter().enumerate() {
                let c = REFERENCE_COLOURS[i % REFERENCE_COLOURS.len()].to_rgba();
                items.push(LegendItem::new(Swatch::Dashed(c), label.clone()));
            }
            items
        })
        .collect();
    let mut legend_h = 0;
    for items in &legends {
        legend_h = legend_h.max(legend_height(items, theme::WIDTH)?);
    }
    let title_h = panels
        .iter()
        .map(|p| title_height(&p.title))
        .max()
        .unwrap_or(0);
    let panel_h = title_h + CHART_HEIGHT + legend_h;

    let all_y = panels.iter().flat_map(|p| {
        p.values
            .iter()
            .copied()
            .chain(p.reference_lines.iter().map(|r| r.0))
    });
    let (y_lo, y_hi) =
        padded_range(all_y, 0.04).ok_or_else(|| FigureError::Empty("trace panels".into()))?;
    let n_max = panels.iter().map(|p| p.values.len()).max().unwrap_or(1) as f64;

    let height = panel_h * panels.len() as u32;
    write_svg_with_overlay(path, (theme::WIDTH, height), |root| {
        let mut dots = String::new();
        let areas = root.split_evenly((panels.len(), 1));
        for ((area, p), legend) in areas.iter().zip(panels).zip(&legends) {
            let area = if title_h > 0 {
                let (top, rest) = area.split_vertically(title_h);
                titled(&top, &p.title)?;
                rest
            } else {
                area.clone()
            };
            let (chart_area, legend_area) = area.split_vertically(CHART_HEIGHT);
            let mut chart = ChartBuilder::on(&chart_area)
                .margin(12)
                .margin_right(28)
                .x_label_area_size(X_AXIS_AREA)
                .y_label_area_size(Y_AXIS_AREA)
                .build_cartesian_2d(0.0..n_max + 1.0, y_lo..y_hi)?;
            chart
                .configure_mesh()
                .x_labels(8)
                .y_labels(5)
                .max_light_lines(0)
                .bold_line_style(theme::GRID)
                .axis_style(theme::AXIS)
                .label_style(theme::text(theme::TICK_SIZE))
                .x_label_formatter(&theme::format_tick)
                .y_label_formatter(&theme::format_tick)
                .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
                .x_desc(p.x_label.as_str())
                .y_desc(p.y_label.as_str())
                .draw()?;
            chart.draw_series(plotters::series::LineSeries::new(
                p.values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| ((i + 1) as f64, *v)),
                trace_colour.stroke_width(1),
            ))?;
            for (i, (y, _)) in p.reference_lines.iter().enumerate() {
                let c = REFERENCE_COLOURS[i % REFERENCE_COLOURS.len()];
                chart.draw_series(DashedLineSeries::new(
                    [(0.0, *y), (n_max + 1.0, *y)],
                    8,
                    5,
                    c.stroke_width(2),
                ))?;
            }
            let pixels: Vec<(i32, i32)> = p
                .values
                .iter()
                .zip(&p.divergent)
                .enumerate()
                .filter(|(_, (_, d))| **d)
                .map(|(i, (v, _))| chart.backend_coord(&((i + 1) as f64, *v)))
                .collect();
            dots.push_str(&crate::render::svg_dots(
                &pixels,
                DIVERGENT_RADIUS,
                palette::VERMILLION,
                1.0,
            ));
            draw_legend(&legend_area, legend)?;
        }
        Ok(dots)
    })
}
