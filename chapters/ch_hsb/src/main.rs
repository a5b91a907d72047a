//! `cargo run --release -p ch_hsb`: regenerate the High School and Beyond chapter.

fn main() {
    let args = match ch_hsb::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_hsb::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
