//! The grid of all slides (G): a card per slide, the highlighted one
//! outlined; arrows move the highlight, Enter or a click opens a slide.

use super::look::Look;
use crate::present::Deck;
use crate::present::blocks::Tone;
use egui::{Align2, FontId, Rect, Stroke, Ui, UiBuilder, pos2, vec2};

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
    let card_w = ((inner.width() - gap * (COLUMNS as f32 - 1.0)) / COLUMNS as f32).floor();
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
                    let (rect, response) = ui.allocate_exact_size(vec2(card_w, card_h), egui::Sense::click());
                    let kind = format!("{}{release}", slide.kind.label());
                    let marked = (i == highlight, response.hovered(), i == current);
                    card(ui, look, rect, i, &kind, &slide.title, marked);
                    let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
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

/// One card: the slide's number, its kind and release, and its title.
fn card(ui: &Ui, look: &Look, rect: Rect, i: usize, kind: &str, title: &str, marks: (bool, bool, bool)) {
    let (highlighted, hovered, current) = marks;
    let fill = if highlighted || hovered { look.tint() } else { egui::Color32::WHITE };
    let stroke =
        if highlighted { Stroke::new(look.px(4.0), look.t.accent) } else { Stroke::new(look.px(1.5), look.rule()) };
    let painter = ui.painter();
    painter.rect(rect, look.px(10.0), fill, stroke, egui::StrokeKind::Inside);
    let pad = look.px(16.0);
    let number = painter.text(
        rect.left_top() + vec2(pad, pad * 0.6),
        Align2::LEFT_TOP,
        (i + 1).to_string(),
        FontId::proportional(look.px(40.0)),
        if current { look.t.accent } else { look.t.text_weak },
    );
    let x = number.right() + pad;
    painter.text(
        pos2(x, rect.top() + pad),
        Align2::LEFT_TOP,
        kind,
        FontId::proportional(look.small()),
        look.t.text_weak,
    );
    let wrap = rect.right() - x - pad;
    let galley = painter.layout(title.to_owned(), FontId::proportional(look.px(26.0)), look.t.text, wrap);
    painter.galley(pos2(x, rect.top() + pad + look.small() * 1.3), galley, look.t.text);
}
