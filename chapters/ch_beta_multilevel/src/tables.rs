//! The markdown tables and sentences of the simulation studies, the
//! recovery and diagnostics tables, and the console report.

use crate::recovery::{estimate, recovery_table};
use crate::{Outcome, named_fits, prior_check, tables_exam};
use anyhow::Result;
use chapter_support::{OutputDir, worst_convergence};
use diagnostics::{ess_bulk, mean, rhat, sd, sig};
use figures::markdown_table;
use models::beta_multilevel::simulate::FIVE_SCHOOLS_TRUTH;
use sampler::Fit;

/// `mean [low, high]` of a parameter, to 3 significant digits.
pub(crate) fn interval_cell(fit: &Fit, name: &str) -> Result<String> {
    let e = estimate(fit, name)?;
    Ok(format!("{} [{}, {}]", sig(e.mean, 3), sig(e.low, 3), sig(e.high, 3)))
}

/// One row: parameter, truth, posterior mean, 95% interval, R-hat, bulk ESS.
fn param_row(fit: &Fit, name: &str, truth: Option<f64>) -> Result<Vec<String>> {
    let e = estimate(fit, name)?;
    let chains = fit.try_chains_by_name(name)?;
    Ok(vec![
        name.to_string(),
        truth.map_or("—".into(), |t| sig(t, 4)),
        sig(e.mean, 4),
        format!("[{}, {}]", sig(e.low, 4), sig(e.high, 4)),
        format!("{:.3}", rhat(&chains)),
        format!("{:.0}", ess_bulk(&chains)),
    ])
}

const PARAM_HEADER: [&str; 6] =
    ["parameter", "true value", "posterior mean", "95% interval", "R-hat", "bulk ESS"];

fn heights(out: &OutputDir, o: &Outcome) -> Result<()> {
    use models::beta_multilevel::simulate::HEIGHTS_TRUTH;
    let (data, fit) = &o.sims.heights;
    let mut rows = Vec::new();
    for (i, m) in data.country_means.iter().enumerate() {
        rows.push(param_row(fit, &format!("mu_country.{}", i + 1), Some(*m))?);
    }
    rows.push(param_row(fit, "alpha_bar", Some(HEIGHTS_TRUTH.grand_mean))?);
    rows.push(param_row(fit, "sigma", Some(HEIGHTS_TRUTH.person_sd))?);
    rows.push(param_row(fit, "sigma_country", None)?);
    out.write("heights.md", &markdown_table(&PARAM_HEADER, &rows)?)?;
    let sc = fit.pooled_named("sigma_country")?;
    out.write(
        "heights_sigma_country.md",
        &format!(
            "Its draws have mean {} and standard deviation {}; the Exponential(1) prior has \
             mean 1 and standard deviation 1 (shifted by the 0.001 lower bound).\n",
            sig(mean(&sc), 3),
            sig(sd(&sc), 3)
        ),
    )?;
    Ok(())
}

fn one_school(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, fit) = &o.sims.one_school;
    let (a, b) = models::beta_multilevel::beta::shapes(data.mu, data.nu);
    let rows = [("mu", data.mu), ("nu", data.nu), ("a", a), ("b", b)]
        .iter()
        .map(|(n, t)| param_row(fit, n, Some(*t)))
        .collect::<Result<Vec<_>>>()?;
    out.write("one_school.md", &markdown_table(&PARAM_HEADER, &rows)?)?;
    Ok(())
}

