//! Every plot kind writes a deterministic, valid-looking SVG and rejects
//! empty or inconsistent input with an error instead of panicking.

use std::path::Path;

use figures::*;

fn forest() -> ForestPlot {
    ForestPlot {
        title: "Forest title".into(),
        x_label: "effect".into(),
        rows: (0..3)
            .map(|i| ForestRow {
                label: format!("group {i}"),
                mean: i as f64,
                low: i as f64 - 1.5,
                high: i as f64 + 2.0,
                observed: (i != 1).then_some(i as f64 * 2.0),
                note: Some("R-hat 1.00".into()),
            })
            .collect(),
        reference_line: Some((0.5, "population mean".into())),
    }
}

fn scatter() -> Vec<ScatterPanel> {
    let panel = |title: &str, shift: f64| ScatterPanel {
        title: title.into(),
        x_label: "theta".into(),
        y_label: "log tau".into(),
        x: (0..50)
            .map(|i| (i as f64 * 0.7).sin() * 5.0 + shift)
            .collect(),
        y: (0..50).map(|i| (i as f64 * 0.3).cos()).collect(),
        divergent: (0..50).map(|i| i % 7 == 0).collect(),
    };
    vec![panel("Scatter left", 0.0), panel("Scatter right", 3.0)]
}

fn histograms() -> Vec<HistogramPanel> {
    vec![HistogramPanel {
        title: "Histogram title".into(),
        x_label: "mu".into(),
        samples: (0..500)
            .map(|i| ((i * 37 % 101) as f64 / 101.0 - 0.5) * 4.0)
            .collect(),
        bins: 20,
        range: None,
        curve: Some((0..=50).map(|i| (-2.0 + i as f64 * 0.08, 0.25)).collect()),
        curve_label: "exact".into(),
    }]
}

fn lines() -> LinePlot {
    LinePlot {
        title: "Line title".into(),
        x_label: "iteration".into(),
        y_label: "value".into(),
        series: vec![
            LineSeries {
                label: "chain 1".into(),
                points: (0..20).map(|i| (i as f64, (i as f64).sqrt())).collect(),
            },
            LineSeries {
                label: "chain 2".into(),
                points: (0..20).map(|i| (i as f64, -(i as f64) * 0.1)).collect(),
            },
        ],
    }
}

/// Writes the figure twice and checks the output: SVG, contains `title`,
/// byte-identical both times.
fn check_writes(title: &str, write: impl Fn(&Path) -> Result<(), FigureError>) {
    let dir = tempfile::tempdir().unwrap();
    // A nested path also checks that missing directories are created.
    let first = dir.path().join("a/figure.svg");
    let second = dir.path().join("b/figure.svg");
    write(&first).unwrap();
    write(&second).unwrap();
    let a = std::fs::read(&first).unwrap();
    let b = std::fs::read(&second).unwrap();
    assert_eq!(a, b, "two writes of {title:?} differ");
    let svg = String::from_utf8(a).unwrap();
    assert!(
        svg.starts_with("<svg "),
        "not an SVG: {}",
        &svg[..80.min(svg.len())]
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains(title), "SVG lacks the title {title:?}");
}

fn tmp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figure.svg");
    (dir, path)
}

#[test]
fn forest_plot_writes_deterministic_svg() {
    let spec = forest();
    check_writes("Forest title", |p| forest_plot(p, &spec));
    let (_dir, path) = tmp();
    forest_plot(&path, &spec).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    for text in [
        "group 0",
        "group 2",
        "R-hat 1.00",
        "population mean",
        "observed",
    ] {
        assert!(svg.contains(text), "forest plot lacks {text:?}");
    }
}

#[test]
fn forest_plot_rejects_bad_input() {
    let (_dir, path) = tmp();
    let mut spec = forest();
    spec.rows.clear();
    assert!(matches!(
        forest_plot(&path, &spec),
        Err(FigureError::Empty(_))
    ));
    let mut spec = forest();
    spec.rows[1].high = f64::NAN;
    assert!(matches!(
        forest_plot(&path, &spec),
        Err(FigureError::Invalid(_))
    ));
    let mut spec = forest();
    spec.rows[0].low = 10.0;
    assert!(matches!(
        forest_plot(&path, &spec),
        Err(FigureError::Invalid(_))
    ));
    assert!(!path.exists(), "a failed plot must not leave a file behind");
}

#[test]
fn divergence_scatter_writes_deterministic_svg() {
    let panels = scatter();
    check_writes("Scatter left", |p| divergence_scatter(p, &panels));
    let (_dir, path) = tmp();
    divergence_scatter(&path, &panels).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("Scatter right"));
    // 50 points, every 7th divergent: 8 divergent, 42 not.
    assert!(
        svg.contains("divergent (8)"),
        "legend lacks the divergent count"
    );
    assert!(svg.contains("non-divergent (42)"));
    // Both panels' divergent dots are drawn last, on top of every plain dot.
    let (_, top) = svg
        .split_once("<g fill=\"#D55E00\"")
        .expect("no divergent dots");
    assert!(!top.contains("#0072B2"), "divergent dots are not on top");
    assert_eq!(top.matches("<circle").count(), 16);
}

