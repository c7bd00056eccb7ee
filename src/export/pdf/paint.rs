//! Writing laid-out pages with krilla: text as embedded glyphs, rectangles
//! and lines as vector paths, the outline (bookmarks) from the headings,
//! and the title in the metadata.

use super::fonts::Fonts;
use super::{Item, Mark, Page, Style};
use crate::export::doc::{Doc, Rgb};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::{Document, SerializeSettings};

fn paint_of(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill { paint: paint_of(c), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke { paint: paint_of(c), width, ..Default::default() }
}

/// The pages as a PDF file.
pub(super) fn paint(
    doc: &Doc,
    pages: &[Page],
    marks: &[Mark],
    style: &Style,
    fonts: &mut Fonts,
) -> Result<Vec<u8>, String> {
    let settings = SerializeSettings { enable_tagging: false, xmp_metadata: false, ..Default::default() };
    let mut document = Document::new_with(settings);
    let page_settings = PageSettings::from_wh(style.width, style.height).ok_or("the page size is not valid")?;
    for page in pages {
        let mut p = document.start_page_with(page_settings.clone());
        let mut surface = p.surface();
        for item in &page.items {
            paint_item(&mut surface, item, fonts);
        }
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

fn paint_item(surface: &mut Surface<'_>, item: &Item, fonts: &mut Fonts) {
    match item {
        Item::Text { x, y, size, text, color, strong } => {
            surface.set_fill(Some(fill(*color)));
            // A thin outline in the text's colour stands in for a bold face.
            surface.set_stroke(strong.then(|| stroke(*color, size * 0.035)));
            for piece in fonts.pieces(text, *size) {
                let font = fonts.font(piece.face);
                surface.draw_glyphs(Point::from_xy(x + piece.x, *y), &piece.glyphs, font, &piece.text, *size, false);
            }
            surface.set_stroke(None);
        }
        Item::Rect { x, y, w, h, fill: f, stroke: s } => {
            let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else { return };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            let Some(path) = pb.finish() else { return };
            surface.set_fill(f.map(fill));
            surface.set_stroke(s.map(|c| stroke(c, 0.5)));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Item::Line { x1, y1, x2, y2, color, width } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            let Some(path) = pb.finish() else { return };
            surface.set_fill(None);
            surface.set_stroke(Some(stroke(*color, *width)));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
    }
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
