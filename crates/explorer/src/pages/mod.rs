//! The three pages. Each one checks its query ([`Page::parse`]), then computes
//! an HTML fragment of figures and tables ([`Page::fragment`]) that depends
//! only on the query, so the same query gives the same bytes.

pub mod eight;
pub mod funnel;
pub mod schools;

use crate::html::{self, Control};
use crate::params::{BadRequest, Query};
use figures::{Figure, FigureError};
use sampler::{Control as Go, Iteration, SamplerError, Settings};
use std::time::Instant;

/// The largest seed the pages take (any 32-bit number).
pub const MAX_SEED: u64 = u32::MAX as u64;

/// Why a fragment could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The request ran past its time limit and its fit was cancelled.
    #[error("the request ran past its time limit of {0:.0} s and was cancelled; try fewer draws")]
    TimedOut(f64),
    /// Anything else (a figure that could not be drawn, a fit that failed).
    #[error("{0}")]
    Internal(String),
}

impl From<FigureError> for Failure {
    fn from(e: FigureError) -> Self {
        Failure::Internal(format!("drawing failed: {e}"))
    }
}

/// When a request must be done by, and how long that allowed.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    /// The instant the fit is cancelled.
    pub at: Instant,
    /// The time limit in seconds (for the message).
    pub limit_s: f64,
}

impl Deadline {
    /// The sampler hook that stops every chain once the deadline has passed.
    pub fn hook(&self) -> impl Fn(&Iteration) -> Go + Sync + '_ {
        move |_| {
            if Instant::now() >= self.at { Go::Stop } else { Go::Continue }
        }
    }

    /// A sampler error as a failure: cancellation is the time limit.
    pub fn failure(&self, e: SamplerError) -> Failure {
        match e {
            SamplerError::Cancelled { .. } => Failure::TimedOut(self.limit_s),
            e => Failure::Internal(format!("the fit failed: {e}")),
        }
    }
}

/// Settings of the pages' fits: four chains, `draws` warmup and `draws` kept
/// iterations each, no progress bar.
pub fn fit_settings(seed: u64, draws: usize, target_accept: f64) -> Settings {
    Settings { seed, num_warmup: draws, num_draws: draws, target_accept, ..Settings::default() }
}

/// An SVG figure inside a `<figure>`.
pub fn svg(figure: &Figure) -> Result<String, Failure> {
    Ok(format!("<figure>{}</figure>\n", figures::to_svg(figure)?))
}

/// The seed control and parameter: any 32-bit number.
pub fn seed(q: &Query, page: bool, default: &str) -> Result<u64, BadRequest> {
    q.integer("seed", (0, MAX_SEED), 1, page.then_some(default))
}

/// What every page can do.
pub trait Page: Sized {
    /// Path of the page; its fragment is at `/api` + this.
    const PATH: &'static str;
    /// Heading.
    const TITLE: &'static str;
    /// A paragraph or two above the controls (our HTML).
    const INTRO: &'static str;

    /// The page's parameters from `q`; on a page (`page = true`) a missing
    /// one takes its default, at `/api/…` every one is required.
    fn parse(q: &Query, page: bool) -> Result<Self, BadRequest>;
    /// The defaults (a query with nothing in it).
    fn defaults() -> Self {
        Self::parse(&Query::default(), true).expect("the defaults are in range")
    }
    /// The controls, set to these parameters.
    fn controls(&self) -> Vec<Control>;
    /// The figures and tables for these parameters.
    fn fragment(&self, deadline: &Deadline) -> Result<String, Failure>;
}

/// The whole page of `p` around `result`, or around `error` when the query
/// was refused (the controls then show the defaults).
pub fn whole<P: Page>(p: Option<&P>, error: Option<&str>, result: &str) -> String {
    let defaults;
    let p = match p {
        Some(p) => p,
        None => {
            defaults = P::defaults();
            &defaults
        }
    };
    html::page(
        P::PATH,
        P::TITLE,
        P::INTRO,
        &format!("/api{}", P::PATH),
        &p.controls(),
        error,
        result,
    )
}
