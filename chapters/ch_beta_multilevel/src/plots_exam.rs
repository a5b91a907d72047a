//! The figures of the exam-averages section.

use crate::Outcome;
use crate::plots::{groups_figure, panels_figure};
use crate::pooling_label as label;
use crate::recovery::estimate;
use anyhow::{Context, Result};
use chapter_support::OutputDir;
use figures::recipes::group_intervals;
use figures::theme::palette;
use figures::{Mark, Panel, Shape, Style};
use models::beta_multilevel::exam_data::ExamSchool;

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
            let e = estimate(fit, &format!("school_mu.{j}"))?;
            Ok((100.0 * e.mean, 100.0 * e.low, 100.0 * e.high))
        })
        .collect()
}

fn data_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.exam.selection.schools;
    let order = order_by_mean(o);
    let spread = |s: &ExamSchool| (s.mean_pct, s.mean_pct - s.sd_pct, s.mean_pct + s.sd_pct);
    let values = order.iter().map(|&i| spread(&s[i])).collect();
    let title = format!(
        "{} {} ({}): schools with at least {} writers",
        o.exam.data.course,
        o.exam.data.year,
        o.exam.data.source,
        s.iter().map(|s| s.writers).min().unwrap_or(0)
    );
    let groups: Vec<String> = order.iter().map(|&i| s[i].school_code.clone()).collect();
    let series = [("published average ± one standard deviation".into(), values)];
    let x_label = "school, sorted by exam average";
    let panel = group_intervals(x_label, "exam mark (%)", &groups, &series, &[])?;
    groups_figure(out, "exam_data.svg", &title, panel)
}

fn models_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.exam.selection.schools;
    let order = order_by_mean(o);
    // The three fits differ by less than a line's width (see exam_shift.svg):
    // draw the authority-pooled one.
    let (pooling, fit) = o.exam.fits.last().context("no exam fits")?;
    let all = school_means(fit, s.len())?;
    let series = [(
        format!("{} posterior mean and 95% interval", label(*pooling)),
        order.iter().map(|&i| all[i]).collect(),
    )];
    let at = |value: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
        let rows = order.iter().enumerate();
        rows.map(|(x, &i)| (x as f64, value(i))).collect()
    };
    let mut markers = vec![("published average".into(), Shape::Dot, at(&|i| s[i].mean_pct))];
    if s.iter().all(|s| s.true_mean.is_some()) {
        let truth = at(&|i| 100.0 * s[i].true_mean.unwrap_or(f64::NAN));
        markers.push(("true mean".into(), Shape::Cross, truth));
    }
    let groups: Vec<String> = order.iter().map(|&i| s[i].school_code.clone()).collect();
    let x_label = "school, sorted by exam average";
    let panel = group_intervals(x_label, "mean mark (%)", &groups, &series, &markers)?;
    let title = "School means, authority-pooled model";
    groups_figure(out, "exam_models.svg", title, panel)
}

fn shift_figure(out: &OutputDir, o: &Outcome) -> Result<()> {
    let s = &o.exam.selection.schools;
    let fits = &o.exam.fits;
    let base = school_means(&fits[0].1, s.len())?;
    let mut marks = Vec::new();
    for (k, (pooling, fit)) in fits[1..].iter().enumerate() {
        let m = school_means(fit, s.len())?;
        let shifts = s.iter().zip(m.iter().zip(&base));
        let (x, y) = shifts.map(|(school, (p, u))| (f64::from(school.writers), p.0 - u.0)).unzip();
        let style = Style::new(palette::series(k)).size(4.0);
        marks.push(Mark::points(x, y, style.label(format!("{} − unpooled", label(*pooling)))));
    }
    let panel = Panel {
        title: "How far pooling moves each school's posterior mean".into(),
        x_label: "number of writers".into(),
        y_label: "change (percentage points)".into(),
        marks,
        ..Default::default()
    };
    panels_figure(out, "exam_shift.svg", vec![panel])
}

/// Writes every figure of the exam section into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    data_figure(out, o)?;
    models_figure(out, o)?;
    shift_figure(out, o)?;
    Ok(())
}
