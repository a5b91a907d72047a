//! `cargo run --release -p ch_stein`: regenerate the Stein's paradox chapter.

fn main() {
    let args = match ch_stein::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_stein::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
