//! The figures of the pooled simulation studies: five schools and three levels.

use crate::Outcome;
use crate::plots::{across, dashed, estimates, groups_figure, names, sample_means, truth_markers};
use anyhow::Result;
use chapter_support::OutputDir;
use diagnostics::mean;
use figures::recipes::group_intervals;
use figures::theme;
use figures::{Mark, Style};

fn five_schools(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, unpooled, pooled) = &o.sims.five_schools;
    let j = data.school_means.len();
    let mu_names = names("mu_school", j);
    let (a, b) = (pooled.pooled_named("alpha_bar")?, pooled.pooled_named("beta_bar")?);
    let prior_mean = mean(&a.iter().zip(&b).map(|(a, b)| a / (a + b)).collect::<Vec<_>>());
    let groups: Vec<String> = (1..=j).map(|i| format!("school {i}")).collect();
    let series = [
        ("unpooled".into(), estimates(unpooled, &mu_names)?),
        ("pooled".into(), estimates(pooled, &mu_names)?),
    ];
    let markers = [truth_markers("true mean", &data.school_means), sample_means(&data.scores, 0.3)];
    let mut panel = group_intervals("school", "mean score", &groups, &series, &markers)?;
    let label = "pooled prior mean, alpha_bar / (alpha_bar + beta_bar)";
    panel.marks.insert(0, across(label, prior_mean, j));
    let title = "Five schools: unpooled and pooled school means";
    groups_figure(out, "five_schools.svg", title, panel)
}

fn three_levels(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, fit) = &o.sims.three_levels;
    let d = data.district_means.len();
    let s = data.school_means.len();
    let districts = estimates(fit, &names("mu_district", d))?;
    let groups: Vec<String> = (1..=d).map(|i| format!("district {i}")).collect();
    let series = [("posterior".into(), districts.clone())];
    let truth = [truth_markers("true mean", &data.district_means)];
    let panel = group_intervals("district", "mean score", &groups, &series, &truth)?;
    let title = "District means: posterior mean and 95% interval";
    groups_figure(out, "three_levels_districts.svg", title, panel)?;
    let mut labels = Vec::with_capacity(s);
    let mut segments = Vec::new();
    let mut separators = Vec::new();
    for (k, district) in districts.iter().enumerate() {
        let members: Vec<usize> = (0..s).filter(|&i| data.district_of[i] == k).collect();
        for (n, _) in members.iter().enumerate() {
            labels.push(format!("{}.{}", k + 1, n + 1));
        }
        let (first, last) = (members[0] as f64, members[members.len() - 1] as f64);
        segments.push(((first - 0.45, district.0), (last + 0.45, district.0)));
        if k > 0 {
            let style = Style::new(theme::AXIS).opacity(0.35).size(1.0);
            separators.push(Mark::VLine { x: first - 0.5, style });
        }
    }
    let series = [("posterior".into(), estimates(fit, &names("mu_school", s))?)];
    let truth = [truth_markers("true mean", &data.school_means)];
    let mut panel = group_intervals("district.school", "mean score", &labels, &series, &truth)?;
    separators.push(dashed("district posterior mean", segments));
    panel.marks.splice(0..0, separators);
    let title = "School means within districts";
    groups_figure(out, "three_levels_schools.svg", title, panel)
}

/// Writes the five-schools and three-levels figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    five_schools(out, o)?;
    three_levels(out, o)?;
    Ok(())
}
