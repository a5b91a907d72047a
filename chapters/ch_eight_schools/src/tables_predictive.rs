//! Tables and sentences for the chapter's second half: the small-tau tail,
//! the posterior predictive check, the new school, and the covariate model.

use crate::Outcome;
use crate::covariate::{self, INTERVAL};
use crate::predictive::{STATISTIC_NAMES, mean_sd, share_at_or_above, statistics};
use anyhow::Result;
use diagnostics::{mean, median, quantile, sig};
use figures::markdown_table;
use models::eight_schools::{SCHOOLS, Y};
use models::eight_schools_covariate::{PRIVATE, TRUE_BETA, TRUE_MU, TRUE_TAU};
use models::normal_mixture::NormalMixture;

/// Index of School E (y = −1, sigma = 9) in the data.
pub const SCHOOL_E: usize = 4;

/// School E's effect in the fits' (CmdStan) naming.
pub(crate) const SCHOOL_E_NAME: &str = "theta.5";

/// Lower and upper tail probabilities of a central `INTERVAL` interval.
fn tails() -> (f64, f64) {
    let t = 0.5 * (1.0 - INTERVAL);
    (t, 1.0 - t)
}

fn interval(draws: &[f64]) -> (f64, f64) {
    let (lo, hi) = tails();
    (quantile(draws, lo), quantile(draws, hi))
}

fn exact_interval(m: &NormalMixture) -> (f64, f64) {
    let (lo, hi) = tails();
    (m.quantile(lo), m.quantile(hi))
}

/// An interval as `[lo, hi]`, both ends to 3 significant digits.
pub(crate) fn fmt_interval((lo, hi): (f64, f64)) -> String {
    format!("[{}, {}]", sig(lo, 3), sig(hi, 3))
}

/// Lower quantiles of tau: exact against both fits. The neck of the funnel
/// is where the centred fit falls short.
pub fn tau_tail_table(o: &Outcome) -> Result<String> {
    let probs = [0.01, 0.05, 0.1, 0.25, 0.5];
    let exact = |p| o.exact.tau_quantile(p);
    chapter_support::exact_quantile_table("tau", &probs, exact, &o.non_centred, &o.centred)
}

/// Replicated effects of each school against the observed one.
pub fn ppc_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = (0..Y.len())
        .map(|j| {
            let rep = &o.predictive.y_rep[j];
            let (mean, sd) = mean_sd(rep);
            let exact = o.exact.y_rep_marginal(j);
            vec![
                SCHOOLS[j].to_string(),
                format!("{}", Y[j]),
                sig(mean, 3),
                sig(sd, 3),
                fmt_interval(interval(rep)),
                sig(share_at_or_above(rep, Y[j]), 2),
                sig(1.0 - exact.cdf(Y[j]), 2),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "school",
            "observed y",
            "replicated mean",
            "replicated sd",
            "89% interval",
            "P(y_rep ≥ y)",
            "exact P(y_rep ≥ y)",
        ],
        &rows,
    )?)
}

/// Statistics of the whole replicated data set against the observed one.
pub fn ppc_statistics_table(o: &Outcome) -> Result<String> {
    let n = o.predictive.theta_new.len();
    let replicated: Vec<[f64; 3]> = (0..n)
        .map(|s| {
            let y: Vec<f64> = o.predictive.y_rep.iter().map(|r| r[s]).collect();
            statistics(&y)
        })
        .collect();
    let observed = statistics(&Y);
    let rows: Vec<Vec<String>> = STATISTIC_NAMES
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let t: Vec<f64> = replicated.iter().map(|r| r[k]).collect();
            vec![
                name.to_string(),
                sig(observed[k], 3),
                sig(mean_sd(&t).0, 3),
                fmt_interval(interval(&t)),
                sig(share_at_or_above(&t, observed[k]), 2),
            ]
        })
        .collect();
    Ok(markdown_table(
        &["statistic T", "T(y) observed", "mean of T(y_rep)", "89% interval", "P(T(y_rep) ≥ T(y))"],
        &rows,
    )?)
}

/// A new school's effect against School E's, from NUTS and exactly.
pub fn new_school_table(o: &Outcome) -> Result<String> {
    let e_draws = o.non_centred.pooled_named(SCHOOL_E_NAME)?;
    let (new_exact, e_exact) = (o.exact.new_school_marginal(), o.exact.theta_marginal(SCHOOL_E));
    // One column per (quantity, source): mean, sd, interval and its width.
    let column = |draws: Option<&[f64]>, exact: &NormalMixture| -> [String; 4] {
        let ((mean, sd), (lo, hi)) = match draws {
            Some(d) => (mean_sd(d), interval(d)),
            None => ((exact.mean(), exact.sd()), exact_interval(exact)),
        };
        [sig(mean, 3), sig(sd, 3), fmt_interval((lo, hi)), sig(hi - lo, 3)]
    };
    let columns = [
        column(Some(&o.predictive.theta_new), &new_exact),
        column(None, &new_exact),
        column(Some(&e_draws), &e_exact),
        column(None, &e_exact),
    ];
    let rows: Vec<Vec<String>> = ["mean", "sd", "89% interval", "width"]
        .iter()
        .enumerate()
        .map(|(r, name)| {
            std::iter::once(name.to_string()).chain(columns.iter().map(|c| c[r].clone())).collect()
        })
        .collect();
    Ok(markdown_table(
        &["", "new school, NUTS", "new school, exact", "School E, NUTS", "School E, exact"],
        &rows,
    )?)
}