fn five_schools(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, unpooled, pooled) = &o.sims.five_schools;
    let mut rows = Vec::new();
    for (i, (truth, scores)) in data.school_means.iter().zip(&data.scores).enumerate() {
        let name = format!("mu_school.{}", i + 1);
        let (u, p) = (estimate(unpooled, &name)?, estimate(pooled, &name)?);
        rows.push(vec![
            (i + 1).to_string(),
            sig(*truth, 3),
            sig(mean(scores), 3),
            interval_cell(unpooled, &name)?,
            interval_cell(pooled, &name)?,
            sig(p.mean - u.mean, 2),
        ]);
    }
    let header = [
        "school",
        "true mean",
        "sample mean",
        "unpooled: mean [95%]",
        "pooled: mean [95%]",
        "pooled − unpooled",
    ];
    out.write("five_schools.md", &markdown_table(&header, &rows)?)?;
    out.write("five_schools_hyper.md", &five_schools_hyper(o)?)?;
    out.write("five_schools_shrinkage.md", &five_schools_shrinkage(o)?)?;
    Ok(())
}

/// The pooled model's hyperparameters against their priors and the truth.
fn five_schools_hyper(o: &Outcome) -> Result<String> {
    use models::beta_multilevel::schools::HYPER;
    let (_, _, pooled) = &o.sims.five_schools;
    let ((pop_mu, pop_nu), _, student_nu, _) = FIVE_SCHOOLS_TRUTH;
    let normal = |(m, s): (f64, f64)| format!("Normal({m}, {s})");
    let rows = [
        ("alpha_bar", normal(HYPER[0]), sig(pop_mu * pop_nu, 3)),
        ("beta_bar", normal(HYPER[1]), sig((1.0 - pop_mu) * pop_nu, 3)),
        ("nu_bar", normal(HYPER[2]), format!("{student_nu} (every school)")),
        ("sigma_nu", "Exponential(1)".into(), "0".into()),
    ];
    let row = |(name, prior, truth): (&str, String, String)| -> Result<Vec<String>> {
        Ok(vec![name.into(), prior, truth, interval_cell(pooled, name)?])
    };
    let rows = rows.into_iter().map(row).collect::<Result<Vec<_>>>()?;
    Ok(markdown_table(&["hyperparameter", "prior", "true value", "posterior: mean [95%]"], &rows)?)
}

/// Why pooling moved so little: the prior each model puts on the school
/// means, and the weight a normal approximation gives it against a school's
/// own data, `s²/(s² + τ²)`.
fn five_schools_shrinkage(o: &Outcome) -> Result<String> {
    use models::beta_multilevel::schools::MU_PRIOR;
    let (_, unpooled, pooled) = &o.sims.five_schools;
    let (a, b) = (pooled.pooled_named("alpha_bar")?, pooled.pooled_named("beta_bar")?);
    let n = a.len() as f64;
    let beta_sd =
        |(a, b): (f64, f64)| models::beta_multilevel::beta::variance(a / (a + b), a + b).sqrt();
    let fitted_mean = a.iter().zip(&b).map(|(a, b)| a / (a + b)).sum::<f64>() / n;
    let fitted_sd = a.iter().zip(&b).map(|(a, b)| beta_sd((*a, *b))).sum::<f64>() / n;
    // The typical school's own uncertainty: median posterior sd, unpooled.
    let schools = 1..=o.sims.five_schools.0.school_means.len();
    let sd_of = |j| estimate(unpooled, &format!("mu_school.{j}")).map(|e| e.sd);
    let sds = schools.map(sd_of).collect::<Result<Vec<_>, _>>()?;
    let s = diagnostics::quantile(&sds, 0.5);
    let ((mu, nu), ..) = FIVE_SCHOOLS_TRUTH;
    let truth = models::beta_multilevel::beta::shapes(mu, nu);
    let row = |what: String, mean: f64, sd: f64| {
        vec![what, sig(mean, 3), sig(sd, 2), sig(s * s / (s * s + sd * sd), 2)]
    };
    let rows = vec![
        row(
            format!("unpooled: Beta({}, {}), fixed", MU_PRIOR.0, MU_PRIOR.1),
            MU_PRIOR.0 / (MU_PRIOR.0 + MU_PRIOR.1),
            beta_sd(MU_PRIOR),
        ),
        row("pooled: Beta(alpha_bar, beta_bar), fitted".into(), fitted_mean, fitted_sd),
        row(format!("the truth: Beta({}, {})", truth.0, truth.1), mu, beta_sd(truth)),
    ];
    let table = markdown_table(
        &["prior on the school means", "mean", "sd τ", "weight s²/(s² + τ²)"],
        &rows,
    )?;
    Ok(format!(
        "A school's own data pin its mean down to a posterior standard deviation of \
         s ≈ {} (median over the unpooled fits). For the pooled fit, mean and τ are averaged \
         over the draws of alpha_bar and beta_bar.\n\n{table}",
        sig(s, 2)
    ))
}

