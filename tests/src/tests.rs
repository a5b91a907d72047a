//! Unit tests of the book checker on small made-up books.

use super::*;

/// Writes `files` (path, contents) into a temporary book source directory.
fn book(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn messages(dir: &tempfile::TempDir, chapters: Option<&Path>) -> Vec<String> {
    check_book(dir.path(), chapters).iter().map(ToString::to_string).collect()
}

const GOOD: &[(&str, &str)] = &[
    ("SUMMARY.md", "# Summary\n\n[Intro](intro.md)\n\n- [Chapter](chapter.md)\n- [Draft]()\n"),
    (
        "intro.md",
        "# Intro\n\nSee [the chapter](chapter.md#results) and [Rust](https://rust-lang.org).\n",
    ),
    (
        "chapter.md",
        "# Chapter\n\n```rust\n{{#include code/demo.rs:main}}\n```\n\n\
         {{#include generated/chapter/table.md}}\n\n\
         ![funnel](generated/chapter/funnel.svg)\n\n<img src=\"generated/chapter/funnel.svg\" width=\"80%\">\n\n\
         Literal: `![not an image](missing.svg)` and \\{{#include nope.md}}.\n\n\
         ```text\n[not a link](missing.md)\n```\n",
    ),
    ("code/demo.rs", "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n"),
    (
        "generated/chapter/table.md",
        "| a |\n|---|\n| 1 |\n\n![inline](generated/chapter/funnel.svg)\n",
    ),
    ("generated/chapter/funnel.svg", "<svg/>"),
];

#[test]
fn a_consistent_book_has_no_problems() {
    let dir = book(GOOD);
    assert_eq!(messages(&dir, None), Vec::<String>::new());
}

#[test]
fn a_broken_include_is_reported() {
    let mut files = GOOD.to_vec();
    files.push(("broken.md", "# Broken\n\n{{#include generated/broken/missing.md}}\n"));
    files[0].1 =
        "# Summary\n\n[Intro](intro.md)\n\n- [Chapter](chapter.md)\n- [Broken](broken.md)\n";
    let dir = book(&files);
    let problems = messages(&dir, None);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("broken.md: {{#include generated/broken/missing.md}}"),
        "{problems:#?}"
    );
}

#[test]
fn every_problem_is_reported() {
    let files = [
        ("SUMMARY.md", "# Summary\n\n- [One](one.md)\n- [Gone](gone.md)\n"),
        (
            "one.md",
            "# One\n\n{{#include code.rs:missing_anchor}}\n{{#rustdoc_include nope.rs}}\n\
             ![plot](plot.svg)\n<img src='other.svg'>\n[next](two.md#part)\n[fine](code.rs)\n",
        ),
        ("code.rs", "// ANCHOR: other\n// ANCHOR_END: other\n"),
        ("orphan.md", "# Orphan\n"),
    ];
    let dir = book(&files);
    let chapters = tempfile::tempdir().unwrap();
    std::fs::create_dir(chapters.path().join("ch_one")).unwrap();
    std::fs::create_dir(chapters.path().join("ch_two")).unwrap();
    std::fs::create_dir(chapters.path().join("ch_orphan")).unwrap();
    let problems = messages(&dir, Some(chapters.path()));
    let expected = [
        "SUMMARY.md: lists gone.md, which does not exist",
        "SUMMARY.md: does not list orphan.md, the page of chapter crate ch_orphan",
        "one.md: {{#include code.rs:missing_anchor}}: code.rs has no `ANCHOR: missing_anchor`",
        "one.md: {{#include code.rs:missing_anchor}}: code.rs has no `ANCHOR_END: missing_anchor`",
        "one.md: {{#rustdoc_include nope.rs}}: nope.rs does not exist",
        "one.md: image plot.svg does not exist",
        "one.md: image other.svg does not exist",
        "one.md: link two.md#part does not exist",
        "orphan.md: is neither listed in SUMMARY.md nor included by another page",
        "two.md: chapter crate ch_two has no page two.md",
    ];
    for e in expected {
        assert!(problems.iter().any(|p| p == e), "missing {e:?} in {problems:#?}");
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn included_links_resolve_from_the_page() {
    // The image path is right relative to the page but not to the included
    // file; mdBook pastes included text into the page, so this is fine...
    let ok = [
        ("SUMMARY.md", "- [P](p.md)\n"),
        ("p.md", "{{#include gen/t.md}}\n"),
        ("gen/t.md", "![x](gen/x.svg)\n"),
        ("gen/x.svg", ""),
    ];
    assert_eq!(messages(&book(&ok), None), Vec::<String>::new());
    // ...and this is broken although `gen/x.svg` sits next to `gen/t.md`.
    let broken = [
        ("SUMMARY.md", "- [P](p.md)\n"),
        ("p.md", "{{#include gen/t.md}}\n"),
        ("gen/t.md", "![x](x.svg)\n"),
        ("gen/x.svg", ""),
    ];
    assert_eq!(messages(&book(&broken), None), vec!["p.md: image x.svg does not exist"]);
}

#[test]
fn include_syntax() {
    let found = includes(
        "a {{#include x.rs:name}} b {{#include y.rs:3:5}} \\{{#include z.md}} {{#playground p.rs editable}} {{#title T}}",
    );
    let got: Vec<_> =
        found.iter().map(|i| (i.kind.as_str(), i.path.as_str(), i.anchor.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("include", "x.rs", Some("name")),
            ("include", "y.rs", None),
            ("playground", "p.rs", None)
        ]
    );
}

#[test]
fn link_syntax() {
    let found = links(
        "[a](x.md) ![b](<y z.svg> \"t\") [![c](i.svg)](p.md#f) `[d](no.md)` [e]: ref.md\n\n[f]: r2.md \"title\"\n\n```\n![g](fenced.svg)\n```\n<img src=\"h.svg\">",
    );
    let got: Vec<_> = found.iter().map(|l| (l.kind, l.target.as_str())).collect();
    assert_eq!(
        got,
        [
            ("link", "x.md"),
            ("image", "y z.svg"),
            ("link", "p.md#f"),
            ("image", "i.svg"),
            ("image", "h.svg"),
            ("link", "r2.md")
        ]
    );
    assert_eq!(local_target("https://x.org/a.md"), None);
    assert_eq!(local_target("#top"), None);
    assert_eq!(local_target("a%20b.md#x"), Some(PathBuf::from("a b.md")));
}
