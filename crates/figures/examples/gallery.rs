//! Writes one example of every plot kind into a directory, for looking at:
//!
//! ```text
//! cargo run -p figures --example gallery -- /tmp/gallery
//! ```

use std::path::PathBuf;

use figures::*;

/// A small deterministic generator, so the gallery needs no dependencies.
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

fn main() -> Result<(), FigureError> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "gallery".into()));
    let mut rng = Lcg(42);

    let y = [28.0, 8.0, -3.0, 7.0, -1.0, 1.0, 18.0, 12.0];
    let rows = y
        .iter()
        .enumerate()
        .map(|(j, &y)| {
            let mean = 4.4 + 0.25 * (y - 4.4);
            ForestRow {
                label: format!("School {}", (b'A' + j as u8) as char),
                mean,
                low: mean - 9.0 - j as f64,
                high: mean + 10.0 + j as f64 * 0.5,
                observed: Some(y),
                note: Some(format!("R-hat {:.2}", 1.0 + j as f64 * 0.001)),
            }
        })
        .collect();
    forest_plot(
        &dir.join("forest.svg"),
        &ForestPlot {
            title: "Eight schools: posterior school effects".into(),
            x_label: "treatment effect θ_j".into(),
            rows,
            reference_line: Some((4.4, "posterior mean of μ".into())),
        },
    )?;

    let funnel = |rng: &mut Lcg, centred: bool| {
        let n = 8000;
        let mut p = ScatterPanel {
            title: if centred { "centred" } else { "non-centred" }.into(),
            x_label: "θ_1".into(),
            y_label: "log τ".into(),
            ..Default::default()
        };
        for _ in 0..n {
            let log_tau = 1.0 + 1.2 * rng.normal();
            let theta = 4.0 + log_tau.exp() * rng.normal();
            p.x.push(theta);
            p.y.push(log_tau);
            p.divergent
                .push(centred && log_tau < -0.5 && rng.uniform() < 0.6);
        }
        p
    };
    let panels = [funnel(&mut rng, true), funnel(&mut rng, false)];
    divergence_scatter(&dir.join("divergence.svg"), &panels)?;

    let normal_pdf = |x: f64, m: f64, s: f64| {
        (-0.5 * ((x - m) / s).powi(2)).exp() / (s * (2.0 * std::f64::consts::PI).sqrt())
    };
    let mu: Vec<f64> = (0..4000).map(|_| 4.4 + 3.3 * rng.normal()).collect();
    let tau: Vec<f64> = (0..4000)
        .map(|_| (1.0 + 0.8 * rng.normal()).exp())
        .collect();
    let grid = |lo: f64, hi: f64| (0..=200).map(move |i| lo + (hi - lo) * i as f64 / 200.0);
    histogram_panels(
        &dir.join("histogram.svg"),
        &[
            HistogramPanel {
                title: "μ".into(),
                x_label: "μ".into(),
                samples: mu,
                bins: 40,
                range: Some((-8.0, 16.0)),
                curve: Some(
                    grid(-8.0, 16.0)
                        .map(|x| (x, normal_pdf(x, 4.4, 3.3)))
                        .collect(),
                ),
                curve_label: "exact posterior".into(),
            },
            HistogramPanel {
                title: "τ".into(),
                x_label: "τ".into(),
                samples: tau,
                bins: 40,
                range: Some((0.0, 20.0)),
                curve: None,
                curve_label: String::new(),
            },
        ],
    )?;

    let series = (0..4)
        .map(|c| {
            let mut v = 0.0;
            LineSeries {
                label: format!("chain {}", c + 1),
                points: (0..300)
                    .map(|i| {
                        v = 0.9 * v + 0.5 * rng.normal();
                        (i as f64, v + c as f64 * 0.1)
                    })
                    .collect(),
            }
        })
        .collect();
    line_plot(
        &dir.join("line.svg"),
        &LinePlot {
            title: "Trace of log τ".into(),
            x_label: "iteration".into(),
            y_label: "log τ".into(),
            series,
        },
    )?;
    println!("wrote the gallery to {}", dir.display());
    Ok(())
}
