//! `cargo run --release -p explorer`: serves the explorer on 127.0.0.1 until
//! Ctrl-C.

use clap::Parser;
use std::time::Duration;

/// Command-line flags.
#[derive(Debug, Parser)]
#[command(
    name = "explorer",
    about = "The book's school-scores, Eight Schools and funnel examples with sliders, in your browser"
)]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// Worker threads computing pages (default: one per core).
    #[arg(long)]
    workers: Option<usize>,
    /// Pages that may wait for a worker before the server answers 503.
    #[arg(long, default_value_t = 16)]
    queue: usize,
    /// Seconds a page may take before its fit is cancelled (503).
    #[arg(long, default_value_t = 30.0)]
    time_limit: f64,
    /// Do not print a line per request.
    #[arg(long)]
    quiet: bool,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    if !(args.time_limit.is_finite() && args.time_limit > 0.0) {
        eprintln!("--time-limit must be a positive number of seconds");
        std::process::exit(2);
    }
    let defaults = explorer::Config::default();
    let running = explorer::start(explorer::Config {
        port: args.port,
        workers: args.workers.unwrap_or(defaults.workers).max(1),
        queue: args.queue,
        time_limit: Duration::from_secs_f64(args.time_limit),
        log: !args.quiet,
    })?;
    println!("explorer: open {} (Ctrl-C stops it)", running.url());
    running.wait();
    Ok(())
}
