//! The chapter's figure: per-region intervals under no pooling and partial pooling,
//! against the national baseline, one panel per answer category.

use crate::shrinkage::pooled_interval;
use crate::{HDI_PROB, Outcome};
use anyhow::Result;
use chapter_support::OutputDir;
use figures::theme::palette;
use figures::{Figure, Mark, Panel, Style};
use models::survey::data::{CATEGORIES, Survey};
use sampler::Fit;

/// Horizontal offset of the two interval kinds around each region's position.
const DODGE: f64 = 0.17;

fn category_panel(survey: &Survey, fit: &Fit, k: usize) -> Result<Panel> {
    let order = survey.order_by_size();
    let sizes = survey.sizes();
    let x: Vec<f64> = (1..=order.len()).map(|i| i as f64).collect();
    let (mut np_mid, mut np_lo, mut np_hi) = (vec![], vec![], vec![]);
    let (mut pp_mid, mut pp_lo, mut pp_hi) = (vec![], vec![], vec![]);
    for &r in &order {
        let y = &survey.counts[r];
        let (lo, hi) = survey.no_pooling_hdi(r, k, HDI_PROB);
        // Posterior mean of Dirichlet(1 + y_r).
        np_mid
            .push((1.0 + f64::from(y[k])) / (survey.num_categories() as f64 + f64::from(sizes[r])));
        np_lo.push(lo);
        np_hi.push(hi);
        let (m, lo, hi) = pooled_interval(fit, r, k)?;
        pp_mid.push(m);
        pp_lo.push(lo);
        pp_hi.push(hi);
    }
    let pi0 = fit.pooled_named(&format!("pi0.{}", k + 1))?;
    let pi0_mean = pi0.iter().sum::<f64>() / pi0.len() as f64;
    let (pi0_lo, pi0_hi) = diagnostics::hdi(&pi0, HDI_PROB);
    let left: Vec<f64> = x.iter().map(|v| v - DODGE).collect();
    let right: Vec<f64> = x.iter().map(|v| v + DODGE).collect();
    let grey = palette::BLACK;
    let blue = palette::BLUE;
    Ok(Panel {
        title: CATEGORIES[k].to_string(),
        x_label: "region (n), smallest first".into(),
        y_label: "share".into(),
        marks: vec![
            Mark::Band {
                x: vec![0.5, order.len() as f64 + 0.5],
                low: vec![pi0_lo; 2],
                high: vec![pi0_hi; 2],
                style: Style::new(palette::ORANGE).opacity(0.25).label("national pi0: 89% HDI"),
            },
            Mark::HLine {
                y: pi0_mean,
                style: Style::new(palette::VERMILLION).dashed().label("national pi0: mean"),
            },
            Mark::Intervals {
                x: left.clone(),
                low: np_lo,
                high: np_hi,
                style: Style::new(grey)
                    .opacity(0.55)
                    .size(2.5)
                    .label("no pooling, Dirichlet(1 + y): 89% HDI"),
            },
            Mark::Points {
                x: left,
                y: np_mid,
                radii: vec![],
                style: Style::new(grey).opacity(0.55).size(4.0),
            },
            Mark::Intervals {
                x: right.clone(),
                low: pp_lo,
                high: pp_hi,
                style: Style::new(blue).size(2.5).label("partial pooling: 89% HDI and mean"),
            },
            Mark::Points { x: right, y: pp_mid, radii: vec![], style: Style::new(blue).size(4.0) },
        ],
        x_ticks: Some(
            order
                .iter()
                .enumerate()
                .map(|(i, &r)| ((i + 1) as f64, format!("{} ({})", r + 1, sizes[r])))
                .collect(),
        ),
        x_range: Some((0.5, order.len() as f64 + 0.5)),
        y_range: None,
        ..Default::default()
    })
}

fn interval_figure(
    out: &OutputDir,
    name: &str,
    title: &str,
    survey: &Survey,
    fit: &Fit,
) -> Result<()> {
    let spec = Figure {
        title: title.into(),
        panels: (0..survey.num_categories())
            .map(|k| category_panel(survey, fit, k))
            .collect::<Result<_>>()?,
        columns: 2,
        panel_height: 300,
        shared_x: true,
        shared_y: false,
        ..Default::default()
    };
    out.draw(name, &spec)
}

/// Writes every figure of the chapter into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    interval_figure(
        out,
        "intervals.svg",
        "Answer shares by region: no pooling vs partial pooling",
        &o.survey,
        &o.full,
    )?;
    let order = o.survey.order_by_size();
    let (small, large) = (order[0], order[order.len() - 1]);
    let sizes = o.try_survey.sizes();
    let title = format!(
        "Try it: region {} resized to n = {}, region {} to n = {}",
        small + 1,
        sizes[small],
        large + 1,
        sizes[large]
    );
    interval_figure(out, "try_it_intervals.svg", &title, &o.try_survey, &o.try_fit)?;
    Ok(())
}
