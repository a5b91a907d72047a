//! Inverse of the standard normal CDF (quantile function), Wichura's AS 241.

// Coefficients of PPND16 in increasing powers of r (constant term first).
const CENTRAL_NUM: [f64; 8] = [
    3.3871328727963665,
    133.14166789178438,
    1971.5909503065513,
    13731.69376550946,
    45921.95393154987,
    67265.7709270087,
    33430.57558358813,
    2509.0809287301227,
];
const CENTRAL_DEN: [f64; 8] = [
    1.0,
    42.31333070160091,
    687.1870074920579,
    5394.196021424751,
    21213.794301586597,
    39307.89580009271,
    28729.085735721943,
    5226.495278852546,
];
const NEAR_NUM: [f64; 8] = [
    1.4234371107496835,
    4.630337846156546,
    5.769497221460691,
    3.6478483247632045,
    1.2704582524523684,
    0.2417807251774506,
    0.022723844989269184,
    0.0007745450142783414,
];
const NEAR_DEN: [f64; 8] = [
    1.0,
    2.053191626637759,
    1.6763848301838038,
    0.6897673349851,
    0.14810397642748008,
    0.015198666563616457,
    0.0005475938084995345,
    1.0507500716444169e-9,
];
const FAR_NUM: [f64; 8] = [
    6.657904643501103,
    5.463784911164114,
    1.7848265399172913,
    0.29656057182850487,
    0.026532189526576124,
    0.0012426609473880784,
    2.7115555687434876e-5,
    2.0103343992922881e-7,
];
const FAR_DEN: [f64; 8] = [
    1.0,
    0.599832206555888,
    0.1369298809227358,
    0.014875361290850615,
    0.0007868691311456133,
    1.8463183175100548e-5,
    1.421511758316446e-7,
    2.0442631033899397e-15,
];

/// Evaluate a polynomial with coefficients in increasing powers by Horner's rule.
fn horner(coefficients: &[f64; 8], r: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, &c| acc * r + c)
}

/// Quantile function of the standard normal distribution, Φ⁻¹(p), to full double precision.
///
/// Implements algorithm PPND16 from Wichura, M. J. (1988), "Algorithm AS 241: The
/// Percentage Points of the Normal Distribution", *Applied Statistics* 37(3), 477–484
/// (relative accuracy about 1e-16). Returns `-inf` at 0, `+inf` at 1 and NaN outside
/// `[0, 1]` or for NaN input, like `scipy.stats.norm.ppf`.
///
/// ```
/// use diagnostics::inv_normal_cdf;
/// assert_eq!(inv_normal_cdf(0.5), 0.0);
/// assert!((inv_normal_cdf(0.975) - 1.959963984540054).abs() < 1e-14);
/// ```
pub fn inv_normal_cdf(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * horner(&CENTRAL_NUM, r) / horner(&CENTRAL_DEN, r);
    }
    // Tails: work with the smaller of p and 1 - p.
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        horner(&NEAR_NUM, r) / horner(&NEAR_DEN, r)
    } else {
        let r = r - 5.0;
        horner(&FAR_NUM, r) / horner(&FAR_DEN, r)
    };
    if q < 0.0 { -value } else { value }
}

#[cfg(test)]
mod tests {
    use super::inv_normal_cdf;

    /// Reference values from `scipy.special.ndtri` (Cephes), printed with `repr`.
    const REFERENCE: [(f64, f64); 16] = [
        (1e-300, -37.0470962993612),
        (1e-20, -9.262340089798409),
        (1e-10, -6.361340902404056),
        (1e-05, -4.264890793922825),
        (0.001, -3.090232306167813),
        (0.025, -1.9599639845400545),
        (0.05, -1.6448536269514729),
        (0.075, -1.4395314709384563),
        (0.2, -0.8416212335729142),
        (0.4, -0.2533471031357997),
        (0.499999999, -2.5066283428845328e-09),
        (0.6, 0.2533471031357997),
        (0.9, 1.2815515655446004),
        (0.93, 1.475791028179171),
        (0.999, 3.090232306167813),
        (0.999999999999, 7.0344869100478356),
    ];

    #[test]
    fn matches_scipy_ndtri_to_1e_12() {
        for (p, want) in REFERENCE {
            let got = inv_normal_cdf(p);
            let rel = ((got - want) / want).abs();
            assert!(rel < 1e-12, "p={p}: want {want}, got {got}, rel {rel:e}");
        }
    }

    #[test]
    fn symmetric_and_edges() {
        assert_eq!(inv_normal_cdf(0.5), 0.0);
        for p in [0.01, 0.3, 0.42, 0.074, 0.0005] {
            assert!((inv_normal_cdf(p) + inv_normal_cdf(1.0 - p)).abs() < 1e-12);
        }
        assert_eq!(inv_normal_cdf(0.0), f64::NEG_INFINITY);
        assert_eq!(inv_normal_cdf(1.0), f64::INFINITY);
        assert!(inv_normal_cdf(-0.1).is_nan());
        assert!(inv_normal_cdf(1.1).is_nan());
        assert!(inv_normal_cdf(f64::NAN).is_nan());
    }
}
