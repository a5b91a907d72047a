//! Group labels for indexed parameters: draws keep CmdStan's names
//! (`theta.1`, `theta.2`, …, which ArviZ and cmdstanpy read), while tables
//! and figures show the group each index stands for (`theta[A]`).

use crate::summary::{SummaryRow, markdown_with_names};

/// A parameter name that [`ParamLabels`] cannot display, or labels that
/// cannot be attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelError {
    /// `family.k` with no label for `k` (out of range, not a number, or
    /// the wrong number of indices).
    NoLabel {
        /// The full parameter name, e.g. `theta.9`.
        name: String,
        /// How many labelled groups the family has.
        labels: usize,
    },
    /// A label list that is empty, has an empty label or repeats one.
    BadLabels {
        /// The family the labels were meant for.
        family: String,
        /// What is wrong with them.
        problem: String,
    },
}

impl std::fmt::Display for LabelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoLabel { name, labels } => write!(
                f,
                "no group label for parameter {name} (its family has {labels} labelled groups, indexed from 1)"
            ),
            Self::BadLabels { family, problem } => {
                write!(f, "bad group labels for {family}: {problem}")
            }
        }
    }
}

impl std::error::Error for LabelError {}

/// Group labels for families of indexed parameters.
///
/// A family `theta` with labels `A`, `B`, … displays `theta.1` as
/// `theta[A]`, `theta.2` as `theta[B]`; a family with two axes (regions,
/// then answers) displays `pi.5.1` as `pi[region 5, agree]`. Names outside
/// every family (`mu`, `tau`) display unchanged. The draws themselves, and
/// every file written for other tools, keep the indexed names.
///
/// ```
/// use diagnostics::ParamLabels;
/// let labels = ParamLabels::new().family("theta", &["A", "B"]).unwrap();
/// assert_eq!(labels.display("theta.2").unwrap(), "theta[B]");
/// assert_eq!(labels.display("tau").unwrap(), "tau");
/// assert!(labels.display("theta.3").is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParamLabels {
    /// Family name, then one list of labels per index.
    families: Vec<(String, Vec<Vec<String>>)>,
}

impl ParamLabels {
    /// No labels: every name displays unchanged.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the labels of `family.1`, `family.2`, … in index order. An empty
    /// list, an empty label or a repeated label is an error.
    pub fn family<S: AsRef<str>>(self, family: &str, labels: &[S]) -> Result<Self, LabelError> {
        self.family_axes(family, &[labels])
    }

    /// Adds the labels of a family indexed by several axes, `family.i.j…`:
    /// `axes[0]` labels `i`, `axes[1]` labels `j`, and so on.
    ///
    /// ```
    /// let labels = diagnostics::ParamLabels::new()
    ///     .family_axes("pi", &[&["north", "south"][..], &["yes", "no"][..]])
    ///     .unwrap();
    /// assert_eq!(labels.display("pi.2.1").unwrap(), "pi[south, yes]");
    /// assert!(labels.display("pi.2").is_err());
    /// ```
    pub fn family_axes<S: AsRef<str>>(
        mut self,
        family: &str,
        axes: &[&[S]],
    ) -> Result<Self, LabelError> {
        let bad = |problem: String| LabelError::BadLabels { family: family.to_string(), problem };
        if axes.is_empty() {
            return Err(bad("no axes".into()));
        }
        let mut checked = Vec::new();
        for labels in axes {
            if labels.is_empty() {
                return Err(bad("no labels".into()));
            }
            let labels: Vec<String> = labels.iter().map(|l| l.as_ref().to_string()).collect();
            for (i, label) in labels.iter().enumerate() {
                if label.is_empty() {
                    return Err(bad(format!("label {} is empty", i + 1)));
                }
                if labels[..i].contains(label) {
                    return Err(bad(format!("label {label} appears twice")));
                }
            }
            checked.push(labels);
        }
        self.families.retain(|(f, _)| f != family);
        self.families.push((family.to_string(), checked));
        Ok(self)
    }

    /// The label of group `index` (from 1) of a one-axis `family`, if it has one.
    pub fn label(&self, family: &str, index: usize) -> Option<&str> {
        let (_, axes) = self.families.iter().find(|(f, _)| f == family)?;
        match axes.as_slice() {
            [labels] => labels.get(index.checked_sub(1)?).map(String::as_str),
            _ => None,
        }
    }

