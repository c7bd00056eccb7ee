//! The history panel: the named undo steps (click one to go back or
//! forward to it) and the audit trail.

use super::theme;
use crate::edit::Document;

/// What the user asked of the history panel.
pub enum HistoryAction {
    /// Undo or redo until this many steps are done.
    JumpTo(usize),
}

/// Shows the undo steps and the audit trail.
pub fn history_panel_ui(ui: &mut egui::Ui, doc: &Document) -> Option<HistoryAction> {
    let t = theme::tokens(ui.ctx());
    let mut action = None;
    ui.heading("History");
    ui.label(egui::RichText::new("Undo steps").strong());
    let steps = doc.steps();
    let done = steps.iter().filter(|s| s.done).count();
    egui::ScrollArea::vertical().id_salt("undo.steps").max_height(ui.available_height() * 0.45).show(ui, |ui| {
        let at_start = done == 0;
        if ui.selectable_label(at_start, "○ As opened").on_hover_text("Undo everything").clicked() && !at_start {
            action = Some(HistoryAction::JumpTo(0));
        }
        for (i, step) in steps.iter().enumerate() {
            let current = i + 1 == done;
            let text = if step.done {
                egui::RichText::new(format!("✔ {}", step.name))
            } else {
                egui::RichText::new(format!("○ {}", step.name)).color(t.text_weak).italics()
            };
            let hover = if step.done { "Go back to this step" } else { "Redo up to this step" };
            if ui.selectable_label(current, text).on_hover_text(hover).clicked() && !current {
                action = Some(HistoryAction::JumpTo(i + 1));
            }
        }
        if steps.is_empty() {
            ui.weak("No changes yet.");
        }
    });
    ui.separator();
    ui.label(egui::RichText::new("Audit trail").strong());
    let audit = &doc.book().ledger.audit;
    ui.weak(format!("{} entries, newest first", audit.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 6.0;
    egui::ScrollArea::vertical().id_salt("audit.trail").auto_shrink(false).show_rows(
        ui,
        row_height,
        audit.len(),
        |ui, range| {
            for entry in audit.iter().rev().skip(range.start).take(range.len()) {
                let when = entry.at.strftime("%Y-%m-%d %H:%M UTC");
                // One line of who and when over the words, and a rule
                // under each entry, so each time reads with its own text.
                let meta = format!("{when} · {} · {}", entry.who, entry.kind.label());
                ui.add(egui::Label::new(egui::RichText::new(&meta).small().color(t.text_weak)).truncate())
                    .on_hover_text(&meta);
                ui.label(&entry.what);
                ui.separator();
            }
        },
    );
    action
}
