//! Writing laid-out pages as a PDF file with `pdf-writer`: the pages'
//! content (see [`super::content`]), deflated on helper threads (see
//! [`super::compress`]); the fonts as subsets of the glyphs used (see
//! [`super::embed`]); the outline (bookmarks) from the headings; and the
//! title, description and maker in the document's information.

use super::compress::deflated_while;
use super::content::{Painter, font_name};
use super::embed::write_font;
use super::fonts::{Face, Fonts};
use super::subset::Used;
use super::{Mark, Page, Style};
use crate::export::doc::Doc;
use pdf_writer::writers::Resources;
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

/// The pages as a PDF file; `painted` hears every so often how many pages are done.
pub(super) fn paint(
    doc: &Doc,
    pages: &[Page],
    marks: &[Mark],
    style: &Style,
    fonts: &mut Fonts,
    painted: &dyn Fn(usize),
) -> Result<Vec<u8>, String> {
    if !(style.width > 0.0 && style.height > 0.0) {
        return Err("the page size is not valid".to_owned());
    }
    let mut next = Ref::new(1);
    let (catalog, tree, resources, info, outline_root) =
        (next.bump(), next.bump(), next.bump(), next.bump(), next.bump());
    let page_refs: Vec<Ref> = pages.iter().map(|_| next.bump()).collect();
    let content_refs: Vec<Ref> = pages.iter().map(|_| next.bump()).collect();

    let mut used = Used::default();
    let mut painter = Painter::new(style.height);
    let ((), contents) = deflated_while(|send| {
        for (i, page) in pages.iter().enumerate() {
            if i % 256 == 0 {
                painted(i);
            }
            send(painter.page(page, fonts, &mut used));
        }
    })?;

    // Room for the pages and a little more, so the file is not copied as it grows.
    let room = contents.iter().map(Vec::len).sum::<usize>() + pages.len() * 160 + (1 << 20);
    let mut pdf = Pdf::with_settings_and_capacity(pdf_writer::Settings { pretty: false }, room);
    let mut cat = pdf.catalog(catalog);
    cat.pages(tree);
    if marks.iter().any(|m| m.level <= 2) {
        cat.outlines(outline_root);
    }
    cat.finish();
    pdf.pages(tree).count(i32::try_from(pages.len()).unwrap_or(i32::MAX)).kids(page_refs.iter().copied());
    let media = Rect::new(0.0, 0.0, style.width, style.height);
    for ((page, content), stream) in page_refs.iter().zip(&content_refs).zip(&contents) {
        pdf.page(*page).parent(tree).media_box(media).contents(*content).pair(Name(b"Resources"), resources);
        pdf.stream(*content, stream).filter(Filter::FlateDecode);
    }
    drop(contents);

    let mut font_refs = Vec::new();
    for (slot, subset) in used.iter() {
        let source = Face::of_slot(slot).and_then(|f| fonts.source(f)).ok_or("a font of the report went missing")?;
        let type0 = next.bump();
        write_font(&mut pdf, &mut next, type0, source, subset)?;
        font_refs.push((font_name(slot), type0));
    }
    let mut res = pdf.indirect(resources).start::<Resources>();
    let mut dict = res.fonts();
    for (name, r) in &font_refs {
        dict.pair(Name(name.as_bytes()), *r);
    }
    dict.finish();
    res.finish();

    write_outline(&mut pdf, &mut next, outline_root, marks, &page_refs, style.height);
    let creator = format!("Relplan {}", env!("CARGO_PKG_VERSION"));
    pdf.document_info(info).title(TextStr(&doc.title)).subject(TextStr(&doc.subtitle)).creator(TextStr(&creator));
    pdf.set_file_id((file_id(doc, pages.len()), file_id(doc, pages.len())));
    painted(pages.len());
    Ok(pdf.finish())
}

/// An identifier for the file, from its title and length.
fn file_id(doc: &Doc, pages: usize) -> Vec<u8> {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in doc.title.bytes().chain(doc.subtitle.bytes()).chain(pages.to_le_bytes()) {
        hash = (hash ^ u128::from(b)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013B);
    }
    hash.to_be_bytes().to_vec()
}

/// Bookmarks: parts (closed), with their sections beneath them.
fn write_outline(pdf: &mut Pdf, next: &mut Ref, root: Ref, marks: &[Mark], pages: &[Ref], height: f32) {
    // Top-level entries, each with its children.
    let mut tree: Vec<(&Mark, Vec<&Mark>)> = Vec::new();
    let mut in_part = false;
    for m in marks.iter().filter(|m| m.level <= 2) {
        match tree.last_mut() {
            Some((_, children)) if m.level == 2 && in_part => children.push(m),
            _ => {
                in_part |= m.level == 1;
                tree.push((m, Vec::new()));
            }
        }
    }
    if tree.is_empty() {
        return;
    }
    let refs: Vec<(Ref, Vec<Ref>)> =
        tree.iter().map(|(_, kids)| (next.bump(), kids.iter().map(|_| next.bump()).collect())).collect();
    let top: Vec<Ref> = refs.iter().map(|(r, _)| *r).collect();
    let mut outline = pdf.outline(root);
    outline.first(top[0]).last(top[top.len() - 1]).count(i32::try_from(top.len()).unwrap_or(i32::MAX));
    outline.finish();
    for (i, ((mark, kids), (own, kid_refs))) in tree.iter().zip(&refs).enumerate() {
        let mut item = pdf.outline_item(*own);
        entry(&mut item, mark, root, &top, i, pages, height);
        if let (Some(first), Some(last)) = (kid_refs.first(), kid_refs.last()) {
            item.first(*first).last(*last).count(-i32::try_from(kid_refs.len()).unwrap_or(i32::MAX));
        }
        item.finish();
        for (j, kid) in kids.iter().enumerate() {
            let mut item = pdf.outline_item(kid_refs[j]);
            entry(&mut item, kid, *own, kid_refs, j, pages, height);
        }
    }
}

/// An outline entry's title, place among its siblings and destination.
fn entry(
    item: &mut pdf_writer::writers::OutlineItem<'_>,
    mark: &Mark,
    parent: Ref,
    siblings: &[Ref],
    i: usize,
    pages: &[Ref],
    height: f32,
) {
    item.title(TextStr(&mark.text)).parent(parent);
    if i > 0 {
        item.prev(siblings[i - 1]);
    }
    if let Some(next) = siblings.get(i + 1) {
        item.next(*next);
    }
    if let Some(page) = pages.get(mark.page) {
        item.dest().page(*page).xyz(0.0, height - mark.y, None);
    }
}
