//! Did a fit recover the truth its data were simulated from? For each
//! parameter with a known true value: the posterior mean and sd, the central
//! 95% interval, whether the interval covers the truth, and how far the truth
//! lies from the posterior mean in posterior sds.
//!
//! The count of covered intervals is not tested against a binomial: the
//! truths here are fixed, not drawn from the priors, so 95% coverage is not
//! promised for them, and the indicators of one fit are dependent (the
//! parameters share data and hyperparameters). Calibration over prior draws,
//! as in the SBC appendix, is the test with a known answer.

use crate::{Outcome, Simulations};
use anyhow::Result;
pub use diagnostics::{Estimate, TruthCheck, coverage, misses};
use diagnostics::{MissingParameter, sig};
use figures::markdown_table;
use sampler::Fit;

/// Probability of the central intervals used throughout the chapter.
pub const INTERVAL: f64 = 0.95;

/// The probability outside the central interval on each side.
const TAIL: f64 = (1.0 - INTERVAL) / 2.0;

/// Posterior mean, sd and central [`INTERVAL`] of parameter `name` from
/// `fit`; a name the fit lacks is an error naming it.
pub fn estimate(fit: &Fit, name: &str) -> Result<Estimate, MissingParameter> {
    Estimate::named(fit, name, (TAIL, 1.0 - TAIL))
}

/// Checks of `fit` for each `(name, truth)`, with [`INTERVAL`] intervals.
pub fn checks_of(model: &'static str, fit: &Fit, truths: &[(String, f64)]) -> Vec<TruthCheck> {
    diagnostics::truth_checks(model, fit, truths, (TAIL, 1.0 - TAIL))
}

/// `(name.i, values[i − 1])` pairs.
fn indexed(name: &str, values: &[f64]) -> Vec<(String, f64)> {
    values.iter().enumerate().map(|(i, v)| (format!("{name}.{}", i + 1), *v)).collect()
}

/// Model labels of the simulation studies, in page order.
pub const SIMULATION_MODELS: [&str; 5] =
    ["heights", "one school", "five schools, unpooled", "five schools, pooled", "three levels"];

// ANCHOR: truths
/// Every check of the simulation studies (heights to three levels). The
/// Beta shapes `alpha_bar`, `beta_bar` are left out: the source's priors,
/// `Normal(3, 0.5)` and `Normal(1, 0.3)`, put the shapes of the simulations,
/// 37.5 and 12.5 or 22.5 and 7.5, dozens of prior sds away, so their
/// posteriors stay near the prior and cannot be expected to cover them.
pub fn simulation_checks(o: &Simulations) -> Vec<TruthCheck> {
    use models::beta_multilevel::simulate::{
        FIVE_SCHOOLS_TRUTH, HEIGHTS_TRUTH, THREE_LEVELS_TRUTH,
    };
    let (h, fit) = &o.heights;
    let mut truths = indexed("mu_country", &h.country_means);
    truths.push(("alpha_bar".into(), HEIGHTS_TRUTH.grand_mean));
    truths.push(("sigma".into(), HEIGHTS_TRUTH.person_sd));
    let mut all = checks_of(SIMULATION_MODELS[0], fit, &truths);

    let (one, fit) = &o.one_school;
    let truths = vec![("mu".into(), one.mu), ("nu".into(), one.nu)];
    all.extend(checks_of(SIMULATION_MODELS[1], fit, &truths));

    let (five, unpooled, pooled) = &o.five_schools;
    let mut truths = indexed("mu_school", &five.school_means);
    truths.extend(indexed("nu_school", &[FIVE_SCHOOLS_TRUTH.2; 5]));
    all.extend(checks_of(SIMULATION_MODELS[2], unpooled, &truths));
    all.extend(checks_of(SIMULATION_MODELS[3], pooled, &truths));

    let (three, fit) = &o.three_levels;
    let t = THREE_LEVELS_TRUTH;
    let mut truths = indexed("mu_district", &three.district_means);
    truths.extend(indexed("nu_district", &vec![t.district_nu; t.districts]));
    truths.extend(indexed("mu_school", &three.school_means));
    truths.extend(indexed("nu_school", &vec![t.student_nu; three.school_means.len()]));
    all.extend(checks_of(SIMULATION_MODELS[4], fit, &truths));
    all
}
// ANCHOR_END: truths

/// Checks of the school means of each exam fit, when the data were simulated.
pub fn exam_checks(o: &Outcome) -> Vec<TruthCheck> {
    let truths: Option<Vec<f64>> = o.exam.selection.schools.iter().map(|s| s.true_mean).collect();
    let Some(truths) = truths else {
        return Vec::new();
    };
    let truths = indexed("school_mu", &truths);
    o.exam
        .fits
        .iter()
        .flat_map(|(pooling, fit)| checks_of(crate::pooling_label(*pooling), fit, &truths))
        .collect()
}

/// What happened to the truths the intervals missed: each miss as
/// `name (z)` when there are at most three, else their number and the range
/// of `|z|`, where z is the truth's distance from the posterior mean in sds.
fn describe_misses(checks: &[TruthCheck]) -> String {
    let missed = misses(checks);
    if missed.is_empty() {
        return "—".into();
    }
    if missed.len() <= 3 {
        let each: Vec<String> =
            missed.iter().map(|c| format!("{} ({})", c.name, sig(c.z(), 2))).collect();
        return each.join(", ");
    }
    let (lo, hi) = figures::stat::extent(missed.iter().map(|c| c.z().abs()));
    format!("{} misses, |z| from {} to {}", missed.len(), sig(lo, 2), sig(hi, 2))
}

/// Recovery of the true values, fit by fit: how many intervals cover their
/// truth, and how far outside the misses fall.
pub fn recovery_table(o: &Outcome) -> Result<String> {
    let sims = simulation_checks(&o.sims);
    let exams = exam_checks(o);
    let mut models: Vec<&'static str> = Vec::new();
    for c in sims.iter().chain(&exams) {
        if !models.contains(&c.model) {
            models.push(c.model);
        }
    }
    let mut rows = Vec::new();
    for m in models {
        let checks: Vec<TruthCheck> =
            sims.iter().chain(&exams).filter(|c| c.model == m).cloned().collect();
        let label = if exams.iter().any(|c| c.model == m) {
            format!("exam averages, {m}")
        } else {
            m.to_string()
        };
        let (k, n) = coverage(&checks);
        rows.push(vec![label, n.to_string(), k.to_string(), describe_misses(&checks)]);
    }
    Ok(markdown_table(
        &[
            "fit",
            "parameters with a known truth",
            "inside their 95% interval",
            "missed: parameter (z = (truth − mean) / sd)",
        ],
        &rows,
    )?)
}
