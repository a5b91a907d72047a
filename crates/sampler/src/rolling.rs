//! An alternative warmup: the metric re-estimated after every iteration from
//! overlapping windows, as nutpie's sampler (the `nuts-rs` crate) does.
//!
//! Stan's schedule ([`crate::warmup`]) changes the metric five times in 1000
//! warmup iterations, and the first change comes after iteration 100: until
//! then every trajectory runs on the unit metric, which on a badly scaled
//! posterior means small steps and deep trees. This schedule instead
//!
//! * starts from a metric read off the gradient at the initial point,
//!   `M⁻¹ᵢ = 1/|∂ᵢ log p|`: only a rough first scale (for a Gaussian it is
//!   `σᵢ²/|qᵢ − mode|`), but far better than the unit metric when the
//!   coordinates' scales differ by orders of magnitude;
//! * keeps two running estimators, a *foreground* one that sets the metric
//!   after every iteration and a *background* one that starts empty; when the
//!   background has seen a full window, it becomes the foreground and a new
//!   background starts, so the metric always rests on recent draws only;
//! * uses windows of 10 draws in the first 30% of warmup, then 80 draws,
//!   each next window 1.5 times longer;
//! * freezes the metric for the last 15% of warmup, where only the step size
//!   is tuned;
//! * tunes the step size, from the point where no further window fits before
//!   the metric freezes, against nutpie's symmetric acceptance statistic
//!   ([`crate::symmetric_accept`]) instead of Stan's.
//!
//! The variance of each coordinate comes either from the draws alone (what
//! Stan estimates) or from draws and gradients together,
//! `M⁻¹ᵢ = √(Var(qᵢ) / Var(∂ᵢ log p))`, which is exact for any Gaussian with a
//! diagonal covariance and settles from far fewer draws.
//!
//! References: Seyboldt et al., nutpie and `nuts-rs`
//! (<https://github.com/pymc-devs/nutpie>), "adaptation of the mass matrix";
//! Tran & Kleppe (2024), "Tuning diagonal scale matrices for HMC",
//! Statistics and Computing 34.

use crate::low_rank_estimate::PointWindow;
use crate::mass_matrix::WelfordVariance;

/// What the diagonal inverse mass matrix is estimated from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricEstimate {
    /// The sample variance of the draws, as Stan does.
    DrawVariance,
    /// `√(Var(q) / Var(∇ log p))` per coordinate, nutpie's default.
    DrawAndGradient,
}

/// Fraction of warmup with short (10-draw) windows.
const EARLY_FRACTION: f64 = 0.3;
/// Fraction of warmup at the end with the metric frozen.
const STEP_SIZE_FRACTION: f64 = 0.15;
/// Window length in the early phase.
const EARLY_WINDOW: usize = 10;
/// First window length after the early phase.
const MAIN_WINDOW: usize = 80;
/// Growth of each main-phase window over the one before.
const WINDOW_GROWTH: f64 = 1.5;
/// Variances are clamped into this range; outside it the old value stays.
const LIMITS: (f64, f64) = (1e-20, 1e20);

/// Running draw (and gradient) variances of one window, and its points
/// when a low-rank metric needs them.
#[derive(Debug, Clone, PartialEq)]
struct Window {
    draws: WelfordVariance,
    grads: WelfordVariance,
    points: Option<PointWindow>,
}

impl Window {
    fn new(d: usize, keep_points: bool) -> Self {
        Self {
            draws: WelfordVariance::new(d),
            grads: WelfordVariance::new(d),
            points: keep_points.then(PointWindow::default),
        }
    }

    fn add(&mut self, q: &[f64], grad: &[f64], estimate: MetricEstimate) {
        self.draws.add_sample(q);
        if estimate == MetricEstimate::DrawAndGradient {
            self.grads.add_sample(grad);
        }
        if let Some(points) = &mut self.points {
            points.push(q, grad);
        }
    }

    fn count(&self) -> usize {
        self.draws.num_samples()
    }
}

