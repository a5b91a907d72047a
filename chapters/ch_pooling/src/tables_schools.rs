//! Tables and sentences of the twenty schools: how well the fit recovers
//! the truth, our priors beside rstanarm's, and the truth of both
//! simulations.

use crate::numbers::rms_error;
use crate::{HDI_PROB, INSTRUCTOR_PRIORS, Outcome, SCHOOL_PRIORS, group_estimates};
use anyhow::Result;
use diagnostics::sig;
use diagnostics::{mean, sd};
use figures::markdown_table;
use models::normal_groups::simulate::{EFFECT_SD, NOISE_SD, TRUE_MU, TRUE_SIGMA, TRUE_TAU};

/// How well the twenty-schools fit recovers the truth, in words.
pub fn schools_sentence(o: &Outcome) -> Result<String> {
    let s = &o.schools;
    let j = s.truth.len();
    let e = group_estimates(&o.schools_fit, j)?;
    let inside = e.iter().zip(&s.truth).filter(|((_, lo, hi), t)| lo <= *t && *t <= hi).count();
    let post: Vec<f64> = e.iter().map(|x| x.0).collect();
    let (rms_post, rms_raw) = (rms_error(&post, &s.truth), rms_error(&s.data.means, &s.truth));
    let sizes: Vec<f64> = s.data.sizes.iter().map(|&n| n as f64).collect();
    Ok(format!(
        "The schools have {} to {} students ({} in all). The twenty effects drawn have \
         standard deviation {} (the population's is {EFFECT_SD}). {inside} of the {j} true \
         school means lie inside their {:.0}% intervals. The posterior means miss the true \
         means by {} points (root mean square), the raw school means by {}.\n",
        sizes.iter().copied().fold(f64::INFINITY, f64::min),
        sizes.iter().copied().fold(0.0, f64::max),
        s.data.num_obs(),
        sig(sd(&s.truth), 3),
        100.0 * HDI_PROB,
        sig(rms_post, 3),
        sig(rms_raw, 3),
    ))
}

/// Our priors for the twenty schools beside rstanarm's autoscaled defaults.
pub fn priors_table(o: &Outcome) -> Result<String> {
    let all: Vec<f64> = o.schools.groups.concat();
    let (ybar, sdy) = (mean(&all), sd(&all));
    let p = SCHOOL_PRIORS;
    let rows = vec![
        vec![
            "grand mean mu (intercept)".into(),
            format!("Normal({}, {})", p.mu_mean, p.mu_sd),
            "Normal(mean(y), 2.5 sd(y))".into(),
            format!("Normal({}, {})", sig(ybar, 3), sig(2.5 * sdy, 3)),
        ],
        vec![
            "residual sd sigma".into(),
            format!("HalfNormal({})", p.sigma_scale),
            "Exponential(rate 1 / sd(y))".into(),
            format!("Exponential(rate {}), mean {}", sig(1.0 / sdy, 3), sig(sdy, 3)),
        ],
        vec![
            "between-school sd tau".into(),
            format!("HalfNormal({})", p.tau_scale),
            "sigma × Exponential(1)".into(),
            "sigma × Exponential(1)".into(),
        ],
    ];
    Ok(markdown_table(
        &["parameter", "this chapter", "rstanarm default", "rstanarm default with these data"],
        &rows,
    )?)
}

/// The truth of the simulations, for the page.
pub fn truth_sentence() -> String {
    format!(
        "Truth of the instructor simulation: population mean {TRUE_MU}, spread between \
         instructors {TRUE_TAU}, spread within a section {TRUE_SIGMA}; priors \
         mu ~ Normal({}, {}), tau ~ HalfNormal({}), sigma ~ HalfNormal({}). Truth of the \
         twenty schools: effects Normal(0, {EFFECT_SD}), students' noise sd {NOISE_SD}.\n",
        INSTRUCTOR_PRIORS.mu_mean,
        INSTRUCTOR_PRIORS.mu_sd,
        INSTRUCTOR_PRIORS.tau_scale,
        INSTRUCTOR_PRIORS.sigma_scale,
    )
}
