use std::path::PathBuf;

use plotters::drawing::DrawingAreaErrorKind;

/// Everything that can go wrong while drawing a figure.
///
/// ```
/// use figures::{Figure, FigureError, Mark, Panel, Style, theme};
/// // No panels: nothing to plot.
/// assert!(matches!(figures::to_svg(&Figure::default()), Err(FigureError::Empty(_))));
/// // A line through a NaN cannot be drawn.
/// let line = Mark::line(vec![(0.0, 1.0), (1.0, f64::NAN)], Style::new(theme::TEXT));
/// let figure = Figure::grid(vec![Panel { marks: vec![line], ..Default::default() }], 1, 200);
/// let e = figures::to_svg(&figure).unwrap_err();
/// assert!(matches!(e, FigureError::Invalid(_)) && e.to_string().contains("NaN"), "{e}");
/// ```
#[derive(Debug, thiserror::Error)]
pub enum FigureError {
    /// The figure has nothing to draw (no rows, no panels, no samples...).
    #[error("{0}: nothing to plot")]
    Empty(String),
    /// The input is inconsistent or not drawable (mismatched lengths,
    /// non-finite values, an empty range...).
    #[error("invalid figure input: {0}")]
    Invalid(String),
    /// The embedded font could not be registered.
    #[error("could not register the embedded font: {0}")]
    Font(String),
    /// plotters reported an error while drawing.
    #[error("drawing failed: {0}")]
    Drawing(String),
    /// Writing the SVG file failed.
    #[error("could not write {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for FigureError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        FigureError::Drawing(e.to_string())
    }
}

/// Fails with [`FigureError::Invalid`] unless every value is finite.
pub(crate) fn check_finite<'a>(
    what: &str,
    values: impl IntoIterator<Item = &'a f64>,
) -> Result<(), FigureError> {
    match values.into_iter().find(|v| !v.is_finite()) {
        Some(v) => Err(FigureError::Invalid(format!("{what} contains {v}"))),
        None => Ok(()),
    }
}
