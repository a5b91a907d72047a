//! The chapter's markdown tables and sentences, and its console report.

use crate::eda::FiveNumbers;
use crate::reference::{HYPER, Reference, agreement};
use crate::summaries::{stan_markdown, stan_summary};
use crate::{CHECKED_SCHOOLS, Outcome, source};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{ess_bulk, ess_tail, fixed, quantile, rhat, sig};
use figures::markdown_table;
use loo::{Comparison, KhatCategory};
use models::hsb::fits::ModelKind;
use sampler::Fit;

/// Names of the hyperparameters plus two schools' lines (schools 1 and 10,
/// as the source prints them).
fn partial_names() -> Vec<&'static str> {
    let mut names = HYPER.to_vec();
    names.extend(["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10"]);
    names
}

/// One sentence describing the data set.
pub fn data_sentence(o: &Outcome) -> String {
    let s = &o.eda.sizes;
    format!(
        "The file holds {} students in {} schools; schools have between {} and {} students \
         (median {}, mean {}).\n",
        o.data.len(),
        o.data.num_schools(),
        sig(s.min, 2),
        sig(s.max, 2),
        sig(s.median, 2),
        sig(s.mean, 4),
    )
}

/// R's `summary()` of math achievement, SES and school size.
pub fn data_summary(o: &Outcome) -> Result<String> {
    let row = |name: &str, f: &FiveNumbers| -> Vec<String> {
        let mut v = vec![name.to_string()];
        v.extend([f.min, f.q1, f.median, f.mean, f.q3, f.max].map(|x| sig(x, 4)));
        v
    };
    Ok(markdown_table(
        &[
            "",
            "min",
            "1st quartile",
            "median",
            "mean",
            "3rd quartile",
            "max",
        ],
        &[
            row("math achievement", &o.eda.math),
            row("SES", &o.eda.ses),
            row("students per school", &o.eda.sizes),
        ],
    )?)
}

/// The sampled schools, as a sentence.
pub fn sample_sentence(o: &Outcome) -> String {
    let list: Vec<String> = o
        .eda
        .sample
        .iter()
        .map(|&j| {
            format!(
                "{} (id {}, {} students)",
                j + 1,
                o.data.school_ids[j],
                o.data.sizes[j]
            )
        })
        .collect();
    format!("The sampled schools are {}.\n", list.join(", "))
}

/// `summary(lm(mathach ~ ses))`: coefficients, residual quantiles and fit statistics.
pub fn ols_complete(o: &Outcome) -> Result<String> {
    let f = &o.ols_complete;
    let coef_rows: Vec<Vec<String>> = ["(Intercept)", "ses"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            vec![
                name.to_string(),
                fixed(f.coef[i], 5),
                fixed(f.se[i], 5),
                fixed(f.coef[i] / f.se[i], 2),
            ]
        })
        .collect();
    let mut s = String::from("**Coefficients.**\n\n");
    s.push_str(&markdown_table(
        &["", "Estimate", "Std. Error", "t value"],
        &coef_rows,
    )?);
    s.push_str("\n**Residuals** (points of maths achievement).\n\n");
    let r = FiveNumbers::of(&f.residuals);
    s.push_str(&markdown_table(
        &["", "min", "1st quartile", "median", "3rd quartile", "max"],
        &[vec![
            "residual".to_string(),
            fixed(r.min, 4),
            fixed(r.q1, 4),
            fixed(r.median, 4),
            fixed(r.q3, 4),
            fixed(r.max, 4),
        ]],
    )?);
    s.push_str(&format!(
        "\nResidual standard error: {} on {} degrees of freedom; R²: {}, adjusted R²: {}.\n",
        sig(f.sigma, 4),
        f.df,
        sig(f.r_squared, 4),
        sig(f.adj_r_squared, 4),
    ));
    Ok(s)
}

