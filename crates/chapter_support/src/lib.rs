//! What every chapter binary needs, so that a chapter is only its model and
//! its story: the [`Chapter`] a chapter crate declares and the run every
//! chapter shares ([`chapter`]), the common command-line flags ([`args`]), an output directory
//! that reports clear errors ([`output`]), and summaries of fits in the shape
//! of ArviZ's `az.summary` ([`summary`]), the group labels tables and
//! figures show ([`labels`]), and Stan-style warnings after every fit
//! ([`warnings`]).

pub mod args;
pub mod chapter;
pub mod labels;
pub mod output;
pub mod stan_progress;
pub mod summary;
pub mod testing;
pub mod warnings;

pub use args::SamplingArgs;
pub use chapter::{Chapter, ChapterArgs, Defaults, NoFlags, Writer, main, run};
pub use output::OutputDir;
pub use summary::{
    divergent_cell, error_in_mcse, exact_quantile_table, fit_summary, timed, timed_fit,
    worst_convergence, worst_convergence_where,
};
pub use warnings::report_warnings;
