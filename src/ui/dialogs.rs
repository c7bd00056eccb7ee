//! Dialogs: unsaved-changes guard, import preview, a path field where no
//! native file dialog can be shown, About. The template dialogs are in
//! `template_dialogs`. Every dialog fits the window: its body scrolls
//! between its title and its buttons (see `dialog_fit`).

use super::app::RelplanApp;
use super::dialog_fit::body_ui;
use super::jobs::{self, PickPurpose};
use super::session::Session;
use std::path::PathBuf;

/// A dialog on top of the window.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// Version and commit.
    About,
    /// The window is closing with unsaved changes: Save / Discard / Cancel.
    ConfirmClose,
    /// Another book is to be opened while this one has unsaved changes.
    ConfirmOpen(PathBuf),
    /// Choose a template for a new book.
    NewBook,
    /// Choose how to start a new release.
    NewRelease,
    /// Type a path (no native dialog could be shown).
    PathEntry {
        /// Open or save.
        purpose: PickPurpose,
        /// The path typed so far.
        text: String,
    },
    /// Saving failed; the reason.
    SaveFailed(String),
    /// Saving stopped because the file changed on disk since it was opened.
    ChangedOnDisk,
    /// What differs between the open book and the one on disk.
    Compare(super::disk_dialogs::CompareView),
    /// Saving a read-only book was refused: why, and Save as….
    ReadOnlySave,
    /// The book being opened is open somewhere else (the book waits in
    /// the app's `pending_open`).
    Locked,
    /// Books with unsaved changes from a Relplan that stopped (they wait in
    /// the app's `recovered`).
    Recover,
    /// The gate of a phase change.
    Gate(super::gate::GateState),
    /// What an import would do, to confirm.
    Import(crate::import::ImportPreview),
    /// Export the book or a release.
    Export(Box<super::export_dialog::ExportState>),
    /// Save the selected release as a template of the user's own.
    SaveTemplate {
        /// The template name typed so far.
        name: String,
    },
}

