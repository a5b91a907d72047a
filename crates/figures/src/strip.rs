//! Strip plots: for each category on the x axis (e.g. a sampler setting) and
//! each group (e.g. a parameterisation), one dot per replication and a bar at
//! the median — the distribution of a result over many seeds at a glance.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{
    padded_range, panel_grid, svg_dots, title_height, titled, write_svg_with_overlay,
};
use crate::theme::{self, palette};

/// A figure of [`StripPanel`]s (two per row) sharing one legend.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StripPlot {
    /// Figure title (may be empty).
    pub title: String,
    /// Legend labels of the groups, in the order of [`StripPanel::values`].
    pub group_labels: Vec<String>,
    /// Legend label of the panels' reference lines (used if any panel has one).
    pub reference_label: String,
    pub panels: Vec<StripPanel>,
}

/// One panel of a [`StripPlot`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StripPanel {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Category labels along the x axis.
    pub categories: Vec<String>,
    /// `values[group][category]`: the replications' values.
    pub values: Vec<Vec<Vec<f64>>>,
    /// A horizontal dashed line (e.g. the exact value).
    pub reference: Option<f64>,
}

const CHART_HEIGHT: u32 = 330;
const Y_AXIS_AREA: u32 = 76;
const X_AXIS_AREA: u32 = 62;
const DOT_RADIUS: u32 = 4;
const DOT_ALPHA: f64 = 0.55;
/// Share of a category's width the groups' strips take up.
const BAND: f64 = 0.7;

/// Colour of group `g`: orange, blue, then the rest of the palette.
fn group_colour(g: usize) -> RGBColor {
    [
        palette::ORANGE,
        palette::BLUE,
        palette::GREEN,
        palette::PURPLE,
        palette::SKY_BLUE,
        palette::BLACK,
    ][g % 6]
}

/// Deterministic jitter in `[-0.5, 0.5)` for the `i`-th dot (golden-ratio
/// sequence, so dots spread evenly and the file never changes).
fn jitter(i: usize) -> f64 {
    (i as f64 * 0.618_033_988_749_895).fract() - 0.5
}

/// Writes a strip plot to `path` as SVG: in each panel, category `c` and
/// group `g` get a vertical strip of jittered dots with a black bar at their
/// median; panels have their own y axis.
///
/// Errors if there are no panels, a panel has no categories, its `values`
/// do not have one entry per group and category, or a value is not finite.
pub fn strip_plot(path: &Path, spec: &StripPlot) -> Result<(), FigureError> {
    theme::register_fonts()?;
    let panels = &spec.panels;
    if panels.is_empty() {
        return Err(FigureError::Empty(format!("strip plot {:?}", spec.title)));
    }
    let n_groups = spec.group_labels.len();
    for p in panels {
        let what = format!("strip panel {:?}", p.title);
        if p.categories.is_empty() || p.values.iter().flatten().all(Vec::is_empty) {
            return Err(FigureError::Empty(what));
        }
        if p.values.len() != n_groups || p.values.iter().any(|g| g.len() != p.categories.len()) {
            return Err(FigureError::Invalid(format!(
                "{what}: values must be [{n_groups} groups][{} categories]",
                p.categories.len()
            )));
        }
        check_finite(
            &what,
            p.values.iter().flatten().flatten().chain(&p.reference),
        )?;
    }

    let mut legend: Vec<LegendItem> = spec
        .group_labels
        .iter()
        .enumerate()
        .map(|(g, label)| LegendItem::new(Swatch::Dot(group_colour(g).to_rgba(), 5), label.clone()))
        .collect();
    legend.push(LegendItem::new(
        Swatch::Line(palette::BLACK.to_rgba(), 3),
        "median",
    ));
    if panels.iter().any(|p| p.reference.is_some()) {
        legend.push(LegendItem::new(
            Swatch::Dashed(theme::MUTED.to_rgba()),
            spec.reference_label.clone(),
        ));
    }
    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let rows = panels.len().div_ceil(2) as u32;
    let panel_title_h = panels
        .iter()
        .map(|p| title_height(&p.title))
        .max()
        .unwrap_or(0);
    let panel_h = panel_title_h + CHART_HEIGHT;
    let height = title_height(&spec.title) + rows * panel_h + legend_h;

    write_svg_with_overlay(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let body_h = body.dim_in_pixel().1;
        let (grid_area, legend_area) = body.split_vertically(body_h - legend_h);
        let mut dots = String::new();
        for (area, p) in panel_grid(&grid_area, panels.len()).iter().zip(panels) {
            let area = if panel_title_h > 0 {
                let (top, rest) = area.split_vertically(panel_title_h);
                titled(&top, &p.title)?;
                rest
            } else {
                area.clone()
            };
            dots.push_str(&draw_panel(&area, p, n_groups)?);
        }
        draw_legend(&legend_area, &legend)?;
        Ok(dots)
    })
}

