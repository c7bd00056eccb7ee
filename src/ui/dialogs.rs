//! Dialogs: unsaved-changes guard, new book or release from a template,
//! a path field where no native file dialog can be shown, About.

use super::app::RelplanApp;
use super::jobs::{self, PickPurpose};
use super::session::Session;
use crate::edit::{Document, Edit, Path};
use crate::model::AuditKind;
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
        let modal = egui::Modal::new(egui::Id::unique("relplan.dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &mut dialog {
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
            }
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
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
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
                && ui.button(format!("Import {} entries", preview.lines.len())).clicked()
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
        ui.label(reason);
        ui.label("Your changes are still open. Try Save as… to save them somewhere else.");
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
        ui.label(format!("“{name}” has changes that are not saved. If you don't save, they are lost."));
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
        ui.label(format!("The open book has unsaved changes. Opening {} closes it.", path.display()));
        let mut keep = true;
        ui.horizontal(|ui| {
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

    fn new_book_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("New book from a template");
        if self.session.as_ref().is_some_and(|s| s.doc.is_dirty()) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The open book has unsaved changes; they are lost if you continue.",
            );
        }
        let mut keep = true;
        for t in crate::templates::BUILTIN {
            ui.horizontal(|ui| {
                if ui.button(format!("Use {}", t.name)).clicked() {
                    match t.book() {
                        Ok(book) => {
                            let mut doc = Document::new(book);
                            doc.note(AuditKind::Created, &format!("Created from the {} template", t.name));
                            doc.mark_unsaved();
                            self.set_session(Session::new(doc, None, Vec::new()));
                            self.set_status(
                                format!("New book from the {} template. Save it with Ctrl+S.", t.name),
                                false,
                            );
                        }
                        Err(e) => self.set_status(format!("The template could not be read: {e}"), true),
                    }
                    keep = false;
                }
                ui.label(t.description());
            });
        }
        if ui.button("Cancel").clicked() {
            keep = false;
        }
        keep
    }

    fn new_release_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("New release");
        ui.label(
            "Start from a template, with its typical milestones, runbook, criteria and risks, or from a blank plan.",
        );
        let mut keep = true;
        let Some(session) = &self.session else { return false };
        let book = session.doc.book();
        let mut edit = None;
        let mut problem = None;
        for t in offered_templates(ui.ctx()).iter() {
            ui.horizontal(|ui| {
                if ui.button(format!("From the {} template", t.name)).clicked() {
                    keep = false;
                    match t.book().map(|tb| crate::edit::release_from_template(book, &tb)) {
                        Ok(Some((release, risks))) => {
                            let id = release.id.clone();
                            let mut edits = vec![Edit::insert(Path::root(), "releases", book.releases.len(), &release)];
                            edits.extend(risks.iter().map(|r| Edit::insert(Path::root(), "risks", usize::MAX, r)));
                            let edits = edits.into_iter().collect::<Result<Vec<_>, _>>();
                            edit = Some((id, edits, Some(t.name.clone())));
                        }
                        Ok(None) => problem = Some(format!("The template {} holds no release to start from.", t.name)),
                        Err(e) => problem = Some(format!("The template {} could not be read: {e}", t.name)),
                    }
                }
                ui.label(&t.description);
                if t.is_user() {
                    ui.weak("(yours)");
                }
            });
        }
        if ui.button("Blank release").clicked() {
            keep = false;
            let release = blank_release(book);
            let id = release.id.clone();
            edit = Some((
                id,
                Edit::insert(Path::root(), "releases", book.releases.len(), &release).map(|e| vec![e]),
                None,
            ));
        }
        if ui.button("Cancel").clicked() {
            keep = false;
        }
        if !keep {
            forget_offered_templates(ui.ctx());
        }
        if let Some(problem) = problem {
            self.set_status(problem, true);
        }
        if let Some((id, edits, source)) = edit {
            match edits {
                Ok(edits) => {
                    let name = match source {
                        None => format!("New release {id}"),
                        Some(source) => format!("New release {id} from the {source} template"),
                    };
                    self.apply_intents(super::Intents(vec![
                        super::Intent::Apply(Edit::Group { name, edits }),
                        super::Intent::SelectRelease(id),
                    ]));
                }
                Err(e) => self.set_status(e.to_string(), true),
            }
        }
        keep
    }

    fn save_template_ui(&mut self, ui: &mut egui::Ui, name: &mut String) -> bool {
        ui.heading("Save release as template");
        let Some(session) = &self.session else { return false };
        let book = session.doc.book();
        let Some(release) = self.selected.as_ref().and_then(|id| book.release(id)) else { return false };
        ui.label(format!(
            "Saves the plan of {} “{}” and its risks as a template of your own. New releases and new books can \
             start from it; approvals, results and decisions are not kept.",
            release.id, release.name
        ));
        let label = ui.label("Template name").id;
        let r = ui.add(egui::TextEdit::singleline(name).desired_width(360.0)).labelled_by(label);
        super::widgets::focus_on_open(ui, &r);
        let t = super::theme::tokens(ui.ctx());
        let target = crate::templates::user_template_path(name);
        match &target {
            Ok(path) if path.exists() => {
                ui.label(
                    egui::RichText::new("⚠ You have a template of this name; saving replaces it.").color(t.warning),
                );
            }
            Ok(path) => {
                ui.weak(format!("Saved as {}", path.display()));
            }
            Err(e) => {
                ui.label(egui::RichText::new(e.as_str()).color(t.error));
            }
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut keep = true;
        let mut saved = None;
        ui.horizontal(|ui| {
            let save = ui.add_enabled(target.is_ok(), egui::Button::new("Save template")).clicked();
            if save || (enter && target.is_ok()) {
                saved = Some(crate::templates::save_user_template(book, &release.id, name));
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
        match saved {
            Some(Ok(path)) => {
                forget_offered_templates(ui.ctx());
                let name = name.trim();
                self.set_status(format!("Saved the template “{name}” in {}.", path.display()), false);
            }
            Some(Err(e)) => self.set_status(format!("The template was not saved: {e}"), true),
            None => {}
        }
        keep
    }

    fn path_entry_ui(&mut self, ui: &mut egui::Ui, purpose: PickPurpose, text: &mut String) -> bool {
        let verb = if purpose == PickPurpose::Open { "Open" } else { "Save as" };
        ui.heading(format!("{verb}: type the file's path"));
        ui.label("No file dialog could be shown on this system, so type the full path of the book file.");
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
                keep = false;
            }
        });
        keep
    }
}

