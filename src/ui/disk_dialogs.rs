//! Dialogs about the book's file on disk: it changed behind Relplan's back
//! (reload, keep mine, compare), what differs between the two versions,
//! and why a read-only book is not saved.

use super::app::RelplanApp;
use super::dialog_fit::body_ui;
use super::dialogs::Dialog;
use crate::store::Difference;

/// What differs between the open book and the one on disk.
#[derive(Clone, Debug)]
pub struct CompareView {
    /// The differences, or why the file on disk could not be read.
    pub differences: Result<Vec<Difference>, String>,
}

/// At most this many differences are listed.
const SHOWN: usize = 500;

impl RelplanApp {
    /// Reads the book on disk and shows what differs from the open one.
    pub(super) fn compare_with_disk(&mut self) {
        let Some(s) = &self.session else { return };
        let Some(path) = s.path() else { return };
        let differences = match crate::store::load(path) {
            Ok(theirs) => Ok(crate::store::compare(s.doc.book(), &theirs.book)),
            Err(e) => Err(e.to_string()),
        };
        self.dialog = Some(Dialog::Compare(CompareView { differences }));
    }

    pub(super) fn changed_on_disk_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("The file changed on disk");
        body_ui(ui, "changed on disk", f32::INFINITY, |ui, _| {
            ui.label(
                "Someone else (a colleague, a sync tool or git) changed this book's file since you opened it. \
                 Relplan did not overwrite it. Your changes are still open here.",
            );
        });
        let mut keep = true;
        ui.horizontal_wrapped(|ui| {
            if ui.button("Compare…").clicked() {
                keep = false;
                self.compare_with_disk();
            }
            if ui.button("Save mine as a new file…").clicked() {
                keep = false;
                self.run_command(super::CommandId::SaveAs);
            }
            if ui
                .button("Keep my version (overwrite theirs)")
                .on_hover_text("Their version is kept as a backup")
                .clicked()
            {
                keep = false;
                if let Some(file) = self.session.as_mut().and_then(|s| s.file.take()) {
                    self.save_to(file, true);
                }
            }
            if ui.button("Reload their version (discard mine)").clicked() {
                keep = false;
                self.reload();
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
        keep
    }

    pub(super) fn compare_ui(&mut self, ui: &mut egui::Ui, view: &CompareView) -> bool {
        ui.set_min_width(480.0);
        ui.heading("Your version and the one on disk");
        body_ui(ui, "compare", 360.0, |ui, _| match &view.differences {
            Err(reason) => {
                ui.label("The version on disk could not be read, so only yours can be kept:");
                ui.label(reason);
            }
            Ok(differences) if differences.is_empty() => {
                ui.label("The two versions hold the same plan.");
            }
            Ok(differences) => {
                ui.label(format!("{} differences, by place:", differences.len()));
                let t = super::theme::tokens(ui.ctx());
                ui.set_width(ui.available_width());
                for d in differences.iter().take(SHOWN) {
                    ui.add(egui::Label::new(egui::RichText::new(&d.place).strong()).wrap());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(egui::RichText::new("Yours:").color(t.text_weak));
                        ui.label(&d.mine);
                        ui.add_space(t.spacing);
                        ui.label(egui::RichText::new("On disk:").color(t.text_weak));
                        ui.label(&d.theirs);
                    });
                    ui.separator();
                }
                if differences.len() > SHOWN {
                    ui.weak(format!("…and {} more.", differences.len() - SHOWN));
                }
            }
        });
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui
                .button("Keep my version")
                .on_hover_text("The next save replaces the file; its version is kept as a backup")
                .clicked()
            {
                keep = false;
                self.keep_mine();
            }
            if view.differences.is_ok() && ui.button("Reload theirs (discard mine)").clicked() {
                keep = false;
                self.reload();
            }
            if ui.button("Close").clicked() {
                keep = false;
            }
        });
        keep
    }

    pub(super) fn read_only_save_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("This book is open read-only");
        let reason = self.session.as_ref().and_then(|s| s.read_only.as_ref());
        body_ui(ui, "read-only save", f32::INFINITY, |ui, _| {
            if let Some(reason) = reason {
                ui.label(reason.explain());
            }
            ui.label("Relplan did not save it. Your changes are still here: Save as… keeps them in a new file.");
        });
        self.save_as_or_close_ui(ui)
    }
}
