//! `cargo run --release -p ch_beta_multilevel`: regenerate the chapter.

fn main() {
    let args = match ch_beta_multilevel::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_beta_multilevel::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
