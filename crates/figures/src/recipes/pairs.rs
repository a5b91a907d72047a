//! Pairs plot: every pair of a few parameters as a scatter of the draws
//! (below the diagonal), each parameter's histogram (on the diagonal), and
//! the pair's correlation (above it), as R's `pairs()` shows a fit.

use std::path::Path;

use crate::error::check_finite;
use crate::mark::Mark;
use crate::render::padded_range;
use crate::scale::nice_ticks;
use crate::stat::histogram;
use crate::style::{Anchor, Style};
use crate::theme::{self, palette};
use crate::{Figure, FigureError, Panel, draw};

/// A pairs plot of `names.len()` parameters.
///
/// ```
/// use figures::PairsPlot;
/// let spec = PairsPlot {
///     title: "mu and tau".into(),
///     names: vec!["mu".into(), "tau".into()],
///     draws: vec![vec![1.0, 2.0, 3.0, 4.0], vec![2.0, 4.0, 6.0, 8.0]],
/// };
/// let svg = figures::to_svg(&figures::recipes::pairs(&spec).unwrap()).unwrap();
/// // The names on the diagonal, the correlation above it.
/// assert!(svg.contains("mu and tau") && svg.contains("tau") && svg.contains("r = 1"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairsPlot {
    /// Figure title.
    pub title: String,
    /// Parameter names, drawn on the diagonal.
    pub names: Vec<String>,
    /// `draws[k]` = the draws of parameter `k` (all the same length).
    pub draws: Vec<Vec<f64>>,
}

/// Bins of the histograms on the diagonal.
const BINS: usize = 30;

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

/// Round ticks of `range`, labelled only when `shown` (otherwise they still
/// draw grid lines, so every panel of a row or column lines up).
fn ticks(range: (f64, f64), shown: bool) -> Vec<(f64, String)> {
    let label = |v: &f64| {
        if shown { theme::format_tick(v) } else { String::new() }
    };
    let t = nice_ticks(range.0, range.1, 3);
    t.iter().map(|v| (*v, label(v))).collect()
}

/// Checks the spec: at least two parameters, one name each, equally many
/// finite draws.
fn check(spec: &PairsPlot) -> Result<(), FigureError> {
    let k = spec.draws.len();
    if k < 2 || spec.names.len() != k {
        return Err(FigureError::Invalid(format!(
            "pairs plot {:?} needs at least two parameters with one name each (got {} names, {k} draws)",
            spec.title,
            spec.names.len(),
        )));
    }
    let n = spec.draws[0].len();
    if n == 0 {
        return Err(FigureError::Empty(format!("pairs plot {:?}", spec.title)));
    }
    for (name, d) in spec.names.iter().zip(&spec.draws) {
        if d.len() != n {
            let got = d.len();
            return Err(FigureError::Invalid(format!(
                "pairs plot: {name} has {got} draws, expected {n}"
            )));
        }
        check_finite(&format!("pairs plot, {name}"), d)?;
    }
    Ok(())
}