impl RelplanApp {
    /// Shows the open dialog, if any, and acts on the choice.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else { return };
        let mut keep = true;
        // Measured apart for each kind of dialog, so that one opening another
        // does not start from the other's measures.
        let fit_id = egui::Id::unique(("relplan.dialog", std::mem::discriminant(&dialog)));
        let modal = egui::Modal::new(egui::Id::unique("relplan.dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            super::dialog_fit::fit_ui(ui, fit_id, |ui| match &mut dialog {
                Dialog::About => keep = about_ui(ui),
                Dialog::ConfirmClose => keep = self.confirm_close_ui(ui),
                Dialog::ConfirmOpen(path) => keep = self.confirm_open_ui(ui, path.clone()),
                Dialog::NewBook => keep = self.new_book_ui(ui),
                Dialog::NewRelease => keep = self.new_release_ui(ui),
                Dialog::PathEntry { purpose, text } => keep = self.path_entry_ui(ui, *purpose, text),
                Dialog::SaveFailed(reason) => keep = self.save_failed_ui(ui, reason),
                Dialog::Gate(state) => {
                    let mut out = super::Intents::default();
                    if let Some(s) = &self.session {
                        keep = super::gate::gate_ui(ui, s.doc.book(), state, super::app::today(), &mut out);
                    } else {
                        keep = false;
                    }
                    self.apply_intents(out);
                }
                Dialog::Import(preview) => keep = self.import_ui(ui, preview),
                Dialog::SaveTemplate { name } => keep = self.save_template_ui(ui, name),
                Dialog::ChangedOnDisk => keep = self.changed_on_disk_ui(ui),
                Dialog::Export(state) => keep = self.export_ui(ui, state),
                Dialog::Compare(view) => keep = self.compare_ui(ui, view),
                Dialog::ReadOnlySave => keep = self.read_only_save_ui(ui),
                Dialog::Locked => keep = self.locked_ui(ui),
                Dialog::Recover => keep = self.recovery_ui(ui),
            });
        });
        // Escape or a click outside closes a dialog, except those that must be answered.
        if modal.should_close() && !matches!(dialog, Dialog::ConfirmClose | Dialog::Locked | Dialog::Recover) {
            keep = false;
        }
        // A handler may have opened another dialog; that one wins.
        if keep && self.dialog.is_none() {
            self.dialog = Some(dialog);
        }
    }

    fn import_ui(&mut self, ui: &mut egui::Ui, preview: &crate::import::ImportPreview) -> bool {
        ui.heading(&preview.title);
        let t = super::theme::tokens(ui.ctx());
        body_ui(ui, "import", 320.0, |ui, _| {
            for note in &preview.notes {
                ui.label(egui::RichText::new(note).color(t.text_weak));
            }
            for line in &preview.lines {
                ui.label(line);
            }
            for problem in &preview.problems {
                ui.label(egui::RichText::new(format!("⚠ {problem}")).color(t.warning));
            }
        });
        if preview.edit.is_none() {
            ui.label("There is nothing to import.");
        }
        let mut keep = true;
        ui.horizontal(|ui| {
            if let Some(edit) = &preview.edit
                && ui.button(import_label(preview.lines.len())).clicked()
            {
                if let Some(s) = &mut self.session
                    && let Err(e) = s.doc.apply_import(edit.clone())
                {
                    self.status =
                        Some(super::app::Status { text: format!("Nothing was imported: {e}"), is_error: true });
                }
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
        keep
    }

    fn save_failed_ui(&mut self, ui: &mut egui::Ui, reason: &str) -> bool {
        ui.heading("The book was not saved");
        body_ui(ui, "save failed", f32::INFINITY, |ui, _| {
            ui.label(reason);
            ui.label("Your changes are still open. Try Save as… to save them somewhere else.");
        });
        self.save_as_or_close_ui(ui)
    }

    /// The buttons of a dialog about a book that could not be saved:
    /// Save as… (which closes the dialog and asks where) and Close.
    /// `false` once either is clicked.
    pub(super) fn save_as_or_close_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui.button("Save as…").clicked() {
                keep = false;
                self.run_command(super::CommandId::SaveAs);
            }
            if ui.button("Close").clicked() {
                keep = false;
            }
        });
        keep
    }

    fn confirm_close_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let name = self.session.as_ref().map(Session::display_name).unwrap_or_default();
        ui.heading("Save changes before closing?");
        body_ui(ui, "confirm close", f32::INFINITY, |ui, _| {
            ui.label(format!("“{name}” has changes that are not saved. If you don't save, they are lost."));
        });
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                self.close_after_save = true;
                self.save();
                keep = false;
            }
            if ui.button("Discard changes").clicked() {
                if let Some(journal) = self.session.as_mut().and_then(|s| s.journal.as_mut()) {
                    journal.clear();
                }
                self.close_confirmed = true;
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                keep = false;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                keep = false;
            }
        });
        keep
    }

    fn confirm_open_ui(&mut self, ui: &mut egui::Ui, path: PathBuf) -> bool {
        ui.heading("Open another book?");
        body_ui(ui, "confirm open", f32::INFINITY, |ui, _| {
            ui.label(format!("The open book has unsaved changes. Opening {} closes it.", path.display()));
        });
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui.button("Save, then open").clicked() {
                // Opened once the save has succeeded; a failed or cancelled
                // save keeps this book open with its changes.
                self.open_after_save = Some(path.clone());
                self.save();
                keep = false;
            }
            if ui.button("Discard changes and open").clicked() {
                self.jobs.push(jobs::open(path.clone()));
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
        keep
    }

    fn path_entry_ui(&mut self, ui: &mut egui::Ui, purpose: PickPurpose, text: &mut String) -> bool {
        let (verb, what) = match purpose {
            PickPurpose::Open => ("Open", "the book file"),
            PickPurpose::ImportCalendar | PickPurpose::ImportRisks => ("Import", "the file to import"),
            PickPurpose::SaveAs => ("Save as", "the book file"),
            _ => ("Save as", "the file to write"),
        };
        ui.heading(format!("{verb}: type the file's path"));
        body_ui(ui, "path entry", f32::INFINITY, |ui, _| {
            ui.label(format!("No file dialog could be shown on this system, so type the full path of {what}."));
        });
        let label = ui.label("Path").id;
        let r = ui.add(egui::TextEdit::singleline(text).desired_width(460.0)).labelled_by(label);
        super::widgets::focus_on_open(ui, &r);
        let mut keep = true;
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if (ui.button(verb).clicked() || enter) && !text.trim().is_empty() {
                self.picked(purpose, PathBuf::from(text.trim()));
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                self.close_after_save = false;
                self.open_after_save = None;
                keep = false;
            }
        });
        keep
    }
}

/// The import button's words: how many entries the import adds, updates or removes.
fn import_label(entries: usize) -> String {
    if entries == 1 { "Import 1 entry".to_owned() } else { format!("Import {entries} entries") }
}

fn about_ui(ui: &mut egui::Ui) -> bool {
    ui.heading("Relplan");
    body_ui(ui, "about", f32::INFINITY, |ui, _| {
        ui.label("Offline release and deployment planning for ISO/IEC 20000 release managers.");
        ui.label(format!("Version {}", crate::version::LONG_VERSION));
        ui.label(format!("Book format version {}", crate::store::FORMAT_VERSION));
    });
    !ui.button("Close").clicked()
}