/// The no-pooling least-squares lines of the first ten schools.
pub fn ols_no_pooling(o: &Outcome) -> Result<String> {
    let f = &o.ols_no_pooling;
    let rows: Vec<Vec<String>> = (0..10.min(o.data.num_schools()))
        .map(|j| {
            vec![
                (j + 1).to_string(),
                o.data.school_ids[j].to_string(),
                o.data.sizes[j].to_string(),
                fixed(f.intercept[j], 4),
                fixed(f.intercept_se[j], 4),
                fixed(f.slope[j], 4),
                fixed(f.slope_se[j], 4),
            ]
        })
        .collect();
    let mut s = markdown_table(
        &["school", "id", "students", "intercept", "SE", "slope", "SE"],
        &rows,
    )?;
    s.push_str(&format!(
        "\nPooled residual standard error: {} on {} degrees of freedom ({} coefficients).\n",
        sig(f.sigma, 4),
        f.df,
        2 * o.data.num_schools()
    ));
    Ok(s)
}

/// Sampler health of every fit: divergences, cost, worst ESS and R-hat.
pub fn sampling_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = o
        .fits
        .iter()
        .map(|m| {
            let fit = &m.fit;
            let leapfrog: Vec<f64> = fit
                .chains
                .iter()
                .flat_map(|c| c.stats.iter().map(|s| s.n_leapfrog as f64))
                .collect();
            let (mut min_ess, mut max_rhat) = (f64::INFINITY, 0.0f64);
            for i in 0..fit.param_names.len() {
                let chains = fit.chains_of(i);
                min_ess = min_ess.min(ess_bulk(&chains));
                max_rhat = max_rhat.max(rhat(&chains));
            }
            let steps: Vec<f64> = fit.chains.iter().map(|c| c.step_size).collect();
            let lo = steps.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = steps.iter().copied().fold(0.0, f64::max);
            vec![
                m.kind.label().to_string(),
                fit.param_names.len().to_string(),
                fit.num_divergent().to_string(),
                sig(fit.settings.target_accept, 2),
                fit.gradient_evaluations().to_string(),
                sig(leapfrog.iter().sum::<f64>() / leapfrog.len() as f64, 3),
                format!("{}–{}", sig(lo, 2), sig(hi, 2)),
                fixed(min_ess.round(), 0),
                fixed(max_rhat, 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "parameters",
            "divergent",
            "target acceptance",
            "gradient evaluations",
            "leapfrog steps per draw",
            "step size",
            "lowest bulk-ESS",
            "highest R-hat",
        ],
        &rows,
    )?)
}

/// Centred against non-centred partial pooling, hyperparameter by hyperparameter.
pub fn centring_table(o: &Outcome) -> Result<String> {
    let (c, n) = (o.fit(ModelKind::Centred), o.fit(ModelKind::NonCentred));
    let per_kgrad = |fit: &Fit, ess: f64| sig(1000.0 * ess / fit.gradient_evaluations() as f64, 3);
    let rows: Vec<Vec<String>> = HYPER
        .iter()
        .map(|name| -> Result<Vec<String>> {
            let (cc, nc) = (c.try_chains_by_name(name)?, n.try_chains_by_name(name)?);
            let (ec, en) = (ess_bulk(&cc), ess_bulk(&nc));
            Ok(vec![
                name.to_string(),
                fixed(ec.round(), 0),
                fixed(en.round(), 0),
                fixed(ess_tail(&cc).round(), 0),
                fixed(ess_tail(&nc).round(), 0),
                fixed(rhat(&cc), 3),
                fixed(rhat(&nc), 3),
                per_kgrad(c, ec),
                per_kgrad(n, en),
            ])
        })
        .collect::<Result<_>>()?;
    Ok(markdown_table(
        &[
            "parameter",
            "bulk-ESS centred",
            "bulk-ESS non-centred",
            "tail-ESS centred",
            "tail-ESS non-centred",
            "R-hat centred",
            "R-hat non-centred",
            "ESS per 1000 gradients, centred",
            "ESS per 1000 gradients, non-centred",
        ],
        &rows,
    )?)
}

