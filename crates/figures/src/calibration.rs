//! Calibration plots for simulation-based calibration: rank histograms with
//! a binomial band, and ECDF differences with a simultaneous band.

use std::path::Path;

use plotters::prelude::*;

use crate::FigureError;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{panel_grid, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// One panel of [`rank_histograms`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankHistogramPanel {
    pub title: String,
    /// Count per bin, bins spanning ranks from lowest to highest.
    pub counts: Vec<usize>,
    /// Central interval of a bin's count under uniformity (e.g. 99%).
    pub band: (usize, usize),
    /// Legend label of the band (e.g. "99% band if uniform").
    pub band_label: String,
}

/// One panel of [`ecdf_difference_plot`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EcdfPanel {
    pub title: String,
    /// Evaluation points in (0, 1).
    pub z: Vec<f64>,
    /// Lower and upper simultaneous band of `ECDF(z) − z`.
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    pub band_label: String,
    /// Labelled `ECDF(z) − z` curves at the points `z`.
    pub series: Vec<(String, Vec<f64>)>,
}

const CHART_HEIGHT: u32 = 300;
const Y_AXIS_AREA: u32 = 76;
const X_AXIS_AREA: u32 = 58;

fn panel_height<T>(
    panels: &[T],
    title: impl Fn(&T) -> &str,
    legends: &[Vec<LegendItem>],
) -> Result<u32, FigureError> {
    let panel_w = theme::WIDTH / panels.len().min(2) as u32;
    let mut legend_h = 0;
    for items in legends {
        legend_h = legend_h.max(legend_height(items, panel_w)?);
    }
    let title_h = panels
        .iter()
        .map(|p| title_height(title(p)))
        .max()
        .unwrap_or(0);
    Ok(title_h + CHART_HEIGHT + legend_h)
}

/// Writes rank histograms side by side (two per row): bars of the counts, and
/// a grey band where each count should fall if the ranks are uniform.
///
/// Errors if there are no panels or a panel has no bins.
pub fn rank_histograms(path: &Path, panels: &[RankHistogramPanel]) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if panels.is_empty() {
        return Err(FigureError::Empty("rank histograms".into()));
    }
    if let Some(p) = panels.iter().find(|p| p.counts.is_empty()) {
        return Err(FigureError::Empty(format!("rank histogram {:?}", p.title)));
    }
    let bar = palette::SKY_BLUE.mix(0.7);
    let band = palette::BLACK.mix(0.12);
    let legends: Vec<Vec<LegendItem>> = panels
        .iter()
        .map(|p| {
            vec![
                LegendItem::new(Swatch::Bar(bar), "replications per bin"),
                LegendItem::new(Swatch::Bar(band), p.band_label.clone()),
            ]
        })
        .collect();
    let panel_h = panel_height(panels, |p| &p.title, &legends)?;
    let rows = panels.len().div_ceil(2) as u32;
    write_svg(path, (theme::WIDTH, rows * panel_h), |root| {
        for ((area, p), legend) in panel_grid(root, panels.len())
            .iter()
            .zip(panels)
            .zip(&legends)
        {
            let area = titled(area, &p.title)?;
            let (chart_area, legend_area) = area.split_vertically(CHART_HEIGHT);
            let bins = p.counts.len() as f64;
            let top = p.counts.iter().copied().max().unwrap_or(0).max(p.band.1) as f64 * 1.1;
            let mut chart = ChartBuilder::on(&chart_area)
                .margin(12)
                .margin_right(28)
                .x_label_area_size(X_AXIS_AREA)
                .y_label_area_size(Y_AXIS_AREA)
                .build_cartesian_2d(0.0..1.0, 0.0..top.max(1.0))?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(6)
                .y_labels(5)
                .max_light_lines(0)
                .bold_line_style(theme::GRID)
                .axis_style(theme::AXIS)
                .label_style(theme::text(theme::TICK_SIZE))
                .x_label_formatter(&theme::format_tick)
                .y_label_formatter(&theme::format_tick)
                .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
                .x_desc("normalised rank")
                .y_desc("count")
                .draw()?;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, p.band.0 as f64), (1.0, p.band.1 as f64)],
                band.filled(),
            )))?;
            chart.draw_series(p.counts.iter().enumerate().map(|(i, c)| {
                let left = i as f64 / bins;
                Rectangle::new(
                    [(left, 0.0), (left + 1.0 / bins, *c as f64)],
                    bar.stroke_width(1).filled(),
                )
            }))?;
            draw_legend(&legend_area, legend)?;
        }
        Ok(())
    })
}

