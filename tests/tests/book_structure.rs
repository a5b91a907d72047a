//! The book's sources are consistent: includes, anchors, images, links, the
//! summary, and one listed page per chapter crate. See `book_tests::check_book`.

use std::path::Path;

#[test]
fn book_structure_is_consistent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let src = root.join("book").join("src");
    let chapters = root.join("chapters");
    let problems = book_tests::check_book(&src, Some(&chapters));
    let list: Vec<String> = problems.iter().map(|p| format!("  book/src/{p}")).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s) in the book (generated files missing? run `cargo xtask book`):\n{}",
        problems.len(),
        list.join("\n")
    );
}
