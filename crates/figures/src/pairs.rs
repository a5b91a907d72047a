//! Pairs plot: every pair of a few parameters as a scatter of the draws
//! (below the diagonal), each parameter's histogram (on the diagonal), and
//! the pair's correlation (above it), as R's `pairs()` shows a fit.

use std::fmt::Write;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::error::check_finite;
use crate::render::{padded_range, title_height, titled, write_svg_with_overlay};
use crate::scale::dense_dots;
use crate::theme::{self, palette};

/// A pairs plot of `names.len()` parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairsPlot {
    pub title: String,
    /// Parameter names, drawn on the diagonal.
    pub names: Vec<String>,
    /// `draws[k]` = the draws of parameter `k` (all the same length).
    pub draws: Vec<Vec<f64>>,
}

const LEFT: u32 = 64;
const BOTTOM: u32 = 44;
const RIGHT: u32 = 16;
const GAP: i32 = 8;
const BINS: usize = 30;

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

/// Pearson correlation of two equally long samples.
fn correlation(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    sab / (saa * sbb).sqrt()
}

/// Writes the pairs plot to `path` as SVG (a square grid, 800 pixels wide).
///
/// Errors if there are fewer than two parameters, the names and draws do not
/// match, the draws are empty or of different lengths, or a value is not finite.
pub fn pairs_plot(path: &Path, spec: &PairsPlot) -> Result<(), FigureError> {
    theme::register_fonts()?;
    let k = spec.draws.len();
    if k < 2 || spec.names.len() != k {
        return Err(FigureError::Invalid(format!(
            "pairs plot {:?} needs at least two parameters with one name each (got {} names, {} draws)",
            spec.title,
            spec.names.len(),
            k
        )));
    }
    let n = spec.draws[0].len();
    if n == 0 {
        return Err(FigureError::Empty(format!("pairs plot {:?}", spec.title)));
    }
    for (name, d) in spec.names.iter().zip(&spec.draws) {
        if d.len() != n {
            return Err(FigureError::Invalid(format!(
                "pairs plot: {name} has {} draws, expected {n}",
                d.len()
            )));
        }
        check_finite(&format!("pairs plot, {name}"), d)?;
    }
    let ranges: Vec<(f64, f64)> = spec
        .draws
        .iter()
        .map(|d| padded_range(d.iter().copied(), 0.05).unwrap_or((0.0, 1.0)))
        .collect();
    let grid_w = theme::WIDTH - LEFT - RIGHT;
    let cell = grid_w as i32 / k as i32;
    let height = title_height(&spec.title) + cell as u32 * k as u32 + BOTTOM + 8;

    write_svg_with_overlay(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let origin = body.get_base_pixel();
        let (x0, y0) = (origin.0 + LEFT as i32, origin.1 + 4);
        // Pixel box of cell (row, col), inset by GAP / 2.
        let cell_box = |row: usize, col: usize| {
            let l = x0 + col as i32 * cell + GAP / 2;
            let t = y0 + row as i32 * cell + GAP / 2;
            (l, t, l + cell - GAP, t + cell - GAP)
        };
        let to_px = |v: f64, (lo, hi): (f64, f64), a: i32, b: i32| {
            (a as f64 + (v - lo) / (hi - lo) * (b - a) as f64).round() as i32
        };
        let mut svg = String::new();
        let tick_style = theme::text(theme::TICK_SIZE - 2.0);
        for row in 0..k {
            for col in 0..k {
                let (l, t, r, b) = cell_box(row, col);
                let _ = writeln!(
                    svg,
                    "<rect x=\"{l}\" y=\"{t}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#{:02X}{:02X}{:02X}\"/>",
                    r - l,
                    b - t,
                    theme::AXIS.0,
                    theme::AXIS.1,
                    theme::AXIS.2
                );
                if row == col {
                    let (lo, hi) = ranges[col];
                    let width = (hi - lo) / BINS as f64;
                    let mut counts = [0usize; BINS];
                    for &v in &spec.draws[col] {
                        counts[(((v - lo) / width) as usize).min(BINS - 1)] += 1;
                    }
                    let top = *counts.iter().max().unwrap_or(&1) as f64 * 1.35;
                    let mut d = String::new();
                    for (i, &c) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
                        let xa = to_px(lo + i as f64 * width, (lo, hi), l, r);
                        let xb = to_px(lo + (i + 1) as f64 * width, (lo, hi), l, r);
                        let yc = to_px(c as f64, (0.0, top), b, t);
                        let _ = write!(d, "M{xa} {b}H{}V{yc}H{xa}Z", (xb - 1).max(xa));
                    }
                    let RGBColor(cr, cg, cb) = palette::SKY_BLUE;
                    let _ = writeln!(svg, "<path fill=\"#{cr:02X}{cg:02X}{cb:02X}\" d=\"{d}\"/>");
                    let style = theme::text(theme::TICK_SIZE).pos(Pos::new(HPos::Left, VPos::Top));
                    root.draw(&Text::new(spec.names[col].as_str(), (l + 5, t + 4), style))?;
                } else if row > col {
                    let (xs, ys) = (&spec.draws[col], &spec.draws[row]);
                    let pixels: Vec<(i32, i32)> = xs
                        .iter()
                        .zip(ys)
                        .map(|(x, y)| (to_px(*x, ranges[col], l, r), to_px(*y, ranges[row], b, t)))
                        .collect();
                    svg.push_str(&dense_dots(&pixels, 3, 2.0, palette::BLUE, 0.25));
                } else {
                    let rho = correlation(&spec.draws[col], &spec.draws[row]);
                    let size = theme::TICK_SIZE + 8.0 * rho.abs().min(1.0);
                    let style = theme::text(size).pos(Pos::new(HPos::Center, VPos::Center));
                    let label = format!(
                        "r = {}",
                        theme::format_tick(&((rho * 100.0).round() / 100.0))
                    );
                    root.draw(&Text::new(label, ((l + r) / 2, (t + b) / 2), style))?;
                }
            }
        }
        // Ticks: x along the bottom row, y along the left column (rows ≥ 1).
        let below = tick_style.pos(Pos::new(HPos::Center, VPos::Top));
        let left = theme::text(theme::TICK_SIZE - 2.0).pos(Pos::new(HPos::Right, VPos::Center));
        for (j, range) in ranges.iter().enumerate() {
            let (l, _, r, b) = cell_box(k - 1, j);
            for v in nice_ticks(range.0, range.1, 3) {
                let px = to_px(v, *range, l, r);
                let _ = writeln!(svg, "<path stroke=\"#3C3C3C\" d=\"M{px} {b}V{}\"/>", b + 5);
                root.draw(&Text::new(
                    theme::format_tick(&v),
                    (px, b + 7),
                    below.clone(),
                ))?;
            }
            if j > 0 {
                let (l, t, _, b) = cell_box(j, 0);
                for v in nice_ticks(range.0, range.1, 3) {
                    let py = to_px(v, *range, b, t);
                    let _ = writeln!(svg, "<path stroke=\"#3C3C3C\" d=\"M{} {py}H{l}\"/>", l - 5);
                    root.draw(&Text::new(
                        theme::format_tick(&v),
                        (l - 7, py),
                        left.clone(),
                    ))?;
                }
            }
        }
        Ok(svg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_inside() {
        let show = |t: Vec<f64>| {
            t.iter()
                .map(theme::format_tick)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(show(nice_ticks(0.13, 0.97, 3)), "0.2 0.4 0.6 0.8");
        assert_eq!(show(nice_ticks(12.2, 13.1, 3)), "12.5 13");
        assert_eq!(show(nice_ticks(-3.0, 17.0, 4)), "0 5 10 15");
    }

    #[test]
    fn correlation_of_a_line_is_one() {
        let a = [1.0, 2.0, 3.0];
        assert!((correlation(&a, &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((correlation(&a, &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    }
}
