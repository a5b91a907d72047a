//! A hook the caller gives a fit: called once per iteration of every chain,
//! it can watch progress (divergences so far) and ask the fit to stop.

use crate::error::{Result, SamplerError};
use indicatif::ProgressBar;

/// The phase an iteration belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Warmup (adaptation).
    Warmup,
    /// Sampling (kept draws).
    Sampling,
}

/// What the hook is told after each iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Iteration {
    /// Chain index (from 0).
    pub chain: usize,
    /// Iteration number (from 1, warmup included).
    pub iteration: usize,
    /// Warmup or sampling.
    pub phase: Phase,
    /// Divergent transitions so far in this phase of this chain.
    pub divergences: usize,
}

/// What the hook answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Go on.
    Continue,
    /// Stop this chain: the fit returns [`SamplerError::Cancelled`].
    Stop,
}

/// A hook: any thread-safe function of an [`Iteration`].
pub type Hook<'a> = &'a (dyn Fn(&Iteration) -> Control + Sync);

/// The hook that always continues (what [`fit`](fn@crate::fit) uses).
pub fn no_hook(_: &Iteration) -> Control {
    Control::Continue
}

/// One chain's view of the hook and its progress bar.
pub(crate) struct Monitor<'a> {
    pub chain: usize,
    pub hook: Hook<'a>,
    pub bar: &'a ProgressBar,
    iteration: usize,
    shown_divergences: usize,
}

impl<'a> Monitor<'a> {
    /// A monitor for chain `chain`.
    pub fn new(chain: usize, hook: Hook<'a>, bar: &'a ProgressBar) -> Self {
        Self { chain, hook, bar, iteration: 0, shown_divergences: 0 }
    }

    /// Records one finished iteration: advances the bar (showing the
    /// divergences so far when there are any) and asks the hook.
    pub fn tick(&mut self, phase: Phase, divergences: usize) -> Result<()> {
        self.iteration += 1;
        if divergences != self.shown_divergences {
            self.shown_divergences = divergences;
            let label = match phase {
                Phase::Warmup => "warmup",
                Phase::Sampling => "sampling",
            };
            self.bar.set_message(format!("{label}, {divergences} divergent"));
        }
        self.bar.inc(1);
        let info = Iteration { chain: self.chain, iteration: self.iteration, phase, divergences };
        match (self.hook)(&info) {
            Control::Continue => Ok(()),
            Control::Stop => {
                Err(SamplerError::Cancelled { chain: self.chain + 1, iteration: self.iteration })
            }
        }
    }

    /// Starts the sampling phase (divergences are counted afresh).
    pub fn start_sampling(&mut self) {
        self.shown_divergences = 0;
        self.bar.set_message("sampling");
    }
}
