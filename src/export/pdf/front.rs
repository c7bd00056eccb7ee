//! The front of a report: a title page and a table of contents with the
//! page of each part and section; and the running footer with page numbers.

use super::fonts::Fonts;
use super::layout::wrap;
use super::{Item, Mark, Page, Style};
use crate::export::doc::{Doc, Rgb};
use compact_str::format_compact;

/// The title page and the contents pages, numbered for the body that
/// follows them (`marks` count pages from the first body page).
pub(super) fn front_pages(doc: &Doc, marks: &[Mark], style: &Style, fonts: &mut Fonts) -> Vec<Page> {
    let entries: Vec<&Mark> = marks.iter().filter(|m| m.level <= 2).collect();
    let lh = style.body * 1.55;
    let first_room = ((style.height - style.margin_bottom - style.margin_top - 40.0) / lh).floor().max(1.0) as usize;
    let room = ((style.height - style.margin_bottom - style.margin_top) / lh).floor().max(1.0) as usize;
    let toc_pages = if entries.len() <= first_room { 1 } else { 1 + (entries.len() - first_room).div_ceil(room) };
    let shift = 1 + toc_pages;
    let mut pages = vec![title_page(doc, style, fonts)];
    let mut page = Page::default();
    let mut y = style.margin_top + style.headings[0];
    page.items.push(Item::Text {
        x: style.margin_x,
        y,
        size: style.headings[0],
        text: "Contents".into(),
        color: Rgb::INK,
        strong: true,
    });
    y += 22.0;
    let right = style.width - style.margin_x;
    for m in entries {
        if y + lh > style.height - style.margin_bottom {
            pages.push(std::mem::take(&mut page));
            y = style.margin_top;
        }
        y += lh;
        let indent = if m.level == 1 { 0.0 } else { 14.0 };
        let number = (m.page + shift + 1).to_string();
        let number_w = fonts.width(&number, style.body);
        let text_w = right - style.margin_x - indent - number_w - 16.0;
        let line = wrap(fonts, &m.text, style.body, text_w).into_iter().next().unwrap_or_default();
        let shown =
            if fonts.width(&m.text, style.body) > text_w { format_compact!("{}…", line.trim_end()) } else { line };
        let end = style.margin_x + indent + fonts.width(&shown, style.body) + 4.0;
        page.items.push(Item::Text {
            x: style.margin_x + indent,
            y,
            size: style.body,
            text: shown,
            color: Rgb::INK,
            strong: m.level == 1,
        });
        page.items.push(Item::Line { x1: end, y1: y, x2: right - number_w - 4.0, y2: y, color: Rgb::RULE, width: 0.5 });
        page.items.push(Item::Text {
            x: right - number_w,
            y,
            size: style.body,
            text: number.into(),
            color: Rgb::INK,
            strong: false,
        });
    }
    pages.push(page);
    // Should the estimate above ever be off, pad so the numbers stay right.
    while pages.len() < shift {
        pages.push(Page::default());
    }
    pages
}

fn title_page(doc: &Doc, style: &Style, fonts: &mut Fonts) -> Page {
    let mut page = Page::default();
    let x = style.margin_x;
    let mut y = style.height * 0.32;
    page.items.push(Item::Rect { x, y: y - 60.0, w: 60.0, h: 6.0, fill: Some(Rgb(0x1f, 0x5f, 0xa8)), stroke: None });
    for line in wrap(fonts, &doc.title, 28.0, style.text_width()) {
        y += 34.0;
        page.items.push(Item::Text { x, y, size: 28.0, text: line, color: Rgb::INK, strong: true });
    }
    y += 14.0;
    for line in wrap(fonts, &doc.subtitle, 14.0, style.text_width()) {
        y += 20.0;
        page.items.push(Item::Text { x, y, size: 14.0, text: line, color: Rgb::MUTED, strong: false });
    }
    y += 24.0;
    for fact in &doc.facts {
        for line in wrap(fonts, fact, style.body + 1.0, style.text_width()) {
            y += 16.0;
            page.items.push(Item::Text { x, y, size: style.body + 1.0, text: line, color: Rgb::INK, strong: false });
        }
    }
    let made = format!("Made with Relplan {}", env!("CARGO_PKG_VERSION"));
    let base = style.height - style.margin_bottom;
    page.items.push(Item::Text { x, y: base, size: style.small, text: made.into(), color: Rgb::MUTED, strong: false });
    page
}

/// Adds "title · Page n of N" at the foot of every page but the first.
pub(super) fn number_pages(pages: &mut [Page], title: &str, style: &Style, fonts: &mut Fonts) {
    let total = pages.len();
    let y = style.height - style.margin_bottom + 26.0;
    let right = style.width - style.margin_x;
    let size = style.small;
    let mut short = wrap(fonts, title, size, style.text_width() * 0.6).into_iter().next().unwrap_or_default();
    if short.len() < title.len() {
        short.push('…');
    }
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        let text = format_compact!("Page {} of {total}", i + 1);
        let w = fonts.width(&text, size);
        page.items.push(Item::Line {
            x1: style.margin_x,
            y1: y - 10.0,
            x2: right,
            y2: y - 10.0,
            color: Rgb::RULE,
            width: 0.5,
        });
        page.items.push(Item::Text {
            x: style.margin_x,
            y,
            size,
            text: short.clone(),
            color: Rgb::MUTED,
            strong: false,
        });
        page.items.push(Item::Text { x: right - w, y, size, text, color: Rgb::MUTED, strong: false });
    }
}
