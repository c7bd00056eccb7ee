//! One page's content stream, written straight from the laid-out items.
//!
//! The layout already knows every glyph and where it goes, so the page
//! needs only a handful of operators:
//!
//! - text: one `Tj` per line, its glyphs as two-byte CIDs (`Identity-H`) in
//!   a string of raw bytes (half the size of hex, so there is less to
//!   deflate; only `(`, `)`, `\` and carriage returns are escaped). The
//!   font's widths are the advances the layout used, so a line needs no
//!   positioning inside it; a change of face within a line is
//!   a `Tf` between two `Tj`s. A new line is a `Td` from the last one, so a
//!   run of lines shares one text object. Strong text is filled and
//!   outlined with a thin line (render mode 2), standing in for a bold face;
//! - rectangles as `re` and lines as `m l`: consecutive filled rectangles of
//!   one colour (a table's row stripes) are one `f`, consecutive lines of one
//!   colour and width (the rules between rows) one `S`. Pieces of one colour
//!   cover the same points in any order, so the page looks the same;
//! - colours as `rg` and `RG`, line widths as `w`, each written only when it
//!   changes.
//!
//! Our y runs down from the top of the page; the PDF's runs up from the
//! foot, so every y is turned over here. Numbers are written to a thousandth
//! of a point (a text's moves are differences of rounded positions, so
//! lines never drift).

use super::fonts::Fonts;
use super::subset::Used;
use super::{Item, Page};
use crate::export::doc::Rgb;

/// What a batch of path pieces shares.
#[derive(Clone, Copy, PartialEq)]
enum Path {
    /// Filled rectangles.
    Fill(Rgb),
    /// Stroked lines of a width.
    Line(Rgb, f32),
}

/// Writes pages' content streams; its state is reset for every page.
pub(super) struct Painter {
    height: f32,
    out: Vec<u8>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<f32>,
    /// Face slot and size set with `Tf`.
    font: Option<(usize, f32)>,
    /// Whether text is filled and outlined (render mode 2).
    strong: bool,
    /// Inside `BT … ET`, with the start of the last line (in thousandths).
    text: Option<(i64, i64)>,
    /// Inside a `(…)` string of glyphs.
    open: bool,
    path: Option<Path>,
}

impl Painter {
    /// A painter for pages `height` points high.
    pub(super) fn new(height: f32) -> Self {
        Self {
            height,
            out: Vec::new(),
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
            strong: false,
            text: None,
            open: false,
            path: None,
        }
    }

    /// The content stream of a page (not compressed).
    pub(super) fn page(&mut self, page: &Page, fonts: &mut Fonts, used: &mut Used) -> Vec<u8> {
        (self.fill, self.stroke, self.line_width, self.font) = (None, None, None, None);
        (self.strong, self.text, self.open, self.path) = (false, None, false, None);
        self.out = Vec::with_capacity(self.out.capacity().max(4096));
        for item in &page.items {
            match item {
                Item::Text { x, y, size, text, color, strong } => {
                    self.text(fonts, used, (*x, *y), *size, text, *color, *strong);
                }
                Item::Rect { x, y, w, h, fill: Some(f), stroke: None } => {
                    self.piece(Path::Fill(*f));
                    self.rect(*x, *y, *w, *h);
                }
                Item::Rect { x, y, w, h, fill, stroke } => {
                    self.end_path();
                    self.end_text();
                    if let Some(f) = fill {
                        self.set_fill(*f);
                    }
                    if let Some(s) = stroke {
                        self.set_stroke(*s, 0.5);
                    }
                    self.rect(*x, *y, *w, *h);
                    self.out.extend_from_slice(match (fill, stroke) {
                        (Some(_), Some(_)) => b"B\n",
                        (None, Some(_)) => b"S\n",
                        (Some(_), None) => b"f\n",
                        (None, None) => b"n\n",
                    });
                }
                Item::Line { x1, y1, x2, y2, color, width } => {
                    self.piece(Path::Line(*color, *width));
                    self.point(*x1, *y1, b"m ");
                    self.point(*x2, *y2, b"l\n");
                }
            }
        }
        self.end_path();
        self.end_text();
        std::mem::take(&mut self.out)
    }

