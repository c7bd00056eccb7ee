//! Writing laid-out pages with krilla: text as embedded glyphs (in runs, see
//! [`super::runs`]), rectangles and lines as vector paths (in batches, see
//! [`super::shapes`]), the outline (bookmarks) from the headings, and the
//! title in the metadata.

use super::fonts::Fonts;
use super::runs::Runs;
use super::shapes::Shapes;
use super::{Item, Mark, Page, Style};
use crate::export::doc::{Doc, Rgb};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::{Document, SerializeSettings};

fn paint_of(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

pub(super) fn fill(c: Rgb) -> Fill {
    Fill { paint: paint_of(c), opacity: NormalizedF32::ONE, rule: Default::default() }
}

pub(super) fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke { paint: paint_of(c), width, ..Default::default() }
}

/// The pages as a PDF file; `painted` hears every so often how many pages are done.
pub(super) fn paint(
    doc: &Doc,
    pages: &[Page],
    marks: &[Mark],
    style: &Style,
    fonts: &mut Fonts,
    painted: &dyn Fn(usize),
) -> Result<Vec<u8>, String> {
    let settings = SerializeSettings { enable_tagging: false, xmp_metadata: false, ..Default::default() };
    let mut document = Document::new_with(settings);
    let page_settings = PageSettings::from_wh(style.width, style.height).ok_or("the page size is not valid")?;
    let (mut runs, mut shapes) = (Runs::default(), Shapes::default());
    for (i, page) in pages.iter().enumerate() {
        if i % 256 == 0 {
            painted(i);
        }
        let mut p = document.start_page_with(page_settings.clone());
        let mut surface = p.surface();
        // Items are painted in order; alike neighbours go as one batch.
        for item in &page.items {
            if let Item::Text { x, y, size, text, color, strong } = item {
                shapes.flush(&mut surface);
                runs.text(&mut surface, fonts, (*x, *y), *size, text, *color, *strong);
            } else {
                runs.flush(&mut surface, fonts);
                shapes.add(&mut surface, item);
            }
        }
        runs.flush(&mut surface, fonts);
        shapes.flush(&mut surface);
        surface.finish();
        p.finish();
    }
    document.set_outline(outline(marks));
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .description(doc.subtitle.clone())
            .creator(format!("Relplan {}", env!("CARGO_PKG_VERSION"))),
    );
    document.finish().map_err(|e| format!("the PDF could not be written ({e:?})"))
}

/// Bookmarks: parts, with their sections beneath them.
fn outline(marks: &[Mark]) -> Outline {
    let mut outline = Outline::new();
    let mut part: Option<OutlineNode> = None;
    for m in marks.iter().filter(|m| m.level <= 2) {
        let node = OutlineNode::new(m.text.clone(), XyzDestination::new(m.page, Point::from_xy(0.0, m.y)));
        if m.level == 1 {
            if let Some(done) = part.take() {
                outline.push_child(done);
            }
            part = Some(node);
        } else if let Some(p) = &mut part {
            p.push_child(node);
        } else {
            outline.push_child(node);
        }
    }
    if let Some(done) = part {
        outline.push_child(done);
    }
    outline
}