/// Writes ECDF-difference panels side by side (two per row): a grey
/// simultaneous band and one line per series. A calibrated sampler's line
/// stays inside the band.
///
/// Errors if there are no panels, a panel has no points, or lengths differ.
pub fn ecdf_difference_plot(path: &Path, panels: &[EcdfPanel]) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if panels.is_empty() {
        return Err(FigureError::Empty("ECDF difference plot".into()));
    }
    for p in panels {
        let n = p.z.len();
        if n == 0 {
            return Err(FigureError::Empty(format!("ECDF panel {:?}", p.title)));
        }
        if p.lower.len() != n || p.upper.len() != n || p.series.iter().any(|(_, s)| s.len() != n) {
            return Err(FigureError::Invalid(format!(
                "ECDF panel {:?}: z, band and series lengths differ",
                p.title
            )));
        }
    }
    let band = palette::BLACK.mix(0.12);
    let legends: Vec<Vec<LegendItem>> = panels
        .iter()
        .map(|p| {
            let mut items = vec![LegendItem::new(Swatch::Bar(band), p.band_label.clone())];
            for (i, (label, _)) in p.series.iter().enumerate() {
                items.push(LegendItem::new(
                    Swatch::Line(palette::series(i).to_rgba(), 2),
                    label,
                ));
            }
            items
        })
        .collect();
    let panel_h = panel_height(panels, |p| &p.title, &legends)?;
    let rows = panels.len().div_ceil(2) as u32;
    write_svg(path, (theme::WIDTH, rows * panel_h), |root| {
        for ((area, p), legend) in panel_grid(root, panels.len())
            .iter()
            .zip(panels)
            .zip(&legends)
        {
            let area = titled(area, &p.title)?;
            let (chart_area, legend_area) = area.split_vertically(CHART_HEIGHT);
            let extent = p
                .lower
                .iter()
                .chain(&p.upper)
                .chain(p.series.iter().flat_map(|(_, s)| s))
                .fold(0.0f64, |m, v| m.max(v.abs()))
                * 1.15;
            let extent = if extent > 0.0 { extent } else { 0.1 };
            let mut chart = ChartBuilder::on(&chart_area)
                .margin(12)
                .margin_right(28)
                .x_label_area_size(X_AXIS_AREA)
                .y_label_area_size(Y_AXIS_AREA)
                .build_cartesian_2d(0.0..1.0, -extent..extent)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(6)
                .y_labels(5)
                .max_light_lines(0)
                .bold_line_style(theme::GRID)
                .axis_style(theme::AXIS)
                .label_style(theme::text(theme::TICK_SIZE))
                .x_label_formatter(&theme::format_tick)
                .y_label_formatter(&theme::format_tick)
                .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
                .x_desc("normalised rank")
                .y_desc("ECDF difference")
                .draw()?;
            let polygon: Vec<(f64, f64)> =
                p.z.iter()
                    .zip(&p.upper)
                    .map(|(z, u)| (*z, *u))
                    .chain(p.z.iter().zip(&p.lower).rev().map(|(z, l)| (*z, *l)))
                    .collect();
            chart.draw_series(std::iter::once(Polygon::new(polygon, band.filled())))?;
            for (i, (_, s)) in p.series.iter().enumerate() {
                chart.draw_series(LineSeries::new(
                    p.z.iter().copied().zip(s.iter().copied()),
                    palette::series(i).stroke_width(2),
                ))?;
            }
            draw_legend(&legend_area, legend)?;
        }
        Ok(())
    })
}
