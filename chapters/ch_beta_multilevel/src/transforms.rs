//! Constraint transforms from the unconstrained space, with log-Jacobians and
//! derivatives, as Stan writes them (Stan reference manual, "Constraint
//! Transforms").

/// A constrained value and what the chain rule needs about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Constrained {
    /// The constrained value.
    pub value: f64,
    /// Derivative of the value with respect to the unconstrained coordinate.
    pub dvalue: f64,
    /// Log absolute Jacobian `ln |d value / d u|`.
    pub log_jac: f64,
    /// Derivative of `log_jac` with respect to the unconstrained coordinate.
    pub dlog_jac: f64,
}

/// `(0, 1)` by the inverse logit: `mu = 1/(1 + e^{−u})`, Jacobian `mu(1 − mu)`.
pub fn unit(u: f64) -> Constrained {
    // With e = exp(−|u|): mu = 1/(1 + e) or e/(1 + e), and
    // ln mu + ln(1 − mu) = −|u| − 2 ln(1 + e), without overflow.
    let e = (-u.abs()).exp();
    let mu = if u >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    };
    Constrained {
        value: mu,
        dvalue: mu * (1.0 - mu),
        log_jac: -u.abs() - 2.0 * e.ln_1p(),
        dlog_jac: 1.0 - 2.0 * mu,
    }
}

/// `(lower, ∞)` by `value = lower + e^u`, Jacobian `e^u`.
pub fn above(lower: f64, u: f64) -> Constrained {
    let e = u.exp();
    Constrained {
        value: lower + e,
        dvalue: e,
        log_jac: u,
        dlog_jac: 1.0,
    }
}

/// `(0, ∞)` by `value = e^u`.
pub fn positive(u: f64) -> Constrained {
    above(0.0, u)
}

/// The logit, inverse of [`unit`](fn@unit) (for initial values and tests).
pub fn logit(mu: f64) -> f64 {
    (mu / (1.0 - mu)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_is_the_inverse_logit_with_its_jacobian() {
        for u in [-40.0, -3.0, 0.0, 0.4, 5.0, 40.0] {
            let c = unit(u);
            let h = 1e-6;
            let num = (unit(u + h).value - unit(u - h).value) / (2.0 * h);
            assert!((c.dvalue - num).abs() < 1e-8, "u = {u}");
            assert!((c.log_jac - c.dvalue.ln()).abs() < 1e-8 || c.dvalue == 0.0);
            let dnum = (unit(u + h).log_jac - unit(u - h).log_jac) / (2.0 * h);
            assert!((c.dlog_jac - dnum).abs() < 1e-6, "u = {u}");
        }
        assert!((logit(unit(1.3).value) - 1.3).abs() < 1e-12);
    }
}
