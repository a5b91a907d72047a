//! Neal's funnel: `v ~ Normal(0, 3)`, `x_k ~ Normal(0, exp(v/2))`, `k = 1..K`.
//!
//! The marginal of `v` is `Normal(0, 3)` whatever `K` is, so the exact answer
//! is known. In the centred form the sampler moves in `(v, x)`: the scale of
//! every `x_k` is `exp(v/2)`, so at `v = −6` the density is about 400 times
//! narrower in `x` than at `v = +6` — a funnel no single step size fits. The
//! non-centred form samples `z_k ~ Normal(0, 1)` and sets `x_k = exp(v/2) z_k`:
//! an isotropic Gaussian, the easiest target there is.
//!
//! Reference: Neal (2003), "Slice sampling", Annals of Statistics 31(3), §8.

use crate::normal_mixture::{std_normal_cdf, std_normal_pdf};
use diagnostics::inv_normal_cdf;
use sampler::Model;

/// Standard deviation of `v`.
pub const V_SD: f64 = 3.0;
/// Number of `x` coordinates in Neal's original example.
pub const NEAL_K: usize = 9;

/// The exact density of the marginal of `v`, the `Normal(0, 3)` density.
pub fn exact_pdf(v: f64) -> f64 {
    std_normal_pdf(v / V_SD) / V_SD
}

/// The exact `p`-quantile of the marginal of `v`, `3 Φ⁻¹(p)`.
pub fn exact_quantile(p: f64) -> f64 {
    V_SD * inv_normal_cdf(p)
}

/// The exact `P(v < t)` of the marginal of `v`, `Φ(t / 3)`.
pub fn exact_below(t: f64) -> f64 {
    std_normal_cdf(t / V_SD)
}

/// Neal's funnel with `k` coordinates `x_k`, in one of two parameterisations.
///
/// Unconstrained parameters: `v`, then `x` (centred) or `z` (non-centred).
/// Constrained output: `v`, `x.1…K`, and for the non-centred form `z.1…K`.
///
/// The gradient is written by hand for speed (the funnel chapter's sweeps fit it many
/// times) and as the chapter's listing; it is checked against the same model declared
/// with the layer at 1000 random points (`tests/hand_gradients.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NealsFunnel {
    /// Number of `x` coordinates.
    pub k: usize,
    /// `true`: sample `z` with `x = exp(v/2) z`; `false`: sample `x` directly.
    pub non_centred: bool,
}

impl NealsFunnel {
    /// Neal's nine-coordinate funnel, centred (`x` sampled directly).
    pub fn centred() -> Self {
        Self { k: NEAL_K, non_centred: false }
    }

    /// Neal's nine-coordinate funnel, non-centred (`z` sampled, `x = exp(v/2) z`).
    pub fn non_centred() -> Self {
        Self { k: NEAL_K, non_centred: true }
    }
}

impl Model for NealsFunnel {
    fn dim(&self) -> usize {
        1 + self.k
    }

    fn param_names(&self) -> Vec<String> {
        let mut names = vec!["v".to_string()];
        names.extend((1..=self.k).map(|i| format!("x.{i}")));
        if self.non_centred {
            names.extend((1..=self.k).map(|i| format!("z.{i}")));
        }
        names
    }

    // ANCHOR: log_density
    fn log_density_grad(&self, p: &[f64], grad: &mut [f64]) -> f64 {
        let v = p[0];
        let var_v = V_SD * V_SD;
        let mut lp = -0.5 * v * v / var_v;
        grad[0] = -v / var_v;
        if self.non_centred {
            // z_k ~ Normal(0, 1): the funnel has gone from the sampler's view.
            for (g, z) in grad[1..].iter_mut().zip(&p[1..]) {
                lp -= 0.5 * z * z;
                *g = -z;
            }
        } else {
            // x_k ~ Normal(0, exp(v/2)): log density −v/2 − x² e^(−v) / 2.
            let inv_var = (-v).exp();
            let (grad_v, grad_x) = grad.split_at_mut(1);
            for (g, x) in grad_x.iter_mut().zip(&p[1..]) {
                lp += -0.5 * v - 0.5 * x * x * inv_var;
                grad_v[0] += -0.5 + 0.5 * x * x * inv_var;
                *g = -x * inv_var;
            }
        }
        lp
    }
    // ANCHOR_END: log_density

    fn constrain(&self, p: &[f64], out: &mut Vec<f64>) {
        let v = p[0];
        out.push(v);
        if self.non_centred {
            let scale = (0.5 * v).exp();
            out.extend(p[1..].iter().map(|z| scale * z));
        }
        out.extend_from_slice(&p[1..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sampler::rng::{chain_rng, std_normal};

    #[test]
    fn exact_answers() {
        assert!((exact_quantile(0.5)).abs() < 1e-15);
        assert!((exact_quantile(0.975) - 3.0 * 1.959963984540054).abs() < 1e-12);
        assert!((exact_below(-2.0) - 0.2524925375469229).abs() < 1e-14);
        assert!((exact_below(exact_quantile(0.05)) - 0.05).abs() < 1e-14);
        assert!((exact_pdf(3.0) - 0.08065690817304778).abs() < 1e-15);
    }

    #[test]
    fn non_centred_output_maps_z_to_x() {
        let model = NealsFunnel::non_centred();
        let mut p = vec![2.0_f64.ln() * 2.0];
        p.extend((0..NEAL_K).map(|k| k as f64));
        let mut out = Vec::new();
        model.constrain(&p, &mut out);
        assert_eq!(out.len(), model.param_names().len());
        assert!((out[3] - 4.0).abs() < 1e-12, "x.3 = 2 · z.3 = 4, got {}", out[3]);
        assert_eq!(out[1 + NEAL_K + 2], 2.0);
    }

    #[test]
    fn the_two_forms_differ_by_the_log_jacobian() {
        // x = exp(v/2) z has Jacobian exp(K v / 2): at the same (v, x) the
        // centred log density is the non-centred one minus K v / 2.
        let (c, n) = (NealsFunnel::centred(), NealsFunnel::non_centred());
        let mut rng = chain_rng(12, 0, 0);
        for _ in 0..100 {
            let v = V_SD * std_normal(&mut rng);
            let z: Vec<f64> = (0..NEAL_K).map(|_| std_normal(&mut rng)).collect();
            let pn: Vec<f64> = std::iter::once(v).chain(z.iter().copied()).collect();
            let pc: Vec<f64> =
                std::iter::once(v).chain(z.iter().map(|z| (0.5 * v).exp() * z)).collect();
            let diff = c.log_density(&pc) - n.log_density(&pn);
            let jacobian = NEAL_K as f64 * 0.5 * v;
            assert!((diff + jacobian).abs() < 1e-9, "v {v}: diff {diff}");
        }
    }
}
