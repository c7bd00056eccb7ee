//! Opening and saving books: background jobs, file pickers, dropped files.

use super::app::RelplanApp;
use super::commands::CommandId;
use super::dialogs::Dialog;
use super::jobs::{self, JobResult, PickPurpose};
use super::session::Session;
use crate::edit::Document;
use std::path::{Path, PathBuf};

impl RelplanApp {
    pub(super) fn open_now(&mut self, path: &Path) {
        match crate::store::BookFile::open(path) {
            Ok((file, parsed)) => self.opened(path, file, parsed),
            Err(e) => self.load_error = Some(e.to_string()),
        }
    }

    pub(super) fn opened(&mut self, path: &Path, file: crate::store::BookFile, parsed: crate::store::Parsed) {
        self.prefs.add_recent(path);
        self.load_error = None;
        let problems = parsed.findings.len();
        self.set_session(Session { doc: Document::new(parsed.book), file: Some(file), findings: parsed.findings });
        self.set_status(
            if problems == 0 {
                format!("Opened {}", path.display())
            } else {
                format!("Opened {} — {problems} problems found in the file (see the banner)", path.display())
            },
            false,
        );
    }

    pub(super) fn open_example(&mut self) {
        match crate::templates::example() {
            Ok(book) => {
                self.set_session(Session { doc: Document::new(book), file: None, findings: Vec::new() });
                self.set_status(
                    "Showing the example book. Use File › New book from template to start your own.".into(),
                    false,
                );
            }
            Err(e) => self.load_error = Some(format!("The bundled example could not be read: {e}")),
        }
    }

    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        let mut finished = Vec::new();
        self.jobs.retain(|job| match job.poll() {
            Some(result) => {
                finished.push(result);
                false
            }
            None => true,
        });
        if !self.jobs.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        for result in finished {
            self.finish_job(ctx, result);
        }
    }

    fn finish_job(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Opened(path, result) => match *result {
                Ok((file, parsed)) => self.opened(&path, file, parsed),
                Err(e) => {
                    self.load_error = Some(e.to_string());
                    if self.session.is_none() {
                        self.open_example();
                    }
                }
            },
            JobResult::Saved { file, state, result } => {
                let shown = file.path().display().to_string();
                let changed = result.is_err() && file.disk_state() == crate::store::DiskState::Changed;
                let Some(s) = &mut self.session else { return };
                s.file = Some(file);
                match result {
                    Ok(()) => {
                        s.doc.mark_saved_state(state);
                        self.disk_notice = None;
                        self.set_status(format!("Saved {shown}"), false);
                        if self.close_after_save {
                            self.close_confirmed = true;
                            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                        }
                    }
                    Err(e) => {
                        self.close_after_save = false;
                        self.set_status(e.to_string(), true);
                        self.dialog =
                            Some(if changed { Dialog::ChangedOnDisk } else { Dialog::SaveFailed(e.to_string()) });
                    }
                }
            }
            JobResult::Picked { purpose, path: Some(path), .. } => self.picked(purpose, path),
            JobResult::Picked { purpose: PickPurpose::Export(_), path: None, quick } => {
                if quick {
                    self.set_status("No file dialog could be shown; type the path in the Export dialog.".into(), false);
                }
            }
            JobResult::Picked { purpose, path: None, quick: true } => {
                self.dialog = Some(Dialog::PathEntry { purpose, text: String::new() });
            }
            JobResult::Picked { path: None, .. } => self.close_after_save = false,
            JobResult::Exported { path, result } => match result {
                Ok(()) => self.set_status(format!("Exported {}", path.display()), false),
                Err(e) => self.set_status(format!("The export to {} failed: {e}", path.display()), true),
            },
            JobResult::Failed(reason) => {
                self.close_after_save = false;
                self.set_status(reason, true);
            }
        }
    }

    pub(super) fn picked(&mut self, purpose: PickPurpose, path: PathBuf) {
        match purpose {
            PickPurpose::ExportCalendar
            | PickPurpose::ExportRisks
            | PickPurpose::ExportMinutes
            | PickPurpose::ImportCalendar
            | PickPurpose::ImportRisks => {
                self.exchange(purpose, &path);
            }
            PickPurpose::Export(_) => self.export_path_chosen(path),
            PickPurpose::Open => self.jobs.push(jobs::open(path)),
            PickPurpose::SaveAs => {
                let path = if path.extension().is_none() { path.with_extension("ron") } else { path };
                self.prefs.add_recent(&path);
                self.save_to(crate::store::BookFile::new_at(&path), false);
            }
        }
    }

    pub(super) fn save_to(&mut self, file: crate::store::BookFile, overwrite: bool) {
        if let Some(s) = &mut self.session {
            s.doc.seal();
            let job = jobs::save(file, s.doc.book().clone(), s.doc.history().state(), overwrite);
            self.jobs.push(job);
        }
    }

    /// Saves to the book's file, or asks where when it has none.
    pub(super) fn save(&mut self) {
        if self.is_saving() {
            self.set_status("Already saving; one moment.".into(), false);
            return;
        }
        let Some(s) = &mut self.session else { return };
        match s.file.take() {
            Some(file) => self.save_to(file, false),
            None => self.run_command(CommandId::SaveAs),
        }
    }

    /// Whether a save is running.
    pub(super) fn is_saving(&self) -> bool {
        self.jobs.iter().any(|j| j.label.starts_with("Saving"))
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_owned()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if self.session.as_ref().is_some_and(|s| s.doc.is_dirty()) {
                self.dialog = Some(Dialog::ConfirmOpen(path));
            } else {
                self.jobs.push(jobs::open(path));
            }
        }
    }
}
