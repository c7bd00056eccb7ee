//! One slide filling its area: the kicker and title, the blocks (across,
//! then left and right), and a footer with the deck, the slide number,
//! the keys and the clock.

use super::blocks::blocks_ui;
use super::look::Look;
use crate::present::Slide;
use crate::present::blocks::Tone;
use egui::{Align, Layout, Rect, Stroke, Ui, UiBuilder, pos2, vec2};

/// What the footer shows.
pub struct Footer<'a> {
    /// The deck's title, bottom left.
    pub deck: &'a str,
    /// "7 / 28".
    pub position: (usize, usize),
    /// The time of day.
    pub clock: &'a str,
    /// A message, e.g. the decision just recorded, shown instead of the key hints.
    pub message: Option<(&'a str, bool)>,
}

/// Draws `slide` over the whole of `rect`.
pub fn slide_ui(ui: &mut Ui, look: &Look, rect: Rect, slide: &Slide, footer: &Footer<'_>) {
    ui.painter().rect_filled(rect, 0.0, egui::Color32::WHITE);
    let margin = vec2(look.px(88.0), look.px(40.0));
    let footer_h = look.px(64.0);
    let inner = Rect::from_min_max(rect.min + margin, pos2(rect.right() - margin.x, rect.bottom() - footer_h));
    let footer_rect =
        Rect::from_min_max(pos2(inner.left(), rect.bottom() - footer_h), pos2(inner.right(), rect.bottom()));
    footer_ui(ui, look, footer_rect, footer);
    let mut content = ui.new_child(UiBuilder::new().max_rect(inner).layout(Layout::top_down(Align::LEFT)));
    content.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    content.spacing_mut().item_spacing = vec2(look.px(12.0), look.px(6.0));
    if !slide.kicker.is_empty() {
        content.label(look.text(&slide.kicker, look.kicker(), Tone::Accent));
    }
    content.label(look.text(&slide.title, look.title(), Tone::Normal).strong());
    content.add_space(look.px(8.0));
    let y = content.cursor().top();
    content.painter().hline(inner.x_range(), y, Stroke::new(look.px(2.0), look.rule()));
    content.add_space(look.px(22.0));
    // The slide scrolls only when even its folded tables do not fit.
    let room = content.available_height();
    let shown = super::fit::fitted(&mut content, look, slide, room, body_ui);
    let id = ("present.slide", &slide.kind, &slide.title, &slide.release);
    egui::ScrollArea::vertical().id_salt(id).auto_shrink([false, false]).show(&mut content, |ui| {
        body_ui(ui, look, &shown);
    });
}

/// The blocks across, then left and right side by side.
fn body_ui(ui: &mut Ui, look: &Look, slide: &Slide) {
    blocks_ui(ui, look, &slide.top);
    if slide.left.is_empty() && slide.right.is_empty() {
        return;
    }
    if !slide.top.is_empty() {
        ui.add_space(look.gap());
    }
    if slide.right.is_empty() {
        blocks_ui(ui, look, &slide.left);
        return;
    }
    let width = ui.available_width();
    let gap = look.px(56.0);
    let left_w = if slide.left.is_empty() { 0.0 } else { ((width - gap) * 0.58).round() };
    let right_w = width - left_w - if slide.left.is_empty() { 0.0 } else { gap };
    let top = ui.cursor().min;
    let column = |ui: &mut Ui, x: f32, w: f32, blocks: &[crate::present::blocks::Block]| {
        let rect = Rect::from_min_size(pos2(x, top.y), vec2(w, f32::INFINITY));
        let mut child = ui.new_child(UiBuilder::new().max_rect(rect).layout(Layout::top_down(Align::LEFT)));
        child.set_width(w);
        blocks_ui(&mut child, look, blocks);
        child.min_rect().bottom()
    };
    let left_bottom = column(ui, top.x, left_w, &slide.left);
    let right_bottom = column(ui, top.x + width - right_w, right_w, &slide.right);
    let bottom = left_bottom.max(right_bottom);
    ui.allocate_rect(Rect::from_min_max(top, pos2(top.x + width, bottom)), egui::Sense::hover());
}

fn footer_ui(ui: &mut Ui, look: &Look, rect: Rect, footer: &Footer<'_>) {
    let painter = ui.painter();
    painter.hline(rect.x_range(), rect.top(), Stroke::new(look.px(1.5), look.rule()));
    let mut bar = ui.new_child(UiBuilder::new().max_rect(rect).layout(Layout::left_to_right(Align::Center)));
    bar.spacing_mut().item_spacing.x = look.px(24.0);
    bar.label(look.text(footer.deck, look.small(), Tone::Weak));
    bar.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.spacing_mut().item_spacing.x = look.px(28.0);
        ui.label(look.text(footer.clock, look.small(), Tone::Normal).strong())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Time {}", footer.clock)));
        let (n, of) = footer.position;
        ui.label(look.text(&format!("{n} / {of}"), look.small(), Tone::Normal).strong())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Slide {n} of {of}")));
        match footer.message {
            Some((text, error)) => {
                ui.label(look.text(text, look.small(), if error { Tone::Bad } else { Tone::Good }));
            }
            None => {
                let hints = "➡ next   G all slides   D decide   N notes   Esc leave";
                ui.label(look.text(hints, look.small(), Tone::Weak));
            }
        }
    });
}
