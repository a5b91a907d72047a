//! `cargo run --release -p ch_hsb`: regenerate the High School and Beyond chapter.

fn main() {
    chapter_support::main::<ch_hsb::Chapter>();
}
