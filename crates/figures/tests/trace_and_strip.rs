//! The trace and strip plot kinds write deterministic SVG and reject bad
//! input with an error instead of panicking.

use figures::*;

fn trace() -> Vec<TracePanel> {
    let panel = |title: &str, shift: f64| TracePanel {
        title: title.into(),
        x_label: "iteration".into(),
        y_label: "log tau".into(),
        values: (0..300).map(|i| (i as f64 * 0.1).sin() + shift).collect(),
        divergent: (0..300).map(|i| i % 37 == 0).collect(),
        reference_lines: vec![(-0.5, "exact 5% quantile".into())],
    };
    vec![panel("centred", 0.0), panel("non-centred", 0.5)]
}

fn strip() -> StripPlot {
    let panel = |title: &str| StripPanel {
        title: title.into(),
        x_label: "target acceptance".into(),
        y_label: "divergences".into(),
        categories: vec!["0.8".into(), "0.9".into(), "0.99".into()],
        values: (0..2)
            .map(|g| {
                (0..3)
                    .map(|c| (0..7).map(|i| (g * 10 + c * 3 + i) as f64).collect())
                    .collect()
            })
            .collect(),
        reference: Some(4.0),
    };
    StripPlot {
        title: "Sweep".into(),
        group_labels: vec!["centred".into(), "non-centred".into()],
        reference_label: "exact".into(),
        panels: vec![panel("a"), panel("b"), panel("c")],
    }
}

#[test]
fn trace_panels_are_deterministic_and_mark_divergences() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.svg"), dir.path().join("b.svg"));
    trace_panels(&a, &trace()).unwrap();
    trace_panels(&b, &trace()).unwrap();
    let svg = std::fs::read_to_string(&a).unwrap();
    assert_eq!(svg, std::fs::read_to_string(&b).unwrap());
    assert!(svg.contains("divergent (9)"));
    assert!(svg.contains("exact 5% quantile"));
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn trace_panels_reject_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.svg");
    assert!(trace_panels(&path, &[]).is_err());
    let mut bad = trace();
    bad[0].divergent.pop();
    assert!(trace_panels(&path, &bad).is_err());
    let mut bad = trace();
    bad[1].values[3] = f64::NAN;
    assert!(trace_panels(&path, &bad).is_err());
    let mut bad = trace();
    bad[0].values.clear();
    assert!(trace_panels(&path, &bad).is_err());
    assert!(!path.exists());
}

#[test]
fn strip_plot_is_deterministic_and_labels_categories() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.svg"), dir.path().join("b.svg"));
    strip_plot(&a, &strip()).unwrap();
    strip_plot(&b, &strip()).unwrap();
    let svg = std::fs::read_to_string(&a).unwrap();
    assert_eq!(svg, std::fs::read_to_string(&b).unwrap());
    for label in [
        "0.99",
        "non-centred",
        "median",
        "exact",
        "target acceptance",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
    // 2 groups × 3 categories × 7 values per panel, 3 panels.
    assert_eq!(svg.matches("r=\"4\"/>").count(), 3 * 2 * 3 * 7);
}

#[test]
fn strip_plot_rejects_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.svg");
    let mut bad = strip();
    bad.panels.clear();
    assert!(strip_plot(&path, &bad).is_err());
    let mut bad = strip();
    bad.panels[0].values.pop();
    assert!(strip_plot(&path, &bad).is_err());
    let mut bad = strip();
    bad.panels[2].values[1][0][0] = f64::INFINITY;
    assert!(strip_plot(&path, &bad).is_err());
    let mut bad = strip();
    bad.panels[1].categories.clear();
    assert!(strip_plot(&path, &bad).is_err());
    assert!(!path.exists());
}
