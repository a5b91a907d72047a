//! The models of the Beta multilevel chapter, written the way the source's Stan
//! programs read: declared with the model layer ([`crate::layer`]), which does the
//! transforms, Jacobians and gradients. The exam model alone keeps a hand-written
//! gradient for speed (its doc says why), checked against its declared twin
//! [`exam_declared`]. [`beta`] holds the Beta distribution in mean / sample-size form
//! that they share.
//!
//! | model | file |
//! |---|---|
//! | heights in four countries (Normal, varying intercepts) | [`heights`] |
//! | one school's scores (Beta in mean / sample-size form) | [`one_school`] |
//! | five schools, unpooled or pooled through a Beta prior | [`schools`] |
//! | districts → schools → students | [`three_levels`] |
//! | published exam averages (summary-statistic likelihood) | [`exam`] |
//!
//! [`simulate`] draws the chapter's data sets from known truths, and
//! [`exam_data`] holds the published exam results (with a simulated province);
//! [`workbook`] reads the province's published workbook.

pub mod beta;
pub mod exam;
pub mod exam_data;
pub mod exam_declared;
mod hand;
pub mod heights;
pub mod one_school;
pub mod schools;
pub mod simulate;
pub mod three_levels;
pub mod workbook;
