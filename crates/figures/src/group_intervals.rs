//! Estimates with intervals for a row of groups (countries, schools,
//! districts), the groups along the x axis: several estimate series side
//! by side, marker series (true values, observed means), dashed horizontal
//! segments (a grand mean, each district's mean over its schools) and
//! vertical separators between blocks of groups. With many groups (a
//! caterpillar plot of a hundred schools) the group labels are left out.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::legend::{LegendItem, Swatch, draw_legend, legend_height};
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// A figure of per-group intervals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupIntervals {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// One label per group, left to right (drawn under the axis when there
    /// are at most `MAX_LABELLED_GROUPS` groups).
    pub groups: Vec<String>,
    /// Estimate series, drawn side by side within each group.
    pub estimates: Vec<IntervalSeries>,
    /// Marker series, at x positions in group units (group `i` is at `i`).
    pub markers: Vec<MarkerSeries>,
    /// Dashed horizontal segments.
    pub segments: Vec<Segment>,
    /// x positions (in group units) of thin vertical separators.
    pub separators: Vec<f64>,
    /// y range; defaults to everything drawn, padded.
    pub y_range: Option<(f64, f64)>,
}

/// One estimate per group: `(point, low, high)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntervalSeries {
    pub label: String,
    pub values: Vec<(f64, f64, f64)>,
}

/// The shape of a marker series.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Marker {
    #[default]
    Cross,
    Dot,
    Square,
}

/// Points drawn with one marker shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkerSeries {
    pub label: String,
    pub marker: Marker,
    /// `(x in group units, y)`.
    pub points: Vec<(f64, f64)>,
}

/// A dashed horizontal segment from `from` to `to` (group units) at `y`.
/// Segments sharing a label share one legend entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segment {
    pub from: f64,
    pub to: f64,
    pub y: f64,
    pub label: String,
}

/// Groups beyond this count get no x labels.
pub const MAX_LABELLED_GROUPS: usize = 30;

const CHART_HEIGHT: u32 = 420;
const Y_AXIS_AREA: u32 = 80;
const X_AXIS_AREA: u32 = 64;

/// Sizes that suit the number of groups: (interval width, dot radius, marker size).
fn sizes(groups: usize) -> (u32, u32, u32) {
    if groups <= MAX_LABELLED_GROUPS {
        (3, 5, 6)
    } else {
        (1, 2, 3)
    }
}

fn validate(spec: &GroupIntervals) -> Result<(), FigureError> {
    let what = format!("group intervals {:?}", spec.title);
    let n = spec.groups.len();
    if n == 0 || (spec.estimates.is_empty() && spec.markers.is_empty()) {
        return Err(FigureError::Empty(what));
    }
    for s in &spec.estimates {
        if s.values.len() != n {
            return Err(FigureError::Invalid(format!(
                "{what}: series {:?} has {} values for {n} groups",
                s.label,
                s.values.len()
            )));
        }
        check_finite(&what, s.values.iter().flat_map(|(m, l, h)| [m, l, h]))?;
        if let Some((_, l, h)) = s.values.iter().find(|(_, l, h)| l > h) {
            return Err(FigureError::Invalid(format!("{what}: interval {l} > {h}")));
        }
    }
    check_finite(
        &what,
        spec.markers
            .iter()
            .flat_map(|m| &m.points)
            .flat_map(|(x, y)| [x, y]),
    )?;
    check_finite(
        &what,
        spec.segments.iter().flat_map(|s| [&s.from, &s.to, &s.y]),
    )?;
    check_finite(&what, &spec.separators)?;
    Ok(())
}

fn legend_of(spec: &GroupIntervals, dot: u32) -> Vec<LegendItem> {
    let mut items = Vec::new();
    for (i, s) in spec.estimates.iter().enumerate() {
        items.push(LegendItem::new(
            Swatch::LineDot(palette::series(i).to_rgba(), 3, dot.max(4)),
            s.label.clone(),
        ));
    }
    for (j, m) in spec.markers.iter().enumerate() {
        let c = palette::series(spec.estimates.len() + j).to_rgba();
        let swatch = match m.marker {
            Marker::Cross => Swatch::Cross(c),
            Marker::Dot => Swatch::Dot(c, 5),
            Marker::Square => Swatch::Bar(c),
        };
        items.push(LegendItem::new(swatch, m.label.clone()));
    }
    let mut seen: Vec<&str> = Vec::new();
    for s in &spec.segments {
        if !s.label.is_empty() && !seen.contains(&s.label.as_str()) {
            seen.push(&s.label);
            items.push(LegendItem::new(
                Swatch::Dashed(theme::MUTED.to_rgba()),
                s.label.clone(),
            ));
        }
    }
    items.retain(|i| !i.label.is_empty());
    items
}

