//! `cargo run --release -p ch_dirichlet_multinomial`: regenerate the Dirichlet-Multinomial chapter.

fn main() {
    chapter_support::main::<ch_dirichlet_multinomial::Chapter>();
}
