//! Checks for the Beta mean / sample-size exercise, compiled into both
//! `exercises` and `solutions`.

use super::*;
use crate::common::close;
use statrs::distribution::Beta;
use statrs::statistics::Distribution;

#[test]
fn shapes_from_mean_and_size() {
    // The chapter's prior on a school's mean, Beta(12, 4), has mean 0.75 and nu = 16.
    let (a, b) = beta_shape(0.75, 16.0);
    close("a for mu = 0.75, nu = 16", a, 12.0, 1e-12);
    close("b for mu = 0.75, nu = 16", b, 4.0, 1e-12);
}

#[test]
fn moments_agree_with_statrs() {
    for (mu, nu) in [(0.75f64, 16.0f64), (0.3, 2.5), (0.9, 40.0)] {
        let beta = Beta::new(mu * nu, (1.0 - mu) * nu).unwrap();
        let (mean, var) = beta_moments(mu, nu);
        close(&format!("mean for mu = {mu}, nu = {nu}"), mean, beta.mean().unwrap(), 1e-12);
        close(&format!("variance for mu = {mu}, nu = {nu}"), var, beta.variance().unwrap(), 1e-12);
    }
}

#[test]
fn nu_is_recovered_from_a_published_sd() {
    for (mu, nu) in [(0.6f64, 8.0f64), (0.72, 30.0), (0.5, 0.5)] {
        let sd = (mu * (1.0 - mu) / (nu + 1.0)).sqrt();
        match nu_from_sd(mu, sd) {
            Some(got) => close(&format!("nu from mu = {mu}, sd = {sd}"), got, nu, 1e-9),
            None => panic!("nu from mu = {mu}, sd = {sd}: expected Some({nu}), got None"),
        }
    }
    assert_eq!(
        nu_from_sd(0.5, 0.5),
        None,
        "an sd of 0.5 at mean 0.5 is impossible for a Beta: expected None"
    );
    assert_eq!(
        nu_from_sd(0.5, 0.0),
        None,
        "no Beta has sd 0 (nu would be infinite): expected None"
    );
}
