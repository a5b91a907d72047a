//! A legend drawn in its own strip (below a chart), so it never hides data.
//! Entries are laid out left to right, centred, wrapping onto new rows when
//! the strip is too narrow.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::render::Area;
use crate::{FigureError, theme};

/// What is drawn in front of a legend label.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A solid line of the given width.
    Line(RGBAColor, u32),
    /// A dashed line.
    Dashed(RGBAColor),
    /// A filled dot of the given radius.
    Dot(RGBAColor, u32),
    /// A line with a dot in the middle (interval + point estimate).
    LineDot(RGBAColor, u32, u32),
    /// An x-shaped cross.
    Cross(RGBAColor),
    /// A filled bar (histograms).
    Bar(RGBAColor),
}

impl Swatch {
    /// This swatch combined with `other` drawn under the same label: a line
    /// and a dot become a line with a dot; anything else keeps this one.
    pub fn with(self, other: Swatch) -> Swatch {
        match (self, other) {
            (Swatch::Line(c, w), Swatch::Dot(_, r)) | (Swatch::Dot(_, r), Swatch::Line(c, w)) => {
                Swatch::LineDot(c, w, r)
            }
            _ => self,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
}

impl LegendItem {
    pub fn new(swatch: Swatch, label: impl Into<String>) -> Self {
        Self { swatch, label: label.into() }
    }
}

const SWATCH_W: i32 = 28;
const LABEL_GAP: i32 = 8;
const ITEM_GAP: i32 = 28;
const ROW_H: i32 = 26;
const PAD: i32 = 6;

/// Rows of `(item index, item width)` fitting in `width` pixels.
fn layout(items: &[LegendItem], width: u32) -> Result<Vec<Vec<(usize, i32)>>, FigureError> {
    let style = theme::text(theme::LEGEND_SIZE);
    let mut rows: Vec<Vec<(usize, i32)>> = Vec::new();
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        let (tw, _) = theme::text_size(&style, &item.label)?;
        let w = SWATCH_W + LABEL_GAP + tw as i32;
        match rows.last_mut() {
            Some(row) if used + ITEM_GAP + w <= width as i32 => {
                row.push((i, w));
                used += ITEM_GAP + w;
            }
            _ => {
                rows.push(vec![(i, w)]);
                used = w;
            }
        }
    }
    Ok(rows)
}

/// Height in pixels of the strip needed for `items` in `width` pixels.
pub(crate) fn legend_height(items: &[LegendItem], width: u32) -> Result<u32, FigureError> {
    let rows = layout(items, width)?.len() as i32;
    Ok(if rows == 0 { 0 } else { (2 * PAD + rows * ROW_H) as u32 })
}

/// Draws `items` into `area` (sized with [`legend_height`]).
pub(crate) fn draw_legend(area: &Area<'_>, items: &[LegendItem]) -> Result<(), FigureError> {
    let (width, _) = area.dim_in_pixel();
    let style = theme::text(theme::LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center));
    for (r, row) in layout(items, width)?.iter().enumerate() {
        let total: i32 =
            row.iter().map(|(_, w)| w).sum::<i32>() + ITEM_GAP * (row.len() as i32 - 1);
        let mut x = (width as i32 - total).max(0) / 2;
        let y = PAD + r as i32 * ROW_H + ROW_H / 2;
        for &(i, w) in row {
            draw_swatch(area, items[i].swatch, x, y)?;
            area.draw(&Text::new(
                items[i].label.as_str(),
                (x + SWATCH_W + LABEL_GAP, y),
                style.clone(),
            ))?;
            x += w + ITEM_GAP;
        }
    }
    Ok(())
}

fn draw_swatch(area: &Area<'_>, swatch: Swatch, x: i32, y: i32) -> Result<(), FigureError> {
    let mid = (x + SWATCH_W / 2, y);
    let line =
        |c: RGBAColor, w: u32| PathElement::new(vec![(x, y), (x + SWATCH_W, y)], c.stroke_width(w));
    match swatch {
        Swatch::Line(c, w) => area.draw(&line(c, w))?,
        Swatch::Dashed(c) => {
            for k in 0..3 {
                let x0 = x + k * 11;
                area.draw(&PathElement::new(vec![(x0, y), (x0 + 6, y)], c.stroke_width(2)))?;
            }
        }
        Swatch::Dot(c, r) => area.draw(&Circle::new(mid, r, c.filled()))?,
        Swatch::LineDot(c, w, r) => {
            area.draw(&line(c, w))?;
            area.draw(&Circle::new(mid, r, c.filled()))?;
        }
        Swatch::Cross(c) => area.draw(&Cross::new(mid, 5, c.stroke_width(2)))?,
        Swatch::Bar(c) => {
            area.draw(&Rectangle::new([(x + 4, y - 8), (x + SWATCH_W - 4, y + 8)], c.filled()))?
        }
    }
    Ok(())
}
