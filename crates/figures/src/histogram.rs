//! Density-scaled histograms, optionally overlaid with an exact density
//! curve (e.g. NUTS draws against the exact posterior).

use std::path::Path;

use plotters::prelude::*;

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, panel_grid, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// One panel of a [`histogram_panels`] figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistogramPanel {
    pub title: String,
    pub x_label: String,
    pub samples: Vec<f64>,
    /// Number of equal-width bins across the range.
    pub bins: usize,
    /// Range of the x axis and the bins; defaults to the range of the
    /// samples. Samples outside it are not drawn but still count in the
    /// total, so the bars keep the scale of the full density.
    pub range: Option<(f64, f64)>,
    /// Density curve `(x, density)` drawn over the bars, clipped to the range.
    pub curve: Option<Vec<(f64, f64)>>,
    /// Legend label of `curve` (e.g. "exact posterior").
    pub curve_label: String,
}

const CHART_HEIGHT: u32 = 360;
const Y_AXIS_AREA: u32 = 76;
const X_AXIS_AREA: u32 = 58;

/// Writes density histograms side by side (two per row) to `path` as SVG.
/// Bar heights are `count / (total samples * bin width)`, so the bars and
/// an exact density curve are on the same scale.
///
/// Errors if there are no panels, a panel has no samples or zero bins, the
/// range is empty, or a value is not finite.
pub fn histogram_panels(path: &Path, panels: &[HistogramPanel]) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if panels.is_empty() {
        return Err(FigureError::Empty("histogram panels".into()));
    }
    let mut prepared = Vec::with_capacity(panels.len());
    for p in panels {
        prepared.push(prepare(p)?);
    }

    let bar_colour = palette::SKY_BLUE.mix(0.75);
    let curve_colour = palette::BLACK.to_rgba();
    let legends: Vec<Vec<LegendItem>> = panels
        .iter()
        .map(|p| {
            let mut items = vec![LegendItem::new(
                Swatch::Bar(bar_colour),
                format!("draws (n = {})", p.samples.len()),
            )];
            if p.curve.is_some() {
                let label = if p.curve_label.is_empty() {
                    "density"
                } else {
                    &p.curve_label
                };
                items.push(LegendItem::new(Swatch::Line(curve_colour, 2), label));
            }
            items
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

    write_svg(path, (theme::WIDTH, rows * panel_h), |root| {
        let areas = panel_grid(root, panels.len());
        for (((area, p), h), legend) in areas.iter().zip(panels).zip(&prepared).zip(&legends) {
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
                .build_cartesian_2d(h.lo..h.hi, 0.0..h.y_max)?;
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
                .x_desc(p.x_label.as_str())
                .y_desc("density")
                .draw()?;
            chart.draw_series(h.density.iter().enumerate().filter(|(_, d)| **d > 0.0).map(
                |(i, d)| {
                    let left = h.lo + i as f64 * h.width;
                    Rectangle::new([(left, 0.0), (left + h.width, *d)], bar_colour.filled())
                },
            ))?;
            if !h.curve.is_empty() {
                chart.draw_series(LineSeries::new(
                    h.curve.iter().copied(),
                    curve_colour.stroke_width(2),
                ))?;
            }
            draw_legend(&legend_area, legend)?;
        }
        Ok(())
    })
}

/// Bin densities and axis ranges of one panel.
struct Prepared {
    lo: f64,
    hi: f64,
    width: f64,
    density: Vec<f64>,
    curve: Vec<(f64, f64)>,
    y_max: f64,
}

fn prepare(p: &HistogramPanel) -> Result<Prepared, FigureError> {
    let what = format!("histogram panel {:?}", p.title);
    if p.samples.is_empty() {
        return Err(FigureError::Empty(what));
    }
    if p.bins == 0 {
        return Err(FigureError::Invalid(format!("{what} has 0 bins")));
    }
    check_finite(&what, &p.samples)?;
    if let Some(curve) = &p.curve {
        check_finite(&what, curve.iter().flat_map(|(x, y)| [x, y]))?;
    }
    let (lo, hi) = match p.range {
        Some((lo, hi)) => {
            if !(lo.is_finite() && hi.is_finite() && lo < hi) {
                return Err(FigureError::Invalid(format!("{what} has range {lo}..{hi}")));
            }
            (lo, hi)
        }
        None => padded_range(p.samples.iter().copied(), 0.0)
            .ok_or_else(|| FigureError::Empty(what.clone()))?,
    };
    let width = (hi - lo) / p.bins as f64;
    let mut counts = vec![0usize; p.bins];
    for &s in &p.samples {
        if (lo..=hi).contains(&s) {
            let i = (((s - lo) / width) as usize).min(p.bins - 1);
            counts[i] += 1;
        }
    }
    let n = p.samples.len() as f64;
    let density: Vec<f64> = counts.iter().map(|&c| c as f64 / (n * width)).collect();
    let curve: Vec<(f64, f64)> = p
        .curve
        .iter()
        .flatten()
        .copied()
        .filter(|(x, _)| (lo..=hi).contains(x))
        .collect();
    let top = density
        .iter()
        .copied()
        .chain(curve.iter().map(|(_, y)| *y))
        .fold(0.0, f64::max);
    let y_max = if top > 0.0 { top * 1.08 } else { 1.0 };
    Ok(Prepared {
        lo,
        hi,
        width,
        density,
        curve,
        y_max,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_a_density_over_all_samples() {
        let panel = HistogramPanel {
            samples: vec![0.1, 0.2, 0.6, 0.9, 1.0, 5.0],
            bins: 2,
            range: Some((0.0, 1.0)),
            ..Default::default()
        };
        let h = prepare(&panel).unwrap();
        // 2 of 6 samples in [0, 0.5), 3 in [0.5, 1] (1.0 goes in the last
        // bin), 5.0 is outside: bars integrate to 5/6.
        assert_eq!(h.density, vec![2.0 / 6.0 / 0.5, 3.0 / 6.0 / 0.5]);
        let area: f64 = h.density.iter().map(|d| d * h.width).sum();
        assert!((area - 5.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn curve_is_clipped_to_the_range() {
        let panel = HistogramPanel {
            samples: vec![0.5],
            bins: 1,
            range: Some((0.0, 1.0)),
            curve: Some(vec![(-1.0, 9.0), (0.5, 1.0), (2.0, 9.0)]),
            ..Default::default()
        };
        let h = prepare(&panel).unwrap();
        assert_eq!(h.curve, vec![(0.5, 1.0)]);
        assert!((h.y_max - 1.08).abs() < 1e-12);
    }
}
