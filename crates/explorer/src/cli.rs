//! The command-line flags of `cargo run --release -p explorer`.

use crate::server::Config;
use clap::Parser;
use std::time::Duration;

/// Command-line flags.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "explorer",
    about = "The book's school-scores, Eight Schools and funnel examples with sliders, in your browser"
)]
pub struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// Worker threads computing pages (default: one per core).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Pages that may wait for a worker before the server answers 503.
    #[arg(long, default_value_t = 16)]
    pub queue: usize,
    /// Seconds a page may take, waiting included, before its fit is cancelled (503).
    #[arg(long, default_value_t = 30.0)]
    pub time_limit: f64,
    /// Do not print a line per request.
    #[arg(long)]
    pub quiet: bool,
}

impl Args {
    /// Parses flags (the first item is the program name); a time limit that
    /// is not a positive number of seconds is an error.
    pub fn parse_from_iter<I, T>(itr: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let args = Self::try_parse_from(itr)?;
        if !(args.time_limit.is_finite() && args.time_limit > 0.0 && args.time_limit < 1e6) {
            return Err(clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!(
                    "--time-limit must be a positive number of seconds, got {}\n",
                    args.time_limit
                ),
            ));
        }
        Ok(args)
    }

    /// The server's configuration from these flags.
    pub fn config(&self) -> Config {
        Config {
            port: self.port,
            workers: self.workers.unwrap_or(Config::default().workers).max(1),
            queue: self.queue,
            time_limit: Duration::from_secs_f64(self.time_limit),
            log: !self.quiet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        let a = Args::parse_from_iter(["explorer", "--port", "0", "--workers", "3"]).unwrap();
        let c = a.config();
        assert_eq!((c.port, c.workers, c.queue), (0, 3, 16));
        assert!(Args::parse_from_iter(["explorer", "--time-limit", "0"]).is_err());
        assert!(Args::parse_from_iter(["explorer", "--port", "70000"]).is_err());
    }
}
