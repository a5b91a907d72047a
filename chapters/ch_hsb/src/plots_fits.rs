//! Figures of the fits: traces, pairs, Bayesian against least squares,
//! caterpillars, shrinkage, uncertainty against school size, and the
//! distribution of the schools' lines.

use crate::Outcome;
use crate::reference::HYPER;
use crate::summaries::display_name;
use anyhow::{Result, anyhow};
use chapter_support::OutputDir;
use diagnostics::quantile;
use figures::theme::palette;
use figures::{Figure, Mark, PairsPlot, Panel, Style, draw, pairs_plot};
use models::hsb::fits::ModelKind;
use sampler::Fit;

/// Posterior mean, sd and central 95% interval of one parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Interval {
    pub mean: f64,
    pub sd: f64,
    pub low: f64,
    pub high: f64,
}

/// The [`Interval`] of parameter `name` in `fit`.
pub(crate) fn interval(fit: &Fit, name: &str) -> Result<Interval> {
    let draws = fit
        .chains_by_name(name)
        .ok_or_else(|| anyhow!("the fit has no parameter {name}"))?
        .concat();
    let n = draws.len() as f64;
    let mean = draws.iter().sum::<f64>() / n;
    let sd = (draws.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)).sqrt();
    Ok(Interval {
        mean,
        sd,
        low: quantile(&draws, 0.025),
        high: quantile(&draws, 0.975),
    })
}

/// Intervals of `base.1 … base.J`.
pub(crate) fn school_intervals(fit: &Fit, base: &str, j: usize) -> Result<Vec<Interval>> {
    (1..=j)
        .map(|k| interval(fit, &format!("{base}.{k}")))
        .collect()
}

