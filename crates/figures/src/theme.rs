//! Sizes, colours and fonts shared by every figure in the book.
//!
//! Figures are [`WIDTH`] pixels wide, about the width of an mdBook page, so
//! the font sizes below come out at roughly their nominal size when read in
//! the book. Colours are the Okabe–Ito palette, which stays distinguishable
//! under the common forms of colour blindness.

use std::sync::OnceLock;

use plotters::style::{FontStyle, IntoFont, RGBColor, TextStyle, register_font};

use crate::FigureError;

/// Width of every figure, in pixels.
pub const WIDTH: u32 = 800;

/// The font family name used in the SVG (`font-family="sans-serif"`).
/// Viewers render it with their own sans-serif font; the embedded DejaVu
/// Sans is only used to measure text while laying out.
pub const FONT: &str = "sans-serif";

/// Font sizes in plotters units (the SVG `font-size` is this divided by 1.24).
pub const TITLE_SIZE: f64 = 24.0;
/// Axis descriptions ("tau", "density").
pub const AXIS_LABEL_SIZE: f64 = 19.0;
/// Tick labels and row labels.
pub const TICK_SIZE: f64 = 17.0;
/// Legend entries.
pub const LEGEND_SIZE: f64 = 17.0;
/// Right-hand notes in forest plots.
pub const NOTE_SIZE: f64 = 16.0;

/// Okabe–Ito colour-blind-safe palette.
pub mod palette {
    use plotters::style::RGBColor;

    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);

    /// Colours for successive series, in order (yellow is left out: it is
    /// hard to see on white).
    pub const SERIES: [RGBColor; 7] = [BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY_BLUE, BLACK];

    /// Colour of the `i`-th series (cycles).
    pub fn series(i: usize) -> RGBColor {
        SERIES[i % SERIES.len()]
    }
}

/// Main text colour.
pub const TEXT: RGBColor = RGBColor(25, 25, 25);
/// Secondary text (notes, reference lines).
pub const MUTED: RGBColor = RGBColor(85, 85, 85);
/// Axis lines.
pub const AXIS: RGBColor = RGBColor(60, 60, 60);
/// Major grid lines.
pub const GRID: RGBColor = RGBColor(215, 215, 215);
/// Background.
pub const BACKGROUND: RGBColor = RGBColor(255, 255, 255);

/// Text style of the given size in the book's font and text colour.
pub fn text(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&TEXT)
}

static DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// Registers the embedded DejaVu Sans as `sans-serif` (normal and bold) with
/// plotters. Called by every plot function; safe to call any number of times.
/// Call it yourself before drawing a custom figure with plotters directly.
pub fn register_fonts() -> Result<(), FigureError> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            for style in [FontStyle::Normal, FontStyle::Bold] {
                register_font(FONT, style, DEJAVU_SANS)
                    .map_err(|_| "DejaVuSans.ttf is not a valid font".to_string())?;
            }
            Ok(())
        })
        .clone()
        .map_err(FigureError::Font)
}

/// Width and height in pixels that `text` takes up in `style`.
pub(crate) fn text_size(style: &TextStyle<'_>, text: &str) -> Result<(u32, u32), FigureError> {
    style
        .font
        .box_size(text)
        .map_err(|e| FigureError::Font(e.to_string()))
}

/// Widest of `labels` in the tick font, in pixels.
pub(crate) fn widest<'a>(labels: impl IntoIterator<Item = &'a String>) -> Result<u32, FigureError> {
    let style = text(TICK_SIZE);
    let mut w = 0;
    for l in labels {
        w = w.max(text_size(&style, l)?.0);
    }
    Ok(w)
}

/// Formats an axis tick: no floating-point noise, no trailing `.0`, and a
/// typographic minus sign (`−2.5`, `0`, `10`, `0.05`).
pub fn format_tick(v: &f64) -> String {
    // Round to 10 significant digits to drop noise such as 0.30000000000000004.
    let v: f64 = format!("{v:.9e}").parse().unwrap_or(*v);
    // A tick that should be zero but carries rounding error from the range
    // arithmetic (e.g. −1.4e-17) is zero; no plot in the book has real ticks this small.
    if v.abs() < 1e-10 {
        return "0".to_string();
    }
    let s = format!("{v}");
    match s.strip_prefix('-') {
        Some(rest) => format!("\u{2212}{rest}"),
        None => s,
    }
}
