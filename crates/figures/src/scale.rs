//! Scales: where a panel's plotting area is and how data map to its
//! pixels, and many translucent dots binned to pixels.

use std::collections::BTreeMap;
use std::fmt::Write;

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// Translucent dots, many of them: one dot per `cell × cell` block of
/// pixels, whose opacity is what `count` stacked dots of opacity `opacity`
/// would give, `1 − (1 − opacity)^count`, rounded to steps of 0.05. Dots of
/// equal opacity share one SVG group, so tens of thousands of points make a
/// file of a few hundred kilobytes at most.
pub(crate) fn dense_dots(
    points: &[(i32, i32)],
    cell: i32,
    radius: f64,
    colour: RGBColor,
    opacity: f64,
) -> String {
    let mut counts: BTreeMap<(i32, i32), u32> = BTreeMap::new();
    for &(x, y) in points {
        *counts
            .entry((x.div_euclid(cell), y.div_euclid(cell)))
            .or_insert(0) += 1;
    }
    let mut levels: BTreeMap<u32, Vec<(i32, i32)>> = BTreeMap::new();
    for ((cx, cy), n) in counts {
        let alpha = 1.0 - (1.0 - opacity).powi(n.min(64) as i32);
        let level = ((alpha * 20.0).round() as u32).max(1);
        levels
            .entry(level)
            .or_default()
            .push((cx * cell + cell / 2, cy * cell + cell / 2));
    }
    let mut out = String::new();
    for (level, dots) in levels {
        let _ = writeln!(
            out,
            "<g fill=\"#{:02X}{:02X}{:02X}\" fill-opacity=\"{}\" stroke=\"none\">",
            colour.0,
            colour.1,
            colour.2,
            level as f64 / 20.0
        );
        for (x, y) in dots {
            let _ = writeln!(out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"/>");
        }
        out.push_str("</g>\n");
    }
    out
}

/// Where a panel's plotting area is, and how data map to pixels.
pub(crate) struct PanelGeometry {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub x: (f64, f64),
    pub y: (f64, f64),
    id: usize,
}

impl PanelGeometry {
    /// Geometry of `chart` with data ranges `x`, `y`; `id` makes the clip
    /// path's id unique within the figure.
    pub fn new<DB: DrawingBackend>(
        chart: &ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
        x: (f64, f64),
        y: (f64, f64),
        id: usize,
    ) -> Self {
        let (left, bottom) = chart.backend_coord(&(x.0, y.0));
        let (right, top) = chart.backend_coord(&(x.1, y.1));
        Self {
            left,
            right,
            top,
            bottom,
            x,
            y,
            id,
        }
    }

    /// Pixel of data point `(x, y)`.
    pub fn pixel(&self, x: f64, y: f64) -> (i32, i32) {
        let fx = (x - self.x.0) / (self.x.1 - self.x.0);
        let fy = (y - self.y.0) / (self.y.1 - self.y.0);
        (
            (self.left as f64 + fx * (self.right - self.left) as f64).round() as i32,
            (self.bottom as f64 - fy * (self.bottom - self.top) as f64).round() as i32,
        )
    }

    /// The clip path of the plotting area.
    pub fn clip_def(&self) -> String {
        format!(
            "<defs><clipPath id=\"panel{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>\n",
            self.id,
            self.left,
            self.top,
            self.right - self.left,
            self.bottom - self.top
        )
    }

    /// Opens a group clipped to the plotting area.
    pub fn open_group(&self) -> String {
        format!("<g clip-path=\"url(#panel{})\">\n", self.id)
    }
}
