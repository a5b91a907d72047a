//! A panel's axis ranges: checked marks, padded data extents or fixed ranges.

use crate::FigureError;
use crate::mark::{Extent, extent};
use crate::render::padded_range;
use crate::scale::{Scale, axis_value};
use crate::spec::Panel;

/// The range of `values`, unpadded.
pub(crate) fn span(values: impl IntoIterator<Item = f64>) -> Result<(f64, f64), FigureError> {
    padded_range(values, 0.0).ok_or_else(|| FigureError::Empty("range".into()))
}

/// Axis ranges of one panel.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ranges {
    /// x range.
    pub x: (f64, f64),
    /// y range.
    pub y: (f64, f64),
}

/// Checks a panel's marks and returns its padded data ranges.
pub(crate) fn panel_ranges(p: &Panel) -> Result<Ranges, FigureError> {
    if p.marks.is_empty() {
        return Err(FigureError::Empty(format!("panel {:?}", p.title)));
    }
    let mut e = Extent::default();
    for (k, mark) in p.marks.iter().enumerate() {
        extent(mark, &format!("panel {:?}, mark {}", p.title, k + 1), &mut e)?;
    }
    let pad = |v: &[f64], fixed: Option<(f64, f64)>, log: bool, name: &str| {
        let bad = |what: String| FigureError::Invalid(format!("panel {:?}: {what}", p.title));
        match fixed {
            Some((lo, hi)) if lo < hi && lo.is_finite() && hi.is_finite() && (!log || lo > 0.0) => {
                Ok((lo, hi))
            }
            Some((lo, hi)) => Err(bad(format!("{name} range {lo}..{hi}"))),
            None if log && v.iter().any(|v| *v <= 0.0) => {
                Err(bad(format!("a value ≤ 0 on the log {name} axis")))
            }
            None => padded_range(v.iter().map(|v| axis_value(*v, log)), 0.04)
                .map(|(lo, hi)| if log { (10f64.powf(lo), 10f64.powf(hi)) } else { (lo, hi) })
                .ok_or_else(|| FigureError::Empty(format!("panel {:?}", p.title))),
        }
    };
    let x = pad(&e.xs, p.x_range, p.x_scale == Scale::Log, "x")?;
    let mut y = pad(&e.ys, p.y_range, p.y_scale == Scale::Log, "y")?;
    if e.y_from_zero && p.y_range.is_none() && p.y_scale == Scale::Linear {
        y.0 = 0.0;
    }
    Ok(Ranges { x, y })
}
