//! `xy_panels` and `group_intervals` write deterministic SVGs and reject
//! empty or inconsistent input with an error instead of panicking.

use figures::*;

fn xy() -> Vec<XyPanel> {
    let curve = |k: f64| {
        (0..=40)
            .map(|i| (i as f64 / 40.0, k * (i as f64 / 40.0).powi(2)))
            .collect()
    };
    vec![
        XyPanel {
            title: "Bundle title".into(),
            x_label: "p".into(),
            y_label: "density".into(),
            faint: (1..6).map(|k| curve(k as f64)).collect(),
            faint_label: "simulated".into(),
            lines: vec![XySeries {
                label: "average".into(),
                points: curve(3.0),
            }],
            points: vec![XySeries {
                label: "students".into(),
                points: vec![(0.5, 0.75), (0.9, 2.4)],
            }],
            vlines: vec![(0.75, "true value".into())],
            ..Default::default()
        },
        XyPanel {
            title: "Second".into(),
            lines: vec![XySeries {
                label: String::new(),
                points: curve(1.0),
            }],
            x_range: Some((0.0, 1.0)),
            ..Default::default()
        },
    ]
}

fn groups(n: usize) -> GroupIntervals {
    GroupIntervals {
        title: "Groups title".into(),
        x_label: "school".into(),
        y_label: "mean".into(),
        groups: (1..=n).map(|i| i.to_string()).collect(),
        estimates: vec![
            IntervalSeries {
                label: "unpooled".into(),
                values: (0..n)
                    .map(|i| (i as f64, i as f64 - 1.0, i as f64 + 1.0))
                    .collect(),
            },
            IntervalSeries {
                label: "pooled".into(),
                values: (0..n)
                    .map(|i| (0.9 * i as f64, i as f64 - 0.8, i as f64 + 0.7))
                    .collect(),
            },
        ],
        markers: vec![MarkerSeries {
            label: "true".into(),
            marker: Marker::Cross,
            points: (0..n).map(|i| (i as f64, 1.1 * i as f64)).collect(),
        }],
        segments: vec![Segment {
            from: -0.5,
            to: n as f64 - 0.5,
            y: 2.0,
            label: "grand mean".into(),
        }],
        separators: vec![1.5],
        y_range: None,
    }
}

fn svg_of(write: impl Fn(&std::path::Path) -> Result<(), FigureError>, title: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a/x.svg"), dir.path().join("b/x.svg"));
    write(&a).unwrap();
    write(&b).unwrap();
    let (sa, sb) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(sa, sb, "{title}: two writes differ");
    let s = String::from_utf8(sa).unwrap();
    assert!(s.starts_with("<svg ") && s.trim_end().ends_with("</svg>"));
    assert!(s.contains(title), "no title {title:?}");
}

#[test]
fn xy_panels_write_deterministic_svg() {
    svg_of(|p| xy_panels(p, &xy()), "Bundle title");
    svg_of(|p| xy_panels(p, &xy()[1..]), "Second");
}

#[test]
fn group_intervals_write_deterministic_svg() {
    svg_of(|p| group_intervals(p, &groups(5)), "Groups title");
    // Many groups: no labels, thin intervals.
    svg_of(|p| group_intervals(p, &groups(120)), "Groups title");
}

#[test]
fn bad_input_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.svg");
    assert!(matches!(xy_panels(&path, &[]), Err(FigureError::Empty(_))));
    assert!(matches!(
        xy_panels(&path, &[XyPanel::default()]),
        Err(FigureError::Empty(_))
    ));
    let mut nan = xy();
    nan[0].lines[0].points[3].1 = f64::NAN;
    assert!(matches!(
        xy_panels(&path, &nan),
        Err(FigureError::Invalid(_))
    ));
    let mut bad_range = xy();
    bad_range[1].x_range = Some((1.0, 1.0));
    assert!(matches!(
        xy_panels(&path, &bad_range),
        Err(FigureError::Invalid(_))
    ));

    let mut short = groups(4);
    short.estimates[0].values.pop();
    assert!(matches!(
        group_intervals(&path, &short),
        Err(FigureError::Invalid(_))
    ));
    let mut inverted = groups(3);
    inverted.estimates[1].values[0] = (0.0, 1.0, -1.0);
    assert!(matches!(
        group_intervals(&path, &inverted),
        Err(FigureError::Invalid(_))
    ));
    assert!(matches!(
        group_intervals(&path, &GroupIntervals::default()),
        Err(FigureError::Empty(_))
    ));
    assert!(!path.exists());
}
