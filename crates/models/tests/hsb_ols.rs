//! The High School and Beyond least-squares baselines: checked against an
//! independent computation to 1e-6, and against the digits R's `lm()` printed
//! in the source chapter.

use models::hsb::data::Hsb;
use models::hsb::ols::{complete_pooling, no_pooling};
use nalgebra::{DMatrix, DVector};
use std::path::Path;

fn data() -> Hsb {
    Hsb::load(Path::new(models::hsb::DEFAULT_DATA)).unwrap()
}

/// `|ours − printed| ≤ half a unit in the printed number's last digit`.
fn agrees(ours: f64, printed: &str) -> bool {
    let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len());
    let value: f64 = printed.parse().unwrap();
    (ours - value).abs() <= 0.5 * 10f64.powi(-(decimals as i32)) + 1e-12
}

#[test]
fn complete_pooling_matches_closed_form_and_r() {
    let d = data();
    let f = complete_pooling(&d).unwrap();
    // Closed form of simple regression.
    let (x, y) = (d.ses(), d.math());
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxx: f64 = x.iter().map(|v| (v - mx).powi(2)).sum();
    let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let rss: f64 = x.iter().zip(&y).map(|(a, b)| (b - intercept - slope * a).powi(2)).sum();
    let tss: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    let s = (rss / (n - 2.0)).sqrt();
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
    assert!(close(f.coef[0], intercept) && close(f.coef[1], slope));
    assert!(close(f.se[1], s / sxx.sqrt()));
    assert!(close(f.se[0], s * (1.0 / n + mx * mx / sxx).sqrt()));
    assert!(close(f.sigma, s) && close(f.r_squared, 1.0 - rss / tss));
    assert_eq!(f.df, 7183);
    // The confidence band is narrowest at the mean SES, where it is ± t s / √n.
    let (low, line, high) = f.band_at(mx, 2.0);
    assert!(
        close(line, my) && close(high - line, 2.0 * s / n.sqrt()) && close(line - low, high - line)
    );
    // summary(lm(mathach ~ ses)) in the source.
    assert!(agrees(f.coef[0], "12.74740") && agrees(f.se[0], "0.07569"));
    assert!(agrees(f.coef[1], "3.18387") && agrees(f.se[1], "0.09712"));
    assert!(
        agrees(f.sigma, "6.416")
            && agrees(f.r_squared, "0.1301")
            && agrees(f.adj_r_squared, "0.1300")
    );
    let r = &f.residuals;
    for (p, printed) in
        [(0.0, "-19.4382"), (0.25, "-4.7580"), (0.5, "0.2334"), (0.75, "5.0649"), (1.0, "15.9007")]
    {
        assert!(agrees(diagnostics::quantile(r, p), printed), "residual quantile {p}");
    }
}

#[test]
fn no_pooling_matches_the_full_joint_fit_and_r() {
    let d = data();
    let f = no_pooling(&d).unwrap();
    let (n, j) = (d.len(), d.num_schools());
    // Independent computation: the full N × 2J design of
    // lm(mathach ~ 0 + school + ses:school), normal equations solved by LU.
    let x = DMatrix::from_fn(n, 2 * j, |i, c| {
        let school = d.school[i];
        if c == school {
            1.0
        } else if c == j + school {
            d.rows[i].ses
        } else {
            0.0
        }
    });
    let y = DVector::from_vec(d.math());
    let xtx = x.transpose() * &x;
    let beta = xtx.clone().lu().solve(&(x.transpose() * &y)).unwrap();
    let inv = xtx.try_inverse().unwrap();
    let resid = &y - &x * &beta;
    let s2 = resid.norm_squared() / (n - 2 * j) as f64;
    for k in 0..j {
        assert!((f.intercept[k] - beta[k]).abs() < 1e-6, "intercept {k}");
        assert!((f.slope[k] - beta[j + k]).abs() < 1e-6, "slope {k}");
        assert!((f.intercept_se[k] - (s2 * inv[(k, k)]).sqrt()).abs() < 1e-6);
        assert!((f.slope_se[k] - (s2 * inv[(j + k, j + k)]).sqrt()).abs() < 1e-6);
    }
    assert!((f.sigma - s2.sqrt()).abs() < 1e-9);
    assert_eq!(f.df, 7185 - 320);
    // The source's printed coefficients of schools 1..10.
    let printed = [
        ("10.8051320", "1.078924", "2.5085817", "1.424328"),
        ("13.1149374", "1.232605", "3.2554487", "1.848156"),
        ("8.0937790", "1.050183", "1.0759591", "1.366096"),
        ("16.1889592", "2.043623", "0.1260242", "2.897407"),
        ("12.7377629", "1.032583", "1.2739128", "1.589299"),
        ("11.3059042", "1.106861", "5.0680087", "1.711676"),
        ("9.7771939", "1.145374", "3.8543228", "1.668358"),
        ("18.3988853", "1.611858", "1.8542944", "1.747981"),
        ("17.2106429", "1.289411", "1.6005617", "1.616532"),
        ("12.5973695", "1.486897", "6.2664969", "1.546844"),
    ];
    for (k, &(a, sa, b, sb)) in printed.iter().enumerate() {
        let columns = [
            ("intercept", f.intercept[k], a),
            ("intercept SE", f.intercept_se[k], sa),
            ("slope", f.slope[k], b),
            ("slope SE", f.slope_se[k], sb),
        ];
        for (what, ours, printed) in columns {
            assert!(
                agrees(ours, printed),
                "school {} {what}: ours {ours}, the source printed {printed}",
                k + 1
            );
        }
    }
}
