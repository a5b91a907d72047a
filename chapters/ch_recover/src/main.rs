//! `cargo run --release -p ch_recover`: regenerate the simulate-and-recover page.

fn main() {
    chapter_support::main::<ch_recover::Chapter>();
}
