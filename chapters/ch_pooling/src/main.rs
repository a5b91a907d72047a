//! `cargo run --release -p ch_pooling`: regenerate the pooling chapter.

fn main() {
    chapter_support::main::<ch_pooling::Chapter>();
}
