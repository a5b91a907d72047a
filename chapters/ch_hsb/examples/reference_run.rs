//! The long reference run of the non-centred partial-pooling model, run once
//! and committed as `reference/partial_noncentred.json`:
//!
//! ```text
//! cargo run --release -p ch_hsb --example reference_run
//! ```
//!
//! Four chains of 2000 warmup and 25 000 kept iterations, on a seed the
//! chapter's default run does not use.

use ch_hsb::reference::Reference;
use models::hsb::data::Hsb;
use models::hsb::fits::{ModelKind, fit_model};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let d = Hsb::load(Path::new(ch_hsb::DEFAULT_DATA))?;
    let settings = sampler::Settings {
        seed: 1,
        num_warmup: 2000,
        num_draws: 25_000,
        progress: true,
        ..Default::default()
    };
    let m = fit_model(ModelKind::NonCentred, &d.grouped()?, &settings, false)?;
    let reference = Reference::from_fit(
        &m.fit,
        "non-centred partial pooling, 4 chains x (2000 warmup + 25000 draws), seed 1",
    )?;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("reference/partial_noncentred.json");
    std::fs::write(&path, serde_json::to_string_pretty(&reference)? + "\n")?;
    eprintln!("{} divergent; wrote {}", m.fit.num_divergent(), path.display());
    Ok(())
}
