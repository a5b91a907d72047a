//! `cargo run --release -p ch_stein`: regenerate the Stein's paradox chapter.

fn main() {
    chapter_support::main::<ch_stein::Chapter>();
}
