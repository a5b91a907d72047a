//! The chapter's markdown tables and its console report.

use crate::shrinkage::{category_widths, pooled_interval, region_shrinkage};
use crate::{HDI_PROB, Outcome};
use anyhow::Result;
use chapter_support::{OutputDir, fit_summary};
use diagnostics::{ess_bulk, mcse_mean, sig};
use figures::markdown_table;
use models::survey::data::{CATEGORIES, Survey};
use models::survey::homogeneity::homogeneity_test;
use sampler::Fit;

/// Numbers printed in the source, shown beside ours: `alpha` (mean, sd, 89% HDI) and
/// `pi0` (means), and the smallest region's interval widths (no pooling, hierarchical).
mod source {
    pub const ALPHA: (f64, f64, f64, f64) = (10.32, 5.78, 2.93, 19.44);
    pub const PI0_MEAN: [f64; 4] = [0.24, 0.37, 0.22, 0.17];
    pub const PI0_SD: [f64; 4] = [0.04, 0.04, 0.04, 0.03];
    pub const REGION5_WIDTHS: [(f64, f64); 4] =
        [(0.241, 0.193), (0.268, 0.218), (0.248, 0.199), (0.209, 0.162)];
}

fn hyper_names(k: usize) -> Vec<String> {
    std::iter::once("alpha".to_string()).chain((1..=k).map(|j| format!("pi0.{j}"))).collect()
}

/// The counts, with each region's size and answer shares.
pub fn data_table(survey: &Survey) -> Result<String> {
    let sizes = survey.sizes();
    let rows: Vec<Vec<String>> = survey
        .order_by_size()
        .into_iter()
        .map(|r| {
            let mut row = vec![survey.labels[r].clone(), sizes[r].to_string()];
            row.extend(
                survey.counts[r]
                    .iter()
                    .map(|&c| format!("{c} ({})", sig(f64::from(c) / f64::from(sizes[r]), 2))),
            );
            row
        })
        .collect();
    let mut header = vec!["region", "n"];
    header.extend(CATEGORIES);
    Ok(markdown_table(&header, &rows)?)
}

/// az.summary-style table of `alpha` and `pi0` from a fit, each share
/// labelled with its answer (`pi0[agree]`).
pub fn hyper_summary(fit: &Fit, survey: &Survey) -> Result<String> {
    let names = hyper_names(survey.num_categories());
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let labels = chapter_support::labels::survey(survey)?;
    Ok(labels.summary_markdown(&fit_summary(fit, &names, HDI_PROB)?, HDI_PROB)?)
}

/// Posterior means of both fits with their Monte Carlo standard errors, and the
/// difference in units of the combined MCSE.
pub fn agreement_table(o: &Outcome) -> Result<String> {
    let k = o.survey.num_categories();
    let smallest = o.survey.order_by_size()[0];
    let mut names = hyper_names(k);
    names.extend((1..=k).map(|j| format!("pi.{}.{j}", smallest + 1)));
    let labels = chapter_support::labels::survey(&o.survey)?;
    let mut rows = Vec::new();
    for name in &names {
        let mut row = vec![labels.display(name)?];
        let mut stats = Vec::new();
        for fit in [&o.full, &o.marginal] {
            let chains = fit.try_chains_by_name(name)?;
            let all = chains.concat();
            let mean = all.iter().sum::<f64>() / all.len() as f64;
            let se = mcse_mean(&chains);
            row.push(format!("{} ± {}", sig(mean, 4), sig(se, 2)));
            stats.push((mean, se));
        }
        let z = (stats[0].0 - stats[1].0) / (stats[0].1.powi(2) + stats[1].1.powi(2)).sqrt();
        row.push(format!("{z:+.1}"));
        rows.push(row);
    }
    Ok(markdown_table(
        &[
            "parameter",
            "full model: mean ± MCSE",
            "integrated model: mean ± MCSE",
            "difference / MCSE",
        ],
        &rows,
    )?)
}

