//! Plate diagrams of graphical models: nodes (shaded when observed, open
//! when latent), arrows for conditional dependence, and plates (boxes) for
//! repetition over an index.
//!
//! Reference: Buntine (1994), "Operations for learning with graphical
//! models", JAIR 2 (plate notation).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::FigureError;
use crate::render::{title_height, titled, write_svg};
use crate::theme;

/// A plate diagram laid out by hand, in pixels of a canvas
/// [`theme::WIDTH`] wide and `height` high (below the title).
///
/// ```
/// use figures::{Plate, PlateDiagram, PlateNode};
/// let node = |label: &str, y, observed| PlateNode { label: label.into(), x: 400, y, observed };
/// let spec = PlateDiagram {
///     title: "Eight schools".into(),
///     height: 260,
///     nodes: vec![node("mu", 50, false), node("theta_j", 140, false), node("y_j", 220, true)],
///     edges: vec![(0, 1), (1, 2)],
///     plates: vec![Plate {
///         label: "j = 1, ..., 8".into(),
///         left: 300, top: 95, right: 560, bottom: 258,
///     }],
///     notes: vec![("sigma_j known".into(), 450, 220)],
/// };
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("plate.svg");
/// figures::plate_diagram(&path, &spec).unwrap();
/// let svg = std::fs::read_to_string(&path).unwrap();
/// assert!(["Eight schools", "theta_j", "j = 1, ..., 8", "sigma_j known", "latent (unknown)"]
///     .iter().all(|t| svg.contains(t)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlateDiagram {
    pub title: String,
    /// Height of the canvas below the title, in pixels.
    pub height: u32,
    pub nodes: Vec<PlateNode>,
    /// Arrows `(from, to)` between nodes, by index into `nodes`.
    pub edges: Vec<(usize, usize)>,
    pub plates: Vec<Plate>,
    /// Free text `(text, x, y)`: left-aligned, vertically centred, muted.
    pub notes: Vec<(String, i32, i32)>,
}

/// A random variable: a circle with its name inside.
///
/// ```
/// use figures::{FigureError, PlateDiagram, PlateNode};
/// // A node's circle (radius 32 pixels) must lie on the canvas.
/// let at = |y| PlateNode { label: "y".into(), x: 400, y, observed: true };
/// let spec = |y| PlateDiagram { height: 100, nodes: vec![at(y)], ..Default::default() };
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("node.svg");
/// assert!(figures::plate_diagram(&path, &spec(50)).is_ok());
/// let e = figures::plate_diagram(&path, &spec(90)).unwrap_err();
/// assert!(matches!(e, FigureError::Invalid(_)) && e.to_string().contains("outside the canvas"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlateNode {
    /// The name drawn inside the circle (e.g. "θᵢ").
    pub label: String,
    /// Centre of the circle.
    pub x: i32,
    pub y: i32,
    /// Observed nodes are shaded; latent ones are open.
    pub observed: bool,
}

/// A box meaning "repeated for each value of an index"; its label (e.g.
/// "i = 1, …, J") is drawn in the bottom-right corner.
///
/// ```
/// use figures::{FigureError, Plate, PlateDiagram, PlateNode};
/// let node = PlateNode { label: "theta".into(), x: 100, y: 60, ..Default::default() };
/// let plate = |right| Plate { label: "i = 1, ..., J".into(), left: 50, top: 10, right, bottom: 110 };
/// let spec = |right| PlateDiagram {
///     height: 120,
///     nodes: vec![node.clone()],
///     plates: vec![plate(right)],
///     ..Default::default()
/// };
/// let dir = tempfile::tempdir().unwrap();
/// figures::plate_diagram(&dir.path().join("plate.svg"), &spec(150)).unwrap();
/// // A plate must be a box on the canvas: right of its left side, inside the width.
/// let e = figures::plate_diagram(&dir.path().join("bad.svg"), &spec(40)).unwrap_err();
/// assert!(matches!(e, FigureError::Invalid(_)) && e.to_string().contains("not a box"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plate {
    pub label: String,
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

/// Radius of every node, in pixels.
pub const NODE_RADIUS: i32 = 32;
const ARROW_LENGTH: f64 = 13.0;
const ARROW_HALF_WIDTH: f64 = 6.0;
const LEGEND_H: u32 = 44;

