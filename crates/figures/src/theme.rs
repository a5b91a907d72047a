//! Sizes, colours and fonts shared by every figure in the book.
//!
//! Figures are [`WIDTH`] pixels wide, about the width of an mdBook page, so
//! the font sizes below come out at roughly their nominal size when read in
//! the book. Colours are the Okabe–Ito palette, which stays distinguishable
//! under the common forms of colour blindness.
//!
//! ```
//! use figures::{Figure, Mark, Panel, Style, theme};
//! let line = Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], Style::new(theme::palette::BLUE));
//! let panel = Panel { marks: vec![line], ..Default::default() };
//! let svg = figures::to_svg(&Figure::grid(vec![panel], 1, 200).titled("risk")).unwrap();
//! assert!(svg.starts_with(&format!(r#"<svg width="{}""#, theme::WIDTH)));
//! // The title in the book's font and text colour, at its size divided by 1.24.
//! let colour = theme::TEXT;
//! let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2);
//! let size = format!("font-size=\"{}\"", theme::TITLE_SIZE / 1.24);
//! assert!(svg.contains(&format!("font-family=\"{}\" {size} opacity=\"1\" {fill}", theme::FONT)));
//! ```

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
///
/// ```
/// use figures::theme::palette;
/// assert_eq!(palette::SERIES[..2], [palette::BLUE, palette::VERMILLION]);
/// assert!(!palette::SERIES.contains(&palette::YELLOW));
/// assert_eq!(palette::series(palette::SERIES.len()), palette::BLUE); // it cycles
/// ```
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
    ///
    /// ```
    /// use figures::{Figure, Mark, Panel, Style, theme::palette::series};
    /// let line = |i: usize| Mark::line(vec![(0.0, i as f64), (1.0, 2.0)], Style::new(series(i)));
    /// let panel = Panel { marks: (0..3).map(line).collect(), ..Default::default() };
    /// let svg = figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap();
    /// // Blue, vermillion, green.
    /// assert!(["#0072B2", "#D55E00", "#009E73"].iter().all(|c| svg.contains(c)));
    /// ```
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
///
/// ```
/// use figures::theme;
/// // Register the embedded font first: a style looks its font up when made.
/// theme::register_fonts().unwrap();
/// let style = theme::text(theme::NOTE_SIZE);
/// assert_eq!((style.font.get_name(), style.font.get_size()), (theme::FONT, theme::NOTE_SIZE));
/// let (w, h) = style.font.box_size("R-hat 1.00").unwrap();
/// assert!(w > h && h > 0);
/// ```
pub fn text(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&TEXT)
}

static DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// Registers the embedded DejaVu Sans as `sans-serif` (normal and bold) with
/// plotters. Called by every plot function; safe to call any number of times.
/// Call it yourself before drawing a custom figure with plotters directly.
///
/// ```
/// use plotters::prelude::*;
/// use figures::theme;
/// theme::register_fonts().unwrap();
/// let mut svg = String::new();
/// {
///     let root = SVGBackend::with_string(&mut svg, (theme::WIDTH, 60)).into_drawing_area();
///     root.fill(&theme::BACKGROUND).unwrap();
///     root.draw(&Text::new("a custom note", (10, 20), theme::text(theme::NOTE_SIZE))).unwrap();
///     root.present().unwrap();
/// }
/// assert!(svg.contains("a custom note") && svg.contains(r#"font-family="sans-serif""#));
/// ```
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
    style.font.box_size(text).map_err(|e| FigureError::Font(e.to_string()))
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
///
/// ```
/// use figures::theme::format_tick;
/// assert_eq!(format_tick(&-2.5), "\u{2212}2.5");
/// assert_eq!(format_tick(&(0.1 + 0.2)), "0.3");
/// assert_eq!(format_tick(&-1.4e-17), "0");
/// assert_eq!(format_tick(&10.0), "10");
/// ```
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
