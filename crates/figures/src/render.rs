//! Rendering an SVG into memory and writing it out.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::{FigureError, theme};

/// The drawing area every plot kind draws on.
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Renders a `size` SVG with `draw` and writes it to `path`, creating the
/// parent directory if needed. The file is only written if drawing succeeds.
pub(crate) fn write_svg(
    path: &Path,
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> Result<(), FigureError>,
) -> Result<(), FigureError> {
    let svg = render_svg(size, |root| draw(root).map(|()| String::new()))?;
    write_file(path, &svg)
}

/// Renders a `size` SVG into a string: `draw` draws on the area and returns
/// raw SVG elements that are added on top of everything plotters drew.
pub(crate) fn render_svg(
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> Result<String, FigureError>,
) -> Result<String, FigureError> {
    theme::register_fonts()?;
    let mut svg = String::new();
    let overlay;
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&theme::BACKGROUND)?;
        overlay = draw(&root)?;
        root.present()?;
    }
    if !overlay.is_empty() {
        let end = svg
            .rfind("</svg>")
            .ok_or_else(|| FigureError::Drawing("plotters wrote no closing </svg>".into()))?;
        svg.insert_str(end, &overlay);
    }
    Ok(svg)
}

/// Writes `svg` to `path`, creating the parent directory if needed.
pub(crate) fn write_file(path: &Path, svg: &str) -> Result<(), FigureError> {
    let io = |source| FigureError::Io { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(path, svg).map_err(io)
}

/// Height of the strip [`titled`] reserves for `title` (none if it is empty).
pub(crate) fn title_height(title: &str) -> u32 {
    if title.is_empty() { 0 } else { 42 }
}

/// Draws `title` centred at the top of `area` and returns the area below it.
pub(crate) fn titled<'a>(area: &Area<'a>, title: &str) -> Result<Area<'a>, FigureError> {
    let height = title_height(title);
    if height == 0 {
        return Ok(area.clone());
    }
    let style = theme::text(theme::TITLE_SIZE).pos(Pos::new(HPos::Center, VPos::Top));
    let (width, _) = area.dim_in_pixel();
    area.draw(&Text::new(title, (width as i32 / 2, 12), style))?;
    Ok(area.split_vertically(height).1)
}

/// `(min, max)` of finite values, padded by `pad` of the span on each side
/// (a degenerate span is widened to something drawable).
pub(crate) fn padded_range(values: impl IntoIterator<Item = f64>, pad: f64) -> Option<(f64, f64)> {
    let (lo, hi) =
        values.into_iter().filter(|v| v.is_finite()).fold(None, |acc: Option<(f64, f64)>, v| {
            match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            }
        })?;
    let span = hi - lo;
    if span > 0.0 {
        Some((lo - pad * span, hi + pad * span))
    } else {
        let half = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        Some((lo - half, hi + half))
    }
}
