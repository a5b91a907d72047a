//! The book's figures, as a small grammar, and a plate diagram drawn on its
//! own.
//!
//! A [`Figure`] is a grid of [`Panel`]s; a panel has axes (labels, ranges,
//! linear or log [`Scale`]s, explicit or categorical ticks, notes at the
//! right) and [`Mark`]s (points, lines, bands, rules, intervals, segments
//! and arrows, bars, histograms, text), each with a [`Style`]; [`draw`]
//! writes it as SVG with a legend made from the marks' labels. [`stat`] turns data into what marks
//! draw (histogram bins, medians, jitter, dodging); [`recipes`] are short
//! functions that build the panels the book draws often (traces, divergence
//! scatters, density histograms, forests, strips, lines, group intervals,
//! rank histograms, ECDF differences, pairs plots).
//!
//! Output is byte-identical from run to run: text is laid out with a
//! vendored copy of DejaVu Sans (no system fonts are consulted) and nothing
//! random or time-dependent goes into the file.
//!
//! Drawn by its own function (it writes one SVG):
//!
//! [`plate_diagram`], a graphical model: observed and latent nodes, arrows, plates.
//!
//! [`markdown_table`] formats a table for the book's generated pages.

mod error;
mod figure;
mod legend;
mod mark;
mod mark_svg;
mod plate_diagram;
mod ranges;
pub mod recipes;
mod render;
mod scale;
mod spec;
pub mod stat;
mod style;
mod table;
pub mod theme;

pub use error::FigureError;
pub use figure::{draw, to_svg};
pub use mark::Mark;
pub use plate_diagram::{Plate, PlateDiagram, PlateNode, plate_diagram};
pub use recipes::{PairsPlot, pairs_plot};
pub use scale::Scale;
pub use spec::{Figure, Panel};
pub use style::{Anchor, Shape, Style};
pub use table::markdown_table;
pub use theme::register_fonts;
