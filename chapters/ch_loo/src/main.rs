//! `cargo run --release -p ch_loo`: regenerate the LOO model-comparison chapter.

fn main() {
    let args = match ch_loo::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_loo::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