/// The pairs plot as a [`Figure`]: a k × k grid of panels, ticks along the
/// bottom row and (from the second row) the left column.
///
/// ```
/// use figures::recipes::{PairsPlot, pairs};
/// let spec = PairsPlot {
///     title: "pairs".into(),
///     names: vec!["a".into(), "b".into()],
///     draws: vec![vec![1.0, 2.0, 3.0], vec![2.0, 1.0, 4.0]],
/// };
/// let figure = pairs(&spec).unwrap();
/// assert_eq!((figure.panels.len(), figure.columns), (4, 2));
/// let dir = tempfile::tempdir().unwrap();
/// figures::draw(&dir.path().join("pairs.svg"), &figure).unwrap();
/// ```
pub fn pairs(spec: &PairsPlot) -> Result<Figure, FigureError> {
    check(spec)?;
    let k = spec.draws.len();
    let ranges: Vec<(f64, f64)> = spec
        .draws
        .iter()
        .map(|d| padded_range(d.iter().copied(), 0.05).unwrap_or((0.0, 1.0)))
        .collect();
    let mut panels = Vec::with_capacity(k * k);
    for row in 0..k {
        for col in 0..k {
            let (x, y) = (ranges[col], ranges[row]);
            let mut panel = Panel {
                x_ticks: Some(ticks(x, row == k - 1)),
                y_ticks: Some(ticks(y, col == 0 && row > 0)),
                x_range: Some(x),
                y_range: Some(y),
                ..Default::default()
            };
            let centre = ((x.0 + x.1) / 2.0, (y.0 + y.1) / 2.0);
            let text = |at, text: String, anchor, offset, size: f64| Mark::Text {
                at: vec![at],
                text: vec![text],
                anchor,
                offset,
                style: Style::new(theme::TEXT).size(size),
            };
            if row == col {
                let bins = histogram(&spec.draws[col], BINS, Some(x))?;
                let top = *bins.counts.iter().max().unwrap_or(&1) as f64 * 1.35;
                panel.y_ticks = Some(Vec::new());
                panel.y_range = Some((0.0, top));
                panel.marks = vec![
                    Mark::Bars {
                        x: (0..BINS).map(|i| bins.lo + i as f64 * bins.width).collect(),
                        width: bins.width,
                        height: bins.counts.iter().map(|&c| c as f64).collect(),
                        style: Style::new(palette::SKY_BLUE),
                    },
                    text(
                        (x.0, top),
                        spec.names[col].clone(),
                        Anchor::Start,
                        (5, 12),
                        theme::TICK_SIZE,
                    ),
                ];
            } else if row > col {
                let (x, y) = (spec.draws[col].clone(), spec.draws[row].clone());
                let style = Style::new(palette::BLUE).size(2.0).opacity(0.25);
                panel.marks = vec![Mark::points(x, y, style)];
            } else {
                let rho = correlation(&spec.draws[col], &spec.draws[row]);
                let size = theme::TICK_SIZE + 8.0 * rho.abs().min(1.0);
                let label = format!("r = {}", theme::format_tick(&((rho * 100.0).round() / 100.0)));
                panel.marks = vec![text(centre, label, Anchor::Middle, (0, 0), size)];
            }
            panels.push(panel);
        }
    }
    Ok(Figure {
        title: spec.title.clone(),
        panels,
        columns: k,
        // Inner cells square: the width less the margins, y ticks and right gap.
        panel_height: theme::WIDTH / k as u32 - 34 + 24,
        ..Default::default()
    })
}

/// Writes the pairs plot to `path` as SVG (see [`pairs`]).
///
/// Errors if there are fewer than two parameters, the names and draws do not
/// match, the draws are empty or of different lengths, or a value is not finite.
///
/// ```
/// use figures::{FigureError, PairsPlot, pairs_plot};
/// let names = vec!["a".into(), "b".into()];
/// let draws = vec![vec![0.0, 1.0, 3.0], vec![1.0, 0.5, 0.0]];
/// let spec = PairsPlot { names, draws, ..Default::default() };
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("pairs.svg");
/// pairs_plot(&path, &spec).unwrap();
/// assert!(std::fs::read_to_string(&path).unwrap().contains("r = −0.98"));
/// let one = PairsPlot { names: vec!["a".into()], draws: vec![vec![1.0]], ..Default::default() };
/// assert!(matches!(pairs_plot(&path, &one), Err(FigureError::Invalid(_))));
/// ```
pub fn pairs_plot(path: &Path, spec: &PairsPlot) -> Result<(), FigureError> {
    draw(path, &pairs(spec)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlation_of_a_line_is_one() {
        let a = [1.0, 2.0, 3.0];
        assert!((correlation(&a, &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((correlation(&a, &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    }

    #[test]
    fn mismatched_draws_are_an_error() {
        let spec = PairsPlot {
            title: "t".into(),
            names: vec!["a".into(), "b".into()],
            draws: vec![vec![1.0, 2.0], vec![1.0]],
        };
        let e = pairs(&spec).unwrap_err().to_string();
        assert!(e.contains("b has 1 draws, expected 2"), "{e}");
    }
}
