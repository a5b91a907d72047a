//! Shared checks of written SVG, escaping, tick labels and Markdown tables.

mod common;

use std::path::Path;

use figures::*;

/// Writes the figure twice ([`common::write_twice`]) and checks that it
/// holds `title`.
fn check_writes(title: &str, write: impl Fn(&Path) -> Result<(), FigureError>) {
    let svg = common::write_twice(write);
    assert!(svg.contains(title), "SVG lacks the title {title:?}");
}

fn tmp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figure.svg");
    (dir, path)
}

#[test]
fn text_is_escaped() {
    let rows = [recipes::ForestRow { label: "x < y".into(), ..Default::default() }];
    let spec =
        recipes::rows_figure("a < b & c", vec![recipes::forest("e", ["m", "o"], &rows, None)], 36);
    let (_dir, path) = tmp();
    draw(&path, &spec).unwrap();
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
    assert!(matches!(markdown_table(&[], &[]), Err(FigureError::Empty(_))));
    assert!(matches!(
        markdown_table(&["a", "b"], &[vec!["1".into()]]),
        Err(FigureError::Invalid(_))
    ));
}

fn forest_rows() -> Vec<recipes::ForestRow> {
    (0..3)
        .map(|i| recipes::ForestRow {
            label: format!("group {i}"),
            mean: i as f64,
            low: i as f64 - 1.5,
            high: i as f64 + 2.0,
            observed: (i != 1).then_some(i as f64 * 2.0),
            note: Some("R-hat 1.00".into()),
        })
        .collect()
}

#[test]
fn forest_labels_rows_notes_and_legend() {
    let panel = recipes::forest(
        "effect",
        ["mean and interval", "observed"],
        &forest_rows(),
        Some((0.5, "population mean".into())),
    );
    let spec = recipes::rows_figure("Forest title", vec![panel], 36);
    check_writes("Forest title", |p| draw(p, &spec));
    let (_dir, path) = tmp();
    draw(&path, &spec).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    for text in
        ["group 0", "group 2", "R-hat 1.00", "observed", "population mean", "mean and interval"]
    {
        assert!(svg.contains(text), "missing {text}");
    }
    // Two observed values, each a cross of two strokes in one path.
    assert_eq!(svg.matches("<path d=\"M").count(), 2);
}

#[test]
fn trace_marks_divergences_and_checks_lengths() {
    let values: Vec<f64> = (0..300).map(|i| (i as f64 * 0.1).sin()).collect();
    let divergent: Vec<bool> = (0..300).map(|i| i % 37 == 0).collect();
    let refs = [(-0.5, "exact 5% quantile".to_string())];
    let panel = recipes::trace("centred", "log tau", &values, &divergent, &refs).unwrap();
    let spec =
        Figure { legend_per_panel: true, ..Figure::grid(vec![panel.clone(), panel], 1, 300) };
    check_writes("divergent (9)", |p| draw(p, &spec));
    check_writes("exact 5% quantile", |p| draw(p, &spec));
    assert!(recipes::trace("c", "y", &values, &divergent[1..], &refs).is_err());
    let none = recipes::trace("c", "y", &values, &[false; 300], &[]).unwrap();
    check_writes("divergent (0)", |p| draw(p, &Figure::grid(vec![none.clone()], 1, 300)));
}

#[test]
fn divergence_scatter_counts_both_kinds() {
    let x: Vec<f64> = (0..50).map(|i| (i as f64 * 0.7).sin() * 5.0).collect();
    let y: Vec<f64> = (0..50).map(|i| (i as f64 * 0.3).cos()).collect();
    let d: Vec<bool> = (0..50).map(|i| i % 7 == 0).collect();
    let panel = recipes::divergence_scatter("left", "theta", "log tau", &x, &y, &d).unwrap();
    let spec = Figure::grid(vec![panel], 2, 380);
    check_writes("non-divergent (42)", |p| draw(p, &spec));
    check_writes("divergent (8)", |p| draw(p, &spec));
    assert!(recipes::divergence_scatter("l", "x", "y", &x, &y[1..], &d).is_err());
}

