//! Writing the fits as CmdStan CSV files (`--draws-dir`), optionally with
//! the pointwise log likelihood as `log_lik.1 … log_lik.N` columns (Stan's
//! naming for generated quantities, which ArviZ reads with
//! `az.from_cmdstan(..., log_likelihood="log_lik")`). Replicated data are
//! never written: at 7185 columns per draw they would dwarf everything else.

use crate::Outcome;
use anyhow::Result;
use models::hsb::predictive::log_lik;
use sampler::Fit;
use std::path::Path;

/// `fit` with the columns `log_lik.1 … log_lik.N` appended to every draw.
pub fn with_log_lik(fit: &Fit, log_lik: &[Vec<f64>]) -> Fit {
    let mut out = fit.clone();
    let n = log_lik.first().map_or(0, Vec::len);
    out.param_names.extend((1..=n).map(|i| format!("log_lik.{i}")));
    let mut rows = log_lik.iter();
    for chain in &mut out.chains {
        for draw in &mut chain.draws {
            if let Some(row) = rows.next() {
                draw.extend_from_slice(row);
            }
        }
    }
    out
}

/// Writes one set of CSV files per model into `dir` (`hsb_<model>_<chain>.csv`).
pub fn write_draws(dir: &Path, o: &Outcome, include_log_lik: bool) -> Result<()> {
    for m in &o.fits {
        let name = format!("hsb_{}", m.kind.key());
        if include_log_lik {
            let ll = log_lik(&o.data, &m.fit)?;
            sampler::cmdstan_csv::write_cmdstan_csv(dir, &name, &with_log_lik(&m.fit, &ll))?;
        } else {
            sampler::cmdstan_csv::write_cmdstan_csv(dir, &name, &m.fit)?;
        }
    }
    Ok(())
}
