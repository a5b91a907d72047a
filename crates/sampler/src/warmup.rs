//! Stan's windowed warmup schedule: when to estimate the metric.
//!
//! Warmup has three phases. A fast initial buffer (default 75 iterations)
//! adapts only the step size while the chain finds the typical set. Then a
//! series of slow windows (first 25 iterations, each next one twice as long,
//! the last stretched to the end of the phase) each estimate the variances,
//! update the metric, and restart step-size adaptation. A final fast buffer
//! (default 50) settles the step size for the last metric. When warmup is too
//! short for 75 + 25 + 50, the phases become 15% / 75% / 10% of it; under 20
//! iterations no metric adaptation happens at all.
//!
//! Reference: Stan reference manual, "HMC algorithm parameters: automatic
//! parameter tuning"; Stan's `windowed_adaptation`.

/// The window schedule and a counter of warmup iterations.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowSchedule {
    num_warmup: usize,
    init_buffer: usize,
    term_buffer: usize,
    base_window: usize,
    counter: usize,
    window_size: usize,
    next_window: usize,
}

impl WindowSchedule {
    /// Stan's default buffers (75 / 25 / 50) for `num_warmup` iterations.
    pub fn new(num_warmup: usize) -> Self {
        Self::with_buffers(num_warmup, 75, 50, 25)
    }

    /// A schedule with explicit initial buffer, terminal buffer and first window.
    pub fn with_buffers(
        num_warmup: usize,
        init_buffer: usize,
        term_buffer: usize,
        base_window: usize,
    ) -> Self {
        let (init_buffer, term_buffer, base_window) = if num_warmup < 20 {
            (init_buffer, term_buffer, base_window)
        } else if init_buffer + base_window + term_buffer > num_warmup {
            // Stan truncates these fractions to integers.
            let init = (0.15 * num_warmup as f64) as usize;
            let term = (0.1 * num_warmup as f64) as usize;
            (init, term, num_warmup - (init + term))
        } else {
            (init_buffer, term_buffer, base_window)
        };
        Self {
            num_warmup,
            init_buffer,
            term_buffer,
            base_window,
            counter: 0,
            window_size: base_window,
            next_window: (init_buffer + base_window).wrapping_sub(1),
        }
    }

    /// The (initial buffer, terminal buffer, first window) in force.
    pub fn buffers(&self) -> (usize, usize, usize) {
        (self.init_buffer, self.term_buffer, self.base_window)
    }

    /// True while the current iteration's draw feeds the variance estimate.
    pub fn in_window(&self) -> bool {
        self.counter >= self.init_buffer
            && self.counter + self.term_buffer < self.num_warmup
            && self.counter != self.num_warmup
    }

    /// True when the current iteration closes a slow window.
    pub fn at_window_end(&self) -> bool {
        self.counter == self.next_window && self.counter != self.num_warmup
    }

    fn last_window_end(&self) -> usize {
        self.num_warmup.saturating_sub(self.term_buffer).wrapping_sub(1)
    }

    fn compute_next_window(&mut self) {
        if self.next_window == self.last_window_end() {
            return;
        }
        self.window_size *= 2;
        self.next_window = self.counter + self.window_size;
        if self.next_window != self.last_window_end() {
            let boundary = self.next_window + 2 * self.window_size;
            if boundary + self.term_buffer >= self.num_warmup {
                self.next_window = self.last_window_end();
            }
        }
    }

    /// Records one warmup iteration. Returns true if it closed a window, i.e.
    /// the metric should be updated from the draws collected so far.
    pub fn advance(&mut self) -> bool {
        let closes = self.at_window_end();
        if closes {
            self.compute_next_window();
        }
        self.counter += 1;
        closes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window_ends(num_warmup: usize) -> Vec<usize> {
        let mut s = WindowSchedule::new(num_warmup);
        (0..num_warmup).filter(|_| s.advance()).collect()
    }

    // ANCHOR: schedule_test
    #[test]
    fn default_schedule_matches_stan() {
        // Stan with 1000 warmup updates the metric after iterations
        // 100, 150, 250, 450 and 950 (1-based: 75+25, +50, +100, +200, +500).
        assert_eq!(window_ends(1000), vec![99, 149, 249, 449, 949]);
    }
    // ANCHOR_END: schedule_test

    #[test]
    fn short_warmup_uses_fractions() {
        let s = WindowSchedule::new(100);
        assert_eq!(s.buffers(), (15, 10, 75));
        assert_eq!(window_ends(100), vec![89]);
    }

    #[test]
    fn tiny_warmup_adapts_no_metric() {
        assert!(window_ends(10).is_empty());
    }

    #[test]
    fn windows_cover_only_the_slow_phase() {
        let mut s = WindowSchedule::new(200);
        let mut in_window = 0;
        for _ in 0..200 {
            if s.in_window() {
                in_window += 1;
            }
            s.advance();
        }
        assert_eq!(in_window, 200 - 75 - 50);
    }
}
