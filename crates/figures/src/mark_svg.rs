//! Marks as SVG: compact elements in pixel coordinates, clipped to the
//! panel's plotting area.

use std::collections::HashMap;
use std::fmt::Write;

use plotters::prelude::*;

use crate::FigureError;
use crate::mark::{Mark, Shape, Style};
use crate::scale::{PanelGeometry, dense_dots};
use crate::stat::histogram;
use crate::theme;

/// Dots drawn at most this many times on the same pixel with the same
/// radius (translucent dots stop changing colour after a few layers).
const MAX_LAYERS: u32 = 4;
/// Translucent point layers with more points than this are drawn as one
/// dot per small cell of pixels (see [`dense_dots`]).
const DENSE: usize = 1500;

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// `stroke…` attributes of a line style.
fn stroke(style: &Style) -> String {
    let mut s = format!(
        "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
        hex(style.colour),
        style.size
    );
    if style.opacity < 1.0 {
        let _ = write!(s, " stroke-opacity=\"{}\"", style.opacity);
    }
    if style.dashed {
        s.push_str(" stroke-dasharray=\"8 5\"");
    }
    s
}

/// `fill…` attributes of a filled style.
fn fill(style: &Style) -> String {
    let mut s = format!("fill=\"{}\" stroke=\"none\"", hex(style.colour));
    if style.opacity < 1.0 {
        let _ = write!(s, " fill-opacity=\"{}\"", style.opacity);
    }
    s
}

/// A polyline through pixel points, skipping repeated pixels.
fn polyline(g: &PanelGeometry, points: impl Iterator<Item = (f64, f64)>, style: &Style) -> String {
    let mut out = format!("<polyline {} points=\"", stroke(style));
    let mut last = None;
    for (x, y) in points {
        let p = g.pixel(x, y);
        if last != Some(p) {
            if last.is_some() {
                out.push(' ');
            }
            let _ = write!(out, "{},{}", p.0, p.1);
            last = Some(p);
        }
    }
    out.push_str("\"/>\n");
    out
}

/// The SVG of one mark.
pub(crate) fn mark_svg(g: &PanelGeometry, mark: &Mark) -> Result<String, FigureError> {
    let mut out = String::new();
    match mark {
        Mark::Points { x, y, radii, style }
            if style.opacity < 1.0 && radii.is_empty() && x.len() > DENSE =>
        {
            let pixels: Vec<(i32, i32)> = x.iter().zip(y).map(|(a, b)| g.pixel(*a, *b)).collect();
            out.push_str(&dense_dots(
                &pixels,
                2,
                style.size,
                style.colour,
                style.opacity,
            ));
        }
        Mark::Points { x, y, radii, style } => {
            let cap = if style.opacity < 1.0 { MAX_LAYERS } else { 1 };
            let mut seen: HashMap<(i32, i32, u64), u32> = HashMap::new();
            let attributes = match style.shape {
                Shape::Cross => stroke(style),
                Shape::Dot | Shape::Square => fill(style),
            };
            let _ = writeln!(out, "<g {attributes}>");
            for i in 0..x.len() {
                let r = if radii.is_empty() {
                    style.size
                } else {
                    radii[i]
                };
                let (px, py) = g.pixel(x[i], y[i]);
                let n = seen.entry((px, py, r.to_bits())).or_insert(0);
                *n += 1;
                if *n <= cap {
                    out.push_str(&point(px, py, (r * 10.0).round() / 10.0, style.shape));
                }
            }
            out.push_str("</g>\n");
        }
        Mark::Line { points, style } => out.push_str(&polyline(g, points.iter().copied(), style)),
        Mark::Band {
            x,
            low,
            high,
            style,
        } => {
            let mut d = String::new();
            let upper = x.iter().zip(high);
            let lower = x.iter().zip(low).rev();
            for (k, (xv, yv)) in upper.chain(lower).enumerate() {
                let (px, py) = g.pixel(*xv, *yv);
                let _ = write!(d, "{}{px},{py}", if k == 0 { "" } else { " " });
            }
            let _ = writeln!(out, "<polygon {} points=\"{d}\"/>", fill(style));
        }
        Mark::HLine { y, style } => {
            out.push_str(&polyline(g, [(g.x.0, *y), (g.x.1, *y)].into_iter(), style));
        }
        Mark::VLine { x, style } => {
            out.push_str(&polyline(g, [(*x, g.y.0), (*x, g.y.1)].into_iter(), style));
        }
        Mark::Intervals {
            x,
            low,
            high,
            style,
        } => {
            let mut d = String::new();
            for i in 0..x.len() {
                let (px, p_lo) = g.pixel(x[i], low[i]);
                let (_, p_hi) = g.pixel(x[i], high[i]);
                let _ = write!(d, "M{px} {p_lo}V{p_hi}");
            }
            let _ = writeln!(out, "<path {} d=\"{d}\"/>", stroke(style));
        }
        Mark::HIntervals {
            y,
            low,
            high,
            style,
        } => {
            let mut d = String::new();
            for i in 0..y.len() {
                let (p_lo, py) = g.pixel(low[i], y[i]);
                let (p_hi, _) = g.pixel(high[i], y[i]);
                let _ = write!(d, "M{p_lo} {py}H{p_hi}");
            }
            let _ = writeln!(out, "<path {} d=\"{d}\"/>", stroke(style));
        }
        Mark::Segments {
            segments,
            arrow,
            style,
        } => {
            let mut d = String::new();
            for (a, b) in segments {
                let (x0, y0) = g.pixel(a.0, a.1);
                let (x1, y1) = g.pixel(b.0, b.1);
                let _ = write!(d, "M{x0} {y0}L{x1} {y1}");
                if *arrow {
                    d.push_str(&arrow_head((x0, y0), (x1, y1), 4.0 + 2.0 * style.size));
                }
            }
            let _ = writeln!(out, "<path {} d=\"{d}\"/>", stroke(style));
        }
        Mark::Text {
            at,
            text,
            centred,
            style,
        } => {
            let anchor = if *centred { "middle" } else { "start" };
            let _ = writeln!(
                out,
                "<g font-family=\"{}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\">",
                theme::FONT,
                style.size / 1.24,
                hex(style.colour)
            );
            for ((x, y), t) in at.iter().zip(text) {
                let (px, py) = g.pixel(*x, *y);
                let _ = writeln!(out, "<text x=\"{px}\" y=\"{py}\">{}</text>", escape(t));
            }
            out.push_str("</g>\n");
        }
        Mark::Histogram {
            values,
            bins,
            range,
            style,
        } => {
            let b = histogram(values, *bins, *range)?;
            let left = (0..b.counts.len()).map(|i| b.lo + i as f64 * b.width);
            let height = b.counts.iter().map(|c| *c as f64);
            out.push_str(&bars(g, left.zip(height), b.width, style));
        }
        Mark::Bars {
            x,
            width,
            height,
            style,
        } => out.push_str(&bars(
            g,
            x.iter().copied().zip(height.iter().copied()),
            *width,
            style,
        )),
    }
    Ok(out)
}