/// Cost and efficiency of the two fits (deterministic: gradient evaluations, not seconds).
pub fn efficiency_table(o: &Outcome) -> Result<String> {
    let k = o.survey.num_categories();
    let r = o.survey.counts.len();
    let row = |label: &str, fit: &Fit, dims: usize| -> Result<Vec<String>> {
        let grads = fit.gradient_evaluations() as f64;
        let ess_alpha = ess_bulk(&fit.try_chains_by_name("alpha")?);
        let ess_pi0 = (1..=k)
            .map(|j| Ok(ess_bulk(&fit.try_chains_by_name(&format!("pi0.{j}"))?)))
            .collect::<Result<Vec<f64>>>()?
            .into_iter()
            .fold(f64::INFINITY, f64::min);
        Ok(vec![
            label.to_string(),
            dims.to_string(),
            fit.num_divergent().to_string(),
            fit.gradient_evaluations().to_string(),
            format!("{ess_alpha:.0}"),
            format!("{ess_pi0:.0}"),
            sig(1000.0 * ess_alpha / grads, 3),
            sig(1000.0 * ess_pi0 / grads, 3),
        ])
    };
    Ok(markdown_table(
        &[
            "fit",
            "sampled dimensions",
            "divergent",
            "gradient evaluations",
            "bulk-ESS(alpha)",
            "min bulk-ESS(pi0)",
            "ESS(alpha) per 1000 gradients",
            "min ESS(pi0) per 1000 gradients",
        ],
        &[
            row("full: alpha, pi0 and the 24 regional shares", &o.full, 1 + (k - 1) * (1 + r))?,
            row("integrated: alpha and pi0 only", &o.marginal, k)?,
        ],
    )?)
}

/// Each region's partial-pooling shares: posterior mean and 89% HDI, regions by size.
pub fn regions_table(survey: &Survey, fit: &Fit) -> Result<String> {
    let sizes = survey.sizes();
    let rows = survey
        .order_by_size()
        .into_iter()
        .map(|r| {
            let mut row = vec![format!("{} (n = {})", survey.labels[r], sizes[r])];
            for k in 0..survey.num_categories() {
                let (m, lo, hi) = pooled_interval(fit, r, k)?;
                row.push(format!("{} [{}, {}]", sig(m, 2), sig(lo, 2), sig(hi, 2)));
            }
            Ok(row)
        })
        .collect::<Result<Vec<Vec<String>>>>()?;
    let mut header = vec!["region"];
    header.extend(CATEGORIES);
    Ok(markdown_table(&header, &rows)?)
}

/// The smallest region, category by category: exact no-pooling HDI against the
/// partial-pooling HDI, with the source's widths beside ours.
pub fn smallest_region_table(o: &Outcome) -> Result<String> {
    let r = o.survey.order_by_size()[0];
    let rows: Vec<Vec<String>> = category_widths(&o.survey, &o.full, r)?
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let (snp, spp) = source::REGION5_WIDTHS[k];
            vec![
                CATEGORIES[k].to_string(),
                format!("[{}, {}]", sig(w.no_pooling.0, 3), sig(w.no_pooling.1, 3)),
                format!("{:.3}", w.no_pooling.1 - w.no_pooling.0),
                format!("[{}, {}]", sig(w.partial.0, 3), sig(w.partial.1, 3)),
                format!("{:.3}", w.partial.1 - w.partial.0),
                format!("{:.0}%", w.reduction_percent()),
                format!("{snp:.3} → {spp:.3} ({:.0}%)", 100.0 * (1.0 - spp / snp)),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "category",
            "no pooling: 89% HDI",
            "width",
            "partial pooling: 89% HDI",
            "width",
            "narrower by",
            "source widths (narrower by)",
        ],
        &rows,
    )?)
}

/// Every region's weight on the national baseline and average interval widths.
pub fn shrinkage_table(survey: &Survey, fit: &Fit) -> Result<String> {
    let rows: Vec<Vec<String>> = region_shrinkage(survey, fit)?
        .iter()
        .map(|s| {
            vec![
                survey.labels[s.region].clone(),
                s.n.to_string(),
                sig(s.weight_on_baseline, 2),
                format!("{:.3}", s.width_no_pooling),
                format!("{:.3}", s.width_partial),
                format!("{:.0}%", s.reduction_percent()),
            ]
        })
        .collect();
    Ok(markdown_table(
        &[
            "region",
            "n",
            "weight on pi0: E[alpha/(alpha + n)]",
            "mean HDI width, no pooling",
            "mean HDI width, partial pooling",
            "narrower by",
        ],
        &rows,
    )?)
}

/// Our posterior for `alpha` and `pi0` beside the numbers printed in the source.
pub fn source_table(o: &Outcome) -> Result<String> {
    let k = o.survey.num_categories();
    let rows_fit = fit_summary(
        &o.full,
        &hyper_names(k).iter().map(String::as_str).collect::<Vec<_>>(),
        HDI_PROB,
    )?;
    let labels = chapter_support::labels::survey(&o.survey)?;
    let a = &rows_fit[0];
    let (m, sd, lo, hi) = source::ALPHA;
    let mut rows = vec![vec![
        "alpha".to_string(),
        format!("{m} (sd {sd}), HDI [{lo}, {hi}]"),
        format!(
            "{} (sd {}), HDI [{}, {}]",
            sig(a.mean, 3),
            sig(a.sd, 3),
            sig(a.hdi_low, 3),
            sig(a.hdi_high, 3)
        ),
    ]];
    for j in 0..k {
        let p = &rows_fit[j + 1];
        rows.push(vec![
            labels.display(&p.name)?,
            format!("{} (sd {})", source::PI0_MEAN[j], source::PI0_SD[j]),
            format!("{} (sd {})", sig(p.mean, 2), sig(p.sd, 1)),
        ]);
    }
    Ok(markdown_table(&["quantity", "printed in the source", "ours (full model)"], &rows)?)
}