/// The foreground/background window pair and the schedule that swaps them.
#[derive(Debug, Clone, PartialEq)]
pub struct RollingWindows {
    estimate: MetricEstimate,
    early_end: usize,
    frozen_from: usize,
    window: usize,
    foreground: Window,
    background: Window,
    swaps: usize,
    dim: usize,
    late: bool,
}

/// `M⁻¹ᵢ = 1/|gᵢ|`, the metric this warmup starts from; a coordinate whose
/// gradient is zero or not finite says nothing about its scale and keeps 1.
pub fn metric_from_gradient(grad: &[f64]) -> Vec<f64> {
    grad.iter()
        .map(|g| {
            if g.is_finite() && *g != 0.0 { (1.0 / g.abs()).clamp(LIMITS.0, LIMITS.1) } else { 1.0 }
        })
        .collect()
}

impl RollingWindows {
    /// The schedule for `num_warmup` iterations in `d` dimensions.
    pub fn new(num_warmup: usize, d: usize, estimate: MetricEstimate) -> Self {
        let n = num_warmup as f64;
        Self {
            estimate,
            early_end: (EARLY_FRACTION * n) as usize,
            frozen_from: num_warmup - (STEP_SIZE_FRACTION * n) as usize,
            window: MAIN_WINDOW,
            foreground: Window::new(d, false),
            background: Window::new(d, false),
            swaps: 0,
            dim: d,
            late: false,
        }
    }

    /// The same schedule, also keeping every window's draws and gradients
    /// for a low-rank metric ([`RollingWindows::foreground_points`]).
    pub fn keeping_points(mut self) -> Self {
        self.foreground = Window::new(self.dim, true);
        self.background = Window::new(self.dim, true);
        self
    }

    /// The foreground window's draws and gradients, if they are kept.
    pub fn foreground_points(&self) -> Option<&PointWindow> {
        self.foreground.points.as_ref()
    }

    /// How many times the background window has replaced the foreground.
    pub fn swaps(&self) -> usize {
        self.swaps
    }

    /// True once the iteration last observed had no room for another full
    /// window before the metric freezes (and from then on): nuts-rs's
    /// `is_late`, from which it tunes the step size against the symmetric
    /// acceptance statistic ([`crate::symmetric_accept`]).
    pub fn is_late(&self) -> bool {
        self.late
    }

    /// True from the iteration on which the metric stays fixed.
    pub fn is_frozen(&self, iteration: usize) -> bool {
        iteration >= self.frozen_from
    }

    /// Feeds warmup iteration `iteration` (0-based): its draw `q` with
    /// gradient `grad`, and whether the chain `moved` (a draw equal to the
    /// previous one says nothing new about the spread). Writes an updated
    /// inverse metric into `inv_mass` and returns true when it changed it.
    pub fn observe(
        &mut self,
        iteration: usize,
        q: &[f64],
        grad: &[f64],
        moved: bool,
        inv_mass: &mut [f64],
    ) -> bool {
        if self.is_frozen(iteration) {
            self.late = true;
            return false;
        }
        let early = iteration < self.early_end;
        if moved {
            self.foreground.add(q, grad, self.estimate);
            self.background.add(q, grad, self.estimate);
        }
        if iteration == self.early_end {
            // Never shrink the window below what the background already holds.
            self.window = self.window.max(self.background.count());
        }
        let (this_window, next_window) = if early {
            (EARLY_WINDOW, EARLY_WINDOW)
        } else {
            let grown = (self.window as f64 * WINDOW_GROWTH).round() as usize;
            (self.window, grown.max(self.window + 1))
        };
        // Swap only if another full window fits before the metric freezes.
        let room = iteration + next_window <= self.frozen_from;
        self.late = !room;
        if self.background.count() >= this_window && room {
            let keep = self.background.points.is_some();
            let fresh = Window::new(self.dim, keep);
            self.foreground = std::mem::replace(&mut self.background, fresh);
            self.swaps += 1;
            if !early {
                self.window = next_window;
            }
        }
        self.write_metric(inv_mass)
    }