/// Light vertical grid lines at explicit x ticks (drawn under the layers).
pub(crate) fn tick_grid_svg(g: &PanelGeometry, ticks: &[(f64, String)]) -> String {
    let RGBColor(r, gr, b) = crate::theme::GRID;
    let mut d = String::new();
    for (x, _) in ticks.iter().filter(|(x, _)| (g.x.0..=g.x.1).contains(x)) {
        let (px, _) = g.pixel(*x, g.y.0);
        let _ = write!(d, "M{px} {}V{}", g.top, g.bottom);
        // A short tick mark below the axis.
        let _ = write!(d, "M{px} {}V{}", g.bottom, g.bottom + 5);
    }
    format!(
        "<path fill=\"none\" stroke=\"#{r:02X}{gr:02X}{b:02X}\" stroke-width=\"1\" d=\"{d}\"/>\n"
    )
}

/// Filled bars `(left edge, height)` of `width`, one pixel of white
/// between neighbours (as ggplot's outlines give); empty bars are skipped.
fn bars(
    g: &PanelGeometry,
    bars: impl Iterator<Item = (f64, f64)>,
    width: f64,
    style: &Style,
) -> String {
    let mut d = String::new();
    for (left, h) in bars.filter(|(_, h)| *h > 0.0) {
        let (x0, y0) = g.pixel(left, 0.0);
        let (x1, y1) = g.pixel(left + width, h);
        let _ = write!(d, "M{x0} {y0}H{}V{y1}H{x0}Z", (x1 - 1).max(x0));
    }
    format!("<path {} d=\"{d}\"/>\n", fill(style))
}

/// One point of `shape` and radius `r` at pixel `(x, y)` (the group sets
/// its colour).
fn point(x: i32, y: i32, r: f64, shape: Shape) -> String {
    match shape {
        Shape::Dot => format!("<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\"/>\n"),
        Shape::Square => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
            x as f64 - r,
            y as f64 - r,
            2.0 * r,
            2.0 * r
        ),
        Shape::Cross => format!(
            "<path d=\"M{} {}L{} {}M{} {}L{} {}\"/>\n",
            x as f64 - r,
            y as f64 - r,
            x as f64 + r,
            y as f64 + r,
            x as f64 - r,
            y as f64 + r,
            x as f64 + r,
            y as f64 - r
        ),
    }
}

/// Path commands of an open arrow head of length `len` at `to`, pointing
/// away from `from`.
fn arrow_head(from: (i32, i32), to: (i32, i32), len: f64) -> String {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let norm = dx.hypot(dy);
    if norm == 0.0 {
        return String::new();
    }
    let (ux, uy) = (dx / norm, dy / norm);
    let wing = |side: f64| {
        let x = to.0 as f64 - len * ux + side * 0.6 * len * uy;
        let y = to.1 as f64 - len * uy - side * 0.6 * len * ux;
        format!("{:.1} {:.1}", x, y)
    };
    format!("M{}L{} {}L{}", wing(1.0), to.0, to.1, wing(-1.0))
}

/// `text` with the characters SVG reserves escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
