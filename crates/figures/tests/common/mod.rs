//! What every figure test checks of a written file.

use figures::FigureError;
use std::path::Path;

/// Writes the figure twice, into directories that do not exist yet (so
/// that creating them is checked too), and returns the SVG after checking
/// that it is one and that both writes are byte-identical.
pub fn write_twice(write: impl Fn(&Path) -> Result<(), FigureError>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a/f.svg"), dir.path().join("b/f.svg"));
    write(&first).unwrap();
    write(&second).unwrap();
    let (a, b) = (std::fs::read(&first).unwrap(), std::fs::read(&second).unwrap());
    assert_eq!(a, b, "two writes differ");
    let svg = String::from_utf8(a).unwrap();
    assert!(svg.starts_with("<svg "), "not an SVG: {}", &svg[..80.min(svg.len())]);
    assert!(svg.trim_end().ends_with("</svg>"));
    svg
}
