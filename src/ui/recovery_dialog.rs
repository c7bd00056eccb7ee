//! The dialog at start that offers the unsaved changes a crashed Relplan
//! left in recovery files: Restore or Discard, one book at a time.

use super::app::RelplanApp;

impl RelplanApp {
    /// Shows the recovered books; returns whether the dialog stays open.
    pub(super) fn recovery_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("Recover unsaved changes");
        let busy = self.session.as_ref().is_some_and(|s| s.doc.is_dirty());
        let mut restore = None;
        let mut discard = None;
        super::dialog_fit::body_ui(ui, "recover", f32::INFINITY, |ui, _| {
            ui.label(
                "Relplan stopped last time before these books were saved. Their unsaved changes were kept. \
                 Restore a book to open it with its changes, then save it; or discard the changes.",
            );
            if busy {
                let t = super::theme::tokens(ui.ctx());
                ui.label(
                    egui::RichText::new("⚠ Save the book now open before restoring another one.").color(t.warning),
                );
            }
            ui.add_space(6.0);
            for (i, r) in self.recovered.iter().enumerate() {
                let name = r.info.display_name();
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.strong(&name);
                    match &r.info.book_path {
                        Some(path) => ui.label(format!("File: {}", path.display())),
                        None => ui.label("Never saved to a file"),
                    };
                    if !r.info.written_at.is_empty() {
                        let when = r.info.written_at.parse::<jiff::Timestamp>().map_or_else(
                            |_| r.info.written_at.clone(),
                            |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
                        );
                        ui.weak(format!("Changes kept at {when}"));
                    }
                    ui.horizontal(|ui| {
                        let button = egui::Button::new(format!("Restore “{name}”"));
                        if ui.add_enabled(!busy, button).clicked() {
                            restore = Some(i);
                        }
                        if ui.button(format!("Discard “{name}”")).clicked() {
                            discard = Some(i);
                        }
                    });
                });
            }
        });
        let mut later = false;
        ui.add_space(6.0);
        if ui.button("Decide later").on_hover_text("The changes are offered again at the next start").clicked() {
            later = true;
        }
        if let Some(i) = restore {
            self.restore(i);
        } else if let Some(i) = discard {
            self.discard_recovered(i);
        } else if later {
            self.recover_later();
        }
        !self.recovered.is_empty()
    }
}
