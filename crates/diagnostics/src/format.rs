//! Deterministic number formatting for tables and snapshots.

/// Format `x` to `digits` significant digits in plain decimal notation (never an exponent).
///
/// Rule: the decimal digits are those of Rust's correctly rounded `{:.*e}` formatting
/// (so exact ties round half to even), trailing zeros are kept (`1.2` → `"1.200"` at 4
/// digits), zero and negative zero print as `"0"` (never `"-0"`), and NaN/±∞ print as
/// `"NaN"`, `"inf"`, `"-inf"`. The output depends only on the bits of `x`.
///
/// Reference: IEEE 754-2019, *Standard for Floating-Point Arithmetic*, §5.12 (conversion
/// to decimal character sequences).
///
/// # Panics
/// If `digits` is 0.
///
/// ```
/// use diagnostics::sig;
/// assert_eq!(sig(1.23456, 4), "1.235");
/// assert_eq!(sig(-0.000314159, 4), "-0.0003142");
/// assert_eq!(sig(12_345.6, 4), "12350");
/// assert_eq!(sig(-0.0, 4), "0");
/// ```
pub fn sig(x: f64, digits: usize) -> String {
    assert!(digits > 0, "sig: digits must be at least 1");
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    let scientific = format!("{:.*e}", digits - 1, x.abs());
    let (mantissa, exponent) = scientific.split_once('e').expect("`{:e}` output has an exponent");
    let exponent: i64 = exponent.parse().expect("`{:e}` exponent is an integer");
    let significand: String = mantissa.chars().filter(|c| *c != '.').collect();
    // Number of digits before the decimal point.
    let int_digits = exponent + 1;
    let body = if int_digits <= 0 {
        format!("0.{}{}", "0".repeat((-int_digits) as usize), significand)
    } else if int_digits as usize >= digits {
        format!("{}{}", significand, "0".repeat(int_digits as usize - digits))
    } else {
        let (int_part, frac_part) = significand.split_at(int_digits as usize);
        format!("{int_part}.{frac_part}")
    };
    if x < 0.0 { format!("-{body}") } else { body }
}

/// Format `x` with a fixed number of decimals, never printing a negative zero.
///
/// Rounding is Rust's correctly rounded `{:.*}` (exact ties to even). `-0.001` at 2
/// decimals gives `"0.00"`, not `"-0.00"`. NaN prints as `"NaN"`, ±∞ as `"inf"`/`"-inf"`.
///
/// Reference: IEEE 754-2019, *Standard for Floating-Point Arithmetic*, §5.12.
///
/// ```
/// assert_eq!(diagnostics::fixed(1.005_1, 2), "1.01");
/// assert_eq!(diagnostics::fixed(-0.001, 2), "0.00");
/// assert_eq!(diagnostics::fixed(1234.4, 0), "1234");
/// ```
pub fn fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let s = format!("{x:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => s,
    }
}

/// Python's `format(x, "g")` for the moderate numbers used in column labels: 6 significant
/// digits, trailing zeros and a trailing point removed (`5.500000000000001` → `"5.5"`).
pub(crate) fn general(x: f64) -> String {
    let s = sig(x, 6);
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_digits() {
        assert_eq!(sig(1.0, 3), "1.00");
        assert_eq!(sig(9.996, 3), "10.0");
        assert_eq!(sig(99_960.0, 3), "100000");
        assert_eq!(sig(0.000_012_34, 2), "0.000012");
        assert_eq!(sig(-2.5e-7, 1), "-0.0000002");
        assert_eq!(sig(123.456, 1), "100");
        assert_eq!(sig(f64::NAN, 3), "NaN");
        assert_eq!(sig(f64::NEG_INFINITY, 3), "-inf");
        assert_eq!(sig(1e20, 2), "100000000000000000000");
    }

    #[test]
    fn fixed_decimals() {
        assert_eq!(fixed(0.999, 2), "1.00");
        assert_eq!(fixed(-1.5, 1), "-1.5");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
    }

    #[test]
    fn python_g_labels() {
        assert_eq!(general(100.0 * (1.0 - 0.89) / 2.0), "5.5");
        assert_eq!(general(100.0 * (1.0 - (1.0 - 0.89) / 2.0)), "94.5");
        assert_eq!(general(100.0 * (1.0 - 0.94) / 2.0), "3");
        assert_eq!(general(97.0), "97");
        assert_eq!(general(2.5), "2.5");
    }
}
