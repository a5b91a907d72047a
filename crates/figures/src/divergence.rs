//! Scatter panels with divergent transitions highlighted (e.g. the funnel of
//! log tau against a group effect, centred vs non-centred).

use std::collections::HashMap;
use std::path::Path;

use plotters::prelude::*;

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{
    padded_range, panel_grid, svg_dots, title_height, titled, write_svg_with_overlay,
};
use crate::theme::{self, palette};

/// One scatter panel of a [`divergence_scatter`] figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScatterPanel {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// `divergent[i]` marks draw `i` as divergent; same length as `x` and `y`.
    pub divergent: Vec<bool>,
}

const CHART_HEIGHT: u32 = 380;
const Y_AXIS_AREA: u32 = 72;
const X_AXIS_AREA: u32 = 58;

const POINT_RADIUS: u32 = 2;
const POINT_ALPHA: f64 = 0.3;
const DIVERGENT_RADIUS: u32 = 3;
/// Non-divergent dots drawn at most this many times on the same pixel
/// (at opacity 0.3, four layers are already 76% opaque).
const MAX_LAYERS: u32 = 4;

/// Writes scatter panels side by side (two per row) to `path` as SVG. All
/// panels share the same x and y ranges so they can be compared by eye.
/// Non-divergent draws are small translucent blue dots; divergent draws are
/// drawn on top in vermillion. Each panel's legend gives both counts.
///
/// Errors if there are no panels, a panel has no points, the lengths of
/// `x`, `y` and `divergent` differ, or a value is not finite.
pub fn divergence_scatter(path: &Path, panels: &[ScatterPanel]) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if panels.is_empty() {
        return Err(FigureError::Empty("divergence scatter".into()));
    }
    for p in panels {
        if p.x.is_empty() {
            return Err(FigureError::Empty(format!("scatter panel {:?}", p.title)));
        }
        if p.x.len() != p.y.len() || p.x.len() != p.divergent.len() {
            return Err(FigureError::Invalid(format!(
                "scatter panel {:?}: x, y and divergent have lengths {}, {} and {}",
                p.title,
                p.x.len(),
                p.y.len(),
                p.divergent.len()
            )));
        }
        check_finite(
            &format!("scatter panel {:?}", p.title),
            p.x.iter().chain(&p.y),
        )?;
    }

    let divergent_colour = palette::VERMILLION.to_rgba();
    let legends: Vec<Vec<LegendItem>> = panels
        .iter()
        .map(|p| {
            let n_div = p.divergent.iter().filter(|d| **d).count();
            vec![
                LegendItem::new(
                    Swatch::Dot(palette::BLUE.mix(0.6), 4),
                    format!("non-divergent ({})", p.x.len() - n_div),
                ),
                LegendItem::new(
                    Swatch::Dot(divergent_colour, 4),
                    format!("divergent ({n_div})"),
                ),
            ]
        })
        .collect();

    let cols = panels.len().min(2) as u32;
    let rows = panels.len().div_ceil(2) as u32;
    let panel_w = theme::WIDTH / cols;
    let mut legend_h = 0;
    for items in &legends {
        legend_h = legend_h.max(legend_height(items, panel_w)?);
    }
    let title_h = panels
        .iter()
        .map(|p| title_height(&p.title))
        .max()
        .unwrap_or(0);
    let panel_h = title_h + CHART_HEIGHT + legend_h;

    let all_x = panels.iter().flat_map(|p| p.x.iter().copied());
    let all_y = panels.iter().flat_map(|p| p.y.iter().copied());
    let empty = || FigureError::Empty("divergence scatter".into());
    let (x_lo, x_hi) = padded_range(all_x, 0.04).ok_or_else(empty)?;
    let (y_lo, y_hi) = padded_range(all_y, 0.04).ok_or_else(empty)?;

    write_svg_with_overlay(path, (theme::WIDTH, rows * panel_h), |root| {
        let (mut dots_below, mut dots_above) = (String::new(), String::new());
        for ((area, p), legend) in panel_grid(root, panels.len())
            .iter()
            .zip(panels)
            .zip(&legends)
        {
            let area = if title_h > 0 {
                // Keep panels aligned even when only some have titles.
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
                .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;
            chart
                .configure_mesh()
                .x_labels(6)
                .y_labels(6)
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
            // Dots are drawn as raw SVG on top of the chart: non-divergent
            // ones first, divergent ones over them. A translucent dot stacked
            // on the same pixel stops changing its colour after a few layers,
            // so the rest are skipped to keep the file small.
            let mut layers: HashMap<(i32, i32), u32> = HashMap::new();
            let mut plain = Vec::new();
            let mut divergent = Vec::new();
            for ((x, y), d) in p.x.iter().zip(&p.y).zip(&p.divergent) {
                let pixel = chart.backend_coord(&(*x, *y));
                if *d {
                    divergent.push(pixel);
                } else {
                    let n = layers.entry(pixel).or_insert(0);
                    *n += 1;
                    if *n <= MAX_LAYERS {
                        plain.push(pixel);
                    }
                }
            }
            dots_below.push_str(&svg_dots(&plain, POINT_RADIUS, palette::BLUE, POINT_ALPHA));
            dots_above.push_str(&svg_dots(
                &divergent,
                DIVERGENT_RADIUS,
                palette::VERMILLION,
                1.0,
            ));
            draw_legend(&legend_area, legend)?;
        }
        // Every panel's divergent dots go above every panel's plain ones.
        dots_below.push_str(&dots_above);
        Ok(dots_below)
    })
}
