//! Folding a slide's tables into the room the slide has.
//!
//! A slide's builder hands over every row a slide could ever hold; how
//! many of them fit is known only here, where the slide is drawn at the
//! projector's size. When the whole slide fits, every row is shown. When
//! it does not, the longest table gives up its last row to an "and N more"
//! line, one row at a time, until the slide fits (no table goes below
//! [`FLOOR`] rows; past that the slide scrolls).
//!
//! Each try lays the slide out unseen, in an invisible `Ui` that paints
//! nothing and is not exposed to accessibility, and measures it. The
//! answer is kept until the slide, the room or the zoom changes, so a
//! slide that fits costs one extra layout when it first shows.

use super::look::Look;
use crate::present::Slide;
use crate::present::blocks::{Block, Table};
use egui::{Align, Id, Layout, Rect, Ui, UiBuilder, vec2};
use std::borrow::Cow;

/// A table keeps at least this many rows, however crowded the slide.
const FLOOR: usize = 1;

/// `slide` with its tables folded so that its body, drawn by `body`, fits
/// `room` points high at the width left in `ui`.
pub fn fitted<'a>(
    ui: &mut Ui,
    look: &Look,
    slide: &'a Slide,
    room: f32,
    body: impl Fn(&mut Ui, &Look, &Slide),
) -> Cow<'a, Slide> {
    let width = ui.available_width();
    let key = Id::unique((format!("{slide:?}"), width.to_bits(), room.to_bits(), look.scale.to_bits()));
    let memo = Id::unique("present.fit");
    let known = ui.data(|d| d.get_temp::<(Id, Vec<usize>)>(memo)).filter(|(k, _)| *k == key).map(|(_, shown)| shown);
    let shown = known.unwrap_or_else(|| {
        let shown = shown_rows(ui, look, slide, room, &body);
        ui.data_mut(|d| d.insert_temp(memo, (key, shown.clone())));
        shown
    });
    if shown.iter().zip(tables(slide)).all(|(n, t)| *n >= t.rows.len()) {
        Cow::Borrowed(slide)
    } else {
        Cow::Owned(folded(slide, &shown))
    }
}

/// How many rows each table shows, in drawing order (top, left, right).
fn shown_rows(
    ui: &mut Ui,
    look: &Look,
    slide: &Slide,
    room: f32,
    body: &impl Fn(&mut Ui, &Look, &Slide),
) -> Vec<usize> {
    let all: Vec<usize> = tables(slide).map(|t| t.rows.len()).collect();
    let mut shown = all.clone();
    let mut tries = 0;
    let mut height = |ui: &mut Ui, s: &Slide| {
        tries += 1;
        let rect = Rect::from_min_size(ui.cursor().min, vec2(ui.available_width(), f32::INFINITY));
        let builder = UiBuilder::new()
            .id_salt(("present.fit.try", tries))
            .max_rect(rect)
            .layout(Layout::top_down(Align::LEFT))
            .invisible();
        let mut child = ui.new_child(builder);
        body(&mut child, look, s);
        child.min_rect().height()
    };
    if height(ui, slide) <= room {
        return shown;
    }
    // The longest table gives up a row; on a tie, the one drawn last.
    while let Some(i) = (0..shown.len()).filter(|&i| shown[i] > FLOOR.min(all[i])).max_by_key(|&i| (shown[i], i)) {
        shown[i] -= 1;
        if height(ui, &folded(slide, &shown)) <= room {
            break;
        }
    }
    shown
}

/// The slide's tables, in drawing order.
fn tables(slide: &Slide) -> impl Iterator<Item = &Table> {
    slide.top.iter().chain(&slide.left).chain(&slide.right).filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

/// A copy of `slide` whose tables show `shown` rows each, the rest counted.
fn folded(slide: &Slide, shown: &[usize]) -> Slide {
    let mut out = slide.clone();
    let blocks = out.top.iter_mut().chain(&mut out.left).chain(&mut out.right);
    let tables = blocks.filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    for (t, &n) in tables.zip(shown) {
        t.limit(n);
    }
    out
}
