//! `cargo run --release -p ch_shrinkage`: regenerate the shrinkage chapter
//! (add `-- --schools 20 --students 5 --tau 8` to run your own experiment).

fn main() {
    chapter_support::main::<ch_shrinkage::Chapter>();
}
