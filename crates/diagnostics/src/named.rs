//! Summaries by parameter name, for any container of draws that can look a
//! parameter up by its name (a sampler's fit, draws read from a CSV file, …).

use crate::summary::{SummaryRow, summarize};

/// Draws that can be looked up by parameter name.
pub trait NamedDraws {
    /// Draws of the parameter called `name`, one `Vec` per chain, or `None`
    /// when there is no parameter of that name.
    fn chains_named(&self, name: &str) -> Option<Vec<Vec<f64>>>;
}

/// A parameter name that the draws do not contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingParameter(pub String);

impl std::fmt::Display for MissingParameter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the fit has no parameter named {}", self.0)
    }
}

impl std::error::Error for MissingParameter {}

/// One [`summarize`] row per name, in the order given (mean, sd, HDI at
/// `hdi_prob`, MCSE, bulk and tail ESS, R-hat), like ArviZ's `az.summary`
/// with `var_names`. A name the draws lack is an error naming it, never a
/// silent substitute.
pub fn summarize_named<D: NamedDraws + ?Sized>(
    draws: &D,
    names: &[&str],
    hdi_prob: f64,
) -> Result<Vec<SummaryRow>, MissingParameter> {
    names
        .iter()
        .map(|name| {
            let chains =
                draws.chains_named(name).ok_or_else(|| MissingParameter((*name).to_string()))?;
            Ok(summarize(name, &chains, hdi_prob))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Two(Vec<Vec<f64>>, Vec<Vec<f64>>);

    impl NamedDraws for Two {
        fn chains_named(&self, name: &str) -> Option<Vec<Vec<f64>>> {
            match name {
                "a" => Some(self.0.clone()),
                "b" => Some(self.1.clone()),
                _ => None,
            }
        }
    }

    fn draws() -> Two {
        let chain = |c: usize, k: usize| -> Vec<f64> {
            (0..100).map(|i| ((i * k + c * 13) % 29) as f64).collect()
        };
        Two((0..2).map(|c| chain(c, 7)).collect(), (0..2).map(|c| chain(c, 11)).collect())
    }

    #[test]
    fn rows_follow_the_names_and_match_summarize() {
        let d = draws();
        let rows = summarize_named(&d, &["b", "a"], 0.9).unwrap();
        assert_eq!(rows[0], summarize("b", &d.1, 0.9));
        assert_eq!(rows[1], summarize("a", &d.0, 0.9));
    }

    #[test]
    fn a_missing_name_is_an_error_that_names_it() {
        let err = summarize_named(&draws(), &["a", "tau"], 0.9).unwrap_err();
        assert_eq!(err, MissingParameter("tau".into()));
        assert_eq!(err.to_string(), "the fit has no parameter named tau");
    }
}
