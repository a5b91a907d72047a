//! `cargo run --release -p ch_sbc`: regenerate the calibration appendix.

fn main() {
    let args = match ch_sbc::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_sbc::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
