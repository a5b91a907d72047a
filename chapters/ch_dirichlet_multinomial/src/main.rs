//! `cargo run --release -p ch_dirichlet_multinomial`: regenerate the Dirichlet-Multinomial chapter.

fn main() {
    let args = match ch_dirichlet_multinomial::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_dirichlet_multinomial::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
