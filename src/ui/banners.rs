//! Banners above the main view: the book is read-only, or its file
//! changed or vanished on disk.

use super::app::RelplanApp;
use super::session::ReadOnly;
use super::theme;
use crate::store::DiskState;

impl RelplanApp {
    /// The read-only banner, while the book is open read-only.
    pub(super) fn read_only_banner_ui(&mut self, ui: &mut egui::Ui) {
        let Some(reason) = self.session.as_ref().and_then(|s| s.read_only.clone()) else { return };
        let t = theme::tokens(ui.ctx());
        egui::Frame::new().fill(t.raised).inner_margin(8.0).corner_radius(4.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new("Read-only: this book is not saved to its file").strong().color(t.warning));
            ui.label(reason.explain());
            ui.horizontal(|ui| {
                if ui.button("Save as…").clicked() {
                    self.run_command(super::CommandId::SaveAs);
                }
                if matches!(reason, ReadOnly::LockedBy(_) | ReadOnly::FileReadOnly)
                    && ui.button("Check again").clicked()
                {
                    self.retry_lock();
                }
            });
        });
    }

    /// The banner about the file on disk, after it changed or vanished.
    pub(super) fn disk_notice_ui(&mut self, ui: &mut egui::Ui) {
        let Some(state) = self.disk_notice else { return };
        let t = theme::tokens(ui.ctx());
        let dirty = self.session.as_ref().is_some_and(|s| s.doc.is_dirty());
        egui::Frame::new().fill(t.raised).inner_margin(8.0).corner_radius(4.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let text = match (state, dirty) {
                (DiskState::Deleted, _) => {
                    "The book's file was deleted or moved on disk. Your book is still open here; Save (Ctrl+S) \
                     writes the file again, or Save as… puts it somewhere else. Nothing is lost."
                }
                (_, false) => "The book's file was changed on disk by someone else.",
                (_, true) => {
                    "The book's file was changed on disk by someone else, and you have unsaved changes. \
                     Nothing is overwritten without asking."
                }
            };
            ui.label(egui::RichText::new(text).color(t.warning));
            ui.horizontal(|ui| {
                if state == DiskState::Changed {
                    if ui.button("Compare…").clicked() {
                        self.compare_with_disk();
                    }
                    let reload = if dirty { "Reload theirs (discard mine)" } else { "Reload" };
                    if ui.button(reload).clicked() {
                        self.reload();
                    }
                    if ui.button("Keep mine").clicked() {
                        self.keep_mine();
                    }
                } else if ui.button("Dismiss").clicked() {
                    self.disk_notice = None;
                }
            });
        });
    }
}
