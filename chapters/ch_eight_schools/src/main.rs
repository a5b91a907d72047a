//! `cargo run --release -p ch_eight_schools`: regenerate the Eight Schools chapter.

fn main() {
    chapter_support::main::<ch_eight_schools::Chapter>();
}
