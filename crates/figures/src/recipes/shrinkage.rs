//! Recipes for partial pooling: arrows from each group's own estimate to its
//! pooled one, and the error of the pooling strategies as bars.

use crate::mark::Mark;
use crate::recipes::{category_ticks, rows_figure};
use crate::style::{Anchor, Shape, Style};
use crate::theme::{self, palette};
use crate::{Figure, FigureError, Panel};

/// What the arrows figure shows, one entry per group in data order.
///
/// ```
/// use figures::{FigureError, recipes::{Shrinkage, shrinkage_arrows}};
/// let s = Shrinkage {
///     names: vec!["A".into(), "B".into()],
///     raw: vec![60.0, 80.0],
///     pooled: vec![65.0, 75.0],
///     truth: vec![66.0, 74.0],
///     centre: (70.0, "grand mean".into()),
///     ..Default::default()
/// };
/// let svg = figures::to_svg(&shrinkage_arrows("pulled in", &s).unwrap()).unwrap();
/// assert!(svg.contains("grand mean") && svg.contains("true mean"));
/// let short = Shrinkage { truth: vec![66.0], ..s };
/// assert!(matches!(shrinkage_arrows("t", &short), Err(FigureError::Invalid(_))));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shrinkage {
    /// Group names, shown as row labels.
    pub names: Vec<String>,
    /// Each group's own estimate (no pooling): where an arrow starts.
    pub raw: Vec<f64>,
    /// Legend label of the own estimates.
    pub raw_label: String,
    /// Each group's partially pooled estimate: where its arrow ends.
    pub pooled: Vec<f64>,
    /// Legend label of the pooled estimates.
    pub pooled_label: String,
    /// True group means, marked with crosses (empty when unknown).
    pub truth: Vec<f64>,
    /// Where the estimates are pulled to (a dashed vertical line) and its label.
    pub centre: (f64, String),
    /// Description of the x axis.
    pub x_label: String,
}

/// Dots at `(x[i], y[i])` of one style.
fn dots(xy: Vec<(f64, f64)>, style: Style) -> Mark {
    let (x, y) = xy.into_iter().unzip();
    Mark::points(x, y, style)
}

/// One row per group, sorted by the raw estimate (largest at the top): an
/// arrow from the raw estimate to the pooled one, the truth as a cross.
/// Errors unless `raw`, `pooled`, `names` (and `truth`, if given) have one
/// entry per group.
///
/// ```
/// use figures::recipes::{Shrinkage, shrinkage_arrows};
/// let s = Shrinkage {
///     names: vec!["A".into(), "B".into()],
///     raw: vec![60.0, 80.0],
///     raw_label: "raw mean".into(),
///     pooled: vec![65.0, 75.0],
///     pooled_label: "partial pooling".into(),
///     truth: vec![],
///     centre: (70.0, "grand mean".into()),
///     x_label: "mean score".into(),
/// };
/// let f = shrinkage_arrows("pulled in", &s).unwrap();
/// assert_eq!(f.panels[0].marks.len(), 4);
/// ```
pub fn shrinkage_arrows(title: &str, s: &Shrinkage) -> Result<Figure, FigureError> {
    let n = s.raw.len();
    if s.pooled.len() != n || s.names.len() != n || !(s.truth.is_empty() || s.truth.len() == n) {
        return Err(FigureError::Invalid(format!(
            "{title}: {n} raw, {} pooled, {} names and {} true values",
            s.pooled.len(),
            s.names.len(),
            s.truth.len()
        )));
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| s.raw[b].total_cmp(&s.raw[a]));
    // Row i (from the top) is at height n - 1 - i.
    let at = |v: &[f64]| -> Vec<(f64, f64)> {
        let rows = order.iter().enumerate();
        rows.map(|(i, &j)| (v[j], (n - 1 - i) as f64)).collect()
    };
    let (raw, pooled) = (at(&s.raw), at(&s.pooled));
    let mut marks = vec![
        Mark::VLine {
            x: s.centre.0,
            style: Style::new(theme::MUTED).dashed().label(s.centre.1.clone()),
        },
        Mark::Segments {
            segments: raw.iter().copied().zip(pooled.iter().copied()).collect(),
            arrow: true,
            // Black at this opacity is the grey (150, 150, 150) on white.
            style: Style::new(palette::BLACK).opacity(0.41),
        },
        dots(raw, Style::new(palette::VERMILLION).size(5.0).label(s.raw_label.clone())),
        dots(pooled, Style::new(palette::BLUE).size(5.0).label(s.pooled_label.clone())),
    ];
    if !s.truth.is_empty() {
        let style = Style::new(palette::GREEN).size(6.0).shape(Shape::Cross);
        marks.push(dots(at(&s.truth), style.label("true mean")));
    }
    let panel = Panel {
        x_label: s.x_label.clone(),
        marks,
        y_ticks: Some(
            order
                .iter()
                .enumerate()
                .map(|(i, &j)| ((n - 1 - i) as f64, s.names[j].clone()))
                .collect(),
        ),
        y_range: Some((-0.5, n as f64 - 0.5)),
        ..Default::default()
    };
    Ok(rows_figure(title, vec![panel], 30))
}

