//! `cargo run --release -p ch_recover`: regenerate the simulate-and-recover page.

fn main() {
    let args = match ch_recover::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_recover::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
