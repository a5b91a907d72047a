//! Recipes: short functions that build the panels the book draws often
//! from marks. Put the panels in a [`crate::Figure`] and [`crate::draw`] it.

mod calibration;
mod draws;
mod groups;
mod pairs;
mod rows;
mod shrinkage;

pub use calibration::{ecdf_difference, rank_histogram};
pub use draws::{
    density_histogram, density_panel, divergence_scatter, divergence_scatter_within, trace,
};
pub use groups::{GroupMarkers, GroupSeries, MAX_LABELLED_GROUPS, group_intervals};
pub use pairs::{PairsPlot, pairs, pairs_plot};
pub use rows::{ForestRow, category_ticks, dodged, forest, lines, rows_figure, strip};
pub use shrinkage::{POOLING_ESTIMATORS, Shrinkage, pooling_mse_bars, shrinkage_arrows};