    /// The name to show for parameter `name`: `family[label, …]` for a
    /// labelled family, `name` itself otherwise. Indices the family has no
    /// label for (or the wrong number of them) are an error, never shown as
    /// bare numbers.
    pub fn display(&self, name: &str) -> Result<String, LabelError> {
        let found = self.families.iter().find_map(|(family, axes)| {
            let rest = name.strip_prefix(family.as_str())?.strip_prefix('.')?;
            Some((family, axes, rest))
        });
        let Some((family, axes, rest)) = found else {
            return Ok(name.to_string());
        };
        let no_label = || LabelError::NoLabel {
            name: name.to_string(),
            labels: axes.iter().map(Vec::len).product(),
        };
        let indices: Vec<&str> = rest.split('.').collect();
        if indices.len() != axes.len() {
            return Err(no_label());
        }
        let shown = indices
            .iter()
            .zip(axes)
            .map(|(index, labels)| {
                let i: usize = index.parse().map_err(|_| no_label())?;
                let label = labels.get(i.checked_sub(1).ok_or_else(no_label)?);
                label.map(String::as_str).ok_or_else(no_label)
            })
            .collect::<Result<Vec<&str>, LabelError>>()?;
        Ok(format!("{family}[{}]", shown.join(", ")))
    }

    /// [`summary_markdown`](crate::summary_markdown) with each row's name shown
    /// through [`display`](Self::display); the rows keep their indexed names.
    pub fn summary_markdown(
        &self,
        rows: &[SummaryRow],
        hdi_prob: f64,
    ) -> Result<String, LabelError> {
        let names = rows.iter().map(|r| self.display(&r.name)).collect::<Result<Vec<_>, _>>()?;
        Ok(markdown_with_names(rows, &names, hdi_prob))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::summary_markdown;

    fn schools() -> ParamLabels {
        ParamLabels::new().family("theta", &["A", "B", "C"]).unwrap()
    }

    #[test]
    fn labelled_families_show_labels_and_others_stay() {
        let l = schools();
        assert_eq!(l.display("theta.1").unwrap(), "theta[A]");
        assert_eq!(l.display("theta.3").unwrap(), "theta[C]");
        for name in ["mu", "tau", "z.1", "theta_raw.1", "y_rep.2"] {
            assert_eq!(l.display(name).unwrap(), name);
        }
        assert_eq!(l.label("theta", 2), Some("B"));
        assert_eq!(l.label("theta", 0), None);
    }

    #[test]
    fn an_index_without_a_label_is_an_error() {
        let l = schools();
        for name in ["theta.0", "theta.4", "theta.x", "theta."] {
            let err = l.display(name).unwrap_err();
            assert_eq!(err, LabelError::NoLabel { name: name.into(), labels: 3 });
            assert!(err.to_string().contains(name));
        }
    }

    #[test]
    fn two_axes_label_each_index() {
        let l = ParamLabels::new()
            .family_axes("pi", &[&["r1", "r2", "r3"][..], &["SA", "A"][..]])
            .unwrap();
        assert_eq!(l.display("pi.3.2").unwrap(), "pi[r3, A]");
        assert_eq!(l.display("pi0.1").unwrap(), "pi0.1");
        for name in ["pi.1", "pi.1.2.1", "pi.4.1", "pi.1.3", "pi.0.1"] {
            assert!(l.display(name).is_err(), "{name}");
        }
        assert_eq!(l.label("pi", 1), None);
    }

    #[test]
    fn bad_label_lists_are_errors() {
        let empty: [&str; 0] = [];
        assert!(ParamLabels::new().family("theta", &empty).is_err());
        assert!(ParamLabels::new().family("theta", &["A", ""]).is_err());
        let err = ParamLabels::new().family("theta", &["A", "B", "A"]);
        assert_eq!(
            err.unwrap_err().to_string(),
            "bad group labels for theta: label A appears twice"
        );
    }

    #[test]
    fn the_labelled_table_differs_from_the_plain_one_only_in_names() {
        let chains = vec![vec![1.0, 2.0, 3.0, 4.0], vec![2.0, 3.0, 4.0, 5.0]];
        let rows: Vec<SummaryRow> = ["mu", "theta.1", "theta.2"]
            .iter()
            .map(|n| crate::summarize(n, &chains, 0.89))
            .collect();
        let plain = summary_markdown(&rows, 0.89);
        let labelled = schools().summary_markdown(&rows, 0.89).unwrap();
        assert_eq!(
            labelled,
            plain.replace("| theta.1 |", "| theta[A] |").replace("| theta.2 |", "| theta[B] |")
        );
        assert_ne!(labelled, plain);
        assert_eq!(rows[1].name, "theta.1");
        assert_eq!(ParamLabels::new().summary_markdown(&rows, 0.89).unwrap(), plain);
    }
}
