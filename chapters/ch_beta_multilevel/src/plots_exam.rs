//! The figures of the exam-averages section.

use crate::Outcome;
use crate::recovery::estimate;
use anyhow::{Context, Result};
use chapter_support::OutputDir;
use figures::{
    GroupIntervals, IntervalSeries, Marker, MarkerSeries, XyPanel, XySeries, group_intervals,
    xy_panels,
};
use models::beta_multilevel::exam::ExamPooling;

/// How the page names each pooling.
pub fn label(p: ExamPooling) -> &'static str {
    match p {
        ExamPooling::Unpooled => "unpooled",
        ExamPooling::Pooled => "pooled",
        ExamPooling::Authority => "authority-pooled",
    }
}

/// Indices of the kept schools, sorted by published mean (ties by position).
pub(crate) fn order_by_mean(o: &Outcome) -> Vec<usize> {
    let s = &o.exam.selection.schools;
    let mut idx: Vec<usize> = (0..s.len()).collect();
    idx.sort_by(|&a, &b| s[a].mean_pct.total_cmp(&s[b].mean_pct).then(a.cmp(&b)));
    idx
}

/// Posterior means of `school_mu.j` in percent, in school order.
pub(crate) fn school_means(fit: &sampler::Fit, n: usize) -> Result<Vec<(f64, f64, f64)>> {
    (1..=n)
        .map(|j| {
            let e = estimate(fit, &format!("school_mu.{j}")).context("no school_mu")?;
            Ok((100.0 * e.mean, 100.0 * e.low, 100.0 * e.high))
        })
        .collect()
}

fn data_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.exam.selection.schools;
    let order = order_by_mean(o);
    let values = order
        .iter()
        .map(|&i| {
            (
                s[i].mean_pct,
                s[i].mean_pct - s[i].sd_pct,
                s[i].mean_pct + s[i].sd_pct,
            )
        })
        .collect();
    group_intervals(
        &out.path("exam_data.svg"),
        &GroupIntervals {
            title: format!(
                "{} {} ({}): schools with at least {} writers",
                o.exam.data.course,
                o.exam.data.year,
                o.exam.data.source,
                s.iter().map(|s| s.writers).min().unwrap_or(0)
            ),
            x_label: "school, sorted by exam average".into(),
            y_label: "exam mark (%)".into(),
            groups: order.iter().map(|&i| s[i].school_code.clone()).collect(),
            estimates: vec![IntervalSeries {
                label: "published average ± one standard deviation".into(),
                values,
            }],
            ..Default::default()
        },
    )?;
    Ok(())
}

fn models_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.exam.selection.schools;
    let order = order_by_mean(o);
    // The three fits differ by less than a line's width (see exam_shift.svg):
    // draw the authority-pooled one.
    let (pooling, fit) = o.exam.fits.last().context("no exam fits")?;
    let all = school_means(fit, s.len())?;
    let estimates = vec![IntervalSeries {
        label: format!("{} posterior mean and 95% interval", label(*pooling)),
        values: order.iter().map(|&i| all[i]).collect(),
    }];
    let mut markers = vec![MarkerSeries {
        label: "published average".into(),
        marker: Marker::Dot,
        points: order
            .iter()
            .enumerate()
            .map(|(x, &i)| (x as f64, s[i].mean_pct))
            .collect(),
    }];
    if s.iter().all(|s| s.true_mean.is_some()) {
        markers.push(MarkerSeries {
            label: "true mean".into(),
            marker: Marker::Cross,
            points: order
                .iter()
                .enumerate()
                .map(|(x, &i)| (x as f64, 100.0 * s[i].true_mean.unwrap_or(f64::NAN)))
                .collect(),
        });
    }
    group_intervals(
        &out.path("exam_models.svg"),
        &GroupIntervals {
            title: "School means, authority-pooled model".into(),
            x_label: "school, sorted by exam average".into(),
            y_label: "mean mark (%)".into(),
            groups: order.iter().map(|&i| s[i].school_code.clone()).collect(),
            estimates,
            markers,
            ..Default::default()
        },
    )?;
    Ok(())
}

fn shift_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.exam.selection.schools;
    let fits = &o.exam.fits;
    let base = school_means(&fits[0].1, s.len())?;
    let mut points = Vec::new();
    for (pooling, fit) in &fits[1..] {
        let m = school_means(fit, s.len())?;
        points.push(XySeries {
            label: format!("{} − unpooled", label(*pooling)),
            points: s
                .iter()
                .zip(m.iter().zip(&base))
                .map(|(school, (p, u))| (f64::from(school.writers), p.0 - u.0))
                .collect(),
        });
    }
    xy_panels(
        &out.path("exam_shift.svg"),
        &[XyPanel {
            title: "How far pooling moves each school's posterior mean".into(),
            x_label: "number of writers".into(),
            y_label: "change (percentage points)".into(),
            points,
            ..Default::default()
        }],
    )?;
    Ok(())
}

/// Writes every figure of the exam section into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    data_figure(out, o)?;
    models_figure(out, o)?;
    shift_figure(out, o)?;
    Ok(())
}
