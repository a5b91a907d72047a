//! The book's plot theme and the plot kinds chapters share.
//!
//! Every plot kind is one function that writes one SVG file and returns
//! `Result<(), FigureError>`. Output is byte-identical from run to run: text is
//! laid out with a vendored copy of DejaVu Sans (no system fonts are consulted)
//! and nothing random or time-dependent goes into the file.
//!
//! | function | what it draws |
//! |---|---|
//! | [`forest_plot`] | one row per group: interval, mean, optional observed value and note |
//! | [`divergence_scatter`] | side-by-side scatter panels with divergent draws highlighted |
//! | [`histogram_panels`] | density histograms with an optional exact density curve |
//! | [`line_plot`] | several labelled series on one set of axes (traces, running means) |
//!
//! [`markdown_table`] formats a table for the book's generated pages.

mod divergence;
mod error;
mod forest;
mod histogram;
mod legend;
mod line;
mod render;
mod table;
pub mod theme;

pub use divergence::{ScatterPanel, divergence_scatter};
pub use error::FigureError;
pub use forest::{ForestPlot, ForestRow, forest_plot};
pub use histogram::{HistogramPanel, histogram_panels};
pub use line::{LinePlot, LineSeries, line_plot};
pub use table::markdown_table;
pub use theme::register_fonts;
