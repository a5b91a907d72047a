//! Statistics that turn data into something marks can draw: histogram bins,
//! medians, extents, jitter and dodging.

use crate::FigureError;
use crate::render::padded_range;

/// Equal-width histogram bins: the left edge of the first bin, the bin
/// width, and the count in each bin.
///
/// ```
/// use figures::{Figure, Mark, Panel, Style, stat::histogram, theme};
/// let b = histogram(&[0.1, 0.2, 0.3, 0.7], 2, Some((0.0, 1.0))).unwrap();
/// let bars = Mark::Bars {
///     x: vec![b.lo, b.lo + b.width],
///     width: b.width,
///     height: b.counts.iter().map(|&c| c as f64).collect(),
///     style: Style::new(theme::palette::SKY_BLUE),
/// };
/// // Each count written above its bin.
/// let counts = Mark::Text {
///     at: (0..2).map(|i| (b.centre(i), b.counts[i] as f64)).collect(),
///     text: b.counts.iter().map(|c| format!("n = {c}")).collect(),
///     anchor: figures::Anchor::Middle,
///     offset: (0, -10),
///     style: Style::new(theme::TEXT).size(theme::NOTE_SIZE),
/// };
/// let marks = vec![bars, counts];
/// let panel = Panel { marks, x_range: Some((b.lo, b.hi())), ..Default::default() };
/// let svg = figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap();
/// assert!(svg.contains("n = 3") && svg.contains("n = 1"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Bins {
    /// Left edge of the first bin.
    pub lo: f64,
    /// Width of every bin.
    pub width: f64,
    /// Number of values in each bin.
    pub counts: Vec<usize>,
}

impl Bins {
    /// Right edge of the last bin.
    ///
    /// ```
    /// let b = figures::stat::histogram(&[2.0, 3.0, 5.0], 3, None).unwrap();
    /// assert_eq!((b.lo, b.hi()), (2.0, 5.0));
    /// ```
    pub fn hi(&self) -> f64 {
        self.lo + self.width * self.counts.len() as f64
    }

    /// Centre of bin `i`.
    ///
    /// ```
    /// let b = figures::stat::histogram(&[0.0, 1.0], 4, Some((0.0, 1.0))).unwrap();
    /// assert_eq!((b.centre(0), b.centre(3)), (0.125, 0.875));
    /// ```
    pub fn centre(&self, i: usize) -> f64 {
        self.lo + (i as f64 + 0.5) * self.width
    }
}

/// Counts `values` in `bins` equal bins over `range` (default: the values'
/// own range). Values outside the range are not counted; the last bin
/// includes its right edge.
///
/// ```
/// let b = figures::stat::histogram(&[0.0, 0.1, 0.9, 1.0], 2, Some((0.0, 1.0))).unwrap();
/// assert_eq!(b.counts, vec![2, 2]);
/// assert_eq!(b.width, 0.5);
/// ```
pub fn histogram(
    values: &[f64],
    bins: usize,
    range: Option<(f64, f64)>,
) -> Result<Bins, FigureError> {
    if bins == 0 {
        return Err(FigureError::Invalid("a histogram has 0 bins".into()));
    }
    let (lo, hi) = match range {
        Some((lo, hi)) if lo < hi && lo.is_finite() && hi.is_finite() => (lo, hi),
        Some((lo, hi)) => return Err(FigureError::Invalid(format!("histogram range {lo}..{hi}"))),
        None => padded_range(values.iter().copied(), 0.0)
            .ok_or_else(|| FigureError::Empty("histogram".into()))?,
    };
    let width = (hi - lo) / bins as f64;
    let mut counts = vec![0; bins];
    for &v in values {
        if (lo..=hi).contains(&v) {
            counts[(((v - lo) / width) as usize).min(bins - 1)] += 1;
        }
    }
    Ok(Bins { lo, width, counts })
}

/// The median of `values` (the mean of the middle two for an even count),
/// `None` if there are none.
///
/// ```
/// assert_eq!(figures::stat::median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
/// assert_eq!(figures::stat::median(&[]), None);
/// ```
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { 0.5 * (v[n / 2 - 1] + v[n / 2]) })
}

/// Deterministic jitter in `[-0.5, 0.5)` for the `i`-th of many dots (a
/// golden-ratio sequence: the dots spread evenly and the file never changes).
///
/// ```
/// assert!((0..100).map(figures::stat::jitter).all(|j| (-0.5..0.5).contains(&j)));
/// ```
pub fn jitter(i: usize) -> f64 {
    (i as f64 * 0.618_033_988_749_895).fract() - 0.5
}

/// Offset of series `i` of `m` drawn side by side within one group, `m`
/// series sharing at most `0.6` of a group's width (at most `0.25` apart).
///
/// ```
/// assert_eq!(figures::stat::dodge(0, 1), 0.0);
/// assert_eq!(figures::stat::dodge(0, 2), -figures::stat::dodge(1, 2));
/// ```
pub fn dodge(i: usize, m: usize) -> f64 {
    if m <= 1 {
        return 0.0;
    }
    let spacing = (0.6 / m as f64).min(0.25);
    (i as f64 - (m as f64 - 1.0) / 2.0) * spacing
}

/// The smallest and largest of `values` (`(∞, −∞)` if there are none),
/// e.g. to span a grid or a reference line over the data.
///
/// ```
/// assert_eq!(figures::stat::extent([2.0, -1.0, 5.0]), (-1.0, 5.0));
/// ```
pub fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let init = (f64::INFINITY, f64::NEG_INFINITY);
    values.into_iter().fold(init, |(lo, hi), v| (lo.min(v), hi.max(v)))
}