/// Draws one panel's axes, medians and reference line; returns its dots as
/// raw SVG (drawn on top of everything).
fn draw_panel(
    area: &crate::render::Area<'_>,
    p: &StripPanel,
    n_groups: usize,
) -> Result<String, FigureError> {
    let n_cat = p.categories.len();
    let (y_lo, y_hi) = padded_range(
        p.values
            .iter()
            .flatten()
            .flatten()
            .copied()
            .chain(p.reference),
        0.06,
    )
    .ok_or_else(|| FigureError::Empty(format!("strip panel {:?}", p.title)))?;
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .margin_right(20)
        .x_label_area_size(X_AXIS_AREA)
        .y_label_area_size(Y_AXIS_AREA)
        .build_cartesian_2d(-0.5..(n_cat as f64 - 0.5), y_lo..y_hi)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(theme::GRID)
        .axis_style(theme::AXIS)
        .label_style(theme::text(theme::TICK_SIZE))
        .y_label_formatter(&theme::format_tick)
        .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
        .x_desc(p.x_label.as_str())
        .y_desc(p.y_label.as_str())
        .draw()?;
    if let Some(y) = p.reference {
        chart.draw_series(DashedLineSeries::new(
            [(-0.5, y), (n_cat as f64 - 0.5, y)],
            8,
            5,
            theme::MUTED.stroke_width(2),
        ))?;
    }
    // Category labels under the axis, centred on each category.
    let label_style = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Center, VPos::Top));
    // backend_coord is in whole-figure pixels; `area` draws relative to its corner.
    let (x0, y0) = area.get_base_pixel();
    for (c, label) in p.categories.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(c as f64, y_lo));
        area.draw(&Text::new(
            label.as_str(),
            (x - x0, y - y0 + 8),
            label_style.clone(),
        ))?;
    }
    let strip = BAND / n_groups as f64;
    let mut dots = String::new();
    let mut medians = String::new();
    for (g, by_cat) in p.values.iter().enumerate() {
        let mut pixels = Vec::new();
        for (c, values) in by_cat.iter().enumerate() {
            let centre = c as f64 - 0.5 * BAND + (g as f64 + 0.5) * strip;
            for (i, v) in values.iter().enumerate() {
                let x = centre + 0.6 * strip * jitter(i);
                pixels.push(chart.backend_coord(&(x, *v)));
            }
            if let Some(m) = median(values) {
                let (x1, y) = chart.backend_coord(&(centre - 0.4 * strip, m));
                let (x2, _) = chart.backend_coord(&(centre + 0.4 * strip, m));
                medians.push_str(&format!(
                    "<line x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#000000\" stroke-width=\"3\"/>\n"
                ));
            }
        }
        dots.push_str(&svg_dots(&pixels, DOT_RADIUS, group_colour(g), DOT_ALPHA));
    }
    // Medians go on top of the dots.
    dots.push_str(&medians);
    Ok(dots)
}

/// The median of `values` (average of the middle two), `None` if empty.
fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        0.5 * (v[n / 2 - 1] + v[n / 2])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_jitter() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert!((0..100).map(jitter).all(|j| (-0.5..0.5).contains(&j)));
    }
}
