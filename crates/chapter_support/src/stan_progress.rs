//! Stan-style progress text for a finished fit
//! (`Chain 1: Iteration:  200 / 2000 [ 10%]  (Warmup)`).
//!
//! Stan prints these lines while each chain runs. Our sampler runs chains in
//! parallel; its per-iteration hook (`sampler::fit_with_hook`) could print
//! them live, but their order would then depend on thread timing, so the
//! text is written after the fit from what the fit records (settings,
//! per-chain statistics). The lines
//! follow Stan's rule: iteration 1, every `refresh`-th iteration, the first
//! sampling iteration and the last one, with the percentage rounded down.
//!
//! Reference: the Stan services library, `stan::services::util::generate_transitions`.

use sampler::Fit;
use std::fmt::Write;
use std::time::Duration;

/// Iterations at which Stan prints a progress line, with their phase
/// (`true` for warmup).
pub fn progress_iterations(
    num_warmup: usize,
    num_draws: usize,
    refresh: usize,
) -> Vec<(usize, bool)> {
    let total = num_warmup + num_draws;
    let refresh = refresh.max(1);
    let mut out = Vec::new();
    for (start, len, warmup) in [(0, num_warmup, true), (num_warmup, num_draws, false)] {
        for m in 0..len {
            let it = start + m + 1;
            if m == 0 || it % refresh == 0 || it == total {
                out.push((it, warmup));
            }
        }
    }
    out
}

/// The progress text of chain `chain` (from 0) of `fit`, as Stan would print
/// it for model `model_name`, followed by what the fit knows about the chain
/// (gradient evaluations, step size, divergences). `elapsed` (the whole
/// fit's wall time) is printed only when given, so the text without it is
/// deterministic. `refresh` is Stan's refresh interval (rstan uses a tenth
/// of the iterations).
pub fn chain_progress_text(
    fit: &Fit,
    chain: usize,
    model_name: &str,
    refresh: usize,
    elapsed: Option<Duration>,
) -> String {
    let s = &fit.settings;
    let total = s.num_warmup + s.num_draws;
    let width = total.to_string().len();
    let c = chain + 1;
    let mut out = String::new();
    let _ = writeln!(out, "SAMPLING FOR MODEL '{model_name}' NOW (CHAIN {c}).");
    let _ = writeln!(out, "Chain {c}: ");
    for (it, warmup) in progress_iterations(s.num_warmup, s.num_draws, refresh) {
        let pct = 100 * it / total.max(1);
        let phase = if warmup { "Warmup" } else { "Sampling" };
        let _ =
            writeln!(out, "Chain {c}: Iteration: {it:>width$} / {total} [{pct:>3}%]  ({phase})");
    }
    let _ = writeln!(out, "Chain {c}: ");
    if let Some(ch) = fit.chains.get(chain) {
        let divergent = ch.stats.iter().filter(|d| d.divergent).count();
        let leapfrog: usize = ch.stats.iter().map(|d| d.n_leapfrog).sum();
        let per_draw = leapfrog as f64 / ch.stats.len().max(1) as f64;
        let _ = writeln!(
            out,
            "Chain {c}:  Gradient evaluations: {} (warmup and sampling)",
            ch.gradient_evaluations
        );
        let _ = writeln!(
            out,
            "Chain {c}:  Step size {:.3}, {per_draw:.1} leapfrog steps per draw",
            ch.step_size
        );
        let _ = writeln!(
            out,
            "Chain {c}:  Divergent transitions: {} during warmup, {divergent} after warmup",
            ch.warmup_divergences
        );
    }
    if let Some(t) = elapsed {
        let _ = writeln!(
            out,
            "Chain {c}:  Elapsed Time: {:.3} seconds (all chains, run in parallel)",
            t.as_secs_f64()
        );
    }
    let _ = writeln!(out, "Chain {c}: ");
    out
}

/// The progress text of every chain, one after another (see
/// [`chain_progress_text`]), with a blank line between chains.
pub fn fit_progress_text(
    fit: &Fit,
    model_name: &str,
    refresh: usize,
    elapsed: Option<Duration>,
) -> String {
    (0..fit.chains.len())
        .map(|c| format!("\n{}", chain_progress_text(fit, c, model_name, refresh, elapsed)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stan_prints_at_these_iterations() {
        let its = progress_iterations(1000, 1000, 200);
        let warm: Vec<usize> = its.iter().filter(|(_, w)| *w).map(|(i, _)| *i).collect();
        let samp: Vec<usize> = its.iter().filter(|(_, w)| !*w).map(|(i, _)| *i).collect();
        assert_eq!(warm, vec![1, 200, 400, 600, 800, 1000]);
        assert_eq!(samp, vec![1001, 1200, 1400, 1600, 1800, 2000]);
        // The last iteration is always printed, even off the refresh grid.
        let its = progress_iterations(10, 5, 4);
        let all: Vec<usize> = its.iter().map(|(i, _)| *i).collect();
        assert_eq!(all, vec![1, 4, 8, 11, 12, 15]);
    }

    #[test]
    fn lines_look_like_stan() {
        let settings = sampler::Settings {
            num_chains: 1,
            num_warmup: 1000,
            num_draws: 1000,
            ..Default::default()
        };
        let fit = Fit { param_names: vec![], settings, chains: vec![] };
        let text = chain_progress_text(&fit, 0, "m", 200, None);
        assert!(text.contains("Chain 1: Iteration:    1 / 2000 [  0%]  (Warmup)\n"));
        assert!(text.contains("Chain 1: Iteration: 1001 / 2000 [ 50%]  (Sampling)\n"));
        assert!(text.contains("Chain 1: Iteration: 2000 / 2000 [100%]  (Sampling)\n"));
        assert!(!text.contains("Elapsed"));
    }
}
