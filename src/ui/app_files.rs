//! Opening and saving books: background jobs, file pickers, dropped files.

use super::app::RelplanApp;
use super::commands::CommandId;
use super::dialogs::Dialog;
use super::jobs::{self, JobResult, Opened, PickPurpose};
use super::session::{ReadOnly, Session, context_of};
use crate::edit::Document;
use crate::store::{BookFile, BookLock, LockError};
use std::path::{Path, PathBuf};

impl RelplanApp {
    /// Opens a book on this thread, without lock, watch or journal (for
    /// screenshots, which only look).
    pub(super) fn open_now(&mut self, path: &Path) {
        match BookFile::open(path) {
            Ok((file, parsed)) => {
                let read_only = parsed.newer_version.map(ReadOnly::NewerFormat);
                self.set_session(Session {
                    read_only,
                    ..Session::new(Document::new(parsed.book), Some(file), parsed.findings)
                });
            }
            Err(e) => self.load_error = Some(e.to_string()),
        }
    }

    /// A book was read in the background: open it, or ask first when
    /// someone else has it open.
    pub(super) fn opened(&mut self, path: &Path, opened: Opened) {
        let Opened { file, parsed, lock } = opened;
        let lock = match lock {
            Some(Err(LockError::Held(held))) => {
                self.pending_open = Some(super::lock_dialog::PendingOpen { file, parsed, held: *held });
                self.dialog = Some(Dialog::Locked);
                return;
            }
            Some(Err(LockError::Unavailable(reason))) => {
                self.set_status(
                    format!(
                        "{} could not be locked ({reason}); others are not warned that it is open.",
                        path.display()
                    ),
                    false,
                );
                None
            }
            Some(Ok(lock)) => Some(lock),
            None => None,
        };
        self.open_session(file, parsed, lock, None);
    }

    /// Makes an opened book the open one, with its lock (if any) and a
    /// journal and a watch of its own.
    pub(super) fn open_session(
        &mut self,
        file: BookFile,
        parsed: crate::store::Parsed,
        lock: Option<BookLock>,
        read_only: Option<ReadOnly>,
    ) {
        let path = file.path().to_owned();
        self.prefs.add_recent(&path);
        self.load_error = None;
        let problems = parsed.findings.len();
        let read_only = read_only
            .or(parsed.newer_version.map(ReadOnly::NewerFormat))
            .or_else(|| file.is_read_only().then_some(ReadOnly::FileReadOnly));
        let mut session = Session::new(Document::new(parsed.book), Some(file), parsed.findings);
        session.read_only = read_only;
        session.lock = lock;
        self.protect(&mut session);
        self.set_session(session);
        let shown = path.display();
        let mut status = if problems == 0 {
            format!("Opened {shown}")
        } else {
            format!("Opened {shown} — {problems} problems found in the file (see the banner)")
        };
        if self.session.as_ref().is_some_and(Session::is_read_only) {
            status.push_str(" read-only (see the banner)");
        }
        self.set_status(status, false);
    }

