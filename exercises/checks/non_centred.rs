//! Checks for exercise 5.8.2, compiled into both `exercises` and `solutions`.

use super::*;

use crate::common::{above, close, passed, same, same_density, same_names, show};
use models::{EightSchools, Parameterization};
use sampler::rng::{chain_rng, std_normal};
use sampler::{Model, Settings};

/// Reproducible test points `(mu, log tau, eta_1..8)`, spread over the region
/// the sampler visits (including small tau, the funnel's neck).
fn points(n: usize) -> Vec<Vec<f64>> {
    let mut rng = chain_rng(5_8_2, 0, 0);
    (0..n)
        .map(|_| {
            let mut x = vec![10.0 * std_normal(&mut rng), 2.0 * std_normal(&mut rng)];
            x.extend((0..8).map(|_| std_normal(&mut rng)));
            x
        })
        .collect()
}

fn yours() -> Declared<NonCentredSchools> {
    declare().unwrap_or_else(|e| panic!("declare() returned an error: {e}"))
}

/// The sampler's coordinates by name, e.g. `mu, log tau, eta.1 … eta.8`.
fn free_names() -> Vec<String> {
    let mut names = vec!["mu".to_string(), "log tau".to_string()];
    names.extend((1..=8).map(|j| format!("eta.{j}")));
    names
}

#[test]
fn jacobian_of_eta_to_theta() {
    close("log_jacobian(ln 2, 8)", log_jacobian(2f64.ln(), 8), 8.0 * 2f64.ln(), 1e-12);
    // The centred and non-centred densities at matching points differ by it.
    let c = EightSchools::new(Parameterization::Centred);
    let n = EightSchools::new(Parameterization::NonCentred);
    for x in points(20) {
        let tau = x[1].exp();
        let mut xc = x[..2].to_vec();
        xc.extend(x[2..].iter().map(|eta| x[0] + tau * eta));
        let diff = n.log_density(&x) - c.log_density(&xc);
        let got = log_jacobian(x[1], 8);
        assert!(
            (got - diff).abs() <= 1e-8 * (1.0 + diff.abs()),
            "log_jacobian({}, 8): yours {}, expected {} (the difference of the book's \
             non-centred and centred log densities at matching points)",
            show(x[1]),
            show(got),
            show(diff)
        );
    }
    passed(
        "log_jacobian at 20 more points",
        "equal to the difference of the two parameterisations' log densities",
        "the same (±1e-8 relative)",
    );
}

#[test]
fn declaration() {
    let model = yours();
    // The sampler moves on the real line: a positive parameter appears there as its log.
    same_names(
        "the sampler's coordinates (Declared::free_names)",
        &model.free_names(),
        &free_names(),
    );
    let mut names = vec!["mu".to_string(), "tau".to_string()];
    names.extend((1..=8).map(|j| format!("eta.{j}")));
    names.extend((1..=8).map(|j| format!("theta.{j}")));
    same_names("the columns of a draw (param_names)", &model.param_names(), &names);
}

#[test]
fn log_density_matches_the_book_up_to_a_constant() {
    // Constants may be dropped, so differences from the first point are compared.
    let reference = EightSchools::new(Parameterization::NonCentred);
    same_density(&yours(), &reference, &points(50), &free_names());
}

#[test]
fn theta_is_mu_plus_tau_eta() {
    let model = yours();
    let mut x = vec![2.0, 0.5f64.ln()];
    x.extend([2.0, -2.0, 0.0, 4.0, 1.0, -1.0, 0.5, -0.5]);
    let mut out = Vec::new();
    model.constrain(&x, &mut out);
    assert_eq!(out.len(), 18, "constrain() wrote {out:?}");
    let expected = [3.0, 1.0, 2.0, 4.0, 2.5, 1.5, 2.25, 1.75];
    for (j, (g, e)) in out[10..].iter().zip(expected).enumerate() {
        close(&format!("theta.{} at mu = 2, tau = 0.5", j + 1), *g, e, 1e-12);
    }
}

#[test]
fn divergences_vanish() {
    // The source's settings: 4 chains of 1000 warmup + 2000 draws, target
    // acceptance 0.9, seed 42.
    let settings =
        Settings { seed: 42, num_draws: 2000, target_accept: 0.9, ..Settings::default() };
    let fits = fit_both(&settings).expect("both fits run");
    // Your non-centred fit must be a fit of your model, draw for draw.
    let again = sampler::fit(&yours(), &settings).expect("your model fits");
    same_names(
        "columns of fit_both's non-centred fit",
        &fits.non_centred.param_names,
        &again.param_names,
    );
    assert!(
        fits.non_centred.chains == again.chains,
        "fit_both's non-centred fit differs from sampler::fit(&declare()?, settings): \
         fit your own model there"
    );
    let mut centred_names = vec!["mu".to_string(), "tau".to_string()];
    centred_names.extend((1..=8).map(|j| format!("theta.{j}")));
    same_names("columns of fit_both's centred fit", &fits.centred.param_names, &centred_names);
    above("divergences of the centred model", fits.centred.num_divergent() as f64, 0.0);
    same("divergences of your non-centred model", fits.non_centred.num_divergent(), 0);
}
