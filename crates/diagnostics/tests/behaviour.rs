//! Behavioural checks with known answers: iid and AR(1) draws, shifted chains, HDIs.

use diagnostics::{ebfmi, ess_bulk, ess_mean, ess_tail, hdi, inv_normal_cdf, rhat, summarize};

/// SplitMix64 uniforms mapped through Φ⁻¹: a dependency-free, reproducible N(0, 1) stream.
struct Normals(u64);

impl Normals {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let u = ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
        inv_normal_cdf(u)
    }

    fn chains(&mut self, n_chains: usize, n_draws: usize, phi: f64) -> Vec<Vec<f64>> {
        (0..n_chains)
            .map(|_| {
                let mut x = self.next() / (1.0 - phi * phi).sqrt();
                (0..n_draws)
                    .map(|_| {
                        x = phi * x + self.next();
                        x
                    })
                    .collect()
            })
            .collect()
    }
}

#[test]
fn iid_draws_have_ess_near_s_and_rhat_near_one() {
    let chains = Normals(1).chains(4, 1000, 0.0);
    let s = 4000.0;
    for (what, ess) in
        [("bulk", ess_bulk(&chains)), ("tail", ess_tail(&chains)), ("mean", ess_mean(&chains))]
    {
        assert!((0.8 * s..1.25 * s).contains(&ess), "{what} ESS {ess}");
    }
    let r = rhat(&chains);
    assert!((0.99..1.01).contains(&r), "R-hat {r}");
}

#[test]
fn ar1_ess_matches_integrated_autocorrelation_time() {
    // For AR(1), tau = (1 + phi) / (1 - phi): phi = 0.8 gives S / 9.
    let chains = Normals(2).chains(4, 5000, 0.8);
    let ess = ess_mean(&chains);
    let want = 20_000.0 / 9.0;
    assert!((ess / want - 1.0).abs() < 0.15, "ESS {ess}, want about {want}");
}

#[test]
fn shifted_chain_gives_large_rhat() {
    let mut chains = Normals(3).chains(4, 500, 0.0);
    for x in &mut chains[2] {
        *x += 2.0;
    }
    let r = rhat(&chains);
    assert!(r > 1.1, "R-hat {r}");
}

#[test]
fn scale_difference_is_caught_by_folded_rhat() {
    let mut chains = Normals(4).chains(4, 500, 0.0);
    for x in &mut chains[0] {
        *x *= 4.0;
    }
    assert!(rhat(&chains) > 1.05, "R-hat {}", rhat(&chains));
}

#[test]
fn within_chain_trend_gives_large_rhat() {
    let chains: Vec<Vec<f64>> = Normals(5)
        .chains(4, 400, 0.0)
        .into_iter()
        .map(|c| c.iter().enumerate().map(|(i, x)| x + i as f64 / 100.0).collect())
        .collect();
    assert!(rhat(&chains) > 1.1);
}

#[test]
fn hdi_of_large_normal_sample_is_analytic() {
    let draws: Vec<f64> = Normals(6).chains(1, 200_000, 0.0).concat();
    let (lo, hi) = hdi(&draws, 0.89);
    let z = inv_normal_cdf(0.945);
    assert!((lo + z).abs() < 0.03 && (hi - z).abs() < 0.03, "({lo}, {hi}) vs ±{z}");
}

#[test]
fn ebfmi_of_independent_energies_is_near_two() {
    let energy: Vec<f64> = Normals(7).chains(1, 20_000, 0.0).concat();
    let e = ebfmi(&energy);
    assert!((e - 2.0).abs() < 0.05, "E-BFMI {e}");
    let sticky: Vec<f64> = Normals(8).chains(1, 20_000, 0.95).concat();
    assert!(ebfmi(&sticky) < 0.2);
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let constant = vec![vec![3.0; 20]; 3];
    assert!(rhat(&constant).is_nan());
    assert_eq!(ess_bulk(&constant), 60.0);
    let short = vec![vec![1.0, 2.0, 3.0]; 2];
    assert!(ess_bulk(&short).is_nan() && rhat(&short).is_nan());
    let one_chain = Normals(9).chains(1, 100, 0.0);
    assert!(rhat(&one_chain).is_nan());
    assert!(ess_bulk(&one_chain) > 50.0);
    assert!(rhat(&[]).is_nan());
    let with_nan = vec![vec![1.0, f64::NAN, 2.0, 3.0]; 2];
    let row = summarize("x", &with_nan, 0.89);
    assert!(row.r_hat.is_nan() && row.ess_tail.is_nan() && row.hdi_low.is_nan());
}

#[test]
fn markdown_is_byte_deterministic() {
    let chains = Normals(10).chains(4, 300, 0.5);
    let rows = [summarize("a", &chains, 0.89), summarize("b", &chains, 0.89)];
    let first = diagnostics::summary_markdown(&rows, 0.89);
    assert_eq!(first, diagnostics::summary_markdown(&rows, 0.89));
    assert_eq!(first.lines().count(), 4);
    assert!(first.lines().all(|l| l.starts_with('|') && l.ends_with('|')));
}
