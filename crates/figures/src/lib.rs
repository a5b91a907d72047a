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
//! | [`interval_panels`] | the same groups estimated several ways, panels side by side |
//! | [`plate_diagram`] | a graphical model: observed and latent nodes, arrows, plates |
//! | [`arrows_plot`] | one arrow per group from one estimate to another (shrinkage) |
//! | [`bar_chart`] | one bar per category with its value printed above it |
//! | [`loglog_panels`] | small multiples of series on shared log–log axes |
//! | [`curve_points`] | a curve with labelled points placed on it |
//! | [`shrinkage_lines`] | items joined across rows of estimates (Efron–Morris picture) |
//! | [`trace_panels`] | one chain's trace per panel, divergent draws and reference lines marked |
//! | [`layered_panels`] | small multiples built from layers: points, lines, bands, intervals, histograms |
//! | [`pairs_plot`] | scatter of every pair of parameters, histograms on the diagonal, correlations above |
//! | [`strip_plot`] | per-category strips of replication results with medians (seed sweeps) |
//! | [`xy_panels`] | faint curve bundles, coloured curves and points, dashed reference lines |
//! | [`group_intervals`] | per-group intervals side by side, true values, block means (caterpillars) |
//!
//! [`markdown_table`] formats a table for the book's generated pages.

mod arrows;
mod bar_chart;
mod calibration;
mod curve_points;
mod divergence;
mod error;
mod figure;
mod forest;
mod group_intervals;
mod histogram;
mod interval_panels;
mod legend;
mod line;
mod loglog_panels;
mod mark;
mod mark_svg;
mod pairs;
mod plate_diagram;
mod render;
mod shrinkage_lines;
pub mod stat;
mod strip;
mod table;
pub mod theme;
mod trace;
mod xy_panels;

pub use arrows::{ArrowRow, ArrowsPlot, arrows_plot};
pub use bar_chart::{Bar, BarChart, bar_chart};
pub use calibration::{EcdfPanel, RankHistogramPanel, ecdf_difference_plot, rank_histograms};
pub use curve_points::{CurvePoints, LabelledPoint, curve_points};
pub use divergence::{ScatterPanel, divergence_scatter};
pub use error::FigureError;
pub use figure::{Figure, Panel, draw};
pub use forest::{ForestPlot, ForestRow, forest_plot};
pub use group_intervals::{
    GroupIntervals, IntervalSeries, Marker, MarkerSeries, Segment, group_intervals,
};
pub use histogram::{HistogramPanel, histogram_panels};
pub use interval_panels::{IntervalPanel, IntervalPanels, interval_panels};
pub use line::{LinePlot, LineSeries, line_plot};
pub use loglog_panels::{LogLogPanel, LogLogPanels, loglog_panels};
pub use mark::{Mark, Shape, Style};
pub use pairs::{PairsPlot, pairs_plot};
pub use plate_diagram::{Plate, PlateDiagram, PlateNode, plate_diagram};
pub use shrinkage_lines::{ShrinkageLines, shrinkage_lines};
pub use strip::{StripPanel, StripPlot, strip_plot};
pub use table::markdown_table;
pub use theme::register_fonts;
pub use trace::{TracePanel, trace_panels};
pub use xy_panels::{XyPanel, XySeries, xy_panels};
