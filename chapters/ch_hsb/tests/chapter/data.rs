//! Facts about the data that the source chapter printed: sizes and R's
//! `summary()` of the scores, SES and school sizes.

use models::hsb::data::Hsb;
use std::path::Path;

/// `|ours − printed| ≤ half a unit in the printed number's last digit`.
fn agrees(ours: f64, printed: &str) -> bool {
    let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len());
    let value: f64 = printed.parse().unwrap();
    (ours - value).abs() <= 0.5 * 10f64.powi(-(decimals as i32)) + 1e-12
}

#[test]
fn data_facts_match_the_source() {
    let d = Hsb::load(Path::new(ch_hsb::DEFAULT_DATA)).unwrap();
    assert_eq!((d.len(), d.num_schools()), (7185, 160));
    let eda = ch_hsb::eda::explore(&d, 12, 1);
    // summary(school_counts$n_students): 14, 35, 47, 44.91, 54, 67
    let s = eda.sizes;
    assert_eq!((s.min, s.q1, s.median, s.q3, s.max), (14.0, 35.0, 47.0, 54.0, 67.0));
    assert!(agrees(s.mean, "44.91"));
    assert!(agrees(eda.math.mean, "12.748") && agrees(eda.ses.q3, "0.602"));
    // Schools 1, 25, 50, 100, 150 as the source prints their sizes.
    for (j, n) in [(1, 47), (25, 52), (50, 38), (100, 54), (150, 53)] {
        assert_eq!(d.sizes[j - 1], n, "school {j}");
    }
}
