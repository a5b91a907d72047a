//! Small multiples on log–log axes: several panels (two per row), each with
//! the same labelled series, sharing both axis ranges and one legend.
//! Useful for errors that scale as powers (an MSE of `σ²/n` is a straight
//! line of slope −1).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{panel_grid, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// One series of a [`LogLogPanel`]; colours follow the book palette in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineSeries {
    /// Legend label.
    pub label: String,
    /// Points `(x, y)`, joined in the order given.
    pub points: Vec<(f64, f64)>,
}

/// Panels of line series on shared log–log axes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogLogPanels {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Every panel draws its `i`-th series in the `i`-th palette colour; the
    /// legend takes its labels from the first panel.
    pub panels: Vec<LogLogPanel>,
}

/// One panel of a [`LogLogPanels`] figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogLogPanel {
    pub title: String,
    pub series: Vec<LineSeries>,
}

const PANEL_TITLE: u32 = 30;
const CHART_HEIGHT: u32 = 290;
const Y_AXIS_AREA: u32 = 70;
const X_AXIS_AREA: u32 = 56;

/// "Nice" ticks `1, 2, 5 × 10^k` inside `[lo, hi]` (both > 0); only powers
/// of ten when that would give more than seven ticks.
pub(crate) fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let (k0, k1) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let pick = |mantissas: &[f64]| -> Vec<f64> {
        (k0..=k1)
            .flat_map(|k| mantissas.iter().map(move |m| m * 10f64.powi(k)))
            .filter(|v| *v >= lo * (1.0 - 1e-12) && *v <= hi * (1.0 + 1e-12))
            .collect()
    };
    let ticks = pick(&[1.0, 2.0, 5.0]);
    if ticks.len() > 7 { pick(&[1.0]) } else { ticks }
}

/// Writes the panels to `path` as SVG.
///
/// Errors if there are no panels, a panel has no series, a series has no
/// points, or a coordinate is not finite and positive.
pub fn loglog_panels(path: &Path, spec: &LogLogPanels) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if spec.panels.is_empty() {
        return Err(FigureError::Empty(format!(
            "log-log panels {:?}",
            spec.title
        )));
    }
    for p in &spec.panels {
        if p.series.is_empty() {
            return Err(FigureError::Empty(format!("log-log panel {:?}", p.title)));
        }
        for s in &p.series {
            let what = format!("series {:?} of panel {:?}", s.label, p.title);
            if s.points.is_empty() {
                return Err(FigureError::Empty(what));
            }
            check_finite(&what, s.points.iter().flat_map(|(x, y)| [x, y]))?;
            if s.points.iter().any(|(x, y)| *x <= 0.0 || *y <= 0.0) {
                return Err(FigureError::Invalid(format!(
                    "{what} has a non-positive value on a log axis"
                )));
            }
        }
    }
    let points = || {
        spec.panels
            .iter()
            .flat_map(|p| p.series.iter().flat_map(|s| s.points.iter().copied()))
    };
    let range = |v: Vec<f64>, pad: f64| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (a, b) = (lo.log10(), hi.log10());
        let span = if b > a { b - a } else { 1.0 };
        (a - pad * span, b + pad * span)
    };
    let (x_lo, x_hi) = range(points().map(|(x, _)| x).collect(), 0.04);
    let (y_lo, y_hi) = range(points().map(|(_, y)| y).collect(), 0.06);
    let x_ticks = log_ticks(10f64.powf(x_lo), 10f64.powf(x_hi));
    let y_ticks = log_ticks(10f64.powf(y_lo), 10f64.powf(y_hi));

    let legend: Vec<LegendItem> = spec.panels[0]
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            LegendItem::new(
                Swatch::LineDot(palette::series(i).to_rgba(), 2, 4),
                s.label.clone(),
            )
        })
        .collect();
    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let rows = spec.panels.len().div_ceil(2) as u32;
    let panel_h = PANEL_TITLE + CHART_HEIGHT;
    let height = title_height(&spec.title) + rows * panel_h + legend_h;

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (grid, legend_area) = body.split_vertically(rows * panel_h);
        let tick_style = theme::text(theme::TICK_SIZE);
        for (area, p) in panel_grid(&grid, spec.panels.len())
            .iter()
            .zip(&spec.panels)
        {
            let (title_area, chart_area) = area.split_vertically(PANEL_TITLE);
            let (w, _) = title_area.dim_in_pixel();
            title_area.draw(&Text::new(
                p.title.as_str(),
                (w as i32 / 2, 4),
                theme::text(theme::AXIS_LABEL_SIZE).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
            let mut chart = ChartBuilder::on(&chart_area)
                .margin(8)
                .margin_right(20)
                .x_label_area_size(X_AXIS_AREA)
                .y_label_area_size(Y_AXIS_AREA)
                .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;
            chart
                .configure_mesh()
                .disable_mesh()
                .x_labels(0)
                .y_labels(0)
                .axis_style(theme::AXIS)
                .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
                .x_desc(spec.x_label.as_str())
                .y_desc(spec.y_label.as_str())
                .draw()?;
            // Grid lines and tick labels at the nice ticks.
            for &t in &x_ticks {
                let x = t.log10();
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(x, y_lo), (x, y_hi)],
                    theme::GRID.stroke_width(1),
                )))?;
                let (px, py) = chart.backend_coord(&(x, y_lo));
                root.draw(&Text::new(
                    theme::format_tick(&t),
                    (px, py + 6),
                    tick_style.pos(Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
            for &t in &y_ticks {
                let y = t.log10();
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(x_lo, y), (x_hi, y)],
                    theme::GRID.stroke_width(1),
                )))?;
                let (px, py) = chart.backend_coord(&(x_lo, y));
                root.draw(&Text::new(
                    theme::format_tick(&t),
                    (px - 6, py),
                    tick_style.pos(Pos::new(HPos::Right, VPos::Center)),
                ))?;
            }
            for (i, s) in p.series.iter().enumerate() {
                let colour = palette::series(i);
                let pts: Vec<(f64, f64)> = s
                    .points
                    .iter()
                    .map(|(x, y)| (x.log10(), y.log10()))
                    .collect();
                chart.draw_series(plotters::series::LineSeries::new(
                    pts.iter().copied(),
                    colour.stroke_width(2),
                ))?;
                chart.draw_series(pts.iter().map(|p| Circle::new(*p, 4, colour.filled())))?;
            }
        }
        draw_legend(&legend_area, &legend)
    })
}

#[cfg(test)]
mod tests {
    use super::log_ticks;

    #[test]
    fn nice_ticks() {
        assert_eq!(log_ticks(4.0, 110.0), vec![5.0, 10.0, 20.0, 50.0, 100.0]);
        assert_eq!(log_ticks(0.5, 2000.0), vec![1.0, 10.0, 100.0, 1000.0]);
    }
}
