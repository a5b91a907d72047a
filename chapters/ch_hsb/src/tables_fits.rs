//! Tables of the fits: least squares, the sampler's diagnostics, and
//! centred against non-centred partial pooling.

use crate::Outcome;
use crate::reference::HYPER;
use anyhow::Result;
use chapter_support::worst_convergence;
use diagnostics::{FiveNumbers, ess_bulk, ess_tail, fixed, rhat, sig};
use figures::markdown_table;
use figures::stat::extent;
use models::hsb::fits::ModelKind;
use sampler::Fit;

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
    s.push_str(&markdown_table(&["", "Estimate", "Std. Error", "t value"], &coef_rows)?);
    s.push_str("\n**Residuals** (points of maths achievement).\n\n");
    let r = FiveNumbers::of(&f.residuals);
    let mut row = vec!["residual".to_string()];
    row.extend([r.min, r.q1, r.median, r.q3, r.max].map(|v| fixed(v, 4)));
    s.push_str(&markdown_table(
        &["", "min", "1st quartile", "median", "3rd quartile", "max"],
        &[row],
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
    let mut s =
        markdown_table(&["school", "id", "students", "intercept", "SE", "slope", "SE"], &rows)?;
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
            let (min_ess, max_rhat) = worst_convergence(fit);
            let (lo, hi) = extent(fit.chains.iter().map(|c| c.step_size));
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
    let (c, n) = (o.fit(ModelKind::Centred)?, o.fit(ModelKind::NonCentred)?);
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
