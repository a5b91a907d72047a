//! Panels of curves and points on numeric axes: a bundle of faint curves
//! (e.g. simulated densities from a prior predictive check), coloured
//! curves and point series with a legend, and dashed vertical reference lines
//! (e.g. the true value of a parameter).

use std::path::Path;

use plotters::prelude::*;

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, panel_grid, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// One labelled series of `(x, y)` points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct XySeries {
    /// Legend label (an empty label gives no legend entry).
    pub label: String,
    /// The points, joined in order when drawn as a line.
    pub points: Vec<(f64, f64)>,
}

/// One panel of an [`xy_panels`] figure. Colours follow the book palette:
/// first the `lines`, then the `points`, then the `vlines`, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct XyPanel {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// x range; defaults to the range of everything drawn.
    pub x_range: Option<(f64, f64)>,
    /// y range; defaults to the range of everything drawn, padded.
    pub y_range: Option<(f64, f64)>,
    /// Thin translucent black curves, drawn first.
    pub faint: Vec<Vec<(f64, f64)>>,
    /// Legend label of the faint bundle (none if empty).
    pub faint_label: String,
    /// Curves drawn as solid coloured lines.
    pub lines: Vec<XySeries>,
    /// Series drawn as coloured dots.
    pub points: Vec<XySeries>,
    /// Dashed vertical lines `(x, legend label)`.
    pub vlines: Vec<(f64, String)>,
}

const CHART_HEIGHT: u32 = 380;
const Y_AXIS_AREA: u32 = 76;
const X_AXIS_AREA: u32 = 58;
const FAINT_OPACITY: f64 = 0.13;

/// Colour of the `i`-th coloured element of a panel.
fn colour(i: usize) -> RGBAColor {
    palette::series(i).to_rgba()
}

fn legend_of(p: &XyPanel) -> Vec<LegendItem> {
    let mut items = Vec::new();
    if !p.faint_label.is_empty() {
        items.push(LegendItem::new(
            Swatch::Line(palette::BLACK.mix(0.35), 2),
            p.faint_label.clone(),
        ));
    }
    let mut k = 0;
    for s in &p.lines {
        if !s.label.is_empty() {
            items.push(LegendItem::new(Swatch::Line(colour(k), 3), s.label.clone()));
        }
        k += 1;
    }
    for s in &p.points {
        if !s.label.is_empty() {
            items.push(LegendItem::new(Swatch::Dot(colour(k), 5), s.label.clone()));
        }
        k += 1;
    }
    for (_, label) in &p.vlines {
        if !label.is_empty() {
            items.push(LegendItem::new(Swatch::Dashed(colour(k)), label.clone()));
        }
        k += 1;
    }
    items
}

/// An axis range `(low, high)`.
type Range = (f64, f64);

/// Axis ranges of one panel, after checking its values.
fn ranges(p: &XyPanel) -> Result<(Range, Range), FigureError> {
    let what = format!("xy panel {:?}", p.title);
    let all = || {
        p.faint
            .iter()
            .flatten()
            .chain(p.lines.iter().flat_map(|s| &s.points))
            .chain(p.points.iter().flat_map(|s| &s.points))
    };
    check_finite(&what, all().flat_map(|(x, y)| [x, y]))?;
    check_finite(&what, p.vlines.iter().map(|(x, _)| x))?;
    if all().next().is_none() {
        return Err(FigureError::Empty(what));
    }
    let check = |r: (f64, f64)| {
        if r.0.is_finite() && r.1.is_finite() && r.0 < r.1 {
            Ok(r)
        } else {
            Err(FigureError::Invalid(format!(
                "{what} has range {}..{}",
                r.0, r.1
            )))
        }
    };
    let x = match p.x_range {
        Some(r) => check(r)?,
        None => padded_range(
            all()
                .map(|(x, _)| *x)
                .chain(p.vlines.iter().map(|(x, _)| *x)),
            0.02,
        )
        .ok_or_else(|| FigureError::Empty(what.clone()))?,
    };
    let y = match p.y_range {
        Some(r) => check(r)?,
        None => {
            let inside = all().filter(|(px, _)| (x.0..=x.1).contains(px));
            padded_range(inside.map(|(_, y)| *y), 0.05)
                .ok_or_else(|| FigureError::Empty(what.clone()))?
        }
    };
    Ok((x, y))
}

/// Writes panels of curves and points (two per row) to `path` as SVG, each
/// with its legend below its axes. Points outside a panel's ranges are clipped.
///
/// Errors if there are no panels, a panel has nothing to draw, a range is
/// empty, or a value is not finite.
pub fn xy_panels(path: &Path, panels: &[XyPanel]) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if panels.is_empty() {
        return Err(FigureError::Empty("xy panels".into()));
    }
    let ranges: Vec<_> = panels.iter().map(ranges).collect::<Result<_, _>>()?;
    let legends: Vec<Vec<LegendItem>> = panels.iter().map(legend_of).collect();
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
        for (((area, p), ((x_lo, x_hi), (y_lo, y_hi))), legend) in
            areas.iter().zip(panels).zip(&ranges).zip(&legends)
        {
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
                .build_cartesian_2d(*x_lo..*x_hi, *y_lo..*y_hi)?;
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
            let faint = palette::BLACK.mix(FAINT_OPACITY);
            for curve in &p.faint {
                chart.draw_series(LineSeries::new(
                    curve.iter().copied(),
                    faint.stroke_width(1),
                ))?;
            }
            let mut k = 0;
            for s in &p.lines {
                chart.draw_series(LineSeries::new(
                    s.points.iter().copied(),
                    colour(k).stroke_width(3),
                ))?;
                k += 1;
            }
            let inside =
                |(x, y): &(f64, f64)| (*x_lo..=*x_hi).contains(x) && (*y_lo..=*y_hi).contains(y);
            for s in &p.points {
                let c = colour(k);
                chart.draw_series(
                    s.points
                        .iter()
                        .filter(|pt| inside(pt))
                        .map(|&pt| Circle::new(pt, 4, c.filled())),
                )?;
                k += 1;
            }
            for (x, _) in &p.vlines {
                chart.draw_series(DashedLineSeries::new(
                    [(*x, *y_lo), (*x, *y_hi)],
                    8,
                    5,
                    colour(k).stroke_width(2),
                ))?;
                k += 1;
            }
            draw_legend(&legend_area, legend)?;
        }
        Ok(())
    })
}
