//! Rectangles and lines handed to krilla in batches: consecutive filled
//! rectangles of one colour (a table's row stripes) become one path, and
//! so do consecutive lines of one colour and width (the rules between
//! rows). Each krilla path costs a saved graphics state, a transform and a
//! colour; a path of many pieces pays that once and looks the same, since
//! pieces of one colour cover the same points in any order. Outlined
//! rectangles are drawn one by one, as an outline painted after a later
//! rectangle's fill would show where it did not before.

use super::Item;
use super::paint::{fill, stroke};
use crate::export::doc::Rgb;
use krilla::geom::{PathBuilder, Rect};
use krilla::surface::Surface;

/// What the pieces of a batch share.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Key {
    /// Filled, without an outline.
    Fill(Rgb),
    /// Stroked at a width.
    Line(Rgb, f32),
}

/// The batch being collected.
#[derive(Default)]
pub(super) struct Shapes {
    key: Option<Key>,
    path: Option<PathBuilder>,
}

impl Shapes {
    /// Adds a rectangle or a line (other items are ignored).
    pub(super) fn add(&mut self, surface: &mut Surface<'_>, item: &Item) {
        match *item {
            Item::Rect { x, y, w, h, fill: Some(f), stroke: None } => {
                let Some(rect) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else { return };
                self.builder(surface, Key::Fill(f)).push_rect(rect);
            }
            Item::Rect { x, y, w, h, fill: f, stroke: s } => {
                self.flush(surface);
                let Some(rect) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else { return };
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                let Some(path) = pb.finish() else { return };
                surface.set_fill(f.map(fill));
                surface.set_stroke(s.map(|c| stroke(c, 0.5)));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
            Item::Line { x1, y1, x2, y2, color, width } => {
                let pb = self.builder(surface, Key::Line(color, width));
                pb.move_to(x1, y1);
                pb.line_to(x2, y2);
            }
            Item::Text { .. } => {}
        }
    }

    /// The path of the batch for `key`, painting the batch before it if it differs.
    fn builder(&mut self, surface: &mut Surface<'_>, key: Key) -> &mut PathBuilder {
        if self.key != Some(key) {
            self.flush(surface);
            self.key = Some(key);
        }
        self.path.get_or_insert_with(PathBuilder::new)
    }

    /// Paints the batch collected so far, if any.
    pub(super) fn flush(&mut self, surface: &mut Surface<'_>) {
        let (Some(key), Some(pb)) = (self.key.take(), self.path.take()) else { return };
        let Some(path) = pb.finish() else { return };
        match key {
            Key::Fill(c) => {
                surface.set_fill(Some(fill(c)));
                surface.set_stroke(None);
            }
            Key::Line(c, width) => {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(c, width)));
            }
        }
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}
