//! A small SBC run that must pass, and the appendix's plumbing.

use ch_sbc::{Args, run};
use models::Parameterization;
use sbc::priors::{EightSchoolsPrior, SurveyPrior};
use sbc::{PriorSimulator, SbcSettings, chi_square_test, ecdf_band, run_sbc};
use std::path::Path;
use std::time::Instant;

fn args(extra: &[&str]) -> Args {
    let mut v = vec!["ch_sbc", "--quiet"];
    v.extend_from_slice(extra);
    Args::parse_from_iter(v).unwrap()
}

/// Runs 200 replications of `sim` (500 warmup and 500 kept draws per chain)
/// and requires every tracked parameter's ranks to pass a chi-square test at
/// the 0.1% level and to stay inside the 99.9% simultaneous ECDF band.
/// Returns the tracked names.
fn assert_calibrated<S: PriorSimulator>(sim: &S, seed: u64) -> Vec<String> {
    let settings = SbcSettings {
        replications: 200,
        max_draws: 100,
        sampler: sampler::Settings {
            num_warmup: 500,
            num_draws: 500,
            seed,
            ..sampler::Settings::default()
        },
        fit_lines: false,
    };
    let result = run_sbc(sim, &settings).unwrap();
    let band = ecdf_band(200, 100, 0.001, 2000, seed);
    for (i, name) in result.names.iter().enumerate() {
        let pit = result.pit(i);
        let (stat, p) = chi_square_test(&pit, 10);
        assert!(p > 0.001, "{name}: chi-square {stat}, p = {p}");
        assert!(band.contains(&pit), "{name}: ECDF leaves the 99.9% band");
    }
    result.names
}

/// The non-centred Eight Schools is calibrated. Seeds are fixed, so this
/// cannot flake; the levels are strict enough that a correct sampler fails
/// this test with probability below 1% (three parameters, two tests each),
/// and loose enough not to need a lucky seed. (The 99% band is too tight for
/// that: at this seed the first 200 replications leave it for `mu`, while
/// all 1000 pass.)
#[test]
fn non_centred_eight_schools_is_calibrated() {
    let start = Instant::now();
    assert_calibrated(&EightSchoolsPrior(Parameterization::NonCentred), 5);
    eprintln!("SBC of 200 replications took {:.1} s", start.elapsed().as_secs_f64());
}

/// The survey model with the regions integrated out is calibrated, at the
/// same levels.
#[test]
fn integrated_survey_model_is_calibrated() {
    let names = assert_calibrated(&SurveyPrior, 6);
    assert_eq!(names, ["alpha", "pi0.1", "pi0.4"]);
}

/// The same replication gives the same ranks whatever the thread count.
#[test]
fn sbc_is_reproducible() {
    let settings = SbcSettings {
        replications: 20,
        max_draws: 50,
        sampler: sampler::Settings {
            num_warmup: 200,
            num_draws: 200,
            seed: 9,
            ..sampler::Settings::default()
        },
        fit_lines: false,
    };
    let sim = EightSchoolsPrior(Parameterization::NonCentred);
    let a = run_sbc(&sim, &settings).unwrap();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let b = pool.install(|| run_sbc(&sim, &settings)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn committed_book_outputs_are_up_to_date_for_the_small_table() {
    // The full run takes minutes; here we check the table and figures are
    // complete and that a run with the committed settings writes the same
    // file names (the byte-compare of the full run is done by `cargo xtask book`).
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src/generated/sbc");
    for name in [
        "summary.md",
        "settings.md",
        "ranks_eight_schools_noncentred.svg",
        "ecdf_eight_schools_centred.svg",
        "ranks_hospitals.svg",
    ] {
        assert!(committed.join(name).is_file(), "missing {name}");
    }
    let dir = tempfile::tempdir().unwrap();
    run(&args(&[
        "--replications",
        "20",
        "--bins",
        "5",
        "--draws",
        "100",
        "--warmup",
        "100",
        "--out",
        dir.path().to_str().unwrap(),
    ]))
    .unwrap();
    let mut fresh: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut old: Vec<String> = std::fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    fresh.sort();
    old.sort();
    assert_eq!(fresh, old);
}

#[test]
fn bad_flags_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for bad in [
        vec!["--replications", "3", "--out", out],
        vec!["--bins", "1", "--out", out],
        vec!["--chains", "0", "--out", out],
    ] {
        assert!(run(&args(&bad)).is_err(), "{bad:?} should fail");
    }
}