fn about_ui(ui: &mut egui::Ui) -> bool {
    ui.heading("Relplan");
    ui.label("Offline release and deployment planning for ISO/IEC 20000 release managers.");
    ui.label(format!("Version {}", crate::version::LONG_VERSION));
    ui.label(format!("Book format version {}", crate::store::FORMAT_VERSION));
    !ui.button("Close").clicked()
}

/// The key of the list of templates a dialog offers.
fn offered_templates_id() -> egui::Id {
    egui::Id::unique("relplan.dialog.offered-templates")
}

/// The templates to offer, built-in then the user's own. The list is read
/// again at most once a second while a dialog shows it, not every frame.
fn offered_templates(ctx: &egui::Context) -> std::sync::Arc<Vec<crate::templates::TemplateEntry>> {
    type Cached = (f64, std::sync::Arc<Vec<crate::templates::TemplateEntry>>);
    let now = ctx.input(|i| i.time);
    if let Some((at, list)) = ctx.data(|d| d.get_temp::<Cached>(offered_templates_id()))
        && (0.0..1.0).contains(&(now - at))
    {
        return list;
    }
    let list = std::sync::Arc::new(crate::templates::all());
    ctx.data_mut(|d| d.insert_temp::<Cached>(offered_templates_id(), (now, list.clone())));
    list
}

/// Makes the next dialog read the list of templates afresh.
fn forget_offered_templates(ctx: &egui::Context) {
    type Cached = (f64, std::sync::Arc<Vec<crate::templates::TemplateEntry>>);
    ctx.data_mut(|d| d.remove_temp::<Cached>(offered_templates_id()));
}

/// A new, empty release that fits the book: its first release type, a
/// name following the naming convention, and planning starting today.
pub fn blank_release(book: &crate::model::Book) -> crate::model::Release {
    let mut ids = crate::edit::IdPlanner::new(&book.ledger);
    let today = crate::ui::today();
    let name = book
        .policy
        .naming_convention
        .replace("{year}", &today.year().to_string())
        .replace("{month}", &format!("{:02}", today.month()))
        .replace("{n}", "1")
        .replace("{text}", "New release");
    crate::model::Release {
        id: ids.next(crate::model::IdKind::Release),
        name,
        release_type: book.policy.release_types.first().map(|t| t.id.clone()).unwrap_or_default(),
        phases: crate::model::PhasePlan {
            planning: crate::model::PhaseDates { planned_start: Some(today), ..Default::default() },
            ..Default::default()
        },
        ..Default::default()
    }
}
