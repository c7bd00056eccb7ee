//! The grid of all slides (G): a card per slide, the highlighted one
//! outlined; arrows move the highlight, Enter or a click opens a slide.

use super::look::Look;
use crate::present::Deck;
use crate::present::blocks::Tone;
use egui::{Rect, Stroke, Ui, UiBuilder, vec2};

/// Cards per row.
pub const COLUMNS: usize = 4;

/// Draws the grid over `rect`; returns the slide clicked, if any.
#[allow(clippy::too_many_arguments, reason = "the grid's place, deck and highlight")]
pub fn grid_ui(
    ui: &mut Ui,
    look: &Look,
    rect: Rect,
    deck: &Deck,
    highlight: usize,
    current: usize,
    scroll: bool,
) -> Option<usize> {
    ui.painter().rect_filled(rect, 0.0, egui::Color32::WHITE);
    let margin = look.px(64.0);
    let inner = rect.shrink(margin);
    let mut ui = ui.new_child(UiBuilder::new().max_rect(inner));
    ui.label(look.text(&deck.title, look.kicker(), Tone::Accent));
    ui.label(look.text("All slides", look.title(), Tone::Normal).strong());
    ui.label(look.text("Arrows move, Enter opens, G or Esc goes back", look.small(), Tone::Weak));
    ui.add_space(look.gap());
    let gap = look.px(18.0);
    let card_w = (inner.width() - gap * (COLUMNS as f32 - 1.0)) / COLUMNS as f32;
    let card_h = look.px(118.0);
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("present.grid").auto_shrink([false, false]).show(&mut ui, |ui| {
        for (row, chunk) in deck.slides.chunks(COLUMNS).enumerate() {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for (col, slide) in chunk.iter().enumerate() {
                    let i = row * COLUMNS + col;
                    let release = slide.release.as_ref().map_or_else(String::new, |r| format!(" · {r}"));
                    let text = format!("{}. {}{release}\n{}", i + 1, slide.kind.label(), slide.title);
                    let (fill, stroke) = if i == highlight {
                        (look.tint(), Stroke::new(look.px(4.0), look.t.accent))
                    } else {
                        (egui::Color32::WHITE, Stroke::new(look.px(1.5), look.rule()))
                    };
                    let mut label = look.text(&text, look.small(), Tone::Normal);
                    if i == current {
                        label = label.strong();
                    }
                    let button = egui::Button::new(label)
                        .fill(fill)
                        .stroke(stroke)
                        .corner_radius(look.px(10.0))
                        .wrap()
                        .min_size(vec2(card_w, card_h));
                    let response = ui.add_sized(vec2(card_w, card_h), button);
                    if i == highlight && scroll {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        clicked = Some(i);
                    }
                }
            });
            ui.add_space(gap);
        }
    });
    clicked
}