/// The default non-centred run against the committed long reference run.
pub fn reference_table(o: &Outcome) -> Result<String> {
    let reference = Reference::committed()?;
    let rows: Vec<Vec<String>> = agreement(o.fit(ModelKind::NonCentred), &reference)?
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                sig(a.reference_mean, 5),
                sig(a.reference_mcse, 2),
                sig(a.mean, 5),
                sig(a.mcse, 2),
                format!("{:+.2}", a.z),
            ]
        })
        .collect();
    let mut s = markdown_table(
        &[
            "parameter",
            "reference mean",
            "reference MCSE",
            "this run's mean",
            "this run's MCSE",
            "difference / combined MCSE",
        ],
        &rows,
    )?;
    s.push_str(&format!("\nReference: {}.\n", reference.description));
    Ok(s)
}

/// Observed mean against the replicated means, per model.
pub fn ppc_mean_table(o: &Outcome) -> Result<String> {
    let observed = o.eda.math.mean;
    let rows: Vec<Vec<String>> = ModelKind::COMPARED
        .iter()
        .map(|&k| {
            let m = &o.check(k).rep_means;
            let above = m.iter().filter(|&&v| v >= observed).count() as f64 / m.len() as f64;
            vec![
                k.label().to_string(),
                sig(observed, 5),
                sig(quantile(m, 0.5), 5),
                format!(
                    "[{}, {}]",
                    sig(quantile(m, 0.025), 5),
                    sig(quantile(m, 0.975), 5)
                ),
                fixed(above, 3),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "observed mean",
            "replicated mean (median)",
            "95% interval",
            "P(replicated ≥ observed)",
        ],
        &rows,
    )?)
}

/// Share of students inside their 95% posterior predictive interval.
pub fn coverage_table(o: &Outcome) -> Result<String> {
    let rows: Vec<Vec<String>> = ModelKind::COMPARED
        .iter()
        .map(|&k| vec![k.label().to_string(), fixed(o.check(k).coverage, 3)])
        .collect();
    Ok(markdown_table(
        &["model", "share inside the 95% interval"],
        &rows,
    )?)
}

/// School sizes of the per-school predictive checks.
pub fn checked_schools_sentence(o: &Outcome) -> String {
    let list: Vec<String> = CHECKED_SCHOOLS
        .iter()
        .filter(|&&j| j <= o.data.num_schools())
        .map(|&j| format!("school {j} has {} students", o.data.sizes[j - 1]))
        .collect();
    format!("In the data, {}.\n", list.join(", "))
}

/// PSIS-LOO of each model with its Pareto-k̂ counts.
pub fn loo_table(o: &Outcome) -> Result<String> {
    let c = &o.comparison;
    let rows: Vec<Vec<String>> = c
        .kinds
        .iter()
        .zip(&c.loo)
        .map(|(k, l)| {
            vec![
                k.label().to_string(),
                fixed(l.elpd_loo, 1),
                fixed(l.se, 1),
                fixed(l.p_loo, 1),
                fixed(l.looic, 1),
                fixed(2.0 * l.se, 1),
                l.count_k(KhatCategory::Good).to_string(),
                l.count_k(KhatCategory::Bad).to_string(),
                l.count_k(KhatCategory::VeryBad).to_string(),
            ]
        })
        .collect();
    let good_k = c.loo.first().map_or(0.7, |l| l.good_k);
    let mut s = markdown_table(
        &[
            "model",
            "elpd_loo",
            "SE",
            "p_loo",
            "looic",
            "SE(looic)",
            &format!("k̂ ≤ {}", sig(good_k, 2)),
            &format!("{} < k̂ ≤ 1", sig(good_k, 2)),
            "k̂ > 1",
        ],
        &rows,
    )?;
    s.push_str(&format!(
        "\nEach model has {} draws; the k̂ threshold for {} draws is {}.\n",
        c.loo.first().map_or(0, |l| l.num_draws),
        c.loo.first().map_or(0, |l| l.num_draws),
        sig(good_k, 2)
    ));
    Ok(s)
}

