//! Group labels of the book's labelled data sets, for tables and figures.
//! The draws keep their indexed names (`theta.1`), so CmdStan CSV files stay
//! readable by ArviZ and cmdstanpy; only what a reader sees is relabelled.

use diagnostics::{LabelError, ParamLabels};
use models::eight_schools::SCHOOLS;
use models::survey::data::{CATEGORIES, Survey};

/// An axis title shown only where `show` holds: a grid of panels titles its
/// outer axes only (e.g. `y_label: axis_title(k == 0, "density")`).
///
/// ```
/// use chapter_support::labels::axis_title;
/// assert_eq!((axis_title(true, "x"), axis_title(false, "x")), ("x".into(), String::new()));
/// ```
pub fn axis_title(show: bool, text: &str) -> String {
    if show { text.into() } else { String::new() }
}

/// The Eight Schools' labels: `theta.1` … `theta.8` are schools A to H.
///
/// ```
/// let labels = chapter_support::labels::eight_schools().unwrap();
/// assert_eq!(labels.display("theta.5").unwrap(), "theta[E]");
/// assert_eq!(labels.display("tau").unwrap(), "tau");
/// ```
pub fn eight_schools() -> Result<ParamLabels, LabelError> {
    ParamLabels::new().family("theta", &SCHOOLS)
}

/// A survey's labels: `pi0.k` is the national share of answer `k`
/// (`pi0[agree]`), `pi.r.k` region `r`'s share (`pi[region 5, agree]`).
///
/// ```
/// let survey = models::survey::data::Survey::printed();
/// let labels = chapter_support::labels::survey(&survey).unwrap();
/// assert_eq!(labels.display("pi0.2").unwrap(), "pi0[agree]");
/// assert_eq!(labels.display("pi.5.1").unwrap(), "pi[region 5, strongly agree]");
/// ```
pub fn survey(survey: &Survey) -> Result<ParamLabels, LabelError> {
    ParamLabels::new()
        .family("pi0", &CATEGORIES)?
        .family_axes("pi", &[&survey.labels[..], &CATEGORIES.map(String::from)[..]])
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_school_has_its_letter() {
        let labels = super::eight_schools().unwrap();
        let shown: Vec<String> =
            (1..=8).map(|j| labels.display(&format!("theta.{j}")).unwrap()).collect();
        assert_eq!(shown.first().map(String::as_str), Some("theta[A]"));
        assert_eq!(shown.last().map(String::as_str), Some("theta[H]"));
        assert!(labels.display("theta.9").is_err());
    }
}
