//! The page's tables, written as Markdown.

use crate::{ModelRun, Outcome, TRACKED};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::{fixed, quantile, rhat, sig};
use sbc::recover::Recovery;

/// Uniformity is rejected below this p-value.
pub const ALPHA: f64 = 0.01;

fn model_name(m: &ModelRun) -> &'static str {
    match m.likelihood {
        models::normal_sample::Likelihood::Library => "`normal(y, mu, sigma)`",
        models::normal_sample::Likelihood::MissingLogSigma => "by hand, no `− log σ`",
    }
}

fn p_value(p: f64) -> String {
    if p < 1e-4 { "< 0.0001".to_string() } else { sig(p, 2) }
}

/// One fit, as a reader would look at it: gradient check, divergences, R-hat, and
/// the posterior of sigma against the truth.
pub fn one_fit(o: &Outcome) -> String {
    let mut s = String::from(
        "| likelihood | gradient vs finite differences (largest error) | divergences | R-hat of σ | σ: posterior mean | σ: 90% interval | true σ |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for m in &o.models {
        let fit = &m.first_fit;
        let chains = fit.chains_by_name("sigma").expect("sigma is tracked");
        let draws: Vec<f64> = chains.concat();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let gradient = format!("{:.0e}", m.gradient_error);
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | [{}, {}] | {} |\n",
            model_name(m),
            gradient,
            fit.num_divergent(),
            fixed(rhat(&chains), 2),
            sig(mean, 3),
            sig(quantile(&draws, 0.05), 3),
            sig(quantile(&draws, 0.95), 3),
            sig(o.truth[1], 3),
        ));
    }
    s
}

fn recovery_rows(s: &mut String, m: &ModelRun, r: &Recovery, truth: &str) {
    for (i, name) in TRACKED.iter().enumerate() {
        let sum = r.summary(i);
        let flag = if sum.ks.p_value < ALPHA { "**yes**" } else { "no" };
        s.push_str(&format!(
            "| {} | {truth} | {name} | {} | {} | {} | {flag} |\n",
            model_name(m),
            fixed(sum.median_quantile, 2),
            fixed(sum.outside_90, 2),
            p_value(sum.ks.p_value),
        ));
    }
}

/// Over replicates: per model, per way of choosing the truth, per parameter.
pub fn recovery(o: &Outcome) -> String {
    let mut s = String::from(
        "| likelihood | true values | parameter | median quantile | outside the 90% interval | KS p-value | flagged |\n\
         |---|---|---|---|---|---|---|\n",
    );
    let fixed_truth = format!("fixed (μ = {}, σ = {})", sig(o.truth[0], 2), sig(o.truth[1], 2));
    for m in &o.models {
        recovery_rows(&mut s, m, &m.fixed, &fixed_truth);
        recovery_rows(&mut s, m, &m.prior, "from the prior");
    }
    s
}

/// The posterior quantile of the true sigma in the first ten fixed-truth replicates.
pub fn first_quantiles(o: &Outcome) -> String {
    let k = o.models[0].fixed.replicates.len().min(10);
    let mut s = String::from("| likelihood |");
    for i in 1..=k {
        s.push_str(&format!(" {i} |"));
    }
    s.push_str("\n|---|");
    s.push_str(&"---|".repeat(k));
    s.push('\n');
    for m in &o.models {
        s.push_str(&format!("| {} |", model_name(m)));
        for q in m.fixed.quantiles(1).iter().take(k) {
            s.push_str(&format!(" {} |", fixed(*q, 2)));
        }
        s.push('\n');
    }
    s
}

/// Every table into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    out.write("one_fit.md", &one_fit(o))?;
    out.write("recovery.md", &recovery(o))?;
    out.write("first_quantiles.md", &first_quantiles(o))?;
    let settings = &o.models[0].first_fit.settings;
    out.write(
        "settings.md",
        &format!(
            "{} replicates per row, {} observations per data set; {} chains of {} warmup and {} kept iterations per fit, seed {}.\n",
            o.models[0].fixed.replicates.len(),
            o.observations,
            settings.num_chains,
            settings.num_warmup,
            settings.num_draws,
            settings.seed
        ),
    )?;
    Ok(())
}

/// What the binary prints.
pub fn console_report(o: &Outcome) -> Result<String> {
    let mut s = String::new();
    for m in &o.models {
        s.push_str(&format!(
            "likelihood {}\ntrue values fixed: {}true values from the prior: {}\n",
            model_name(m),
            m.fixed,
            m.prior
        ));
    }
    Ok(s)
}