    /// One line of text whose left end is `x` and baseline `y`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        fonts: &mut Fonts,
        used: &mut Used,
        (x, y): (f32, f32),
        size: f32,
        text: &str,
        color: Rgb,
        strong: bool,
    ) {
        if size <= 0.0 || text.chars().all(char::is_control) {
            return;
        }
        self.end_path();
        self.set_fill(color);
        if strong {
            self.set_stroke(color, size * 0.035);
        }
        if strong != self.strong {
            self.out.extend_from_slice(if strong { b"2 Tr\n" } else { b"0 Tr\n" });
            self.strong = strong;
        }
        let (at_x, at_y) = (milli(x), milli(self.height - y));
        let (from_x, from_y) = match self.text {
            Some(line) => line,
            None => {
                self.out.extend_from_slice(b"BT\n");
                (0, 0)
            }
        };
        self.text = Some((at_x, at_y));
        num(&mut self.out, at_x - from_x);
        self.out.push(b' ');
        num(&mut self.out, at_y - from_y);
        self.out.extend_from_slice(b" Td\n");
        for c in text.chars().filter(|c| !c.is_control()) {
            let (face, shown, gid, advance) = fonts.glyph(c);
            let slot = face.slot();
            if self.font != Some((slot, size)) {
                self.end_string();
                self.out.push(b'/');
                self.out.extend_from_slice(font_name(slot).as_bytes());
                self.out.push(b' ');
                num(&mut self.out, milli(size));
                self.out.extend_from_slice(b" Tf\n");
                self.font = Some((slot, size));
            }
            if !self.open {
                self.out.push(b'(');
                self.open = true;
            }
            let cid = used.face(slot).cid(gid, shown, advance);
            cid_bytes(&mut self.out, cid);
        }
        self.end_string();
    }

    fn end_string(&mut self) {
        if self.open {
            self.out.extend_from_slice(b") Tj\n");
            self.open = false;
        }
    }

    fn end_text(&mut self) {
        if self.text.take().is_some() {
            self.out.extend_from_slice(b"ET\n");
        }
    }

    /// Starts a piece of a path batch, painting the batch before it if it differs.
    fn piece(&mut self, path: Path) {
        if self.path != Some(path) {
            self.end_path();
            self.end_text();
            match path {
                Path::Fill(c) => self.set_fill(c),
                Path::Line(c, w) => self.set_stroke(c, w),
            }
            self.path = Some(path);
        }
    }

    /// Paints the path batch collected so far, if any.
    fn end_path(&mut self) {
        match self.path.take() {
            Some(Path::Fill(_)) => self.out.extend_from_slice(b"f\n"),
            Some(Path::Line(..)) => self.out.extend_from_slice(b"S\n"),
            None => {}
        }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.point(x, y + h, b"");
        self.out.push(b' ');
        num(&mut self.out, milli(w));
        self.out.push(b' ');
        num(&mut self.out, milli(h));
        self.out.extend_from_slice(b" re\n");
    }

    /// Writes a point (turned over) followed by `then`.
    fn point(&mut self, x: f32, y: f32, then: &[u8]) {
        num(&mut self.out, milli(x));
        self.out.push(b' ');
        num(&mut self.out, milli(self.height - y));
        if !then.is_empty() {
            self.out.push(b' ');
            self.out.extend_from_slice(then);
        }
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            color(&mut self.out, c, b"rg\n");
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgb, width: f32) {
        if self.stroke != Some(c) {
            color(&mut self.out, c, b"RG\n");
            self.stroke = Some(c);
        }
        if self.line_width != Some(width) {
            num(&mut self.out, milli(width));
            self.out.extend_from_slice(b" w\n");
            self.line_width = Some(width);
        }
    }
}

/// The name a face's font has in the pages' resources.
pub(super) fn font_name(slot: usize) -> String {
    format!("F{slot}")
}

/// A length in thousandths of a point.
fn milli(v: f32) -> i64 {
    (f64::from(v) * 1000.0).round() as i64
}

/// Writes a number given in thousandths, without trailing zeros.
fn num(out: &mut Vec<u8>, milli: i64) {
    if milli < 0 {
        out.push(b'-');
    }
    let m = milli.unsigned_abs();
    let (whole, mut frac) = (m / 1000, m % 1000);
    let mut digits = [0u8; 20];
    let mut n = digits.len();
    let mut w = whole;
    loop {
        n -= 1;
        digits[n] = b'0' + (w % 10) as u8;
        w /= 10;
        if w == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[n..]);
    if frac != 0 {
        out.push(b'.');
        let mut div = 100;
        while frac != 0 {
            out.push(b'0' + (frac / div) as u8);
            frac %= div;
            div /= 10;
        }
    }
}

/// Writes a colour operator: the three components from 0 to 1, then `op`.
fn color(out: &mut Vec<u8>, c: Rgb, op: &[u8]) {
    for v in [c.0, c.1, c.2] {
        num(out, (i64::from(v) * 1000 + 127) / 255);
        out.push(b' ');
    }
    out.extend_from_slice(op);
}

/// Writes a CID as its two bytes, high first, inside a literal string.
#[inline]
fn cid_bytes(out: &mut Vec<u8>, cid: u16) {
    for b in cid.to_be_bytes() {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{cid_bytes, num};

    fn written(milli: i64) -> String {
        let mut out = Vec::new();
        num(&mut out, milli);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn numbers_are_written_short_and_exact() {
        assert_eq!(written(0), "0");
        assert_eq!(written(42_000), "42");
        assert_eq!(written(595_280), "595.28");
        assert_eq!(written(-1_005), "-1.005");
        assert_eq!(written(7_600), "7.6");
        assert_eq!(written(50), "0.05");
    }

    #[test]
    fn glyph_bytes_that_end_or_bend_a_string_are_escaped() {
        let mut out = Vec::new();
        for cid in [0x0041, 0x0028, 0x2900, 0x005C, 0x000D, 0x000A] {
            cid_bytes(&mut out, cid);
        }
        assert_eq!(out, b"\0A\0\\(\\)\0\0\\\\\0\\r\0\n");
    }
}
