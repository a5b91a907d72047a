//! `cargo run --release -p ch_funnel`: regenerate the funnel chapter.

fn main() {
    let args = match ch_funnel::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_funnel::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