#[test]
fn divergence_scatter_rejects_bad_input() {
    let (_dir, path) = tmp();
    assert!(matches!(
        divergence_scatter(&path, &[]),
        Err(FigureError::Empty(_))
    ));
    let mut panels = scatter();
    panels[1].x.clear();
    panels[1].y.clear();
    panels[1].divergent.clear();
    assert!(matches!(
        divergence_scatter(&path, &panels),
        Err(FigureError::Empty(_))
    ));
    let mut panels = scatter();
    panels[0].divergent.pop();
    assert!(matches!(
        divergence_scatter(&path, &panels),
        Err(FigureError::Invalid(_))
    ));
    let mut panels = scatter();
    panels[0].y[3] = f64::INFINITY;
    assert!(matches!(
        divergence_scatter(&path, &panels),
        Err(FigureError::Invalid(_))
    ));
}

#[test]
fn histogram_panels_write_deterministic_svg() {
    let panels = histograms();
    check_writes("Histogram title", |p| histogram_panels(p, &panels));
    // All samples equal and a fixed range both still draw.
    let mut panels = histograms();
    panels[0].samples = vec![1.0; 10];
    panels[0].curve = None;
    let (_dir, path) = tmp();
    histogram_panels(&path, &panels).unwrap();
    panels[0].range = Some((-5.0, 5.0));
    histogram_panels(&path, &panels).unwrap();
}

#[test]
fn histogram_panels_reject_bad_input() {
    let (_dir, path) = tmp();
    assert!(matches!(
        histogram_panels(&path, &[]),
        Err(FigureError::Empty(_))
    ));
    let mut panels = histograms();
    panels[0].samples.clear();
    assert!(matches!(
        histogram_panels(&path, &panels),
        Err(FigureError::Empty(_))
    ));
    let mut panels = histograms();
    panels[0].bins = 0;
    assert!(matches!(
        histogram_panels(&path, &panels),
        Err(FigureError::Invalid(_))
    ));
    let mut panels = histograms();
    panels[0].range = Some((1.0, 1.0));
    assert!(matches!(
        histogram_panels(&path, &panels),
        Err(FigureError::Invalid(_))
    ));
    let mut panels = histograms();
    panels[0].samples[0] = f64::NAN;
    assert!(matches!(
        histogram_panels(&path, &panels),
        Err(FigureError::Invalid(_))
    ));
}

#[test]
fn line_plot_writes_deterministic_svg() {
    let spec = lines();
    check_writes("Line title", |p| line_plot(p, &spec));
}

#[test]
fn line_plot_rejects_bad_input() {
    let (_dir, path) = tmp();
    let mut spec = lines();
    spec.series.clear();
    assert!(matches!(
        line_plot(&path, &spec),
        Err(FigureError::Empty(_))
    ));
    let mut spec = lines();
    spec.series[1].points.clear();
    assert!(matches!(
        line_plot(&path, &spec),
        Err(FigureError::Empty(_))
    ));
}

#[test]
fn text_is_escaped() {
    let mut spec = forest();
    spec.title = "a < b & c".into();
    let (_dir, path) = tmp();
    forest_plot(&path, &spec).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("a &lt; b &amp; c"));
}

#[test]
fn tick_labels_are_clean() {
    use figures::theme::format_tick;
    assert_eq!(format_tick(&0.0), "0");
    assert_eq!(format_tick(&-0.0), "0");
    assert_eq!(format_tick(&-1.3877787807814457e-17), "0");
    assert_eq!(format_tick(&10.0), "10");
    assert_eq!(format_tick(&(0.1 + 0.2)), "0.3");
    assert_eq!(format_tick(&-2.5), "\u{2212}2.5");
    assert_eq!(format_tick(&0.05), "0.05");
}

#[test]
fn markdown_tables() {
    let table = markdown_table(
        &["school", "mean", "sd"],
        &[
            vec!["A".into(), "10.2".into(), "6.1".into()],
            vec!["B|C".into(), "-3".into(), "5.0".into()],
        ],
    )
    .unwrap();
    assert_eq!(
        table,
        "| school | mean | sd |\n|---|---:|---:|\n| A | 10.2 | 6.1 |\n| B\\|C | -3 | 5.0 |\n"
    );
    assert!(matches!(
        markdown_table(&[], &[]),
        Err(FigureError::Empty(_))
    ));
    assert!(matches!(
        markdown_table(&["a", "b"], &[vec!["1".into()]]),
        Err(FigureError::Invalid(_))
    ));
}