#[test]
fn density_histogram_integrates_to_the_share_in_range() {
    let samples = [0.1, 0.2, 0.6, 0.9, 1.0, 5.0];
    let Mark::Bars { height, width, .. } =
        recipes::density_histogram(&samples, 2, Some((0.0, 1.0))).unwrap()
    else {
        panic!("not bars");
    };
    assert_eq!(height, vec![2.0 / 6.0 / 0.5, 3.0 / 6.0 / 0.5]);
    let area: f64 = height.iter().map(|h| h * width).sum();
    assert!((area - 5.0 / 6.0).abs() < 1e-12);
    assert!(recipes::density_histogram(&samples, 0, None).is_err());
    assert!(recipes::density_histogram(&samples, 2, Some((1.0, 1.0))).is_err());
    let panel = recipes::density_panel(
        "mu",
        "mu",
        &samples,
        4,
        (0.0, 1.0),
        &[(0.0, 1.0), (1.0, 1.0)],
        "exact",
    )
    .unwrap();
    check_writes("draws (n = 6)", |p| draw(p, &Figure::grid(vec![panel.clone()], 1, 360)));
    let nan = recipes::density_panel("mu", "mu", &[f64::NAN], 4, (0.0, 1.0), &[], "exact");
    assert!(matches!(nan, Err(FigureError::Invalid(_))));
}

#[test]
fn lines_and_strips_write_and_reject_bad_input() {
    let series = vec![
        ("chain 1".to_string(), (0..20).map(|i| (i as f64, (i as f64).sqrt())).collect()),
        ("chain 2".to_string(), vec![]),
    ];
    let (_dir, path) = tmp();
    assert!(matches!(
        draw(&path, &recipes::lines("Line title", "x", "y", series.clone())),
        Err(FigureError::Empty(_))
    ));
    check_writes("Line title", |p| {
        draw(p, &recipes::lines("Line title", "x", "y", series[..1].to_vec()))
    });
    let groups = [
        ("centred".to_string(), theme::palette::ORANGE),
        ("non-centred".to_string(), theme::palette::BLUE),
    ];
    let categories = ["0.8".to_string(), "0.9".into(), "0.99".into()];
    let values: Vec<Vec<Vec<f64>>> = (0..2)
        .map(|g| (0..3).map(|c| (0..7).map(|i| (g * 10 + c * 3 + i) as f64).collect()).collect())
        .collect();
    let strip = recipes::strip(
        "a",
        "target acceptance",
        "divergences",
        &categories,
        &values,
        &groups,
        Some((4.0, "exact".into())),
    )
    .unwrap();
    let spec = Figure::grid(vec![strip.clone(), strip.clone(), strip], 2, 330);
    for label in ["0.99", "non-centred", "median", "exact", "target acceptance"] {
        check_writes(label, |p| draw(p, &spec));
    }
    // 2 groups × 3 categories × 7 values per panel, 3 panels.
    draw(&path, &spec).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap().matches("r=\"4\"/>").count(), 3 * 2 * 3 * 7);
    assert!(recipes::strip("a", "x", "y", &categories, &values[..1], &groups, None).is_err());
    assert!(recipes::strip("a", "x", "y", &categories[..2], &values, &groups, None).is_err());
}

#[test]
fn group_intervals_check_their_series() {
    let groups = ["a".to_string(), "b".to_string()];
    let short = [("posterior".to_string(), vec![(1.0, 0.5, 1.5)])];
    let err = recipes::group_intervals("g", "y", &groups, &short, &[]).unwrap_err();
    assert!(err.to_string().contains("1 values for 2 groups"), "{err}");
    let reversed = [("posterior".to_string(), vec![(1.0, 0.5, 1.5), (1.0, 2.0, 0.0)])];
    let err = recipes::group_intervals("g", "y", &groups, &reversed, &[]).unwrap_err();
    assert!(err.to_string().contains("interval 2 > 0"), "{err}");
    // Many groups: no labels, thin intervals.
    let many: Vec<String> = (0..40).map(|i| i.to_string()).collect();
    let series = [("s".to_string(), vec![(1.0, 0.0, 2.0); 40])];
    let p = recipes::group_intervals("g", "y", &many, &series, &[]).unwrap();
    assert_eq!(p.x_ticks, Some(vec![]));
    assert_eq!(p.marks[0].style().size, 1.0);
}
