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
        *counts.entry((x.div_euclid(cell), y.div_euclid(cell))).or_insert(0) += 1;
    }
    let mut levels: BTreeMap<u32, Vec<(i32, i32)>> = BTreeMap::new();
    for ((cx, cy), n) in counts {
        let alpha = 1.0 - (1.0 - opacity).powi(n.min(64) as i32);
        let level = ((alpha * 20.0).round() as u32).max(1);
        levels.entry(level).or_default().push((cx * cell + cell / 2, cy * cell + cell / 2));
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
    /// Whether the x and y axes are logarithmic.
    log: (bool, bool),
    id: usize,
}

/// `v` on an axis of scale `log`: its base-10 logarithm on a log axis.
pub(crate) fn axis_value(v: f64, log: bool) -> f64 {
    if log { v.log10() } else { v }
}

impl PanelGeometry {
    /// Geometry of `chart` with data ranges `x`, `y` (in data units; the
    /// chart is built on their [`axis_value`]s) and axis scales `log`; `id`
    /// makes the clip path's id unique within the figure.
    pub fn new<DB: DrawingBackend>(
        chart: &ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
        (x, y): ((f64, f64), (f64, f64)),
        log: (bool, bool),
        id: usize,
    ) -> Self {
        let (ax, ay) = (|v| axis_value(v, log.0), |v| axis_value(v, log.1));
        let (left, bottom) = chart.backend_coord(&(ax(x.0), ay(y.0)));
        let (right, top) = chart.backend_coord(&(ax(x.1), ay(y.1)));
        Self { left, right, top, bottom, x, y, log, id }
    }

    /// Pixel of data point `(x, y)`.
    pub fn pixel(&self, x: f64, y: f64) -> (i32, i32) {
        let fraction = |v: f64, (lo, hi): (f64, f64), log: bool| {
            let a = |v| axis_value(v, log);
            (a(v) - a(lo)) / (a(hi) - a(lo))
        };
        let fx = fraction(x, self.x, self.log.0);
        let fy = fraction(y, self.y, self.log.1);
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

/// How an axis maps data to position.
///
/// ```
/// assert_eq!(figures::Scale::default(), figures::Scale::Linear);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scale {
    /// Equal steps in the data are equal distances.
    #[default]
    Linear,
    /// Equal ratios are equal distances (values must be positive); ticks
    /// fall at 1, 2, 5 × 10^k unless given.
    Log,
}

/// "Nice" ticks `1, 2, 5 × 10^k` inside `[lo, hi]` (both > 0); only powers
/// of ten when that would give more than seven ticks.
pub(crate) fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let (k0, k1) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let pick = |mantissas: &[f64]| -> Vec<f64> {
        (k0..=k1)
            .flat_map(|k| mantissas.iter().map(move |m| m * 10f64.powi(k)))
            .filter(|v| *v >= lo * (1.0 - 1e-12) && *v <= hi * (1.0 + 1e-12))
            .collect()
    };
    let ticks = pick(&[1.0, 2.0, 5.0]);
    if ticks.len() > 7 { pick(&[1.0]) } else { ticks }
}

/// Round tick positions inside `(lo, hi)`: steps of 1, 2 or 5 times a power
/// of ten, the step whose number of ticks is closest to `n` (the larger step
/// on a tie).
pub(crate) fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    let raw = (hi - lo) / n.max(1) as f64;
    if !(raw > 0.0 && raw.is_finite()) {
        return vec![lo];
    }
    let ticks = |step: f64| -> Vec<f64> {
        let (first, last) = ((lo / step).ceil() as i64, (hi / step).floor() as i64);
        (first..=last).map(|k| k as f64 * step).collect()
    };
    let mag = 10f64.powf(raw.log10().floor());
    let mut best: Option<Vec<f64>> = None;
    for m in [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0] {
        let t = ticks(m * mag);
        let better = match &best {
            None => true,
            Some(b) => t.len().abs_diff(n) <= b.len().abs_diff(n),
        };
        if better && !t.is_empty() {
            best = Some(t);
        }
    }
    best.unwrap_or_else(|| vec![lo])
}

#[cfg(test)]
mod tests {
    use super::log_ticks;

    #[test]
    fn log_ticks_are_nice() {
        assert_eq!(log_ticks(4.0, 110.0), vec![5.0, 10.0, 20.0, 50.0, 100.0]);
        assert_eq!(log_ticks(0.5, 2000.0), vec![1.0, 10.0, 100.0, 1000.0]);
    }

    #[test]
    fn ticks_are_round_and_inside() {
        use super::nice_ticks;
        let show =
            |t: Vec<f64>| t.iter().map(crate::theme::format_tick).collect::<Vec<_>>().join(" ");
        assert_eq!(show(nice_ticks(0.13, 0.97, 3)), "0.2 0.4 0.6 0.8");
        assert_eq!(show(nice_ticks(12.2, 13.1, 3)), "12.5 13");
        assert_eq!(show(nice_ticks(-3.0, 17.0, 4)), "0 5 10 15");
    }
}
