//! The plot kinds of the pooling, shrinkage and Stein chapters: each writes a
//! deterministic SVG holding its text, and rejects bad input with an error
//! (and no file) instead of panicking.

use std::path::{Path, PathBuf};

use figures::*;

/// Writes the figure twice; checks it is an SVG, identical both times, and
/// contains every string in `texts`.
fn check_writes(texts: &[&str], write: impl Fn(&Path) -> Result<(), FigureError>) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a/f.svg"), dir.path().join("b/f.svg"));
    write(&a).unwrap();
    write(&b).unwrap();
    let (a, b) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(a, b, "two writes differ");
    let svg = String::from_utf8(a).unwrap();
    assert!(svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"));
    for t in texts {
        assert!(svg.contains(t), "SVG lacks {t:?}");
    }
}

/// Expects `write` to fail without leaving a file.
fn check_fails(write: impl Fn(&Path) -> Result<(), FigureError>) -> FigureError {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("f.svg");
    let err = write(&path).unwrap_err();
    assert!(!path.exists(), "a failed plot left a file behind");
    err
}

fn plate() -> PlateDiagram {
    let node = |label: &str, x, y, observed| PlateNode {
        label: label.into(),
        x,
        y,
        observed,
    };
    PlateDiagram {
        title: "Plate title".into(),
        height: 300,
        nodes: vec![
            node("μ", 300, 50, false),
            node("θᵢ", 300, 150, false),
            node("yᵢⱼ", 300, 250, true),
        ],
        edges: vec![(0, 1), (1, 2)],
        plates: vec![Plate {
            label: "i = 1, …, J".into(),
            left: 200,
            top: 100,
            right: 500,
            bottom: 295,
        }],
        notes: vec![("hyperparameters".into(), 360, 50)],
    }
}

#[test]
fn plate_diagram_draws_and_rejects_bad_input() {
    let spec = plate();
    check_writes(
        &[
            "Plate title",
            "θᵢ",
            "i = 1, …, J",
            "observed",
            "hyperparameters",
        ],
        |p| plate_diagram(p, &spec),
    );
    let mut bad = plate();
    bad.edges.push((0, 7));
    assert!(matches!(
        check_fails(|p| plate_diagram(p, &bad)),
        FigureError::Invalid(_)
    ));
    let mut bad = plate();
    bad.nodes[0].y = 5;
    assert!(matches!(
        check_fails(|p| plate_diagram(p, &bad)),
        FigureError::Invalid(_)
    ));
    let mut bad = plate();
    bad.nodes.clear();
    assert!(matches!(
        check_fails(|p| plate_diagram(p, &bad)),
        FigureError::Empty(_)
    ));
}

#[test]
fn arrows_plot_draws_and_rejects_bad_input() {
    let spec = ArrowsPlot {
        title: "Arrows title".into(),
        x_label: "score".into(),
        rows: (0..4)
            .map(|i| ArrowRow {
                label: format!("school {i}"),
                from: i as f64 * 3.0,
                to: 4.0 + i as f64 * 0.5,
                marker: (i != 2).then_some(i as f64),
            })
            .collect(),
        from_label: "raw mean".into(),
        to_label: "partial pooling".into(),
        marker_label: "truth".into(),
        reference_line: Some((4.5, "grand mean".into())),
    };
    check_writes(
        &["Arrows title", "school 3", "raw mean", "grand mean"],
        |p| arrows_plot(p, &spec),
    );
    let mut bad = spec.clone();
    bad.rows[1].to = f64::NAN;
    assert!(matches!(
        check_fails(|p| arrows_plot(p, &bad)),
        FigureError::Invalid(_)
    ));
    bad.rows.clear();
    assert!(matches!(
        check_fails(|p| arrows_plot(p, &bad)),
        FigureError::Empty(_)
    ));
}

