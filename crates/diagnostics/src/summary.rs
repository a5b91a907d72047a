//! One-row-per-parameter posterior summaries, like `az.summary`, and their markdown table.

use crate::chains::{mean, pooled, variance};
use crate::format::{fixed, general, sig};
use crate::intervals::hdi;
use crate::rhat::rhat_summary;
use crate::{ess_bulk, ess_tail, mcse_mean, mcse_sd};

/// One row of `az.summary(..., hdi_prob=p)` for a scalar parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// Parameter name, shown in the first column.
    pub name: String,
    /// Mean of all draws.
    pub mean: f64,
    /// Standard deviation of all draws (ddof = 1).
    pub sd: f64,
    /// Lower end of the HDI.
    pub hdi_low: f64,
    /// Upper end of the HDI.
    pub hdi_high: f64,
    /// Monte Carlo standard error of the mean.
    pub mcse_mean: f64,
    /// Monte Carlo standard error of the sd.
    pub mcse_sd: f64,
    /// Bulk effective sample size.
    pub ess_bulk: f64,
    /// Tail effective sample size.
    pub ess_tail: f64,
    /// Rank-normalised split R-hat (NaN for a single chain).
    pub r_hat: f64,
}

/// Summarise one parameter's draws as one row of `az.summary(hdi_prob=...)` (ArviZ 0.23).
///
/// Mean and sd (ddof = 1) pool all draws; the HDI is [`hdi`](crate::hdi) of the pooled
/// draws; the diagnostics are [`mcse_mean`](crate::mcse_mean), [`mcse_sd`](crate::mcse_sd),
/// [`ess_bulk`](crate::ess_bulk), [`ess_tail`](crate::ess_tail) and R-hat. ArviZ's summary
/// folds about the median of *all* draws, where [`rhat`](crate::rhat) (like `az.rhat`)
/// folds about the median of the split draws; the two differ only for odd draw counts.
///
/// Reference: Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
/// folding, and localization: An improved R-hat for assessing convergence of MCMC",
/// *Bayesian Analysis* 16(2); Kumar, Carroll, Hartikainen & Martin (2019), "ArviZ a
/// unified library for exploratory analysis of Bayesian models in Python", JOSS.
///
/// # Panics
/// If `hdi_prob` is not in `(0, 1]`, or the chains differ in length.
///
/// ```
/// let chains = vec![vec![1.0, 2.0, 3.0, 4.0], vec![2.0, 3.0, 4.0, 5.0]];
/// let row = diagnostics::summarize("mu", &chains, 0.89);
/// assert_eq!(row.mean, 3.0);
/// assert_eq!((row.hdi_low, row.hdi_high), (1.0, 5.0));
/// ```
pub fn summarize(name: &str, chains: &[Vec<f64>], hdi_prob: f64) -> SummaryRow {
    let all = pooled(chains);
    let (hdi_low, hdi_high) = hdi(&all, hdi_prob);
    SummaryRow {
        name: name.to_string(),
        mean: mean(&all),
        sd: variance(&all, 1).sqrt(),
        hdi_low,
        hdi_high,
        mcse_mean: mcse_mean(chains),
        mcse_sd: mcse_sd(chains),
        ess_bulk: ess_bulk(chains),
        ess_tail: ess_tail(chains),
        r_hat: rhat_summary(chains),
    }
}

/// Column labels of the two HDI columns, as `az.summary` writes them (`hdi_5.5%`, `hdi_94.5%`).
///
/// ```
/// assert_eq!(diagnostics::hdi_labels(0.94), ("hdi_3%".to_string(), "hdi_97%".to_string()));
/// ```
pub fn hdi_labels(hdi_prob: f64) -> (String, String) {
    let alpha = 1.0 - hdi_prob;
    (
        format!("hdi_{}%", general(100.0 * alpha / 2.0)),
        format!("hdi_{}%", general(100.0 * (1.0 - alpha / 2.0))),
    )
}

/// Render summary rows as a byte-deterministic markdown table with `az.summary`'s columns.
///
/// Rounding rule: mean, sd, HDI ends and both MCSEs to 3 significant digits ([`sig`]);
/// ESS to the nearest integer; R-hat to 2 decimals ([`fixed`]). NaN prints as `NaN`; no
/// value prints as negative zero. Every line ends with `\n`.
///
/// Reference: Kumar, Carroll, Hartikainen & Martin (2019), "ArviZ a unified library for
/// exploratory analysis of Bayesian models in Python", JOSS.
///
/// ```
/// let chains = vec![vec![1.0, 2.0, 3.0, 4.0], vec![2.0, 3.0, 4.0, 5.0]];
/// let table = diagnostics::summary_markdown(&[diagnostics::summarize("mu", &chains, 0.89)], 0.89);
/// assert!(table.starts_with("| | mean | sd | hdi_5.5% | hdi_94.5% |"));
/// assert!(table.contains("| mu | 3.00 | 1.31 | 1.00 | 5.00 |"));
/// ```
pub fn summary_markdown(rows: &[SummaryRow], hdi_prob: f64) -> String {
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    markdown_with_names(rows, &names, hdi_prob)
}

/// [`summary_markdown`] with `names[i]` in the first column of row `i`.
pub(crate) fn markdown_with_names<S: AsRef<str>>(
    rows: &[SummaryRow],
    names: &[S],
    hdi_prob: f64,
) -> String {
    let (low, high) = hdi_labels(hdi_prob);
    let mut out = format!(
        "| | mean | sd | {low} | {high} | mcse_mean | mcse_sd | ess_bulk | ess_tail | r_hat |\n"
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (r, name) in rows.iter().zip(names) {
        let cells = [
            sig(r.mean, 3),
            sig(r.sd, 3),
            sig(r.hdi_low, 3),
            sig(r.hdi_high, 3),
            sig(r.mcse_mean, 3),
            sig(r.mcse_sd, 3),
            fixed(r.ess_bulk.round(), 0),
            fixed(r.ess_tail.round(), 0),
            fixed(r.r_hat, 2),
        ];
        out.push_str(&format!("| {} | {} |\n", name.as_ref(), cells.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> SummaryRow {
        SummaryRow {
            name: "tau".to_string(),
            mean: 3.59876,
            sd: -0.0,
            hdi_low: -0.000123449,
            hdi_high: 12_345.6,
            mcse_mean: 0.0312,
            mcse_sd: f64::NAN,
            ess_bulk: 1234.5,
            ess_tail: 87.4999,
            r_hat: 1.005,
        }
    }

    #[test]
    fn markdown_is_exact() {
        let table = summary_markdown(&[row()], 0.89);
        let want = "| | mean | sd | hdi_5.5% | hdi_94.5% | mcse_mean | mcse_sd | ess_bulk | ess_tail | r_hat |\n\
                    |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
                    | tau | 3.60 | 0 | -0.000123 | 12300 | 0.0312 | NaN | 1235 | 87 | 1.00 |\n";
        assert_eq!(table, want);
    }

    #[test]
    fn constant_draws_do_not_panic() {
        let r = summarize("c", &[vec![2.0; 10], vec![2.0; 10]], 0.94);
        assert_eq!((r.mean, r.sd, r.mcse_mean), (2.0, 0.0, 0.0));
        assert_eq!((r.ess_bulk, r.ess_tail), (20.0, 20.0));
        assert!(r.r_hat.is_nan() && r.mcse_sd.is_nan());
    }
}
