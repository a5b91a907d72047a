//! The plate diagram, log axes, arrows, bars and text: each writes a
//! deterministic SVG holding its text, and rejects bad input with an error
//! (and no file) instead of panicking.

mod common;

use std::path::{Path, PathBuf};

use figures::*;

/// Writes the figure twice ([`common::write_twice`]) and checks that it
/// holds every string in `texts`.
fn check_writes(texts: &[&str], write: impl Fn(&Path) -> Result<(), FigureError>) {
    let svg = common::write_twice(write);
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
    let node = |label: &str, x, y, observed| PlateNode { label: label.into(), x, y, observed };
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
    check_writes(&["Plate title", "θᵢ", "i = 1, …, J", "observed", "hyperparameters"], |p| {
        plate_diagram(p, &spec)
    });
    let mut bad = plate();
    bad.edges.push((0, 7));
    assert!(matches!(check_fails(|p| plate_diagram(p, &bad)), FigureError::Invalid(_)));
    let mut bad = plate();
    bad.nodes[0].y = 5;
    assert!(matches!(check_fails(|p| plate_diagram(p, &bad)), FigureError::Invalid(_)));
    let mut bad = plate();
    bad.nodes.clear();
    assert!(matches!(check_fails(|p| plate_diagram(p, &bad)), FigureError::Empty(_)));
}

/// A panel of `marks` with default axes.
fn panel(marks: Vec<Mark>) -> Panel {
    Panel { marks, ..Default::default() }
}

#[test]
fn log_axes_get_nice_ticks_and_reject_values_at_or_below_zero() {
    let line = |points: Vec<(f64, f64)>| Mark::Line {
        points,
        style: Style::new(theme::palette::BLUE).label("MSE"),
    };
    let log = |p: Panel| Panel { x_scale: Scale::Log, y_scale: Scale::Log, ..p };
    let fig = |p: Panel| Figure::grid(vec![p], 1, 300);
    let ok = log(panel(vec![line(vec![(5.0, 20.0), (100.0, 1.0)])]));
    check_writes(&["\n5\n", "\n50\n", "\n100\n", "\n10\n", "\nMSE\n"], |p| {
        draw(p, &fig(ok.clone()))
    });
    let bad = log(panel(vec![line(vec![(0.0, 20.0), (100.0, 1.0)])]));
    let err = check_fails(|p| draw(p, &fig(bad.clone())));
    assert!(err.to_string().contains("log x axis"), "{err}");
}

#[test]
fn arrows_text_and_bars_draw() {
    let marks = vec![
        Mark::Segments {
            segments: vec![((0.0, 0.0), (10.0, 0.0))],
            arrow: true,
            style: Style::new(theme::palette::BLACK),
        },
        Mark::Bars {
            x: vec![2.0],
            width: 1.0,
            height: vec![3.0],
            style: Style::new(theme::palette::GREEN),
        },
        Mark::Text {
            at: vec![(2.5, 3.0)],
            text: vec!["a < b".into()],
            anchor: Anchor::End,
            offset: (0, -10),
            style: Style::new(theme::TEXT),
        },
    ];
    let fig = Figure::grid(vec![panel(marks)], 1, 300);
    // The arrow head is a filled triangle; the label is escaped and anchored.
    check_writes(&["Z\"/>", "a &lt; b", "text-anchor=\"end\""], |p| draw(p, &fig));
}
