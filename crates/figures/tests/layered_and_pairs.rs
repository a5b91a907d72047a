//! `draw` and `pairs_plot` write deterministic SVG and reject bad
//! input with an error instead of panicking.

mod common;

use figures::theme::palette;
use figures::*;

fn figure() -> Figure {
    let x: Vec<f64> = (0..40).map(|i| i as f64 / 4.0).collect();
    let y: Vec<f64> = x.iter().map(|v| (v * 0.7).sin() * 3.0 + v).collect();
    let panel = |title: &str| Panel {
        title: title.into(),
        x_label: "ses".into(),
        y_label: "score".into(),
        marks: vec![
            Mark::Band {
                x: vec![0.0, 10.0],
                low: vec![-1.0, 8.0],
                high: vec![1.0, 12.0],
                style: Style::new(palette::BLUE).opacity(0.2).label("band"),
            },
            Mark::Points {
                x: x.clone(),
                y: y.clone(),
                radii: vec![],
                style: Style::new(palette::BLUE).opacity(0.4).label("students"),
            },
            Mark::Line {
                points: vec![(0.0, 0.0), (10.0, 10.0)],
                style: Style::new(palette::VERMILLION).label("fitted line"),
            },
            Mark::HLine { y: 5.0, style: Style::new(palette::BLACK).dashed().label("reference") },
            Mark::Intervals {
                x: vec![2.0, 4.0],
                low: vec![1.0, 2.0],
                high: vec![3.0, 6.0],
                style: Style::new(palette::GREEN),
            },
        ],
        ..Default::default()
    };
    Figure {
        title: "Layered title".into(),
        panels: vec![panel("left panel"), panel("right panel")],
        columns: 2,
        panel_height: 260,
        shared_x: true,
        shared_y: true,
        ..Default::default()
    }
}

#[test]
fn layered_panels_write_deterministic_svg() {
    let spec = figure();
    let svg = common::write_twice(|p| draw(p, &spec));
    for text in [
        "Layered title",
        "left panel",
        "right panel",
        "students",
        "fitted line",
        "reference",
        "band",
    ] {
        assert!(svg.contains(text), "missing {text:?}");
    }
    // The legend lists each label once although both panels use it.
    assert_eq!(svg.matches("\nstudents\n").count(), 1);
    assert_eq!(svg.matches("clip-path=\"url(#panel").count(), 2);
}

#[test]
fn histograms_and_explicit_ticks_draw() {
    let spec = Figure {
        title: "Histogram layer".into(),
        panels: vec![Panel {
            x_label: "mean".into(),
            marks: vec![
                Mark::Histogram {
                    values: (0..200).map(|i| ((i * 37) % 101) as f64 / 10.0).collect(),
                    bins: 20,
                    range: None,
                    style: Style::new(palette::SKY_BLUE).label("replicated"),
                },
                Mark::VLine {
                    x: 5.0,
                    style: Style::new(palette::BLACK).size(3.0).label("observed"),
                },
            ],
            x_ticks: Some(vec![(0.0, "zero".into()), (5.0, "five".into())]),
            ..Default::default()
        }],
        columns: 1,
        ..Default::default()
    };
    let svg = common::write_twice(|p| draw(p, &spec));
    assert!(svg.contains("zero") && svg.contains("five"));
}

#[test]
fn layered_panels_reject_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.svg");
    let empty = Figure::default();
    assert!(matches!(draw(&path, &empty), Err(FigureError::Empty(_))));
    let mut spec = figure();
    if let Mark::Points { y, .. } = &mut spec.panels[0].marks[1] {
        y.pop();
    }
    assert!(matches!(draw(&path, &spec), Err(FigureError::Invalid(_))));
    let mut spec = figure();
    if let Mark::Line { points, .. } = &mut spec.panels[1].marks[2] {
        points[0].1 = f64::NAN;
    }
    assert!(matches!(draw(&path, &spec), Err(FigureError::Invalid(_))));
    let mut spec = figure();
    spec.panels[0].y_range = Some((3.0, 1.0));
    assert!(draw(&path, &spec).is_err());
    assert!(!path.exists(), "a failed plot must not leave a file behind");
}

#[test]
fn pairs_plot_writes_deterministic_svg_and_rejects_bad_input() {
    let draws: Vec<Vec<f64>> = (0..3)
        .map(|k| (0..300).map(|i| ((i * (7 + k)) % 53) as f64 / 53.0 + k as f64).collect())
        .collect();
    let spec = PairsPlot {
        title: "Pairs title".into(),
        names: vec!["mu".into(), "tau".into(), "sigma".into()],
        draws,
    };
    let svg = common::write_twice(|p| pairs_plot(p, &spec));
    for text in ["Pairs title", "mu", "tau", "sigma", "r = "] {
        assert!(svg.contains(text), "missing {text:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.svg");
    let mut bad = spec.clone();
    bad.names.pop();
    assert!(pairs_plot(&path, &bad).is_err());
    let mut bad = spec.clone();
    bad.draws[1][4] = f64::INFINITY;
    assert!(pairs_plot(&path, &bad).is_err());
    let mut bad = spec;
    bad.draws[2].pop();
    assert!(pairs_plot(&path, &bad).is_err());
}
