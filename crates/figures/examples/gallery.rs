//! Writes one example of every plot kind into a directory, for looking at:
//!
//! ```text
//! cargo run -p figures --example gallery -- /tmp/gallery
//! ```

use std::path::PathBuf;

use figures::recipes::{ForestRow, density_panel, divergence_scatter, forest, lines, rows_figure};
use figures::*;

/// A small deterministic generator, so the gallery needs no dependencies.
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
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
    let rows: Vec<ForestRow> = y
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
    let reference = Some((4.4, "posterior mean of μ".into()));
    let panel = forest(
        "treatment effect θ_j",
        ["posterior mean and interval", "observed"],
        &rows,
        reference,
    );
    let title = "Eight schools: posterior school effects";
    draw(&dir.join("forest.svg"), &rows_figure(title, vec![panel], 36))?;

    let mut funnel = |centred: bool| {
        let (mut x, mut y, mut divergent) = (vec![], vec![], vec![]);
        for _ in 0..8000 {
            let log_tau = 1.0 + 1.2 * rng.normal();
            x.push(4.0 + log_tau.exp() * rng.normal());
            y.push(log_tau);
            divergent.push(centred && log_tau < -0.5 && rng.uniform() < 0.6);
        }
        let title = if centred { "centred" } else { "non-centred" };
        divergence_scatter(title, "θ_1", "log τ", &x, &y, &divergent)
    };
    let panels = vec![funnel(true)?, funnel(false)?];
    let figure = Figure {
        shared_x: true,
        shared_y: true,
        legend_per_panel: true,
        ..Figure::grid(panels, 2, 380)
    };
    draw(&dir.join("divergence.svg"), &figure)?;

    let normal_pdf = |x: f64, m: f64, s: f64| {
        (-0.5 * ((x - m) / s).powi(2)).exp() / (s * (2.0 * std::f64::consts::PI).sqrt())
    };
    let mu: Vec<f64> = (0..4000).map(|_| 4.4 + 3.3 * rng.normal()).collect();
    let curve: Vec<(f64, f64)> = (0..=200)
        .map(|i| -8.0 + 24.0 * i as f64 / 200.0)
        .map(|x| (x, normal_pdf(x, 4.4, 3.3)))
        .collect();
    let panel = density_panel("μ", "μ", &mu, 40, (-8.0, 16.0), &curve, "exact posterior")?;
    draw(&dir.join("histogram.svg"), &Figure::grid(vec![panel], 2, 360))?;

    let series = (0..4)
        .map(|c| {
            let mut v = 0.0;
            let points = (0..300)
                .map(|i| {
                    v = 0.9 * v + 0.5 * rng.normal();
                    (i as f64, v + c as f64 * 0.1)
                })
                .collect();
            (format!("chain {}", c + 1), points)
        })
        .collect();
    draw(&dir.join("line.svg"), &lines("Trace of log τ", "iteration", "log τ", series))?;
    println!("wrote the gallery to {}", dir.display());
    Ok(())
}