/// The two resized regions of the "try it yourself" survey.
pub fn try_it_data_table(o: &Outcome) -> Result<String> {
    let order = o.survey.order_by_size();
    let changed = [order[0], order[order.len() - 1]];
    let (old, new) = (o.survey.sizes(), o.try_survey.sizes());
    let rows: Vec<Vec<String>> = changed
        .iter()
        .map(|&r| {
            let mut row = vec![o.survey.labels[r].clone(), format!("{} → {}", old[r], new[r])];
            row.extend(o.try_survey.counts[r].iter().map(|c| c.to_string()));
            row
        })
        .collect();
    let mut header = vec!["region", "n"];
    header.extend(CATEGORIES);
    Ok(markdown_table(&header, &rows)?)
}

/// One sentence: Pearson's χ² test that all regions share one set of answer shares.
pub fn homogeneity_sentence(survey: &Survey) -> Result<String> {
    let t = homogeneity_test(&survey.counts)?;
    Ok(format!(
        "Pearson's χ² test that all {} regions share one set of answer shares gives χ² = {} on \
         {} degrees of freedom, p = {}.\n",
        survey.counts.len(),
        sig(t.statistic, 3),
        t.df,
        sig(t.p_value, 2),
    ))
}

/// One sentence with the headline numbers, for the page's prose.
pub fn headline(o: &Outcome) -> Result<String> {
    let s = region_shrinkage(&o.survey, &o.full)?;
    let (small, large) = (&s[0], &s[s.len() - 1]);
    let t = region_shrinkage(&o.try_survey, &o.try_fit)?;
    let (t_small, t_large) = (
        t.iter().find(|x| x.region == small.region).expect("region present"),
        t.iter().find(|x| x.region == large.region).expect("region present"),
    );
    Ok(format!(
        "With the printed data, the smallest region (n = {}) puts an average weight of {} on the \
         national baseline and its intervals are {:.0}% narrower than without pooling; the largest \
         (n = {}) puts {} on it and gains {:.0}%. Resized to n = {} and n = {}, the same two regions \
         put {} and {} on the baseline, and gain {:.0}% and {:.0}%.\n",
        small.n,
        sig(small.weight_on_baseline, 2),
        small.reduction_percent(),
        large.n,
        sig(large.weight_on_baseline, 2),
        large.reduction_percent(),
        t_small.n,
        t_large.n,
        sig(t_small.weight_on_baseline, 2),
        sig(t_large.weight_on_baseline, 2),
        t_small.reduction_percent(),
        t_large.reduction_percent(),
    ))
}

/// Writes every table of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("data.md", &data_table(&o.survey)?)?;
    out.write("summary_full.md", &hyper_summary(&o.full, &o.survey)?)?;
    out.write("summary_integrated.md", &hyper_summary(&o.marginal, &o.survey)?)?;
    out.write("agreement.md", &agreement_table(o)?)?;
    out.write("efficiency.md", &efficiency_table(o)?)?;
    out.write("regions.md", &regions_table(&o.survey, &o.full)?)?;
    out.write("smallest_region.md", &smallest_region_table(o)?)?;
    out.write("shrinkage.md", &shrinkage_table(&o.survey, &o.full)?)?;
    out.write("source_comparison.md", &source_table(o)?)?;
    out.write("try_it_data.md", &try_it_data_table(o)?)?;
    out.write("try_it_shrinkage.md", &shrinkage_table(&o.try_survey, &o.try_fit)?)?;
    out.write("headline.md", &headline(o)?)?;
    out.write("homogeneity.md", &homogeneity_sentence(&o.survey)?)?;
    Ok(())
}

/// The readable summary printed to stdout.
pub fn console_report(o: &Outcome) -> Result<String> {
    Ok(format!(
        "\nFull model (all proportions sampled): {} divergent\n\n{}\nIntegrated model: {} divergent\n\n{}\n{}\n{}\n{}",
        o.full.num_divergent(),
        hyper_summary(&o.full, &o.survey)?,
        o.marginal.num_divergent(),
        hyper_summary(&o.marginal, &o.survey)?,
        efficiency_table(o)?,
        shrinkage_table(&o.survey, &o.full)?,
        headline(o)?,
    ))
}