#[test]
fn bar_chart_draws_and_rejects_bad_input() {
    let spec = BarChart {
        title: "Bars title".into(),
        y_label: "MSE".into(),
        bars: ["no", "complete", "partial"]
            .iter()
            .zip([6.5, 20.0, 4.25])
            .map(|(l, v)| Bar {
                label: l.to_string(),
                value: v,
                text: format!("{v}"),
            })
            .collect(),
        note: Some("35% lower".into()),
    };
    check_writes(&["Bars title", "complete", "4.25", "35% lower"], |p| {
        bar_chart(p, &spec)
    });
    let mut bad = spec.clone();
    bad.bars[0].value = -1.0;
    assert!(matches!(
        check_fails(|p| bar_chart(p, &bad)),
        FigureError::Invalid(_)
    ));
    bad.bars.clear();
    assert!(matches!(
        check_fails(|p| bar_chart(p, &bad)),
        FigureError::Empty(_)
    ));
}

#[test]
fn loglog_panels_draw_and_reject_bad_input() {
    let series = |label: &str, f: fn(f64) -> f64| LineSeries {
        label: label.into(),
        points: [5.0, 10.0, 20.0, 50.0, 100.0]
            .iter()
            .map(|&n| (n, f(n)))
            .collect(),
    };
    let panel = |title: &str| LogLogPanel {
        title: title.into(),
        series: vec![
            series("no pooling", |n| 100.0 / n),
            series("complete", |_| 25.0),
        ],
    };
    let spec = LogLogPanels {
        title: "Loglog title".into(),
        x_label: "n".into(),
        y_label: "MSE".into(),
        panels: vec![panel("tau = 1"), panel("tau = 5"), panel("tau = 15")],
    };
    check_writes(
        &["Loglog title", "tau = 15", "no pooling", "\n100\n</text>"],
        |p| loglog_panels(p, &spec),
    );
    let mut bad = spec.clone();
    bad.panels[1].series[0].points[2].1 = 0.0;
    assert!(matches!(
        check_fails(|p| loglog_panels(p, &bad)),
        FigureError::Invalid(_)
    ));
    bad.panels.clear();
    assert!(matches!(
        check_fails(|p| loglog_panels(p, &bad)),
        FigureError::Empty(_)
    ));
}

#[test]
fn curve_points_draw_and_reject_bad_input() {
    let spec = CurvePoints {
        title: "Curve title".into(),
        x_label: "sigma / tau".into(),
        y_label: "B".into(),
        curve: (0..=40)
            .map(|i| i as f64 / 10.0)
            .map(|r| (r, r * r / (1.0 + r * r)))
            .collect(),
        curve_label: "B(r)".into(),
        points: vec![LabelledPoint {
            x: 1.5,
            y: 2.25 / 3.25,
            label: "E".into(),
            above: true,
        }],
        points_label: "schools".into(),
        y_range: Some((0.0, 1.0)),
    };
    check_writes(&["Curve title", "B(r)", "schools", "\nE\n</text>"], |p| {
        curve_points(p, &spec)
    });
    let mut bad = spec.clone();
    bad.y_range = Some((1.0, 0.0));
    assert!(matches!(
        check_fails(|p| curve_points(p, &bad)),
        FigureError::Invalid(_)
    ));
    bad.curve.clear();
    assert!(matches!(
        check_fails(|p| curve_points(p, &bad)),
        FigureError::Empty(_)
    ));
}

#[test]
fn shrinkage_lines_draw_and_reject_bad_input() {
    let spec = ShrinkageLines {
        title: "Lines title".into(),
        x_label: "batting average".into(),
        rows: vec![
            ("first 45 at-bats".into(), vec![0.4, 0.3, 0.2]),
            ("James–Stein".into(), vec![0.3, 0.27, 0.25]),
            ("rest of season".into(), vec![0.35, 0.25, 0.28]),
        ],
    };
    check_writes(&["Lines title", "James–Stein", "rest of season"], |p| {
        shrinkage_lines(p, &spec)
    });
    let mut bad = spec.clone();
    bad.rows[1].1.pop();
    assert!(matches!(
        check_fails(|p| shrinkage_lines(p, &bad)),
        FigureError::Invalid(_)
    ));
    bad.rows.truncate(1);
    assert!(matches!(
        check_fails(|p| shrinkage_lines(p, &bad)),
        FigureError::Empty(_)
    ));
}
