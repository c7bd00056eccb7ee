//! Tables on pages: column widths from the table's weights (or from its
//! text), cells wrapped to their column, the header row repeated at the
//! top of every page the table runs onto, and rows taller than what is
//! left of a page continued on the next.
//!
//! On each page the rows' background stripes come first, then their text,
//! then the rules between them. Nothing of one overlaps another, so the page
//! looks the same as drawing row by row, but the painter gets long runs of
//! alike items that it writes as one path or one text object.

use super::layout::{Layout, wrap};
use super::{Item, Style};
use crate::export::doc::{Rgb, Table};
use compact_str::CompactString;

/// Space between a cell's text and its edges.
const PAD: f32 = 3.0;
/// Header background.
const HEADER_FILL: Rgb = Rgb(0xee, 0xf1, 0xf4);
/// Background of every other row.
const STRIPE: Rgb = Rgb(0xf8, 0xf9, 0xfa);

/// Column widths in points that fill the text width.
fn widths(l: &mut Layout<'_>, t: &Table) -> Vec<f32> {
    let s: &Style = l.style;
    let total = s.text_width();
    let n = t.columns.len().max(1);
    let weights: Vec<f32> = if t.weights.len() == t.columns.len() && t.weights.iter().all(|w| *w > 0.0) {
        t.weights.clone()
    } else {
        (0..n)
            .map(|c| {
                let head = l.fonts.width(t.columns.get(c).map_or("", String::as_str), s.small);
                let body = t
                    .rows
                    .iter()
                    .take(40)
                    .filter_map(|r| r.get(c))
                    .map(|x| l.fonts.width(x, s.small))
                    .fold(0.0, f32::max);
                head.max(body).clamp(24.0, 220.0)
            })
            .collect()
    };
    let sum: f32 = weights.iter().sum::<f32>().max(1.0);
    weights.iter().map(|w| w / sum * total).collect()
}

impl Layout<'_> {
    /// Lays a table out, repeating its header on each page.
    pub(super) fn table(&mut self, t: &Table) {
        let s = self.style;
        let size = s.small;
        let lh = size * s.leading;
        let widths = widths(self, t);
        let lefts: Vec<f32> = widths.iter().scan(s.margin_x, |x, w| Some(std::mem::replace(x, *x + w))).collect();
        let header: Vec<Vec<CompactString>> =
            t.columns.iter().zip(&widths).map(|(c, w)| wrap(self.fonts, c, size, w - 2.0 * PAD)).collect();
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
        // The header and the first line of the first row go together.
        self.ensure(header_h + lh + 2.0 * PAD);
        self.header(&header, &lefts, &widths, header_h);
        let mut layers = Layers::default();
        layers.start(self);
        for (r, row) in t.rows.iter().enumerate() {
            let mut cells: Vec<Vec<CompactString>> =
                row.iter().zip(&widths).map(|(c, w)| wrap(self.fonts, c, size, w - 2.0 * PAD)).collect();
            loop {
                let need = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let fresh = self.fresh_table_page(header_h);
                let mut room = ((self.bottom() - self.y - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                let full = ((self.bottom() - s.margin_top - header_h - 2.0 * PAD) / lh).floor().max(1.0) as usize;
                if !fresh && (room == 0 || (need > room && (need <= full || room < 2))) {
                    layers.finish(self);
                    self.new_page();
                    self.header(&header, &lefts, &widths, header_h);
                    layers.start(self);
                    continue;
                }
                if fresh {
                    room = room.max(1);
                }
                let take = need.min(room);
                let h = take as f32 * lh + 2.0 * PAD;
                if r % 2 == 1 {
                    layers.stripes.push(Item::Rect {
                        x: s.margin_x,
                        y: self.y,
                        w: s.text_width(),
                        h,
                        fill: Some(STRIPE),
                        stroke: None,
                    });
                }
                for (c, lines) in cells.iter_mut().enumerate() {
                    let rest = lines.split_off(take.min(lines.len()));
                    for (i, line) in lines.drain(..).enumerate() {
                        let base = self.y + PAD + (i as f32 + 1.0) * lh - lh * 0.25;
                        self.text(lefts[c] + PAD, base, size, line, Rgb::INK, false);
                    }
                    *lines = rest;
                }
                self.y += h;
                let y = self.y;
                layers.rules.push(Item::Line {
                    x1: s.margin_x,
                    y1: y,
                    x2: s.margin_x + s.text_width(),
                    y2: y,
                    color: Rgb::RULE,
                    width: 0.4,
                });
                if cells.iter().all(Vec::is_empty) {
                    break;
                }
                layers.finish(self);
                self.new_page();
                self.header(&header, &lefts, &widths, header_h);
                layers.start(self);
            }
        }
        layers.finish(self);
        self.y += s.body * 0.8;
    }

    /// Whether the cursor sits right under a header just drawn at a page's top.
    fn fresh_table_page(&self, header_h: f32) -> bool {
        self.y <= self.style.margin_top + header_h + 0.1
    }

    fn header(&mut self, header: &[Vec<CompactString>], lefts: &[f32], widths: &[f32], h: f32) {
        let s = self.style;
        let lh = s.small * s.leading;
        let total: f32 = widths.iter().sum();
        self.push(Item::Rect { x: s.margin_x, y: self.y, w: total, h, fill: Some(HEADER_FILL), stroke: None });
        for (c, lines) in header.iter().enumerate() {
            for (i, line) in lines.iter().enumerate() {
                let base = self.y + PAD + (i as f32 + 1.0) * lh - lh * 0.25;
                self.text(lefts[c] + PAD, base, s.small, line.clone(), Rgb::INK, true);
            }
        }
        self.y += h;
        let y = self.y;
        self.push(Item::Line { x1: s.margin_x, y1: y, x2: s.margin_x + total, y2: y, color: Rgb::MUTED, width: 0.6 });
    }
}

/// The stripes and rules of the rows on the current page, held back while
/// the rows' text goes onto the page.
#[derive(Default)]
struct Layers {
    /// Where the rows' items start on the page.
    at: usize,
    stripes: Vec<Item>,
    rules: Vec<Item>,
}

impl Layers {
    /// Starts the rows of a page: their text goes on from here.
    fn start(&mut self, l: &Layout<'_>) {
        self.at = l.pages.last().map_or(0, |p| p.items.len());
    }

    /// Puts the stripes under the rows' text and the rules after it.
    fn finish(&mut self, l: &mut Layout<'_>) {
        if let Some(page) = l.pages.last_mut() {
            let at = self.at.min(page.items.len());
            page.items.splice(at..at, self.stripes.drain(..));
            page.items.append(&mut self.rules);
        }
        self.stripes.clear();
        self.rules.clear();
    }
}
