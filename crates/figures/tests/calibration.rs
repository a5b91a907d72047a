//! The calibration plots: they draw, they are deterministic, and bad input is an error.

use figures::{EcdfPanel, RankHistogramPanel, ecdf_difference_plot, rank_histograms};

fn hist() -> RankHistogramPanel {
    RankHistogramPanel {
        title: "tau (p = 0.01)".into(),
        counts: vec![30, 12, 9, 11, 8, 10, 9, 11],
        band: (4, 18),
        band_label: "99% band if uniform".into(),
    }
}

fn ecdf() -> EcdfPanel {
    let z: Vec<f64> = (1..20).map(|i| i as f64 / 20.0).collect();
    EcdfPanel {
        title: "mu".into(),
        lower: z.iter().map(|_| -0.06).collect(),
        upper: z.iter().map(|_| 0.06).collect(),
        series: vec![(
            "thinned".into(),
            z.iter().map(|v| 0.1 * v * (1.0 - v)).collect(),
        )],
        band_label: "95% simultaneous band".into(),
        z,
    }
}

#[test]
fn calibration_plots_are_drawn_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.svg"), dir.path().join("b.svg"));
    rank_histograms(&a, &[hist(), hist()]).unwrap();
    rank_histograms(&b, &[hist(), hist()]).unwrap();
    let text = std::fs::read_to_string(&a).unwrap();
    assert!(text.starts_with("<svg") && text.contains("tau (p = 0.01)"));
    assert_eq!(text, std::fs::read_to_string(&b).unwrap());
    let e = dir.path().join("e.svg");
    ecdf_difference_plot(&e, &[ecdf()]).unwrap();
    assert!(
        std::fs::read_to_string(&e)
            .unwrap()
            .contains("ECDF difference")
    );
}

#[test]
fn bad_input_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.svg");
    assert!(rank_histograms(&p, &[]).is_err());
    assert!(
        rank_histograms(
            &p,
            &[RankHistogramPanel {
                counts: vec![],
                ..hist()
            }]
        )
        .is_err()
    );
    let mut bad = ecdf();
    bad.lower.pop();
    assert!(ecdf_difference_plot(&p, &[bad]).is_err());
}
