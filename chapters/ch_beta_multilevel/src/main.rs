//! `cargo run --release -p ch_beta_multilevel`: regenerate the chapter.

fn main() {
    chapter_support::main::<ch_beta_multilevel::Chapter>();
}
