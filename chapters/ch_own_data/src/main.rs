//! `cargo run --release -p ch_own_data`: fit your own grouped CSV file (default: High School and Beyond).

fn main() {
    chapter_support::main::<ch_own_data::Chapter>();
}
