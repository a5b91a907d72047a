//! Bar chart: one bar per category, its value printed above it, and an
//! optional note below the axis (e.g. "partial pooling: 42% lower MSE").

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::render::{title_height, titled, write_svg};
use crate::theme::{self, palette};

/// A bar chart; bars are drawn left to right in the order given, coloured
/// by the book palette in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub y_label: String,
    pub bars: Vec<Bar>,
    /// A line of text centred below the category labels.
    pub note: Option<String>,
}

/// One bar of a [`BarChart`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bar {
    /// Category label under the bar.
    pub label: String,
    /// Height of the bar (≥ 0).
    pub value: f64,
    /// Text printed above the bar (e.g. the rounded value).
    pub text: String,
}

const CHART_HEIGHT: u32 = 380;
const Y_AXIS_AREA: u32 = 80;
const X_AXIS_AREA: u32 = 44;
const NOTE_H: u32 = 36;

/// Writes a bar chart of `spec` to `path` as SVG.
///
/// Errors if there are no bars or a value is negative or not finite.
pub fn bar_chart(path: &Path, spec: &BarChart) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if spec.bars.is_empty() {
        return Err(FigureError::Empty(format!("bar chart {:?}", spec.title)));
    }
    check_finite(
        &format!("bar chart {:?}", spec.title),
        spec.bars.iter().map(|b| &b.value),
    )?;
    if let Some(b) = spec.bars.iter().find(|b| b.value < 0.0) {
        return Err(FigureError::Invalid(format!(
            "bar {:?} has negative value {}",
            b.label, b.value
        )));
    }
    let top = spec.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let y_max = if top > 0.0 { top * 1.15 } else { 1.0 };
    let k = spec.bars.len();
    let note_h = if spec.note.is_some() { NOTE_H } else { 0 };
    let height = title_height(&spec.title) + CHART_HEIGHT + note_h;

    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (chart_area, note_area) = body.split_vertically(CHART_HEIGHT);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin(12)
            .margin_right(28)
            .x_label_area_size(X_AXIS_AREA)
            .y_label_area_size(Y_AXIS_AREA)
            .build_cartesian_2d(-0.5..(k as f64 - 0.5), 0.0..y_max)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .max_light_lines(0)
            .bold_line_style(theme::GRID)
            .axis_style(theme::AXIS)
            .label_style(theme::text(theme::TICK_SIZE))
            .y_label_formatter(&theme::format_tick)
            .axis_desc_style(theme::text(theme::AXIS_LABEL_SIZE))
            .y_desc(spec.y_label.as_str())
            .draw()?;
        chart.draw_series(spec.bars.iter().enumerate().map(|(i, b)| {
            let x = i as f64;
            Rectangle::new(
                [(x - 0.3, 0.0), (x + 0.3, b.value)],
                palette::series(i).mix(0.85).filled(),
            )
        }))?;
        let above = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Center, VPos::Bottom));
        let below = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Center, VPos::Top));
        for (i, b) in spec.bars.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(i as f64, b.value));
            root.draw(&Text::new(b.text.as_str(), (x, y - 4), above.clone()))?;
            let (_, y0) = chart.backend_coord(&(i as f64, 0.0));
            root.draw(&Text::new(b.label.as_str(), (x, y0 + 10), below.clone()))?;
        }
        if let Some(note) = &spec.note {
            let (w, _) = note_area.dim_in_pixel();
            note_area.draw(&Text::new(
                note.as_str(),
                (w as i32 / 2, 6),
                theme::text(theme::AXIS_LABEL_SIZE).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
        Ok(())
    })
}