fn three_levels(out: &OutputDir, o: &Outcome) -> Result<()> {
    use models::beta_multilevel::simulate::THREE_LEVELS_TRUTH;
    let (data, fit) = &o.sims.three_levels;
    let mut rows = Vec::new();
    for (k, m) in data.district_means.iter().enumerate() {
        rows.push(vec![
            (k + 1).to_string(),
            sig(*m, 3),
            interval_cell(fit, &format!("mu_district.{}", k + 1))?,
            sig(THREE_LEVELS_TRUTH.district_nu, 3),
            interval_cell(fit, &format!("nu_district.{}", k + 1))?,
        ]);
    }
    let header =
        ["district", "true mean", "mu_district: mean [95%]", "true nu", "nu_district: mean [95%]"];
    out.write("three_levels_districts.md", &markdown_table(&header, &rows)?)?;
    let mut rows = Vec::new();
    let mut within = vec![0usize; data.district_means.len()];
    for (i, m) in data.school_means.iter().enumerate() {
        let k = data.district_of[i];
        within[k] += 1;
        rows.push(vec![
            format!("{}.{}", k + 1, within[k]),
            sig(*m, 3),
            interval_cell(fit, &format!("mu_school.{}", i + 1))?,
            interval_cell(fit, &format!("nu_school.{}", i + 1))?,
        ]);
    }
    let header = [
        "district.school",
        "true mean",
        "mu_school: mean [95%]",
        &format!("nu_school (true {}): mean [95%]", THREE_LEVELS_TRUTH.student_nu),
    ];
    out.write("three_levels_schools.md", &markdown_table(&header, &rows)?)?;
    Ok(())
}

/// Sampler health of every fit.
pub fn diagnostics_table(o: &Outcome) -> Result<String> {
    let mut rows = Vec::new();
    for (name, fit) in named_fits(o) {
        let (min_ess, max_rhat) = worst_convergence(fit);
        rows.push(vec![
            name.replace('_', " "),
            fit.param_names.len().to_string(),
            fit.num_divergent().to_string(),
            format!("{max_rhat:.3}"),
            format!("{min_ess:.0}"),
            fit.gradient_evaluations().to_string(),
        ]);
    }
    Ok(markdown_table(
        &[
            "fit",
            "reported values",
            "divergent",
            "largest R-hat",
            "smallest bulk ESS",
            "gradient evaluations",
        ],
        &rows,
    )?)
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    heights(out, o)?;
    out.write("prior_predictive.md", &prior_check::table(o)?)?;
    one_school(out, o)?;
    five_schools(out, o)?;
    three_levels(out, o)?;
    out.write("recovery.md", &recovery_table(o)?)?;
    out.write("diagnostics.md", &diagnostics_table(o)?)?;
    tables_exam::write_all(out, o)?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = format!("Beta models and a three-level hierarchy (seed {})\n\n", o.seed);
    for (title, table) in [
        ("Recovery of the simulated truths", recovery_table(o)),
        ("Sampler diagnostics", diagnostics_table(o)),
    ] {
        s.push_str(&format!("{title}:\n\n"));
        match table {
            Ok(t) => s.push_str(&t),
            Err(e) => s.push_str(&format!("(unavailable: {e})\n")),
        }
        s.push('\n');
    }
    Ok(s)
}
