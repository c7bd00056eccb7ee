//! Laying blocks out on pages: a cursor runs down the page and starts a
//! new one when the next line, row or drawing does not fit. Headings keep
//! some room below them so they are never left alone at a page's foot.

use super::fonts::Fonts;
use super::{Item, Mark, Page, Style};
use crate::export::doc::{Anchor, Block, Drawing, Rgb, Shape};
use compact_str::CompactString;

/// The layout in progress.
pub(super) struct Layout<'a> {
    pub(super) style: &'a Style,
    pub(super) fonts: &'a mut Fonts,
    pub(super) pages: Vec<Page>,
    pub(super) marks: Vec<Mark>,
    /// Distance from the top of the current page to the next free line.
    pub(super) y: f32,
}

/// Lays the blocks out; returns the pages and where each heading landed
/// (page indices count from the first body page).
pub(super) fn lay_out(blocks: &[Block], style: &Style, fonts: &mut Fonts) -> (Vec<Page>, Vec<Mark>) {
    let mut l = Layout { style, fonts, pages: vec![Page::default()], marks: Vec::new(), y: style.margin_top };
    for block in blocks {
        l.block(block);
    }
    (l.pages, l.marks)
}

impl Layout<'_> {
    /// The lowest y content may reach.
    pub(super) fn bottom(&self) -> f32 {
        self.style.height - self.style.margin_bottom
    }

    pub(super) fn at_top(&self) -> bool {
        self.y <= self.style.margin_top + 0.1
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.style.margin_top;
    }

    /// Starts a new page unless `h` more points fit on this one.
    pub(super) fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() && !self.at_top() {
            self.new_page();
        }
    }

    pub(super) fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, text: CompactString, color: Rgb, strong: bool) {
        self.push(Item::Text { x, y, size, text, color, strong });
    }

    fn block(&mut self, block: &Block) {
        let s = self.style;
        match block {
            Block::Heading { level, text, .. } => self.heading(*level, text),
            Block::Paragraph(text) => self.paragraph(text, s.body, Rgb::INK),
            Block::Note(text) => self.paragraph(text, s.body, Rgb::MUTED),
            Block::Fields(fields) => self.fields(fields),
            Block::Table(t) => self.table(t),
            Block::Drawing(d) => self.drawing(d),
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let s = self.style;
        let size = s.headings[usize::from(level.clamp(1, 3)) - 1];
        let lines = wrap(self.fonts, text, size, s.text_width());
        let h = lines.len() as f32 * size * 1.25;
        let before = if self.at_top() { 0.0 } else { size * 0.9 };
        // Keep the heading with at least a few lines of what follows.
        self.ensure(before + h + 4.0 * s.body * s.leading);
        if !self.at_top() {
            self.y += before;
        }
        self.marks.push(Mark { level, text: text.to_owned(), page: self.pages.len() - 1, y: self.y });
        for line in lines {
            self.y += size * 1.05;
            self.text(s.margin_x, self.y, size, line, if level == 1 { Rgb(0x1f, 0x5f, 0xa8) } else { Rgb::INK }, true);
            self.y += size * 0.2;
        }
        if level == 1 {
            self.y += 3.0;
            let (x1, x2, y) = (s.margin_x, s.width - s.margin_x, self.y);
            self.push(Item::Line { x1, y1: y, x2, y2: y, color: Rgb::RULE, width: 1.0 });
        }
        self.y += size * 0.45;
    }

    fn paragraph(&mut self, text: &str, size: f32, color: Rgb) {
        let s = self.style;
        let lh = size * s.leading;
        for line in wrap(self.fonts, text, size, s.text_width()) {
            self.ensure(lh);
            self.y += lh;
            self.text(s.margin_x, self.y - lh * 0.25, size, line, color, false);
        }
        self.y += size * 0.5;
    }

    fn fields(&mut self, fields: &[(String, String)]) {
        let s = self.style;
        let size = s.body;
        let lh = size * s.leading;
        let widest = fields.iter().map(|(k, _)| self.fonts.width(k, size)).fold(0.0, f32::max);
        let label_w = (widest + 12.0).min(s.text_width() * 0.3);
        let value_x = s.margin_x + label_w;
        for (k, v) in fields {
            let labels = wrap(self.fonts, k, size, label_w - 8.0);
            let values = wrap(self.fonts, v, size, s.text_width() - label_w);
            let n = labels.len().max(values.len());
            for i in 0..n {
                self.ensure(lh);
                self.y += lh;
                let base = self.y - lh * 0.25;
                if let Some(l) = labels.get(i) {
                    self.text(s.margin_x, base, size, l.clone(), Rgb::MUTED, false);
                }
                if let Some(v) = values.get(i) {
                    self.text(value_x, base, size, v.clone(), Rgb::INK, false);
                }
            }
            self.y += 1.5;
        }
        self.y += size * 0.5;
    }

    /// Places a drawing at the text width (never wider than drawn), on a
    /// new page when it does not fit.
    fn drawing(&mut self, d: &Drawing) {
        let s = self.style;
        let body_h = self.bottom() - s.margin_top;
        let mut scale = (s.text_width() / d.width.max(1.0)).min(1.0);
        scale = scale.min(body_h / d.height.max(1.0));
        let h = d.height * scale;
        self.ensure(h + 6.0);
        let (ox, oy) = (s.margin_x, self.y + 2.0);
        for shape in &d.shapes {
            let item = match shape {
                Shape::Rect { x, y, w, h, fill, stroke } => Item::Rect {
                    x: ox + x * scale,
                    y: oy + y * scale,
                    w: w * scale,
                    h: h * scale,
                    fill: Some(*fill),
                    stroke: *stroke,
                },
                Shape::Line { x1, y1, x2, y2, color, width } => Item::Line {
                    x1: ox + x1 * scale,
                    y1: oy + y1 * scale,
                    x2: ox + x2 * scale,
                    y2: oy + y2 * scale,
                    color: *color,
                    width: width * scale,
                },
                Shape::Text { x, y, size, text, color, anchor } => {
                    let size = size * scale;
                    let w = self.fonts.width(text, size);
                    let left = match anchor {
                        Anchor::Start => 0.0,
                        Anchor::Middle => w / 2.0,
                        Anchor::End => w,
                    };
                    Item::Text {
                        x: ox + x * scale - left,
                        y: oy + y * scale,
                        size,
                        text: text.as_str().into(),
                        color: *color,
                        strong: false,
                    }
                }
            };
            self.push(item);
        }
        self.y += h + 10.0;
    }
}

/// Text broken into lines no wider than `width` at `size`: at spaces where
/// possible, inside a word only when the word alone is too wide. Line breaks
/// in the text are kept. Lines are compact strings: most fit inline, with
/// nothing to allocate (a large report has over a million of them).
pub(super) fn wrap(fonts: &mut Fonts, text: &str, size: f32, width: f32) -> Vec<CompactString> {
    let mut lines = Vec::new();
    let space = fonts.width(" ", size);
    for para in text.split('\n') {
        let mut line = CompactString::default();
        let mut line_w = 0.0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = fonts.width(word, size);
            if !line.is_empty() && line_w + space + w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width {
                line.push_str(word);
                line_w = w;
            } else {
                line_w = 0.0;
                for c in word.chars() {
                    let cw = fonts.width(c.encode_utf8(&mut [0; 4]), size);
                    if line_w + cw > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
        }
        if !line.is_empty() || lines.is_empty() || !para.trim().is_empty() {
            lines.push(line);
        }
    }
    while lines.len() > 1 && lines.last().is_some_and(CompactString::is_empty) {
        lines.pop();
    }
    lines
}
