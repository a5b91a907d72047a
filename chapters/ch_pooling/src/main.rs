//! `cargo run --release -p ch_pooling`: regenerate the pooling chapter.

fn main() {
    let args = match ch_pooling::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_pooling::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