/// Writes the diagram to `path` as SVG, with a key (observed / latent) below.
///
/// Errors if there are no nodes, an edge names a missing node or joins a
/// node to itself, or a node or plate lies outside the canvas.
///
/// ```
/// use figures::{FigureError, PlateDiagram, PlateNode};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("model.svg");
/// let empty = PlateDiagram { title: "model".into(), height: 100, ..Default::default() };
/// assert!(matches!(figures::plate_diagram(&path, &empty), Err(FigureError::Empty(_))));
/// let node = PlateNode { label: "x".into(), x: 100, y: 50, observed: true };
/// let looped = PlateDiagram { nodes: vec![node], edges: vec![(0, 0)], ..empty };
/// assert!(matches!(figures::plate_diagram(&path, &looped), Err(FigureError::Invalid(_))));
/// assert!(!path.exists()); // nothing is written when the input is bad
/// ```
pub fn plate_diagram(path: &Path, spec: &PlateDiagram) -> Result<(), FigureError> {
    theme::register_fonts()?;
    if spec.nodes.is_empty() {
        return Err(FigureError::Empty(format!("plate diagram {:?}", spec.title)));
    }
    let (w, h) = (theme::WIDTH as i32, spec.height as i32);
    let inside = |x: i32, y: i32| (0..=w).contains(&x) && (0..=h).contains(&y);
    for n in &spec.nodes {
        if !inside(n.x - NODE_RADIUS, n.y - NODE_RADIUS)
            || !inside(n.x + NODE_RADIUS, n.y + NODE_RADIUS)
        {
            return Err(FigureError::Invalid(format!(
                "node {:?} lies outside the canvas",
                n.label
            )));
        }
    }
    for p in &spec.plates {
        if !inside(p.left, p.top)
            || !inside(p.right, p.bottom)
            || p.left >= p.right
            || p.top >= p.bottom
        {
            return Err(FigureError::Invalid(format!(
                "plate {:?} is not a box on the canvas",
                p.label
            )));
        }
    }
    for &(a, b) in &spec.edges {
        if a >= spec.nodes.len() || b >= spec.nodes.len() || a == b {
            return Err(FigureError::Invalid(format!("edge ({a}, {b}) does not join two nodes")));
        }
    }

    let line = theme::AXIS;
    let shade = RGBColor(200, 200, 200);
    let height = title_height(&spec.title) + spec.height + LEGEND_H;
    write_svg(path, (theme::WIDTH, height), |root| {
        let body = titled(root, &spec.title)?;
        let (canvas, key) = body.split_vertically(spec.height);
        for p in &spec.plates {
            canvas.draw(&Rectangle::new(
                [(p.left, p.top), (p.right, p.bottom)],
                line.stroke_width(2),
            ))?;
            canvas.draw(&Text::new(
                p.label.as_str(),
                (p.right - 10, p.bottom - 8),
                theme::text(theme::NOTE_SIZE).pos(Pos::new(HPos::Right, VPos::Bottom)),
            ))?;
        }
        for &(a, b) in &spec.edges {
            draw_arrow(&canvas, &spec.nodes[a], &spec.nodes[b], line)?;
        }
        let label_style =
            theme::text(theme::AXIS_LABEL_SIZE + 3.0).pos(Pos::new(HPos::Center, VPos::Center));
        for n in &spec.nodes {
            draw_node(&canvas, (n.x, n.y), NODE_RADIUS, n.observed, shade, line)?;
            canvas.draw(&Text::new(n.label.as_str(), (n.x, n.y), label_style.clone()))?;
        }
        let note_style = theme::text(theme::NOTE_SIZE)
            .color(&theme::MUTED)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (text, x, y) in &spec.notes {
            canvas.draw(&Text::new(text.as_str(), (*x, *y), note_style.clone()))?;
        }
        // The key: one shaded and one open circle.
        let key_style = theme::text(theme::LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center));
        let (kw, _) = key.dim_in_pixel();
        let cy = LEGEND_H as i32 / 2;
        let x0 = kw as i32 / 2 - 150;
        for (dx, observed, text) in [(0, true, "observed"), (170, false, "latent (unknown)")] {
            draw_node(&key, (x0 + dx, cy), 10, observed, shade, line)?;
            key.draw(&Text::new(text, (x0 + dx + 18, cy), key_style.clone()))?;
        }
        Ok(())
    })
}

/// A circle of radius `r` at `c`: shaded if observed, white otherwise.
fn draw_node(
    area: &crate::render::Area<'_>,
    c: (i32, i32),
    r: i32,
    observed: bool,
    shade: RGBColor,
    line: RGBColor,
) -> Result<(), FigureError> {
    let fill = if observed { shade } else { theme::BACKGROUND };
    area.draw(&Circle::new(c, r as u32, fill.filled()))?;
    area.draw(&Circle::new(c, r as u32, line.stroke_width(2)))?;
    Ok(())
}

/// An arrow from the rim of node `a` to the rim of node `b`.
fn draw_arrow(
    area: &crate::render::Area<'_>,
    a: &PlateNode,
    b: &PlateNode,
    colour: RGBColor,
) -> Result<(), FigureError> {
    let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
    let len = dx.hypot(dy);
    if len <= 2.0 * NODE_RADIUS as f64 {
        return Ok(());
    }
    let (ux, uy) = (dx / len, dy / len);
    let r = NODE_RADIUS as f64 + 2.0;
    let start = (a.x as f64 + r * ux, a.y as f64 + r * uy);
    let tip = (b.x as f64 - r * ux, b.y as f64 - r * uy);
    let base = (tip.0 - ARROW_LENGTH * ux, tip.1 - ARROW_LENGTH * uy);
    let px = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
    area.draw(&PathElement::new(vec![px(start), px(base)], colour.stroke_width(2)))?;
    let (nx, ny) = (-uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH);
    area.draw(&Polygon::new(
        vec![px(tip), px((base.0 + nx, base.1 + ny)), px((base.0 - nx, base.1 - ny))],
        colour.filled(),
    ))?;
    Ok(())
}
