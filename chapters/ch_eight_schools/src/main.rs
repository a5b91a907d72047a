//! `cargo run --release -p ch_eight_schools`: regenerate the Eight Schools chapter.

fn main() {
    let args = match ch_eight_schools::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_eight_schools::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
