//! Recipes: short functions that build the panels the book draws often
//! from marks. Put the panels in a [`crate::Figure`] and [`crate::draw`] it.

mod draws;
mod rows;

pub use draws::{density_histogram, density_panel, divergence_scatter, trace};
pub use rows::{ForestRow, category_ticks, dodged, forest, lines, rows_figure, strip};