/// The width ratio of the new school's interval to School E's, for the page.
pub fn new_school_sentence(o: &Outcome) -> Result<String> {
    let e_draws = o.non_centred.pooled_named(SCHOOL_E_NAME)?;
    let width = |(lo, hi): (f64, f64)| hi - lo;
    let ratio = width(interval(&o.predictive.theta_new)) / width(interval(&e_draws));
    let exact_ratio = width(exact_interval(&o.exact.new_school_marginal()))
        / width(exact_interval(&o.exact.theta_marginal(SCHOOL_E)));
    Ok(format!(
        "The new school's 89% interval is {} times as wide as School E's ({} exactly).\n",
        sig(ratio, 3),
        sig(exact_ratio, 3),
    ))
}

/// The simulated covariate data set, one row per school.
pub fn covariate_data_table(o: &Outcome) -> Result<String> {
    let d = &o.covariate.data;
    let rows: Vec<Vec<String>> = (0..d.y.len())
        .map(|i| {
            vec![
                (i + 1).to_string(),
                if d.x[i] == 1.0 { "private" } else { "public" }.to_string(),
                sig(d.y[i], 3),
                sig(d.sigma[i], 3),
            ]
        })
        .collect();
    Ok(markdown_table(&["school", "type", "y", "sigma"], &rows)?)
}

/// The covariate fit against the exact posterior and the truth.
pub fn covariate_table(o: &Outcome) -> Result<String> {
    let study = &o.covariate;
    let mut rows = Vec::new();
    for (name, truth, exact) in [
        ("mu", TRUE_MU, Some(&study.exact.mu)),
        ("beta", TRUE_BETA, Some(&study.exact.beta)),
        ("tau", TRUE_TAU, None),
    ] {
        let draws = study.fit.pooled_named(name)?;
        let (mean, sd) = mean_sd(&draws);
        let nuts = covariate::nuts_interval(&study.fit, name)?;
        let mut row = vec![
            name.to_string(),
            format!("{truth}"),
            format!("{} ({})", sig(mean, 3), sig(sd, 3)),
            fmt_interval(nuts),
        ];
        match exact {
            Some(m) => {
                row.push(format!("{} ({})", sig(m.mean(), 3), sig(m.sd(), 3)));
                row.push(fmt_interval(exact_interval(m)));
            }
            None => {
                let e = &study.exact;
                let (lo, hi) = tails();
                row.push(format!("{} ({})", sig(e.tau_mean, 3), sig(e.tau_sd, 3)));
                row.push(fmt_interval((e.tau_quantile(lo), e.tau_quantile(hi))));
            }
        }
        rows.push(row);
    }
    Ok(markdown_table(
        &[
            "parameter",
            "true value",
            "NUTS mean (sd)",
            "NUTS 89% interval",
            "exact mean (sd)",
            "exact 89% interval",
        ],
        &rows,
    )?)
}

/// How well beta is recovered, on this data set and over many, for the page.
pub fn covariate_sentence(o: &Outcome) -> String {
    let study = &o.covariate;
    let (lo, hi) = exact_interval(&study.exact.beta);
    let contains = if lo <= TRUE_BETA && TRUE_BETA <= hi { "contains" } else { "misses" };
    let reps = &study.replications;
    let covered = reps.iter().filter(|r| r.covers_truth()).count();
    let widths: Vec<f64> = reps.iter().map(|r| r.width()).collect();
    let means: Vec<f64> = reps.iter().map(|r| r.mean).collect();
    let excludes_zero = reps.iter().filter(|r| r.low > 0.0).count();
    format!(
        "On this data set the exact 89% interval for beta is {} wide and {} the true \
         value {}. Over {} simulated data sets of the same design ({} private schools), \
         the 89% interval covered the true beta {} times; its median width was {} points, \
         the posterior means of beta averaged {}, and only {} of the {} intervals lay \
         entirely above zero.\n",
        sig(hi - lo, 3),
        contains,
        TRUE_BETA,
        reps.len(),
        PRIVATE,
        covered,
        sig(median(&widths), 3),
        sig(mean(&means), 3),
        excludes_zero,
        reps.len(),
    )
}
