//! The figures of the pooled simulation studies: five schools and three levels.

use crate::Outcome;
use crate::plots::{estimates, mean, names, truth_markers};
use anyhow::Result;
use chapter_support::OutputDir;
use figures::{GroupIntervals, IntervalSeries, Marker, MarkerSeries, Segment, group_intervals};

fn five_schools(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, unpooled, pooled) = &o.sims.five_schools;
    let j = data.school_means.len();
    let mu_names = names("mu_school", j);
    let (a, b) = (
        pooled.pooled_named("alpha_bar")?,
        pooled.pooled_named("beta_bar")?,
    );
    let prior_mean = mean(
        &a.iter()
            .zip(&b)
            .map(|(a, b)| a / (a + b))
            .collect::<Vec<_>>(),
    );
    group_intervals(
        &out.path("five_schools.svg"),
        &GroupIntervals {
            title: "Five schools: unpooled and pooled school means".into(),
            x_label: "school".into(),
            y_label: "mean score".into(),
            groups: (1..=j).map(|i| format!("school {i}")).collect(),
            estimates: vec![
                IntervalSeries {
                    label: "unpooled".into(),
                    values: estimates(unpooled, &mu_names)?,
                },
                IntervalSeries {
                    label: "pooled".into(),
                    values: estimates(pooled, &mu_names)?,
                },
            ],
            markers: vec![
                truth_markers("true mean", &data.school_means),
                MarkerSeries {
                    label: "sample mean".into(),
                    marker: Marker::Square,
                    points: data
                        .scores
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (i as f64 + 0.3, mean(s)))
                        .collect(),
                },
            ],
            segments: vec![Segment {
                from: -0.5,
                to: j as f64 - 0.5,
                y: prior_mean,
                label: "pooled prior mean, alpha_bar / (alpha_bar + beta_bar)".into(),
            }],
            ..Default::default()
        },
    )?;
    Ok(())
}

fn three_levels(out: &OutputDir, o: &Outcome) -> Result<()> {
    let (data, fit) = &o.sims.three_levels;
    let d = data.district_means.len();
    let s = data.school_means.len();
    let districts = estimates(fit, &names("mu_district", d))?;
    group_intervals(
        &out.path("three_levels_districts.svg"),
        &GroupIntervals {
            title: "District means: posterior mean and 95% interval".into(),
            x_label: "district".into(),
            y_label: "mean score".into(),
            groups: (1..=d).map(|i| format!("district {i}")).collect(),
            estimates: vec![IntervalSeries {
                label: "posterior".into(),
                values: districts.clone(),
            }],
            markers: vec![truth_markers("true mean", &data.district_means)],
            ..Default::default()
        },
    )?;
    let mut labels = Vec::with_capacity(s);
    let mut segments = Vec::new();
    let mut separators = Vec::new();
    for (k, district) in districts.iter().enumerate() {
        let members: Vec<usize> = (0..s).filter(|&i| data.district_of[i] == k).collect();
        for (n, _) in members.iter().enumerate() {
            labels.push(format!("{}.{}", k + 1, n + 1));
        }
        let (first, last) = (members[0] as f64, members[members.len() - 1] as f64);
        segments.push(Segment {
            from: first - 0.45,
            to: last + 0.45,
            y: district.0,
            label: "district posterior mean".into(),
        });
        if k > 0 {
            separators.push(first - 0.5);
        }
    }
    group_intervals(
        &out.path("three_levels_schools.svg"),
        &GroupIntervals {
            title: "School means within districts".into(),
            x_label: "district.school".into(),
            y_label: "mean score".into(),
            groups: labels,
            estimates: vec![IntervalSeries {
                label: "posterior".into(),
                values: estimates(fit, &names("mu_school", s))?,
            }],
            markers: vec![truth_markers("true mean", &data.school_means)],
            segments,
            separators,
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Writes the five-schools and three-levels figures into `out`.
pub fn write_all(out: &OutputDir, o: &Outcome) -> Result<()> {
    five_schools(out, o)?;
    three_levels(out, o)?;
    Ok(())
}
