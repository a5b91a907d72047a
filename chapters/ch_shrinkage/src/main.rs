//! `cargo run --release -p ch_shrinkage`: regenerate the shrinkage chapter
//! (add `-- --schools 20 --students 5 --tau 8` to run your own experiment).

fn main() {
    let args = match ch_shrinkage::Args::parse_from_iter(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if let Err(e) = ch_shrinkage::run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
