//! `cargo run --release -p ch_own_data`: fit your own grouped CSV file (default: High School and Beyond).

fn main() {
    let args = match ch_own_data::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_own_data::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
