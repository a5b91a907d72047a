//! The explorer: a small local web app over three of the book's examples,
//! computed live by the book's own code — the school-scores experiment
//! (empirical Bayes and a NUTS fit per request), the exact Eight Schools
//! posterior under a prior of the reader's choosing, and Neal's funnel.
//!
//! A synchronous server ([`server`], on tiny_http) checks every query
//! ([`params`]), hands the pages to a bounded worker [`pool`], and answers
//! with HTML whose figures are SVG drawn by the `figures` crate; the page's
//! script only sends the controls' values and swaps in the answer
//! ([`html`]). The pages themselves are in [`pages`].
//!
//! ```no_run
//! let running = explorer::server::start(explorer::server::Config {
//!     port: 0,
//!     ..Default::default()
//! })?;
//! println!("{}", running.url());
//! running.stop();
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod cli;
pub mod html;
pub mod pages;
pub mod params;
pub mod pool;
pub mod server;

pub use server::{Config, Running, start};
