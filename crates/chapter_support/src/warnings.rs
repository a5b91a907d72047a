//! Stan-style warnings after every fit, on stderr (silent with `--quiet`).

use diagnostics::{FitFacts, Warning, warnings};
use sampler::Fit;

/// What [`diagnostics::warnings`] needs, read off a fit: every parameter's
/// draws, divergences and maximum-depth trees after warmup, energies.
pub fn fit_facts(fit: &Fit) -> FitFacts {
    let max_tree_depth = fit.settings.max_tree_depth;
    let max_depth_hits =
        fit.chains.iter().flat_map(|c| &c.stats).filter(|s| s.tree_depth >= max_tree_depth).count();
    FitFacts {
        params: (0..fit.param_names.len())
            .map(|i| (fit.param_names[i].clone(), fit.chains_of(i)))
            .collect(),
        divergent: fit.num_divergent(),
        max_depth_hits,
        max_tree_depth,
        energy: fit.stat_chains(|s| s.energy),
    }
}

/// The warnings Stan and ArviZ would give for `fit` (none for a healthy fit).
pub fn fit_warnings(fit: &Fit) -> Vec<Warning> {
    warnings(&fit_facts(fit))
}

/// The lines [`report_warnings`] prints, `label: warning: …`.
pub fn warning_lines(label: &str, fit: &Fit) -> Vec<String> {
    fit_warnings(fit).iter().map(|w| format!("{label}: warning: {w}")).collect()
}

/// Prints the fit's warnings to stderr, one line each, unless `quiet`.
/// A fit with none prints nothing. Nothing is written to the book.
pub fn report_warnings(label: &str, fit: &Fit, quiet: bool) {
    if quiet {
        return;
    }
    for line in warning_lines(label, fit) {
        eprintln!("{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use models::{EightSchools, Parameterization};
    use sampler::Settings;

    /// The Eight Schools chapter's settings (2000 draws, target acceptance 0.9).
    fn settings() -> Settings {
        Settings { num_draws: 2000, target_accept: 0.9, seed: 20261123, ..Settings::default() }
    }

    #[test]
    fn the_centred_eight_schools_fit_warns() {
        let fit = sampler::fit(&EightSchools::new(Parameterization::Centred), &settings()).unwrap();
        let w = fit_warnings(&fit);
        let lines = warning_lines("centred", &fit);
        assert!(w.iter().any(|w| matches!(w, Warning::Divergences { .. })), "{lines:?}");
        // tau, the funnel's neck, is named by the R-hat or the ESS warning
        // (which one fires depends on the seed and the warmup schedule).
        let names_tau = |params: &[(String, f64)]| params.iter().any(|(n, _)| n == "tau");
        assert!(
            w.iter().any(|w| match w {
                Warning::RHat { params } | Warning::LowEss { params, .. } => names_tau(params),
                _ => false,
            }),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| l.starts_with("centred: warning: ")));
    }

    #[test]
    fn the_non_centred_eight_schools_fit_does_not() {
        let model = EightSchools::new(Parameterization::NonCentred);
        let fit = sampler::fit(&model, &settings()).unwrap();
        assert!(
            warning_lines("non-centred", &fit).is_empty(),
            "{:?}",
            warning_lines("non-centred", &fit)
        );
    }
}
