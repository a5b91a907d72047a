//! Writing draws as CmdStan CSV files, which ArviZ, cmdstanpy and R's
//! `posterior` read.
//!
//! One file per chain, in CmdStan's order: `#` comment lines with the run's
//! configuration; a header row of sampler columns (`lp__`, `accept_stat__`,
//! …) followed by the parameters in Stan's naming; the adaptation result
//! (`# Step size = …`, then the inverse mass matrix); one row per kept draw;
//! and a closing timing block. The block records no times, so the same fit
//! always gives byte-identical files.
//! Reference: CmdStan User's Guide, "Stan CSV File Format".

use crate::error::{Result, SamplerError};
use crate::fit::Fit;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Formats a float so that it reads back to the same bits (Rust's shortest
/// round-trip representation), switching to exponent form for very small or
/// large magnitudes.
pub fn format_f64(x: f64) -> String {
    if x == 0.0 || !x.is_finite() || (1e-5..1e16).contains(&x.abs()) {
        if x.is_nan() {
            "nan".into()
        } else if x.is_infinite() {
            if x > 0.0 { "inf".into() } else { "-inf".into() }
        } else {
            format!("{x}")
        }
    } else {
        format!("{x:e}")
    }
}

/// The CSV text of chain `chain` (0-based) of `fit`, for a model called `model_name`.
pub fn chain_csv(model_name: &str, fit: &Fit, chain: usize) -> String {
    let s = &fit.settings;
    let c = &fit.chains[chain];
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(&format!("# model = {model_name}"));
    line("# method = sample (Default)");
    line("#   sample");
    line(&format!("#     num_samples = {}", s.num_draws));
    line(&format!("#     num_warmup = {}", s.num_warmup));
    line("#     save_warmup = false");
    line("#     thin = 1 (Default)");
    line("#     adapt");
    line(&format!("#       engaged = {}", s.num_warmup > 0));
    line(&format!("#       delta = {}", s.target_accept));
    line("#     algorithm = hmc (Default)");
    line("#       hmc");
    line("#         engine = nuts (Default)");
    line("#           nuts");
    line(&format!("#             max_depth = {}", s.max_tree_depth));
    line("#         metric = diag_e (Default)");
    line(&format!("#     num_chains = {}", s.num_chains));
    line(&format!("# id = {}", chain + 1));
    line(&format!("# init = {}", s.init_radius));
    line("# random");
    line(&format!("#   seed = {}", s.seed));
    let mut header = vec![
        "lp__",
        "accept_stat__",
        "stepsize__",
        "treedepth__",
        "n_leapfrog__",
        "divergent__",
        "energy__",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    header.extend(fit.param_names.iter().cloned());
    line(&header.join(","));
    line("# Adaptation terminated");
    line(&format!("# Step size = {}", format_f64(c.step_size)));
    line("# Diagonal elements of inverse mass matrix:");
    let inv_mass: Vec<String> = c.inv_mass.iter().map(|v| format_f64(*v)).collect();
    line(&format!("# {}", inv_mass.join(", ")));
    for (draw, st) in c.draws.iter().zip(&c.stats) {
        let mut row = String::new();
        let _ = write!(
            row,
            "{},{},{},{},{},{},{}",
            format_f64(st.lp),
            format_f64(st.accept_stat),
            format_f64(st.step_size),
            st.tree_depth,
            st.n_leapfrog,
            u8::from(st.divergent),
            format_f64(st.energy)
        );
        for v in draw {
            row.push(',');
            row.push_str(&format_f64(*v));
        }
        line(&row);
    }
    // CmdStan ends with the elapsed times; readers such as cmdstanpy find the
    // end of the draws by this block. Times would make the file differ from
    // run to run, so the block says they were not recorded.
    line("# ");
    line("#  Elapsed Time: not recorded (this file is the same on every run)");
    line("# ");
    out
}

/// Writes `DIR/<model_name>_<chain>.csv` for every chain (chain from 1),
/// creating `dir` if needed; returns the paths written.
pub fn write_cmdstan_csv(dir: &Path, model_name: &str, fit: &Fit) -> Result<Vec<PathBuf>> {
    let io_err = |path: &Path, e: std::io::Error| SamplerError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    (0..fit.chains.len())
        .map(|c| {
            let path = dir.join(format!("{model_name}_{}.csv", c + 1));
            std::fs::write(&path, chain_csv(model_name, fit, c)).map_err(|e| io_err(&path, e))?;
            Ok(path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::format_f64;

    #[test]
    fn floats_round_trip() {
        for x in [0.1, -2.5e-9, 1.0 / 3.0, 123456.789, 3e20, -0.0, 1.0] {
            let s = format_f64(x);
            assert_eq!(s.parse::<f64>().unwrap().to_bits(), x.to_bits(), "{s}");
        }
        assert_eq!(format_f64(f64::NAN), "nan");
        assert_eq!(format_f64(f64::NEG_INFINITY), "-inf");
    }
}