    // ANCHOR: write_metric
    fn write_metric(&self, inv_mass: &mut [f64]) -> bool {
        let fg = &self.foreground;
        if fg.count() < 3 {
            return false;
        }
        let draw_var = fg.draws.variance();
        let grad_var = match self.estimate {
            MetricEstimate::DrawVariance => None,
            MetricEstimate::DrawAndGradient => Some(fg.grads.variance()),
        };
        for (i, m) in inv_mass.iter_mut().enumerate() {
            let v = match &grad_var {
                None => draw_var[i],
                Some(g) => (draw_var[i] / g[i]).sqrt(),
            };
            if v.is_finite() && v > 0.0 {
                *m = v.clamp(LIMITS.0, LIMITS.1);
            }
        }
        true
    }
    // ANCHOR_END: write_metric
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Iterations after which the foreground window was replaced.
    fn swaps(num_warmup: usize) -> Vec<usize> {
        let mut w = RollingWindows::new(num_warmup, 1, MetricEstimate::DrawVariance);
        let mut m = [1.0];
        let mut out = vec![];
        for it in 0..num_warmup {
            let before = w.background.count();
            w.observe(it, &[it as f64], &[0.0], true, &mut m);
            if !w.is_frozen(it) && w.background.count() < before + 1 {
                out.push(it);
            }
        }
        out
    }

    #[test]
    fn windows_are_short_early_then_grow_and_stop_before_the_end() {
        let s = swaps(1000);
        // Early phase (first 300): every 10 draws.
        assert_eq!(&s[..3], &[9, 19, 29]);
        assert!(s.contains(&299));
        // Then windows of 80 and 120; the next (180) would not leave room
        // for one more before the metric freezes at 850, so it runs to there.
        let main: Vec<usize> = s.iter().copied().filter(|&i| i >= 300).collect();
        assert_eq!(main, vec![299 + 80, 379 + 120]);
    }

    #[test]
    fn late_from_where_no_further_window_fits_as_in_nuts_rs() {
        // After the swap at 499 the window is 180 and the next one 270:
        // nuts-rs's `is_late` is `270 + iteration > 850`, first true at 581,
        // and stays true through the frozen phase.
        let mut w = RollingWindows::new(1000, 1, MetricEstimate::DrawVariance);
        let mut m = [1.0];
        let late: Vec<bool> = (0..1000)
            .map(|it| {
                w.observe(it, &[it as f64], &[0.0], true, &mut m);
                w.is_late()
            })
            .collect();
        assert_eq!(late.iter().position(|&l| l), Some(581));
        assert!(late[581..].iter().all(|&l| l));
    }

    #[test]
    fn gradient_estimate_is_exact_for_a_gaussian() {
        // Draws from N(0, σ²) have gradient −q/σ², so Var(q)/Var(g) = σ⁴.
        let sigma2: [f64; 3] = [0.01, 4.0, 100.0];
        let mut w = RollingWindows::new(100, 3, MetricEstimate::DrawAndGradient);
        let mut m = [1.0; 3];
        for it in 0..5 {
            let t = it as f64 - 2.0;
            let q: Vec<f64> = sigma2.iter().map(|s| t * s.sqrt() * 1.3).collect();
            let g: Vec<f64> = q.iter().zip(&sigma2).map(|(q, s)| -q / s).collect();
            w.observe(it, &q, &g, true, &mut m);
        }
        for (mi, s) in m.iter().zip(&sigma2) {
            assert!((mi / s - 1.0).abs() < 1e-12, "{mi} vs {s}");
        }
    }

    #[test]
    fn starting_metric_is_the_inverse_gradient_scale() {
        let m = metric_from_gradient(&[-2.0, 0.5, 0.0, f64::NAN]);
        assert_eq!(m, vec![0.5, 2.0, 1.0, 1.0]);
    }
}