    pub(super) fn open_example(&mut self) {
        match crate::templates::example() {
            Ok(book) => {
                let mut session = Session::new(Document::new(book), None, Vec::new());
                self.protect(&mut session);
                self.set_session(session);
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

    pub(super) fn finish_job(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Opened(path, result) => match *result {
                Ok(opened) => self.opened(&path, opened),
                Err(e) => {
                    self.load_error = Some(e.to_string());
                    if self.session.is_none() {
                        self.open_example();
                    }
                }
            },
            JobResult::Saved { file, state, result } => self.saved(ctx, file, state, result),
            JobResult::Picked { purpose, path: Some(path), .. } => self.picked(purpose, path),
            JobResult::Picked { purpose: PickPurpose::Export(_), path: None, quick } => {
                if quick {
                    self.set_status("No file dialog could be shown; type the path in the Export dialog.".into(), false);
                }
            }
            JobResult::Picked { purpose, path: None, quick: true } => {
                self.dialog = Some(Dialog::PathEntry { purpose, text: String::new() });
            }
            JobResult::Picked { path: None, .. } => {
                self.close_after_save = false;
                self.open_after_save = None;
            }
            JobResult::Exported { path, result } => match result {
                Ok(()) => self.set_status(format!("Exported {}", path.display()), false),
                Err(e) => self.set_status(format!("The export to {} failed: {e}", path.display()), true),
            },
            JobResult::Failed(reason) => {
                self.close_after_save = false;
                self.open_after_save = None;
                self.save_as_lock = None;
                self.set_status(reason, true);
            }
        }
    }

    fn saved(&mut self, ctx: &egui::Context, file: BookFile, state: u64, result: Result<(), crate::store::SaveError>) {
        let shown = file.path().display().to_string();
        let changed = result.is_err() && file.disk_state() == crate::store::DiskState::Changed;
        let save_as_lock = self.save_as_lock.take();
        let Some(s) = &mut self.session else { return };
        // Save as… (or a first save) puts the book in a new file.
        let moved = s.path().is_none_or(|p| p != file.path());
        match result {
            Ok(()) => {
                s.doc.mark_saved_state(state);
                s.overwrite_next_save = false;
                if moved {
                    // The book now lives in the new file: lock and watch that one.
                    s.read_only = None;
                    s.lock = save_as_lock;
                    s.watch = None;
                }
                s.journal_context = context_of(Some(&file));
                let fingerprint = file.fingerprint().cloned();
                s.file = Some(file);
                match &s.watch {
                    Some(watch) => watch.expect(fingerprint),
                    None if self.screenshot.is_none() => s.watch = super::app_guard::watch(&self.ctx, s.file.as_ref()),
                    None => {}
                }
                self.disk_notice = None;
                self.set_status(format!("Saved {shown}"), false);
                if self.close_after_save {
                    self.close_confirmed = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else if let Some(path) = self.open_after_save.take() {
                    self.jobs.push(jobs::open(path));
                }
            }
            Err(e) => {
                if !moved {
                    // A file made read-only while open: say so in the banner too.
                    if s.read_only.is_none() && file.is_read_only() {
                        s.read_only = Some(ReadOnly::FileReadOnly);
                    }
                    s.file = Some(file);
                }
                self.close_after_save = false;
                self.open_after_save = None;
                self.set_status(e.to_string(), true);
                self.dialog =
                    Some(if changed && !moved { Dialog::ChangedOnDisk } else { Dialog::SaveFailed(e.to_string()) });
            }
        }
    }

    pub(super) fn picked(&mut self, purpose: PickPurpose, path: PathBuf) {
        match purpose {
            PickPurpose::ExportRisks
            | PickPurpose::ExportMinutes
            | PickPurpose::ExportSlides
            | PickPurpose::ImportCalendar
            | PickPurpose::ImportRisks => {
                self.exchange(purpose, &path);
            }
            PickPurpose::Export(_) => self.export_path_chosen(path),
            PickPurpose::Open => {
                if self.session.as_ref().is_some_and(|s| s.doc.is_dirty()) {
                    self.dialog = Some(Dialog::ConfirmOpen(path));
                } else {
                    self.jobs.push(jobs::open(path));
                }
            }
            PickPurpose::SaveAs => {
                let path = if path.extension().is_none() { path.with_extension("ron") } else { path };
                self.save_as(path);
            }
        }
    }

    /// Saves the book under a new name, unless someone else has that file open.
    fn save_as(&mut self, path: PathBuf) {
        let Some(s) = &self.session else { return };
        let same = s.path().is_some_and(|p| same_file(p, &path));
        if same {
            if s.is_read_only() {
                self.dialog = Some(Dialog::ReadOnlySave);
                return;
            }
            // Save as… onto its own file is a plain save.
            self.save();
            return;
        }
        self.save_as_lock = match BookLock::acquire(&path) {
            Ok(lock) => Some(lock),
            Err(LockError::Held(held)) => {
                let reason = format!("{} Choose another file name.", held.describe());
                self.set_status(reason.clone(), true);
                self.dialog =
                    Some(Dialog::SaveFailed(format!("{} is open in another Relplan. {reason}", path.display())));
                return;
            }
            Err(LockError::Unavailable(_)) => None,
        };
        self.prefs.add_recent(&path);
        self.save_to(BookFile::new_at(&path), false);
    }

    pub(super) fn save_to(&mut self, mut file: BookFile, overwrite: bool) {
        file.set_keep_versions(self.prefs.keep_versions);
        if let Some(s) = &mut self.session {
            s.doc.seal();
            let job = jobs::save(file, s.doc.book().clone(), s.doc.history().state(), overwrite);
            self.jobs.push(job);
        }
    }

    /// Saves to the book's file, or asks where when it has none. A book
    /// open read-only is never saved to its file; the user is told why and
    /// offered Save as….
    pub(super) fn save(&mut self) {
        if self.is_saving() {
            self.set_status("Already saving; one moment.".into(), false);
            return;
        }
        let Some(s) = &mut self.session else { return };
        if s.is_read_only() && s.file.is_some() {
            self.close_after_save = false;
            self.open_after_save = None;
            self.dialog = Some(Dialog::ReadOnlySave);
            return;
        }
        let overwrite = s.overwrite_next_save;
        match s.file.take() {
            Some(file) => self.save_to(file, overwrite),
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

/// Whether two paths name the same file (also when one is relative).
fn same_file(a: &Path, b: &Path) -> bool {
    let full = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    a == b
        || full(a) == full(b)
        || std::fs::canonicalize(a).ok().is_some_and(|x| std::fs::canonicalize(b).ok() == Some(x))
}