/// WAIC of each model and its warning count.
pub fn waic_table(o: &Outcome) -> Result<String> {
    let c = &o.comparison;
    let rows: Vec<Vec<String>> = c
        .kinds
        .iter()
        .zip(&c.waic)
        .map(|(k, w)| {
            vec![
                k.label().to_string(),
                fixed(w.elpd_waic, 1),
                fixed(w.se, 1),
                fixed(w.p_waic, 1),
                fixed(w.waic, 1),
                w.num_high_p_waic().to_string(),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "model",
            "elpd_waic",
            "SE",
            "p_waic",
            "waic",
            "observations with p_waic > 0.4",
        ],
        &rows,
    )?)
}

/// A ranking as R's `loo_compare` prints it (elpd_diff ≤ 0), with weights.
pub fn compare_table(c: &Comparison, with_weights: bool) -> Result<String> {
    let rows: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            let mut v = vec![r.name.clone(), fixed(-r.elpd_diff, 1), fixed(r.se_diff, 1)];
            if with_weights {
                v.push(fixed(r.weight, 3));
            }
            v
        })
        .collect();
    let mut header = vec!["model", "elpd_diff", "se_diff"];
    if with_weights {
        header.push("stacking weight");
    }
    Ok(markdown_table(&header, &rows)?)
}

