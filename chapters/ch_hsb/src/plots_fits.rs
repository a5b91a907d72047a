//! Figures of the fits against each other: Bayesian against least squares,
//! and the caterpillars of no and partial pooling.

use crate::Outcome;
use crate::interval::{Interval, interval, school_intervals};
use anyhow::Result;
use chapter_support::OutputDir;
use chapter_support::labels::axis_title;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::hsb::fits::ModelKind;

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
                y_label: axis_title(k == 0, "estimate"),
                marks,
                x_ticks: Some(vec![(0.0, "Bayes".into()), (1.0, "OLS".into())]),
                x_range: Some((-0.6, 1.6)),
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.draw(
        "bayes_vs_ols.svg",
        &Figure {
            title: "Complete pooling: Bayesian and least-squares estimates".into(),
            ..Figure::grid(panels, 3, 300)
        },
    )
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
        out.draw(
            file,
            &Figure {
                title: format!("School {what}s: no pooling against partial pooling"),
                ..Figure::grid(vec![np_panel, pp_panel], 1, 300)
            },
        )?;
    }
    Ok(())
}

/// Writes the figures comparing the fits into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    bayes_vs_ols(out, o)?;
    caterpillars(out, o)
}
