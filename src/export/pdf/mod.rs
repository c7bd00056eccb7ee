//! PDF: a [`Doc`] laid out on pages and written with `pdf-writer` (pure Rust).
//!
//! The layer has three steps, each in its own file:
//!
//! - [`layout`] (with [`table`]) turns blocks into pages of positioned
//!   text, rectangles and lines ([`Page`], [`Item`]), under a [`Style`]
//!   that sets the paper, margins and type sizes. Tables repeat their
//!   header on each page; drawings are scaled to the text width.
//! - [`front`] adds the title page and the table of contents, once the
//!   body's page numbers are known.
//! - [`paint`] writes the file: each page's content straight from its
//!   items ([`content`]), deflated on helper threads ([`compress`]); the
//!   fonts as subsets of the glyphs used ([`subset`], [`embed`]); the
//!   outline (bookmarks) and metadata.
//!
//! User text only ever reaches the PDF as glyph numbers in a page's
//! content: there is no markup language in between that it could speak to. A second kind of
//! document (meeting-room slides) needs only another [`Style`] (a 16:9
//! page, large type, no front matter) and a [`Doc`] with a page break per
//! slide.

mod compress;
mod content;
mod embed;
mod fonts;
mod front;
mod layout;
mod paint;
mod subset;
mod system_fallback;
mod table;

use super::doc::{Doc, Rgb};
use compact_str::CompactString;

/// A paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// The name people know it by.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// Page geometry and type sizes, in points.
#[derive(Clone, Debug)]
pub struct Style {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left and right margin.
    pub margin_x: f32,
    /// Top margin.
    pub margin_top: f32,
    /// Bottom margin (the footer sits in it).
    pub margin_bottom: f32,
    /// Body text size.
    pub body: f32,
    /// Table text size.
    pub small: f32,
    /// Heading sizes, levels 1 to 3.
    pub headings: [f32; 3],
    /// Line height as a multiple of the text size.
    pub leading: f32,
    /// Whether the document gets a title page, a table of contents and page numbers.
    pub front_matter: bool,
}

impl Style {
    /// A printed report on `paper`.
    pub fn report(paper: Paper) -> Self {
        let (width, height) = paper.size();
        Self {
            width,
            height,
            margin_x: 42.0,
            margin_top: 48.0,
            margin_bottom: 52.0,
            body: 9.5,
            small: 7.6,
            headings: [18.0, 13.5, 10.5],
            leading: 1.3,
            front_matter: true,
        }
    }

    /// The width text can use.
    pub fn text_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }
}

/// Something placed on a page. Coordinates are points from the page's top
/// left corner; a text's `y` is its baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text.
    Text {
        /// Left end.
        x: f32,
        /// Baseline.
        y: f32,
        /// Size.
        size: f32,
        /// The text (short lines, most of them, are kept inline).
        text: CompactString,
        /// Colour.
        color: Rgb,
        /// Drawn heavier (headings, table headers).
        strong: bool,
    },
    /// A rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill, if any.
        fill: Option<Rgb>,
        /// Outline, if any.
        stroke: Option<Rgb>,
    },
    /// A line.
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
        /// Width.
        width: f32,
    },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is on it, painted in order.
    pub items: Vec<Item>,
}

/// A heading and where it landed, for the contents and the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// 1, 2 or 3.
    pub level: u8,
    /// The heading's text.
    pub text: String,
    /// Index of the page in the finished document.
    pub page: usize,
    /// Top of the heading on that page.
    pub y: f32,
}

/// The document as PDF bytes, laid out under `style`.
pub fn render(doc: &Doc, style: &Style) -> Result<Vec<u8>, String> {
    render_with_progress(doc, style, &|_| {})
}

/// The document as PDF bytes, telling `progress` how far it has got (a
/// fraction from 0 to 1): the layout, then the pages as they are painted.
pub fn render_with_progress(doc: &Doc, style: &Style, progress: &dyn Fn(f32)) -> Result<Vec<u8>, String> {
    let mut fonts = fonts::Fonts::new()?;
    let (mut pages, mut marks) = layout::lay_out(&doc.blocks, style, &mut fonts);
    progress(LAID_OUT);
    if style.front_matter {
        let mut all = front::front_pages(doc, &marks, style, &mut fonts);
        let shift = all.len();
        for m in &mut marks {
            m.page += shift;
        }
        all.append(&mut pages);
        pages = all;
        front::number_pages(&mut pages, &doc.title, style, &mut fonts);
    }
    let painted = |done: usize| progress(LAID_OUT + (1.0 - LAID_OUT) * done as f32 / pages.len().max(1) as f32);
    paint::paint(doc, &pages, &marks, style, &mut fonts, &painted)
}

/// The share of the work done once the pages are laid out.
const LAID_OUT: f32 = 0.1;

/// The report as PDF on `paper`.
pub fn to_pdf(doc: &Doc, paper: Paper) -> Result<Vec<u8>, String> {
    render(doc, &Style::report(paper))
}

/// The report as PDF on `paper`, telling `progress` how far it has got.
pub fn to_pdf_with_progress(doc: &Doc, paper: Paper, progress: &dyn Fn(f32)) -> Result<Vec<u8>, String> {
    render_with_progress(doc, &Style::report(paper), progress)
}