/// The four ways of estimating group means, in the order of
/// [`pooling_mse_bars`]'s values.
///
/// ```
/// use figures::recipes::{POOLING_ESTIMATORS, pooling_mse_bars};
/// let f = pooling_mse_bars([9.0, 30.0, 6.0, 5.0], ["9", "30", "6", "5"].map(String::from));
/// let svg = figures::to_svg(&f).unwrap();
/// assert!(POOLING_ESTIMATORS.iter().all(|name| svg.contains(name))); // the x tick labels
/// ```
pub const POOLING_ESTIMATORS: [&str; 4] = ["no pooling", "complete", "emp. Bayes", "full Bayes"];

/// Bars of the mean squared error of no, complete, empirical-Bayes and
/// full-Bayes pooling (`mse`, in that order), each labelled with
/// `value_text`, and the reduction of both partial poolings against no
/// pooling in words below them.
///
/// ```
/// let texts = ["9", "30", "6", "5"].map(String::from);
/// let f = figures::recipes::pooling_mse_bars([9.0, 30.0, 6.0, 5.0], texts);
/// assert!(f.panels[0].x_label.contains("44% (full Bayes)"));
/// ```
pub fn pooling_mse_bars(mse: [f64; 4], value_text: [String; 4]) -> Figure {
    let pct = |v: f64| format!("{:.0}%", 100.0 * (1.0 - v / mse[0]));
    let mut marks: Vec<Mark> = mse
        .iter()
        .enumerate()
        .map(|(i, v)| Mark::Bars {
            x: vec![i as f64 - 0.3],
            width: 0.6,
            height: vec![*v],
            style: Style::new(palette::series(i)).opacity(0.85),
        })
        .collect();
    marks.push(Mark::Text {
        at: mse.iter().enumerate().map(|(i, v)| (i as f64, *v)).collect(),
        text: value_text.to_vec(),
        anchor: Anchor::Middle,
        offset: (0, -14),
        style: Style::new(theme::TEXT).size(theme::NOTE_SIZE),
    });
    let top = mse.iter().copied().fold(0.0, f64::max);
    let panel = Panel {
        x_label: format!(
            "Partial pooling lowers the MSE by {} (full Bayes) and {} (empirical Bayes) against no pooling",
            pct(mse[3]),
            pct(mse[2])
        ),
        y_label: "MSE".into(),
        marks,
        x_ticks: Some(category_ticks(&POOLING_ESTIMATORS.map(String::from))),
        x_range: Some((-0.5, mse.len() as f64 - 0.5)),
        y_range: Some((0.0, if top > 0.0 { top * 1.15 } else { 1.0 })),
        ..Default::default()
    };
    let title = "Mean squared error against the true school means";
    Figure::grid(vec![panel], 1, 420).titled(title)
}
