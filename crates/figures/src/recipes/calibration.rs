//! Recipes for simulation-based calibration: rank histograms with the band
//! a uniform count falls in, and ECDF differences with a simultaneous band.

use crate::mark::Mark;
use crate::style::Style;
use crate::theme::palette;
use crate::{FigureError, Panel};

/// The grey of calibration bands.
fn band(x: Vec<f64>, low: Vec<f64>, high: Vec<f64>, label: &str) -> Mark {
    Mark::Band { x, low, high, style: Style::new(palette::BLACK).opacity(0.12).label(label) }
}

/// A rank histogram: one bar per bin of normalised ranks in [0, 1] with
/// its count, over a grey `band` (low, high) where each count falls if the
/// ranks are uniform. Errors if there are no bins.
///
/// ```
/// let p = figures::recipes::rank_histogram("mu", &[3, 5, 4, 4], (1, 7), "99% band").unwrap();
/// assert_eq!(p.y_range, Some((0.0, 7.0 * 1.1)));
/// ```
pub fn rank_histogram(
    title: &str,
    counts: &[usize],
    (low, high): (usize, usize),
    band_label: &str,
) -> Result<Panel, FigureError> {
    if counts.is_empty() {
        return Err(FigureError::Empty(format!("rank histogram {title:?}")));
    }
    let width = 1.0 / counts.len() as f64;
    let bars = Mark::Bars {
        x: (0..counts.len()).map(|i| i as f64 * width).collect(),
        width,
        height: counts.iter().map(|c| *c as f64).collect(),
        style: Style::new(palette::SKY_BLUE).opacity(0.7).label("replications per bin"),
    };
    let top = counts.iter().copied().max().unwrap_or(0).max(high).max(1) as f64;
    Ok(Panel {
        title: title.into(),
        x_label: "normalised rank".into(),
        y_label: "count".into(),
        marks: vec![
            band(vec![0.0, 1.0], vec![low as f64; 2], vec![high as f64; 2], band_label),
            bars,
        ],
        x_range: Some((0.0, 1.0)),
        y_range: Some((0.0, top * 1.1)),
        ..Default::default()
    })
}

/// ECDF differences `ECDF(z) − z` at the points `z`, one line per labelled
/// series, over a grey simultaneous band (`lower`, `upper`): a calibrated
/// sampler's lines stay inside it. The y axis is symmetric about zero.
/// Errors if there are no points or the lengths differ.
///
/// ```
/// let z = [0.25, 0.5, 0.75];
/// let p = figures::recipes::ecdf_difference("mu", &z, &[-0.2; 3], &[0.2; 3], "95% band",
///     &[("ranks".into(), vec![0.0, 0.1, -0.1])]).unwrap();
/// assert_eq!(p.marks.len(), 2);
/// ```
pub fn ecdf_difference(
    title: &str,
    z: &[f64],
    lower: &[f64],
    upper: &[f64],
    band_label: &str,
    series: &[(String, Vec<f64>)],
) -> Result<Panel, FigureError> {
    let n = z.len();
    if n == 0 {
        return Err(FigureError::Empty(format!("ECDF panel {title:?}")));
    }
    if lower.len() != n || upper.len() != n || series.iter().any(|(_, s)| s.len() != n) {
        return Err(FigureError::Invalid(format!(
            "ECDF panel {title:?}: z, band and series lengths differ"
        )));
    }
    let mut marks = vec![band(z.to_vec(), lower.to_vec(), upper.to_vec(), band_label)];
    for (i, (label, s)) in series.iter().enumerate() {
        let points = z.iter().copied().zip(s.iter().copied()).collect();
        marks.push(Mark::line(points, Style::new(palette::series(i)).label(label.clone())));
    }
    let all = lower.iter().chain(upper).chain(series.iter().flat_map(|s| &s.1));
    let extent = all.fold(0.0f64, |m, v| m.max(v.abs())) * 1.15;
    let extent = if extent > 0.0 { extent } else { 0.1 };
    Ok(Panel {
        title: title.into(),
        x_label: "normalised rank".into(),
        y_label: "ECDF difference".into(),
        marks,
        x_range: Some((0.0, 1.0)),
        y_range: Some((-extent, extent)),
        ..Default::default()
    })
}
