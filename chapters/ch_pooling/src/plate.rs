//! The plate diagram of the partial-pooling model: hyperparameters at the
//! top, one mean per instructor inside the instructor plate, each student's
//! score inside the nested student plate, and the shared `sigma` outside.

use crate::INSTRUCTOR_PRIORS as P;
use figures::{Plate, PlateDiagram, PlateNode};

/// Node positions are pixels on an 800 × 440 canvas.
pub fn diagram() -> PlateDiagram {
    let node = |label: &str, x, y, observed| PlateNode { label: label.into(), x, y, observed };
    let note = |text: String, x, y| (text, x, y);
    PlateDiagram {
        title: "Partial pooling as a graphical model".into(),
        height: 440,
        nodes: vec![
            node("μ", 290, 60, false),
            node("τ", 410, 60, false),
            node("θᵢ", 350, 180, false),
            node("yᵢⱼ", 350, 300, true),
            node("σ", 110, 390, false),
        ],
        edges: vec![(0, 2), (1, 2), (2, 3), (4, 3)],
        plates: vec![
            Plate { label: "i = 1, …, J".into(), left: 200, top: 125, right: 500, bottom: 425 },
            Plate {
                label: "j = 1, …, nᵢ".into(), left: 235, top: 245, right: 465, bottom: 385
            },
        ],
        notes: vec![
            note("hyperparameters".into(), 16, 60),
            note("group level".into(), 16, 180),
            note("observations".into(), 16, 300),
            note(format!("μ ~ Normal({}, {})", P.mu_mean, P.mu_sd), 525, 48),
            note(format!("τ ~ HalfNormal({})", P.tau_scale), 525, 74),
            note("θᵢ ~ Normal(μ, τ)".into(), 525, 180),
            note("yᵢⱼ ~ Normal(θᵢ, σ)".into(), 525, 288),
            note(format!("σ ~ HalfNormal({})", P.sigma_scale), 525, 314),
        ],
    }
}
