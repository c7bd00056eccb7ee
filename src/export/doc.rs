//! A small document model: headings, paragraphs, label–value lists,
//! tables, vector drawings and page breaks.
//!
//! The report exports build one [`Doc`] from the book
//! ([`super::report`]) and hand it to a renderer: HTML
//! ([`super::html`]), Markdown ([`super::markdown`]) or PDF
//! ([`super::pdf`]). Every piece of text in the model is plain data typed
//! by someone; each renderer escapes it for its own format, so no text can
//! become markup. Other documents (such as meeting-room slides) can be
//! built from the same blocks and rendered by the same PDF layer.

/// A document: a title and blocks in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    /// The title (title page, HTML `<title>`, PDF metadata).
    pub title: String,
    /// A line under the title: what the document covers.
    pub subtitle: String,
    /// Lines for the title page, such as "Checked on 2026-11-27".
    pub facts: Vec<String>,
    /// The content.
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading. Level 1 starts a part (a new page in print), level 2 a
    /// section, level 3 a subsection. `anchor` is a stable name made of
    /// letters, digits and `-` only, for links and the table of contents.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading's text.
        text: String,
        /// Stable name for links (letters, digits, `-`).
        anchor: String,
    },
    /// A paragraph of plain text; line breaks in it are kept.
    Paragraph(String),
    /// A muted note, such as "None recorded."
    Note(String),
    /// Labels and their values, e.g. "Phase: Deployment".
    Fields(Vec<(String, String)>),
    /// A table with a header row.
    Table(Table),
    /// A vector drawing (heat map, timeline).
    Drawing(Drawing),
    /// Start a new page in paginated output.
    PageBreak,
}

/// A table: column headings and rows of plain-text cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The column headings.
    pub columns: Vec<String>,
    /// Relative widths of the columns (same length as `columns`); empty
    /// means "work them out from the text".
    pub weights: Vec<f32>,
    /// The rows; each has one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings and no rows yet.
    pub fn new(columns: &[&str]) -> Self {
        Self { columns: columns.iter().map(|c| (*c).to_owned()).collect(), weights: Vec::new(), rows: Vec::new() }
    }

    /// Adds a row (missing cells are left empty, extra cells dropped).
    pub fn row(&mut self, cells: Vec<String>) {
        let mut cells = cells;
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Black text.
    pub const INK: Rgb = Rgb(0x1f, 0x23, 0x28);
    /// Muted text and grid lines.
    pub const MUTED: Rgb = Rgb(0x5f, 0x66, 0x6d);
    /// Light rules and backgrounds.
    pub const RULE: Rgb = Rgb(0xd0, 0xd7, 0xde);
    /// White.
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    /// The colour as `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// How a text is placed against its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the text's left end.
    Start,
    /// The point is the text's middle.
    Middle,
    /// The point is the text's right end.
    End,
}

/// A vector drawing in its own coordinate space (y grows downwards), which
/// renderers scale to the width they have.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// Width in drawing units.
    pub width: f32,
    /// Height in drawing units.
    pub height: f32,
    /// What the drawing shows, in words (alternative text).
    pub title: String,
    /// The shapes, painted in order.
    pub shapes: Vec<Shape>,
    /// The same facts as a table, for text-only formats (Markdown).
    pub table: Option<Table>,
}

/// A shape of a drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle, optionally outlined.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Rgb,
        /// Outline colour, if any.
        stroke: Option<Rgb>,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Colour.
        color: Rgb,
        /// Width in drawing units.
        width: f32,
    },
    /// A single line of text whose baseline is at `y`.
    Text {
        /// Anchor x.
        x: f32,
        /// Baseline y.
        y: f32,
        /// Font size in drawing units.
        size: f32,
        /// The text (plain data).
        text: String,
        /// Colour.
        color: Rgb,
        /// How the text sits against `x`.
        anchor: Anchor,
    },
}

/// A stable anchor name from any text: lower-case letters and digits, other
/// characters turned into single `-`.
pub fn anchor_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "section".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_hold_only_safe_characters() {
        assert_eq!(anchor_of("REL-3 “Pay” <script>"), "rel-3-pay-script");
        assert_eq!(anchor_of("\"><"), "section");
    }

    #[test]
    fn rows_get_one_cell_per_column() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["1".into()]);
        t.row(vec!["1".into(), "2".into(), "3".into()]);
        assert!(t.rows.iter().all(|r| r.len() == 2));
    }
}