/// Trace plots: one panel per parameter, the chains overlaid.
fn traces(out: &OutputDir, file: &str, title: &str, fit: &Fit, names: &[&str]) -> Result<()> {
    let panels = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let chains = fit
                .chains_by_name(name)
                .ok_or_else(|| anyhow!("the fit has no parameter {name}"))?;
            let marks = chains
                .iter()
                .enumerate()
                .map(|(c, draws)| Mark::Line {
                    points: draws
                        .iter()
                        .enumerate()
                        .map(|(i, v)| ((i + 1) as f64, *v))
                        .collect(),
                    style: Style::new(palette::series(c))
                        .size(1.0)
                        .opacity(0.7)
                        .label(format!("chain {}", c + 1)),
                })
                .collect();
            Ok(Panel {
                x_label: if k + 1 == names.len() {
                    "iteration after warmup".into()
                } else {
                    String::new()
                },
                y_label: display_name(name),
                marks,
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    draw(
        &out.path(file),
        &Figure {
            title: title.into(),
            panels,
            columns: 1,
            panel_height: 150,
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Pairs plot of the named parameters.
fn pairs(out: &OutputDir, file: &str, title: &str, fit: &Fit, names: &[&str]) -> Result<()> {
    let draws = names
        .iter()
        .map(|n| {
            fit.chains_by_name(n)
                .map(|c| c.concat())
                .ok_or_else(|| anyhow!("the fit has no parameter {n}"))
        })
        .collect::<Result<Vec<_>>>()?;
    pairs_plot(
        &out.path(file),
        &PairsPlot {
            title: title.into(),
            names: names.iter().map(|n| n.to_string()).collect(),
            draws,
        },
    )?;
    Ok(())
}

/// Complete pooling: posterior mean ± 1 sd against the least-squares
/// estimate ± 1 standard error, one panel per parameter.
fn bayes_vs_ols(out: &OutputDir, o: &Outcome) -> Result<()> {
    let fit = o.fit(ModelKind::Complete);
    let f = &o.ols_complete;
    let params = [
        ("intercept", "beta_0", f.coef[0], Some(f.se[0])),
        ("SES slope", "beta_1", f.coef[1], Some(f.se[1])),
        ("sigma", "sigma", f.sigma, None),
    ];
    let panels = params
        .iter()
        .enumerate()
        .map(|(k, (title, name, estimate, se))| {
            let b = interval(fit, name)?;
            let bayes = Style::new(palette::BLUE)
                .size(3.0)
                .label("Bayesian: mean ± 1 sd");
            let ls = Style::new(palette::VERMILLION)
                .size(3.0)
                .label("least squares: estimate ± 1 SE");
            let mut marks = vec![
                Mark::Intervals {
                    x: vec![0.0],
                    low: vec![b.mean - b.sd],
                    high: vec![b.mean + b.sd],
                    style: bayes.clone(),
                },
                Mark::Points {
                    x: vec![0.0],
                    y: vec![b.mean],
                    radii: vec![5.0],
                    style: bayes,
                },
            ];
            if let Some(se) = se {
                marks.push(Mark::Intervals {
                    x: vec![1.0],
                    low: vec![estimate - se],
                    high: vec![estimate + se],
                    style: ls.clone(),
                });
            }
            marks.push(Mark::Points {
                x: vec![1.0],
                y: vec![*estimate],
                radii: vec![5.0],
                style: ls,
            });
            Ok(Panel {
                title: title.to_string(),
                y_label: if k == 0 {
                    "estimate".into()
                } else {
                    String::new()
                },
                marks,
                x_ticks: Some(vec![(0.0, "Bayes".into()), (1.0, "OLS".into())]),
                x_range: Some((-0.6, 1.6)),
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    draw(
        &out.path("bayes_vs_ols.svg"),
        &Figure {
            title: "Complete pooling: Bayesian and least-squares estimates".into(),
            panels,
            columns: 3,
            panel_height: 300,
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Schools ranked by their posterior mean, with 95% intervals.
fn caterpillar_panel(
    title: &str,
    y_label: &str,
    schools: &[Interval],
    reference: Vec<Mark>,
    y_range: (f64, f64),
) -> Panel {
    let mut order: Vec<usize> = (0..schools.len()).collect();
    order.sort_by(|&a, &b| schools[a].mean.total_cmp(&schools[b].mean));
    let x: Vec<f64> = (1..=schools.len()).map(|r| r as f64).collect();
    let pick =
        |f: fn(&Interval) -> f64| order.iter().map(|&j| f(&schools[j])).collect::<Vec<f64>>();
    let mut marks = reference;
    marks.push(Mark::Intervals {
        x: x.clone(),
        low: pick(|s| s.low),
        high: pick(|s| s.high),
        style: Style::new(palette::BLACK)
            .opacity(0.45)
            .size(1.5)
            .label("school: 95% interval"),
    });
    marks.push(Mark::Points {
        x,
        y: pick(|s| s.mean),
        radii: vec![],
        style: Style::new(palette::BLACK)
            .size(2.0)
            .label("school: posterior mean"),
    });
    Panel {
        title: title.into(),
        x_label: "school, ranked by posterior mean".into(),
        y_label: y_label.into(),
        marks,
        x_range: Some((0.0, schools.len() as f64 + 1.0)),
        y_range: Some(y_range),
        ..Default::default()
    }
}

/// A horizontal band from `low` to `high` across ranks 0…n+1, and a dashed line at `mean`.
/// Both take `style`'s colour.
fn band_and_line(
    n: usize,
    iv: Interval,
    style: &Style,
    band_label: &str,
    line_label: &str,
) -> Vec<Mark> {
    vec![
        Mark::Band {
            x: vec![0.0, n as f64 + 1.0],
            low: vec![iv.low; 2],
            high: vec![iv.high; 2],
            style: style.clone().opacity(0.25).label(band_label),
        },
        Mark::HLine {
            y: iv.mean,
            style: style.clone().dashed().label(line_label),
        },
    ]
}

/// Range covering every interval of both models, so the two caterpillar
/// figures share their y axes and shrinkage shows as narrower spread.
fn shared_range(a: &[Interval], b: &[Interval]) -> (f64, f64) {
    let lo = a
        .iter()
        .chain(b)
        .map(|s| s.low)
        .fold(f64::INFINITY, f64::min);
    let hi = a
        .iter()
        .chain(b)
        .map(|s| s.high)
        .fold(f64::NEG_INFINITY, f64::max);
    let pad = 0.03 * (hi - lo);
    (lo - pad, hi + pad)
}

/// Caterpillars of no-pooling and partial-pooling school lines.
fn caterpillars(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp, cp) = (
        o.fit(ModelKind::NoPooling),
        o.fit(ModelKind::NonCentred),
        o.fit(ModelKind::Complete),
    );
    for (k, (base, pooled, mu, what)) in [
        ("beta_0", "beta_0", "mu_beta_0", "intercept"),
        ("beta_1", "beta_1", "mu_beta_1", "SES slope"),
    ]
    .into_iter()
    .enumerate()
    {
        let (a, b) = (
            school_intervals(np, base, j)?,
            school_intervals(pp, base, j)?,
        );
        let range = shared_range(&a, &b);
        let cp_iv = interval(cp, pooled)?;
        let mu_iv = interval(pp, mu)?;
        let np_panel = caterpillar_panel(
            &format!("no pooling: {what}s"),
            what,
            &a,
            band_and_line(
                j,
                cp_iv,
                &Style::new(palette::BLUE),
                "complete pooling: 95% interval",
                "complete pooling: mean",
            ),
            range,
        );
        let pp_panel = caterpillar_panel(
            &format!("partial pooling: {what}s"),
            what,
            &b,
            band_and_line(
                j,
                mu_iv,
                &Style::new(palette::VERMILLION),
                "population mean: 95% interval",
                "population mean: posterior mean",
            ),
            range,
        );
        let file = ["caterpillar_intercepts.svg", "caterpillar_slopes.svg"][k];
        draw(
            &out.path(file),
            &Figure {
                title: format!("School {what}s: no pooling against partial pooling"),
                panels: vec![np_panel, pp_panel],
                columns: 1,
                panel_height: 300,
                ..Default::default()
            },
        )?;
    }
    Ok(())
}

/// Dot radius for a school of `n` students (area proportional to `n`).
fn radius(n: usize) -> f64 {
    1.5 + 5.0 * (n as f64 / 67.0).sqrt()
}

/// No-pooling against partial-pooling posterior means, dot size = school size.
fn shrinkage(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp, cp) = (
        o.fit(ModelKind::NoPooling),
        o.fit(ModelKind::NonCentred),
        o.fit(ModelKind::Complete),
    );
    let radii: Vec<f64> = o.data.sizes.iter().map(|&n| radius(n)).collect();
    let panels = [("beta_0", "intercepts"), ("beta_1", "SES slopes")]
        .iter()
        .map(|(base, what)| {
            let x: Vec<f64> = school_intervals(np, base, j)?
                .iter()
                .map(|s| s.mean)
                .collect();
            let y: Vec<f64> = school_intervals(pp, base, j)?
                .iter()
                .map(|s| s.mean)
                .collect();
            let lo = x.iter().chain(&y).copied().fold(f64::INFINITY, f64::min);
            let hi = x
                .iter()
                .chain(&y)
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
            Ok(Panel {
                title: what.to_string(),
                x_label: "no-pooling posterior mean".into(),
                y_label: "partial-pooling posterior mean".into(),
                marks: vec![
                    Mark::Line {
                        points: vec![(lo, lo), (hi, hi)],
                        style: Style::new(palette::BLACK)
                            .size(1.5)
                            .dashed()
                            .label("no shrinkage (y = x)"),
                    },
                    Mark::HLine {
                        y: interval(cp, base)?.mean,
                        style: Style::new(palette::BLUE)
                            .size(2.5)
                            .label("complete pooling"),
                    },
                    Mark::Points {
                        x,
                        y,
                        radii: radii.clone(),
                        style: Style::new(palette::VERMILLION)
                            .opacity(0.55)
                            .size(4.0)
                            .label("school (area ∝ students)"),
                    },
                ],
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    draw(
        &out.path("shrinkage.svg"),
        &Figure {
            title: "Shrinkage: partial pooling pulls schools towards the population".into(),
            panels,
            columns: 2,
            panel_height: 380,
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Posterior sd of each school's line against its size (log axis).
fn posterior_sd(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let (np, pp) = (o.fit(ModelKind::NoPooling), o.fit(ModelKind::NonCentred));
    let log_n: Vec<f64> = o.data.sizes.iter().map(|&n| (n as f64).log10()).collect();
    let ticks: Vec<(f64, String)> = [15, 20, 30, 40, 50, 60]
        .iter()
        .map(|&n| ((n as f64).log10(), n.to_string()))
        .collect();
    let (lo, hi) = (
        log_n.iter().copied().fold(f64::INFINITY, f64::min),
        log_n.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let panels = [("beta_0", "intercepts"), ("beta_1", "SES slopes")]
        .iter()
        .enumerate()
        .map(|(k, (base, what))| {
            let sd = |fit: &Fit| -> Result<Vec<f64>> {
                Ok(school_intervals(fit, base, j)?
                    .iter()
                    .map(|s| s.sd)
                    .collect())
            };
            Ok(Panel {
                title: what.to_string(),
                x_label: "students in the school (log scale)".into(),
                y_label: if k == 0 {
                    "posterior sd".into()
                } else {
                    String::new()
                },
                marks: vec![
                    Mark::Points {
                        x: log_n.clone(),
                        y: sd(np)?,
                        radii: vec![],
                        style: Style::new(palette::VERMILLION)
                            .opacity(0.6)
                            .size(3.0)
                            .label("no pooling"),
                    },
                    Mark::Points {
                        x: log_n.clone(),
                        y: sd(pp)?,
                        radii: vec![],
                        style: Style::new(palette::GREEN)
                            .opacity(0.6)
                            .size(3.0)
                            .label("partial pooling"),
                    },
                ],
                x_ticks: Some(ticks.clone()),
                x_range: Some((lo - 0.03, hi + 0.03)),
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    draw(
        &out.path("posterior_sd.svg"),
        &Figure {
            title: "Uncertainty of each school's line against its size".into(),
            panels,
            columns: 2,
            panel_height: 340,
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Histograms of the schools' partial-pooling posterior means.
fn school_histograms(out: &OutputDir, o: &Outcome) -> Result<()> {
    let j = o.data.num_schools();
    let pp = o.fit(ModelKind::NonCentred);
    let panels = [
        ("beta_0", "mu_beta_0", "intercept"),
        ("beta_1", "mu_beta_1", "SES slope"),
    ]
    .iter()
    .enumerate()
    .map(|(k, (base, mu, what))| {
        Ok(Panel {
            title: format!("school {what}s"),
            x_label: format!("posterior mean {what}"),
            y_label: if k == 0 {
                "schools".into()
            } else {
                String::new()
            },
            marks: vec![
                Mark::Histogram {
                    values: school_intervals(pp, base, j)?
                        .iter()
                        .map(|s| s.mean)
                        .collect(),
                    bins: 30,
                    range: None,
                    style: Style::new(palette::SKY_BLUE).label("schools"),
                },
                Mark::VLine {
                    x: interval(pp, mu)?.mean,
                    style: Style::new(palette::VERMILLION)
                        .size(2.5)
                        .dashed()
                        .label("population mean"),
                },
            ],
            ..Default::default()
        })
    })
    .collect::<Result<Vec<_>>>()?;
    draw(
        &out.path("school_histograms.svg"),
        &Figure {
            title: "Partial pooling: distribution of the schools' lines".into(),
            panels,
            columns: 2,
            panel_height: 320,
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Writes the figures of the fits into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    traces(
        out,
        "trace_complete.svg",
        "Complete pooling: traces",
        o.fit(ModelKind::Complete),
        &["beta_0", "beta_1", "sigma"],
    )?;
    traces(
        out,
        "trace_no_pooling.svg",
        "No pooling: traces of two schools' lines",
        o.fit(ModelKind::NoPooling),
        &["beta_0.1", "beta_0.2", "beta_1.1", "beta_1.2", "sigma"],
    )?;
    traces(
        out,
        "trace_partial.svg",
        "Partial pooling (non-centred): traces",
        o.fit(ModelKind::NonCentred),
        &HYPER,
    )?;
    traces(
        out,
        "trace_centred.svg",
        "Partial pooling (centred): traces",
        o.fit(ModelKind::Centred),
        &HYPER,
    )?;
    pairs(
        out,
        "pairs_complete.svg",
        "Complete pooling: pairs",
        o.fit(ModelKind::Complete),
        &["beta_0", "beta_1", "sigma"],
    )?;
    pairs(
        out,
        "pairs_partial.svg",
        "Partial pooling (non-centred): pairs",
        o.fit(ModelKind::NonCentred),
        &HYPER,
    )?;
    bayes_vs_ols(out, o)?;
    caterpillars(out, o)?;
    shrinkage(out, o)?;
    posterior_sd(out, o)?;
    school_histograms(out, o)?;
    Ok(())
}