/// The source's printed numbers beside ours.
pub fn source_table(o: &Outcome) -> Result<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (c, n) = (o.fit(ModelKind::Centred), o.fit(ModelKind::NonCentred));
    for (name, mean, n_eff, r_hat) in source::PARTIAL {
        let (cc, nc) = (c.try_chains_by_name(name)?, n.try_chains_by_name(name)?);
        let mean_nc = nc.concat().iter().sum::<f64>() / n.num_draws_total() as f64;
        rows.push(vec![
            format!("{name}: posterior mean"),
            sig(mean, 4),
            sig(mean_nc, 4),
        ]);
        rows.push(vec![
            format!("{name}: effective draws, centred"),
            fixed(n_eff.round(), 0),
            fixed(ess_bulk(&cc).round(), 0),
        ]);
        rows.push(vec![
            format!("{name}: R-hat, centred"),
            fixed(r_hat, 3),
            fixed(rhat(&cc), 3),
        ]);
    }
    let cmp = &o.comparison;
    // The source ranked three models: its differences and stacking weights are
    // compared with ours among the same three.
    let loo_of = |k: &ModelKind| {
        cmp.kinds
            .iter()
            .position(|c| c == k)
            .map(|i| &cmp.loo[i])
            .ok_or_else(|| anyhow::anyhow!("no LOO of {}", k.label()))
    };
    let named = ModelKind::COMPARED
        .iter()
        .map(|k| Ok((k.label(), loo_of(k)?)))
        .collect::<Result<Vec<_>>>()?;
    let three = loo::compare(&named)?;
    for (k, (looic, se, p)) in ModelKind::COMPARED.iter().zip(source::LOO.iter()) {
        let l = loo_of(k)?;
        rows.push(vec![
            format!("{}: looic (SE)", k.label()),
            format!("{} ({})", fixed(*looic, 1), fixed(*se, 1)),
            format!("{} ({})", fixed(l.looic, 1), fixed(2.0 * l.se, 1)),
        ]);
        rows.push(vec![
            format!("{}: p_loo", k.label()),
            fixed(*p, 1),
            fixed(l.p_loo, 1),
        ]);
    }
    for (k, (diff, se)) in [ModelKind::Complete, ModelKind::NoPooling]
        .iter()
        .zip(source::ELPD_DIFF)
    {
        if let Some(r) = three.rows.iter().find(|r| r.name == k.label()) {
            rows.push(vec![
                format!("{}: elpd_diff (se_diff)", k.label()),
                format!("{} ({})", fixed(diff, 1), fixed(se, 1)),
                format!("{} ({})", fixed(-r.elpd_diff, 1), fixed(r.se_diff, 1)),
            ]);
        }
    }
    for (k, w) in ModelKind::COMPARED.iter().zip(source::STACKING) {
        if let Some(r) = three.rows.iter().find(|r| r.name == k.label()) {
            rows.push(vec![
                format!("{}: stacking weight", k.label()),
                fixed(w, 3),
                fixed(r.weight, 3),
            ]);
        }
    }
    if let Some(w) = cmp
        .kinds
        .iter()
        .position(|k| *k == ModelKind::NoPooling)
        .map(|i| &cmp.waic[i])
    {
        rows.push(vec![
            "no pooling: observations with p_waic > 0.4".into(),
            source::NO_POOLING_HIGH_P_WAIC.to_string(),
            w.num_high_p_waic().to_string(),
        ]);
    }
    for (k, cov) in ModelKind::COMPARED.iter().zip(source::COVERAGE) {
        rows.push(vec![
            format!("{}: 95% interval coverage", k.label()),
            sig(cov, 3),
            fixed(o.check(*k).coverage, 3),
        ]);
    }
    Ok(markdown_table(
        &["quantity", "source (rstan, loo)", "this book"],
        &rows,
    )?)
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("data_sentence.md", &data_sentence(o))?;
    out.write("data_summary.md", &data_summary(o)?)?;
    out.write("sample_schools.md", &sample_sentence(o))?;
    out.write("ols_complete.md", &ols_complete(o)?)?;
    out.write("ols_no_pooling.md", &ols_no_pooling(o)?)?;
    let summary = |kind: ModelKind, names: &[&str]| -> Result<String> {
        Ok(stan_markdown(&stan_summary(o.fit(kind), names)?))
    };
    out.write(
        "summary_complete.md",
        &summary(ModelKind::Complete, &["beta_0", "beta_1", "sigma"])?,
    )?;
    out.write(
        "summary_no_pooling.md",
        &summary(
            ModelKind::NoPooling,
            &["beta_0.1", "beta_0.10", "beta_1.1", "beta_1.10", "sigma"],
        )?,
    )?;
    out.write(
        "summary_partial.md",
        &summary(ModelKind::NonCentred, &partial_names())?,
    )?;
    out.write(
        "summary_centred.md",
        &summary(ModelKind::Centred, &partial_names())?,
    )?;
    out.write("sampling.md", &sampling_table(o)?)?;
    out.write("centring.md", &centring_table(o)?)?;
    out.write("reference.md", &reference_table(o)?)?;
    out.write("ppc_mean.md", &ppc_mean_table(o)?)?;
    out.write("coverage.md", &coverage_table(o)?)?;
    out.write("checked_schools.md", &checked_schools_sentence(o))?;
    out.write("loo.md", &loo_table(o)?)?;
    out.write("waic.md", &waic_table(o)?)?;
    out.write(
        "compare_loo.md",
        &compare_table(&o.comparison.by_loo, true)?,
    )?;
    out.write(
        "compare_waic.md",
        &compare_table(&o.comparison.by_waic, false)?,
    )?;
    out.write("source_comparison.md", &source_table(o)?)?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = String::new();
    s.push_str(&data_sentence(o));
    let sections: [(&str, Result<String>); 6] = [
        ("Least squares, complete pooling", ols_complete(o)),
        ("Sampling", sampling_table(o)),
        (
            "Partial pooling (non-centred)",
            stan_summary(o.fit(ModelKind::NonCentred), &HYPER).map(|r| stan_markdown(&r)),
        ),
        ("Centred against non-centred", centring_table(o)),
        ("PSIS-LOO", loo_table(o)),
        (
            "Comparison by LOO",
            compare_table(&o.comparison.by_loo, true),
        ),
    ];
    for (title, table) in sections {
        s.push_str(&format!("\n{title}\n\n"));
        match table {
            Ok(t) => s.push_str(&t),
            Err(e) => s.push_str(&format!("(unavailable: {e})\n")),
        }
    }
    Ok(s)
}
