//! `cargo run --release -p ch_funnel`: regenerate the funnel chapter.

fn main() {
    chapter_support::main::<ch_funnel::Chapter>();
}
