//! One row of the checks list: a group heading, or a finding with its
//! severity in words, its rule and clause, the release, the place to fix
//! it and "Go there". Every row has the same height, so that only the
//! rows on screen need drawing.

use super::place::place;
use super::rows::{Counts, Group};
use crate::check::{Finding, Severity};
use crate::model::Book;
use crate::ui::CommandId;
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::tokens;
use egui::{Align, Color32, Layout, RichText, Sense, Ui, UiBuilder, vec2};

/// The height of every row: room for the message's lines and the line
/// under it.
pub fn height(ui: &Ui) -> f32 {
    let t = tokens(ui.ctx());
    (t.body_size * message_lines(ui) as f32 + t.small_size) * 1.4 + t.spacing
}

/// How many lines a finding's message may take: one where a line holds
/// about 100 characters, up to three in a narrow window or with the
/// projector's large type, so a message can be read whole.
pub fn message_lines(ui: &Ui) -> usize {
    let t = tokens(ui.ctx());
    let text = ui.available_width() - t.body_size * 12.5 - 4.0 * t.spacing;
    let per_line = (text / (t.body_size * 0.5)).max(1.0);
    ((100.0 / per_line).ceil() as usize).clamp(1, 3)
}

/// The message laid out in at most `lines` lines of `width`, the last
/// one cut with "…" when the message is longer.
fn message_galley(ui: &Ui, text: String, width: f32, lines: usize) -> std::sync::Arc<egui::Galley> {
    let t = tokens(ui.ctx());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple(text, font, t.text, width);
    job.wrap.max_rows = lines;
    job.wrap.overflow_character = Some('…');
    ui.painter().layout_job(job)
}

/// The colour of a severity: 0 info, 1 warning, 2 error.
pub fn colour(ui: &Ui, severity: usize) -> Color32 {
    let t = tokens(ui.ctx());
    match severity {
        2 => t.error,
        1 => t.warning,
        _ => t.text_weak,
    }
}

fn word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖ Error",
        Severity::Warning => "⚠ Warning",
        Severity::Info => "○ Info",
    }
}

/// A group's heading; returns whether it was clicked (to fold or unfold).
pub fn header_ui(ui: &mut Ui, group: Group, counts: &Counts, folded: bool) -> bool {
    let t = tokens(ui.ctx());
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), height(ui)), Sense::click());
    let mut parts = Vec::new();
    for (n, one, many) in [
        (counts.errors, "error", "errors"),
        (counts.warnings, "warning", "warnings"),
        (counts.info, "for information", "for information"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let arrow = if folded { "⏵" } else { "⏷" };
    let painter = ui.painter_at(rect);
    let bottom = rect.bottom() - 2.0;
    painter.line_segment([egui::pos2(rect.left(), bottom), egui::pos2(rect.right(), bottom)], (t.stroke, t.text_weak));
    let title = format!("{arrow} {}", group.label());
    let font = egui::FontId::proportional(t.body_size * 1.15);
    let galley = painter.layout_no_wrap(title.clone(), font, t.text);
    let y = rect.bottom() - 6.0 - galley.size().y;
    let width = galley.size().x;
    painter.galley(egui::pos2(rect.left() + 4.0, y), galley, t.text);
    let detail = painter.layout_no_wrap(parts.join(" · "), egui::FontId::proportional(t.small_size), t.text_weak);
    let dy = rect.bottom() - 6.0 - detail.size().y;
    painter.galley(egui::pos2(rect.left() + 4.0 + width + t.spacing * 1.5, dy), detail, t.text_weak);
    let name = format!("{} findings: {}", group.label(), if folded { "show" } else { "hide" });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response.clicked()
}

/// One finding; `visited` marks the one "Go there" last went to.
pub fn finding_ui(ui: &mut Ui, book: &Book, f: &Finding, visited: bool, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let h = height(ui);
    // As many lines as the row's height was made for.
    let lines = (((h - t.spacing) / 1.4 - t.small_size) / t.body_size).round().max(1.0) as usize;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::hover());
    let colour = colour(ui, f.severity as usize);
    let painter = ui.painter_at(rect);
    if visited {
        painter.rect_filled(rect, 4.0, t.raised);
    }
    if f.severity == Severity::Error {
        let bar = egui::Rect::from_min_size(rect.min + vec2(0.0, 3.0), vec2(3.0, h - 6.0));
        painter.rect_filled(bar, 1.0, colour);
    }
    let bottom = rect.bottom() - 0.5;
    painter.line_segment([egui::pos2(rect.left(), bottom), egui::pos2(rect.right(), bottom)], (0.5, t.raised));
    let inner = rect.shrink2(vec2(t.spacing, 2.0));
    let mut row = ui.new_child(UiBuilder::new().max_rect(inner).layout(Layout::left_to_right(Align::Center)));
    row.set_clip_rect(rect.intersect(ui.clip_rect()));
    let badge = t.body_size * 6.5;
    let button = t.body_size * 6.0;
    row.allocate_ui_with_layout(vec2(badge, h), Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_width(badge);
        ui.label(RichText::new(word(f.severity)).color(colour));
    });
    let text_width = (inner.width() - badge - button - 2.0 * t.spacing).max(40.0);
    let release = f.release.as_ref().and_then(|id| book.release(id));
    row.allocate_ui_with_layout(vec2(text_width, h), Layout::top_down(Align::Min), |ui| {
        ui.spacing_mut().item_spacing.y = 1.0;
        ui.set_width(text_width);
        let text = if visited { format!("» {}", f.message) } else { f.message.clone() };
        let galley = message_galley(ui, text, text_width, lines);
        let message = ui.add(egui::Label::new(galley));
        message.on_hover_text(format!("{}\n\nFix at: {}", f.message, f.path()));
        let who = match (&f.release, release) {
            (Some(id), Some(r)) if !r.name.trim().is_empty() => format!("{id} {}", r.name),
            (Some(id), _) => id.to_string(),
            (None, _) => "Book".to_owned(),
        };
        let clause = if f.clause.is_empty() { String::new() } else { format!(" ({})", f.clause) };
        let meta = format!("{}{clause} · {who} · {}", f.rule, place(f));
        ui.add(egui::Label::new(RichText::new(meta).size(t.small_size).color(t.text_weak)).truncate());
    });
    row.with_layout(Layout::right_to_left(Align::Center), |ui| {
        let name = format!("Go there: {} {}", f.rule, f.path());
        let in_release = super::is_in_a_release(f) && release.is_some();
        let hint = match &f.release {
            Some(id) if in_release => format!("Show {id} where this is fixed: {}", place(f)),
            _ => format!("Show the book's record where this is fixed: {}", place(f)),
        };
        let r = ui.button("Go there").on_hover_text(hint);
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if r.clicked() {
            super::remember_goto(ui.ctx(), f);
            match &f.release {
                Some(id) if in_release => out.push(Intent::SelectRelease(id.clone())),
                _ => out.push(Intent::Run(CommandId::ViewBook)),
            }
        }
    });
}
