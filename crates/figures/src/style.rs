//! How a mark looks: colour, opacity, size, dashes, point shape and legend
//! label ([`Style`]), and where a text label sits ([`Anchor`]).

use plotters::style::RGBColor;

/// The shape of a point.
///
/// ```
/// use figures::{Shape, Style, theme::palette};
/// let truth = Style::new(palette::GREEN).size(6.0).shape(Shape::Cross);
/// assert_eq!(truth.shape, Shape::Cross);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// A filled circle.
    #[default]
    Dot,
    /// An x-shaped cross.
    Cross,
    /// A filled square.
    Square,
}

/// Which part of a text label sits at its position.
///
/// ```
/// use figures::{Anchor, Mark, Style, theme};
/// let above = Mark::Text {
///     at: vec![(1.0, 2.0)],
///     text: vec!["8.31".into()],
///     anchor: Anchor::Middle,
///     offset: (0, -14),
///     style: Style::new(theme::TEXT).size(theme::NOTE_SIZE),
/// };
/// assert_eq!(Anchor::default(), Anchor::Start);
/// # let _ = above;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    /// The label's left end.
    #[default]
    Start,
    /// Its centre.
    Middle,
    /// Its right end.
    End,
}

/// How a mark looks, and its legend entry.
///
/// ```
/// use figures::{Figure, Mark, Panel, Style, theme::palette};
/// let prior = Style::new(palette::ORANGE).opacity(0.5).size(3.0).dashed().label("prior");
/// let marks = vec![Mark::line(vec![(0.0, 1.0), (1.0, 0.5)], prior)];
/// let svg = figures::to_svg(&Figure::grid(vec![Panel { marks, ..Default::default() }], 1, 200));
/// let svg = svg.unwrap(); // the line dashed and half opaque, "prior" in the legend
/// assert!(svg.contains(r#"stroke-opacity="0.5" stroke-dasharray"#) && svg.contains("prior"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Stroke or fill colour.
    pub colour: RGBColor,
    /// Opacity of fills and strokes, in (0, 1].
    pub opacity: f64,
    /// Line width, point radius, or font size, in pixels.
    pub size: f64,
    /// Dashed lines (lines, reference lines, intervals).
    pub dashed: bool,
    /// Shape of points.
    pub shape: Shape,
    /// Legend label; empty for no legend entry. Entries with the same label
    /// appear once.
    pub label: String,
}

impl Style {
    /// A solid style of `colour`, opaque, size 2, round points, no legend entry.
    ///
    /// ```
    /// use figures::{Shape, Style, theme::palette};
    /// let s = Style::new(palette::BLUE).size(3.0).shape(Shape::Cross).label("truth");
    /// assert_eq!((s.size, s.shape, s.label.as_str()), (3.0, Shape::Cross, "truth"));
    /// ```
    pub fn new(colour: RGBColor) -> Self {
        Self {
            colour,
            opacity: 1.0,
            size: 2.0,
            dashed: false,
            shape: Shape::Dot,
            label: String::new(),
        }
    }

    /// The same style with opacity `o`.
    ///
    /// ```
    /// # use figures::{Figure, Mark, Panel, Style, theme::palette};
    /// # let svg = |mark: Mark| {
    /// #     let panel = Panel { marks: vec![mark], ..Default::default() };
    /// #     figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap()
    /// # };
    /// # let line = |style| Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], style);
    /// let faint = line(Style::new(palette::BLUE).opacity(0.25));
    /// assert!(svg(faint).contains(r#"stroke-opacity="0.25""#));
    /// ```
    pub fn opacity(mut self, o: f64) -> Self {
        self.opacity = o;
        self
    }

    /// The same style with line width, point radius or font size `s`.
    ///
    /// ```
    /// # use figures::{Figure, Mark, Panel, Style, theme::palette};
    /// # let svg = |mark: Mark| {
    /// #     let panel = Panel { marks: vec![mark], ..Default::default() };
    /// #     figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap()
    /// # };
    /// # let line = |style| Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], style);
    /// let thick = line(Style::new(palette::BLUE).size(4.0));
    /// assert!(svg(thick).contains(r#"stroke-width="4""#));
    /// ```
    pub fn size(mut self, s: f64) -> Self {
        self.size = s;
        self
    }

    /// The same style, dashed.
    ///
    /// ```
    /// # use figures::{Figure, Mark, Panel, Style, theme::palette};
    /// # let svg = |mark: Mark| {
    /// #     let panel = Panel { marks: vec![mark], ..Default::default() };
    /// #     figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap()
    /// # };
    /// # let line = |style| Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], style);
    /// assert!(svg(line(Style::new(palette::BLUE).dashed())).contains("stroke-dasharray"));
    /// assert!(!svg(line(Style::new(palette::BLUE))).contains("stroke-dasharray"));
    /// ```
    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }

    /// The same style with point shape `shape`.
    ///
    /// ```
    /// # use figures::{Figure, Mark, Panel, Style, theme::palette};
    /// # let svg = |mark: Mark| {
    /// #     let panel = Panel { marks: vec![mark], ..Default::default() };
    /// #     figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap()
    /// # };
    /// # let line = |style| Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], style);
    /// use figures::Shape;
    /// let dot = Mark::points(vec![0.5], vec![0.5], Style::new(palette::GREEN));
    /// let cross = Mark::points(vec![0.5], vec![0.5], Style::new(palette::GREEN).shape(Shape::Cross));
    /// assert!(svg(dot).contains("<circle") && !svg(cross).contains("<circle"));
    /// ```
    pub fn shape(mut self, shape: Shape) -> Self {
        self.shape = shape;
        self
    }

    /// The same style with legend label `l`.
    ///
    /// ```
    /// # use figures::{Figure, Mark, Panel, Style, theme::palette};
    /// # let svg = |mark: Mark| {
    /// #     let panel = Panel { marks: vec![mark], ..Default::default() };
    /// #     figures::to_svg(&Figure::grid(vec![panel], 1, 200)).unwrap()
    /// # };
    /// # let line = |style| Mark::line(vec![(0.0, 0.0), (1.0, 1.0)], style);
    /// assert!(svg(line(Style::new(palette::BLUE).label("posterior"))).contains("posterior"));
    /// assert!(!svg(line(Style::new(palette::BLUE))).contains("posterior")); // no legend
    /// ```
    pub fn label(mut self, l: impl Into<String>) -> Self {
        self.label = l.into();
        self
    }
}
