//! Text handed to krilla in runs: consecutive lines of text in one face,
//! size, colour and weight (a table row's cells, the lines of a
//! paragraph) become one glyph run, so the page gets one text object for
//! them instead of one per line.
//!
//! Each krilla call costs a saved graphics state, a transform, a colour
//! and a text object (about 150 bytes of content stream before the first
//! glyph), and the report of a 2000-release book has 1.4 million lines.
//! Within a run, krilla places a glyph after the previous one: a jump to
//! the right on the same baseline is written as a position adjustment
//! inside one `TJ`, a new baseline as a new text matrix (the glyph's
//! `y_offset`).
//! Painting order is unchanged: a run ends at any shape, so nothing drawn
//! before or after a text moves across it.

use super::fonts::{Face, Fonts};
use crate::export::doc::Rgb;
use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};

/// What the glyphs of one run share.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Key {
    face: Face,
    size: f32,
    color: Rgb,
    strong: bool,
}

/// The run being collected (its buffers are kept from one run to the next).
#[derive(Default)]
pub(super) struct Runs {
    key: Option<Key>,
    /// Where the run's first glyph sits.
    origin: (f32, f32),
    /// The x where the glyph after the last one would sit.
    pen: f32,
    text: String,
    glyphs: Vec<KrillaGlyph>,
}

impl Runs {
    /// Adds one line of text whose left end is `x` and baseline `y`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text(
        &mut self,
        surface: &mut Surface<'_>,
        fonts: &mut Fonts,
        (x, y): (f32, f32),
        size: f32,
        text: &str,
        color: Rgb,
        strong: bool,
    ) {
        if size <= 0.0 {
            return;
        }
        let mut at = x;
        for c in text.chars().filter(|c| !c.is_control()) {
            let (face, shown, gid, advance) = fonts.glyph(c);
            let key = Key { face, size, color, strong };
            if self.key != Some(key) {
                self.flush(surface, fonts);
                self.key = Some(key);
                self.origin = (at, y);
                self.pen = at;
            }
            // Move the pen to this glyph: the previous glyph advances further
            // (or back, to start a new line at the left).
            if let Some(last) = self.glyphs.last_mut() {
                last.x_advance += (at - self.pen) / size;
            }
            let start = self.text.len();
            self.text.push(shown);
            let y_offset = (self.origin.1 - y) / size;
            let glyph = KrillaGlyph::new(GlyphId::new(gid), advance, 0.0, y_offset, 0.0, start..self.text.len(), None);
            self.glyphs.push(glyph);
            at += advance * size;
            self.pen = at;
        }
    }

    /// Paints the run collected so far, if any.
    pub(super) fn flush(&mut self, surface: &mut Surface<'_>, fonts: &Fonts) {
        let Some(key) = self.key.take() else { return };
        if !self.glyphs.is_empty() {
            surface.set_fill(Some(super::paint::fill(key.color)));
            // A thin outline in the text's colour stands in for a bold face.
            surface.set_stroke(key.strong.then(|| super::paint::stroke(key.color, key.size * 0.035)));
            let (x, y) = self.origin;
            surface.draw_glyphs(Point::from_xy(x, y), &self.glyphs, fonts.font(key.face), &self.text, key.size, false);
            surface.set_stroke(None);
        }
        self.glyphs.clear();
        self.text.clear();
    }
}
