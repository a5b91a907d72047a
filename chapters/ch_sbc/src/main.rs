//! `cargo run --release -p ch_sbc`: regenerate the calibration appendix.

fn main() {
    chapter_support::main::<ch_sbc::Chapter>();
}
