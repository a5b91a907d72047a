//! Shrinkage lines: the same items measured or estimated several ways, one
//! horizontal row per way, with a line joining each item across the rows
//! (Efron & Morris's picture of batting averages moving from the early
//! average to the James–Stein estimate, then to the season's average).
//!
//! Reference: Efron & Morris (1977), "Stein's paradox in statistics",
//! Scientific American 236(5).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::render::{padded_range, title_height, titled, write_svg};
use crate::theme::{self, palette};

/// Rows of values for the same items, drawn top to bottom.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShrinkageLines {
    pub title: String,
    pub x_label: String,
    /// `(row label, one value per item)`; every row has the same items in
    /// the same order.
    pub rows: Vec<(String, Vec<f64>)>,
}

const ROW_GAP: u32 = 120;
const X_AXIS_AREA: u32 = 60;
const GAP: i32 = 12;

/// Writes the rows and joining lines to `path` as SVG.
///
/// Errors if there are fewer than two rows, no items, rows of different
/// lengths, or a value that is not finite.
pub fn shrinkage_lines(path: &Path, spec: &ShrinkageLines) -> Result<(), FigureError> {
    theme::register_fonts()?;
    let what = format!("shrinkage lines {:?}", spec.title);
    if spec.rows.len() < 2 || spec.rows[0].1.is_empty() {
        return Err(FigureError::Empty(what));
    }
    let items = spec.rows[0].1.len();
    if let Some((label, v)) = spec.rows.iter().find(|(_, v)| v.len() != items) {
        return Err(FigureError::Invalid(format!(
            "{what}: row {label:?} has {} values, the first row {items}",
            v.len()
        )));
    }
    check_finite(&what, spec.rows.iter().flat_map(|(_, v)| v))?;
    let (x_lo, x_hi) = padded_range(spec.rows.iter().flat_map(|(_, v)| v.iter().copied()), 0.04)
        .ok_or_else(|| FigureError::Empty(what.clone()))?;
    let label_style = theme::text(theme::TICK_SIZE);
    let mut label_w = 0;
    for (l, _) in &spec.rows {
        label_w = label_w.max(theme::text_size(&label_style, l)?.0);
    }
    let label_w = label_w.min(theme::WIDTH / 3);
    let r = spec.rows.len();
    let plot_h = ROW_GAP * (r as u32 - 1) + 40 + X_AXIS_AREA;
    let height = title_height(&spec.title) + plot_h;
    let row_y = |i: usize| (r - 1 - i) as f64;
    let line_colour = palette::BLUE.mix(0.45);
    let dot_colour = palette::BLUE.to_rgba();

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let mut chart = ChartBuilder::on(&body)
            .margin_top(20)
            .margin_bottom(0)
            .margin_left(GAP as u32)
            .margin_right(28)
            .x_label_area_size(X_AXIS_AREA)
            .y_label_area_size(label_w + GAP as u32)
            .build_cartesian_2d(x_lo..x_hi, -0.15..(r as f64 - 0.85))?;
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
        for i in 0..r {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(x_lo, row_y(i)), (x_hi, row_y(i))],
                theme::AXIS.stroke_width(1),
            )))?;
        }
        for pair in 0..r - 1 {
            let (a, b) = (&spec.rows[pair].1, &spec.rows[pair + 1].1);
            chart.draw_series(a.iter().zip(b).map(|(x0, x1)| {
                PathElement::new(
                    vec![(*x0, row_y(pair)), (*x1, row_y(pair + 1))],
                    line_colour.stroke_width(2),
                )
            }))?;
        }
        for (i, (_, v)) in spec.rows.iter().enumerate() {
            chart.draw_series(
                v.iter()
                    .map(|x| Circle::new((*x, row_y(i)), 5, dot_colour.filled())),
            )?;
        }
        let left = chart.plotting_area().get_x_axis_pixel_range().start;
        let style = label_style.pos(Pos::new(HPos::Right, VPos::Center));
        for (i, (label, _)) in spec.rows.iter().enumerate() {
            let (_, y) = chart.backend_coord(&(x_lo, row_y(i)));
            root.draw(&Text::new(label.as_str(), (left - GAP, y), style.clone()))?;
        }
        Ok(())
    })
}
