//! Did a fit recover the truth its data were simulated from? For each
//! parameter with a known true value: the posterior mean, the central 95%
//! interval, and whether the interval covers the truth; over many
//! parameters, the share covered against 95% with an exact binomial test.

use crate::{Outcome, Simulations};
use diagnostics::quantile;
use sampler::Fit;
use statrs::distribution::{Binomial, Discrete};

/// Probability of the central intervals used throughout the chapter.
pub const INTERVAL: f64 = 0.95;

/// Posterior mean and central [`INTERVAL`] of one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

/// The estimate of parameter `name` from `fit`; `None` if the fit has no
/// such parameter.
pub fn estimate(fit: &Fit, name: &str) -> Option<Estimate> {
    let i = fit.param_index(name)?;
    let draws = fit.pooled(i);
    let tail = (1.0 - INTERVAL) / 2.0;
    Some(Estimate {
        mean: draws.iter().sum::<f64>() / draws.len() as f64,
        low: quantile(&draws, tail),
        high: quantile(&draws, 1.0 - tail),
    })
}

/// One parameter whose true value is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Which fit.
    pub model: &'static str,
    /// Parameter name.
    pub name: String,
    /// The value the data were simulated with.
    pub truth: f64,
    /// What the fit says.
    pub estimate: Estimate,
}

impl Check {
    /// Whether the interval covers the truth.
    pub fn covered(&self) -> bool {
        (self.estimate.low..=self.estimate.high).contains(&self.truth)
    }
}

/// Checks of `fit` for each `(name, truth)`.
pub fn checks_of(model: &'static str, fit: &Fit, truths: &[(String, f64)]) -> Vec<Check> {
    truths
        .iter()
        .filter_map(|(name, truth)| {
            estimate(fit, name).map(|estimate| Check {
                model,
                name: name.clone(),
                truth: *truth,
                estimate,
            })
        })
        .collect()
}

/// `(name.i, values[i − 1])` pairs.
fn indexed(name: &str, values: &[f64]) -> Vec<(String, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("{name}.{}", i + 1), *v))
        .collect()
}

/// Model labels of the simulation studies, in page order.
pub const SIMULATION_MODELS: [&str; 5] = [
    "heights",
    "one school",
    "five schools, unpooled",
    "five schools, pooled",
    "three levels",
];

// ANCHOR: truths
/// Every check of the simulation studies (heights to three levels). The
/// Beta shapes `alpha_bar`, `beta_bar` are left out: the source's priors
/// (centred on 3 and 1, to stay vague about the school means) put the true
/// shapes, 37.5 and 12.5 or 22.5 and 7.5, far out in their tails.
pub fn simulation_checks(o: &Simulations) -> Vec<Check> {
    use crate::simulate::{FIVE_SCHOOLS_TRUTH, HEIGHTS_TRUTH, THREE_LEVELS_TRUTH};
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
    truths.extend(indexed(
        "nu_school",
        &vec![t.student_nu; three.school_means.len()],
    ));
    all.extend(checks_of(SIMULATION_MODELS[4], fit, &truths));
    all
}
// ANCHOR_END: truths

/// Checks of the school means of each exam fit, when the data were simulated.
pub fn exam_checks(o: &Outcome) -> Vec<Check> {
    let truths: Option<Vec<f64>> = o
        .exam
        .selection
        .schools
        .iter()
        .map(|s| s.true_mean)
        .collect();
    let Some(truths) = truths else {
        return Vec::new();
    };
    let truths = indexed("school_mu", &truths);
    o.exam
        .fits
        .iter()
        .flat_map(|(pooling, fit)| checks_of(crate::plots_exam::label(*pooling), fit, &truths))
        .collect()
}

/// Covered count, total, and the two-sided exact binomial p-value of the
/// covered count under coverage [`INTERVAL`].
pub fn coverage(checks: &[Check]) -> (usize, usize, f64) {
    let n = checks.len();
    let k = checks.iter().filter(|c| c.covered()).count();
    (k, n, binomial_two_sided(k as u64, n as u64, INTERVAL))
}

/// Exact two-sided binomial test: the probability, under `Binomial(n, p)`,
/// of an outcome no more likely than `k` (the "minimum likelihood" rule of
/// R's `binom.test`; Clopper & Pearson's companion test, see Agresti (2013),
/// *Categorical Data Analysis*, 3rd ed., §1.4).
pub fn binomial_two_sided(k: u64, n: u64, p: f64) -> f64 {
    let Ok(dist) = Binomial::new(p, n) else {
        return f64::NAN;
    };
    let observed = dist.pmf(k) * (1.0 + 1e-7);
    (0..=n)
        .map(|j| dist.pmf(j))
        .filter(|&q| q <= observed)
        .sum::<f64>()
        .min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomial_test_matches_known_values() {
        // R: binom.test(3, 10, 0.5)$p.value = 0.34375
        assert!((binomial_two_sided(3, 10, 0.5) - 0.34375).abs() < 1e-12);
        // The same rule summed independently in exact arithmetic: 0.0341088...
        let p = binomial_two_sided(90, 100, 0.95);
        assert!((p - 0.034_108_8).abs() < 1e-6, "{p}");
        assert!((binomial_two_sided(95, 100, 0.95) - 1.0).abs() < 1e-9);
    }
}
