//! Marks as SVG: compact elements in pixel coordinates, clipped to the
//! panel's plotting area.

use std::collections::HashMap;
use std::fmt::Write;

use plotters::prelude::*;

use crate::FigureError;
use crate::mark::Mark;
use crate::scale::{PanelGeometry, dense_dots};
use crate::stat::histogram;
use crate::style::{Anchor, Shape, Style};
use crate::theme;

/// Pixels between an arrow's tip and the end of its segment.
const ARROW_GAP: f64 = 6.0;
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
    let mut s =
        format!("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", hex(style.colour), style.size);
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
            out.push_str(&dense_dots(&pixels, 2, style.size, style.colour, style.opacity));
        }
        Mark::Points { x, y, radii, style } => {
            let cap = if style.opacity < 1.0 { MAX_LAYERS } else { 1 };
            let mut seen: HashMap<(i32, i32, u64), u32> = HashMap::new();
            let attributes = match style.shape {
                // A cross's size is its radius; its strokes stay 2 pixels wide.
                Shape::Cross => stroke(&style.clone().size(2.0)),
                Shape::Dot | Shape::Square => fill(style),
            };
            let _ = writeln!(out, "<g {attributes}>");
            for i in 0..x.len() {
                let r = if radii.is_empty() { style.size } else { radii[i] };
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
        Mark::Band { x, low, high, style } => {
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
        Mark::Intervals { x, low, high, style } => {
            let ends = (0..x.len()).map(|i| ((x[i], low[i]), (x[i], high[i])));
            out.push_str(&segments_svg(g, ends, false, style));
        }
        Mark::HIntervals { y, low, high, style } => {
            let ends = (0..y.len()).map(|i| ((low[i], y[i]), (high[i], y[i])));
            out.push_str(&segments_svg(g, ends, false, style));
        }
        Mark::Segments { segments, arrow, style } => {
            out.push_str(&segments_svg(g, segments.iter().copied(), *arrow, style))
        }
        Mark::Text { at, text, anchor, offset, style } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let _ = writeln!(
                out,
                "<g font-family=\"{}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\">",
                theme::FONT,
                style.size / 1.24,
                hex(style.colour)
            );
            for ((x, y), t) in at.iter().zip(text) {
                let (px, py) = g.pixel(*x, *y);
                let (px, py) = (px + offset.0, py + offset.1);
                let _ = writeln!(out, "<text x=\"{px}\" y=\"{py}\">{}</text>", escape(t));
            }
            out.push_str("</g>\n");
        }
        Mark::Histogram { values, bins, range, style } => {
            let b = histogram(values, *bins, *range)?;
            let left = (0..b.counts.len()).map(|i| b.lo + i as f64 * b.width);
            let height = b.counts.iter().map(|c| *c as f64);
            out.push_str(&bars(g, left.zip(height), b.width, style));
        }
        Mark::Bars { x, width, height, style } => {
            out.push_str(&bars(g, x.iter().copied().zip(height.iter().copied()), *width, style))
        }
    }
    Ok(out)
}

/// Straight segments `(from, to)` as one path; with `arrow`, a filled head
/// near each `to`.
fn segments_svg(
    g: &PanelGeometry,
    segments: impl Iterator<Item = ((f64, f64), (f64, f64))>,
    arrow: bool,
    style: &Style,
) -> String {
    let (mut d, mut heads) = (String::new(), String::new());
    for (a, b) in segments {
        let (x0, y0) = g.pixel(a.0, a.1);
        let (x1, y1) = g.pixel(b.0, b.1);
        let _ = write!(d, "M{x0} {y0}L{x1} {y1}");
        if arrow {
            heads.push_str(&arrow_head((x0, y0), (x1, y1), 4.0 + 2.5 * style.size));
        }
    }
    let mut out = format!("<path {} d=\"{d}\"/>\n", stroke(style));
    if !heads.is_empty() {
        let _ = writeln!(out, "<path {} d=\"{heads}\"/>", fill(style));
    }
    out
}

/// Light grid lines at explicit ticks, with short tick marks outside the
/// axes (drawn under the marks).
pub(crate) fn tick_grid_svg(g: &PanelGeometry, x: &[(f64, String)], y: &[(f64, String)]) -> String {
    let mut d = String::new();
    for (v, _) in x.iter().filter(|(v, _)| (g.x.0..=g.x.1).contains(v)) {
        let (px, _) = g.pixel(*v, g.y.0);
        let _ = write!(d, "M{px} {}V{}M{px} {}V{}", g.top, g.bottom, g.bottom, g.bottom + 5);
    }
    for (v, _) in y.iter().filter(|(v, _)| (g.y.0..=g.y.1).contains(v)) {
        let (_, py) = g.pixel(g.x.0, *v);
        let _ = write!(d, "M{} {py}H{}", g.left - 5, g.right);
    }
    if d.is_empty() {
        return d;
    }
    format!("<path {} d=\"{d}\"/>\n", stroke(&Style::new(theme::GRID).size(1.0)))
}

/// Filled bars `(left edge, height)` of `width`, with one pixel of white
/// between neighbours at least 8 pixels wide (as ggplot's outlines give;
/// narrower bars would look striped); empty bars are skipped.
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
        let right = if x1 - x0 >= 8 { x1 - 1 } else { x1 };
        let _ = write!(d, "M{x0} {y0}H{right}V{y1}H{x0}Z");
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

/// Path commands of a filled arrow head of length `len` pointing from
/// `from` to `to`, its tip [`ARROW_GAP`] pixels short of `to` (so a point
/// drawn there does not hide it); none if the segment is too short.
fn arrow_head(from: (i32, i32), to: (i32, i32), len: f64) -> String {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let norm = dx.hypot(dy);
    if norm < len + ARROW_GAP {
        return String::new();
    }
    let (ux, uy) = (dx / norm, dy / norm);
    let tip = (to.0 as f64 - ARROW_GAP * ux, to.1 as f64 - ARROW_GAP * uy);
    let wing = |side: f64| {
        let x = tip.0 - len * ux + side * 0.55 * len * uy;
        let y = tip.1 - len * uy - side * 0.55 * len * ux;
        format!("{x:.1} {y:.1}")
    };
    format!("M{:.1} {:.1}L{}L{}Z", tip.0, tip.1, wing(1.0), wing(-1.0))
}

/// `text` with the characters SVG reserves escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