/// Writes the figure to `path` as SVG, with the legend below the axes.
///
/// Errors if there are no groups or nothing to draw, a series does not have
/// one value per group, an interval has `low > high`, or a value is not finite.
pub fn group_intervals(path: &Path, spec: &GroupIntervals) -> Result<(), FigureError> {
    theme::register_fonts()?;
    validate(spec)?;
    let n = spec.groups.len();
    let (line_w, dot, mark) = sizes(n);
    let legend = legend_of(spec, dot);
    let legend_h = legend_height(&legend, theme::WIDTH)?;
    let height = title_height(&spec.title) + CHART_HEIGHT + legend_h;
    let y_values = spec
        .estimates
        .iter()
        .flat_map(|s| s.values.iter().flat_map(|(m, l, h)| [*m, *l, *h]))
        .chain(
            spec.markers
                .iter()
                .flat_map(|m| m.points.iter().map(|p| p.1)),
        )
        .chain(spec.segments.iter().map(|s| s.y));
    let (y_lo, y_hi) = match spec.y_range {
        Some((lo, hi)) if lo < hi => (lo, hi),
        Some((lo, hi)) => {
            return Err(FigureError::Invalid(format!("y range {lo}..{hi} is empty")));
        }
        None => padded_range(y_values, 0.06)
            .ok_or_else(|| FigureError::Empty(format!("group intervals {:?}", spec.title)))?,
    };
    let (x_lo, x_hi) = (-0.6, n as f64 - 0.4);
    let m = spec.estimates.len();
    let spacing = if m > 1 {
        (0.6 / m as f64).min(0.25)
    } else {
        0.0
    };
    let offset = |i: usize| (i as f64 - (m as f64 - 1.0) / 2.0) * spacing;

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
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(7)
            .max_light_lines(0)
            .bold_line_style(theme::GRID)
            .axis_style(theme::AXIS)
            .label_style(theme::text(theme::TICK_SIZE))
            .y_label_formatter(&theme::format_tick)
            .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
            .x_desc(spec.x_label.as_str())
            .y_desc(spec.y_label.as_str())
            .draw()?;
        for &x in &spec.separators {
            chart.draw_series(LineSeries::new(
                [(x, y_lo), (x, y_hi)],
                theme::AXIS.mix(0.35).stroke_width(1),
            ))?;
        }
        for s in &spec.segments {
            chart.draw_series(DashedLineSeries::new(
                [(s.from, s.y), (s.to, s.y)],
                8,
                5,
                theme::MUTED.stroke_width(2),
            ))?;
        }
        for (i, s) in spec.estimates.iter().enumerate() {
            let c = palette::series(i);
            let dx = offset(i);
            chart.draw_series(s.values.iter().enumerate().map(|(g, (_, l, h))| {
                let x = g as f64 + dx;
                PathElement::new(vec![(x, *l), (x, *h)], c.stroke_width(line_w))
            }))?;
            chart.draw_series(
                s.values
                    .iter()
                    .enumerate()
                    .map(|(g, (p, _, _))| Circle::new((g as f64 + dx, *p), dot, c.filled())),
            )?;
        }
        for (j, ms) in spec.markers.iter().enumerate() {
            let c = palette::series(m + j);
            let visible = ms
                .points
                .iter()
                .filter(|(_, y)| (y_lo..=y_hi).contains(y))
                .copied();
            match ms.marker {
                Marker::Cross => chart
                    .draw_series(visible.map(|p| Cross::new(p, mark as i32, c.stroke_width(2))))?,
                Marker::Dot => {
                    chart.draw_series(visible.map(|p| Circle::new(p, mark - 1, c.filled())))?
                }
                Marker::Square => chart.draw_series(visible.map(|p| {
                    let r = mark as i32 - 1;
                    EmptyElement::at(p) + Rectangle::new([(-r, -r), (r, r)], c.filled())
                }))?,
            };
        }
        if n <= MAX_LABELLED_GROUPS {
            let style = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Center, VPos::Top));
            for (g, label) in spec.groups.iter().enumerate() {
                let (px, py) = chart.backend_coord(&(g as f64, y_lo));
                root.draw(&Text::new(label.as_str(), (px, py + 8), style.clone()))?;
            }
        }
        draw_legend(&legend_area, &legend)
    })
}
