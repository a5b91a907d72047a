//! Autocovariance of one chain at every lag, by FFT (as ArviZ's `autocov`).

use rustfft::FftPlanner;
use rustfft::num_complex::Complex;
use std::cell::RefCell;

/// Smallest 5-smooth number (2^a 3^b 5^c) at least `target`, like `scipy.fftpack.next_fast_len`.
fn next_fast_len(target: usize) -> usize {
    let mut n = target.max(1);
    loop {
        let mut m = n;
        for f in [2, 3, 5] {
            while m.is_multiple_of(f) {
                m /= f;
            }
        }
        if m == 1 {
            return n;
        }
        n += 1;
    }
}

/// Biased autocovariance estimates γ̂(t) = (1/n) Σ (x_i − x̄)(x_{i+t} − x̄) for t = 0..n.
///
/// Computed by FFT after zero-padding to a fast length ≥ 2n, exactly the quantity ArviZ's
/// `autocov` returns. γ̂(0) is the variance with divisor n.
///
/// Reference: Geyer, C. J. (1992), "Practical Markov Chain Monte Carlo", *Statistical
/// Science* 7(4); Vehtari et al. (2021), "Rank-normalization, folding, and localization:
/// An improved R-hat for assessing convergence of MCMC".
///
/// ```
/// let acov = diagnostics::autocov(&[1.0, -1.0, 1.0, -1.0]);
/// assert!((acov[0] - 1.0).abs() < 1e-12 && (acov[1] + 0.75).abs() < 1e-12);
/// ```
pub fn autocov(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    if n == 0 {
        return Vec::new();
    }
    let m = next_fast_len(2 * n);
    let mean = x.iter().sum::<f64>() / n as f64;
    let mut buf: Vec<Complex<f64>> = x.iter().map(|&v| Complex::new(v - mean, 0.0)).collect();
    buf.resize(m, Complex::new(0.0, 0.0));
    // Planning an FFT costs more than running it on a few thousand points,
    // so each thread keeps its planner (which caches plans by length).
    thread_local! {
        static PLANNER: RefCell<FftPlanner<f64>> = RefCell::new(FftPlanner::new());
    }
    let (forward, inverse) = PLANNER.with(|p| {
        let mut p = p.borrow_mut();
        (p.plan_fft_forward(m), p.plan_fft_inverse(m))
    });
    forward.process(&mut buf);
    for c in &mut buf {
        *c = Complex::new(c.norm_sqr(), 0.0);
    }
    inverse.process(&mut buf);
    // rustfft does not normalise: divide by m for the inverse and by n for the estimator.
    buf[..n].iter().map(|c| c.re / m as f64 / n as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn direct(x: &[f64]) -> Vec<f64> {
        let n = x.len();
        let m = x.iter().sum::<f64>() / n as f64;
        (0..n)
            .map(|t| (0..n - t).map(|i| (x[i] - m) * (x[i + t] - m)).sum::<f64>() / n as f64)
            .collect()
    }

    #[test]
    fn fast_lengths() {
        assert_eq!(next_fast_len(14), 15);
        assert_eq!(next_fast_len(400), 400);
        assert_eq!(next_fast_len(302), 320);
        assert_eq!(next_fast_len(1), 1);
    }

    #[test]
    fn matches_direct_sum() {
        let x: Vec<f64> = (0..37).map(|i| ((i * 7919) % 23) as f64 - 0.3 * i as f64).collect();
        for (a, b) in autocov(&x).iter().zip(direct(&x)) {
            assert!((a - b).abs() < 1e-10, "{a} vs {b}");
        }
    }
}
