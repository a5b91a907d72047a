//! `cargo run --release -p explorer`: serves the explorer on 127.0.0.1 until
//! Ctrl-C.

use explorer::cli::Args;

fn main() -> std::io::Result<()> {
    let args = Args::parse_from_iter(std::env::args_os()).unwrap_or_else(|e| e.exit());
    let running = explorer::start(args.config())?;
    println!("explorer: open {} (Ctrl-C stops it)", running.url());
    running.wait();
    Ok(())
}
