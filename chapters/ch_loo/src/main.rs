//! `cargo run --release -p ch_loo`: regenerate the LOO model-comparison chapter.

fn main() {
    chapter_support::main::<ch_loo::Chapter>();
}
