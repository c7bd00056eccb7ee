//! What protects the open book while the window runs: the recovery
//! journal is fed, the watch on the file is read, and recovered books are
//! restored. The logic itself lives in `crate::store`; this file only
//! connects it to the window.

use super::app::RelplanApp;
use super::session::{ReadOnly, Session};
use crate::edit::Document;
use crate::store::{BookFile, BookLock, DiskState, FileWatch, Journal, LockError};
use std::time::Instant;

impl RelplanApp {
    /// Gives a session its recovery journal and a watch on its file (not
    /// when taking a screenshot, which only looks).
    pub(super) fn protect(&self, session: &mut Session) {
        if self.screenshot.is_some() {
            return;
        }
        if session.journal.is_none() {
            match Journal::start() {
                Ok(journal) => session.journal = Some(journal),
                Err(e) => eprintln!("Relplan cannot keep a recovery journal: {e}"),
            }
        }
        if session.watch.is_none() {
            session.watch = self.start_watch(session.file.as_ref());
        }
    }

    /// Starts watching a book's file for changes made by others.
    pub(super) fn start_watch(&self, file: Option<&BookFile>) -> Option<FileWatch> {
        if self.screenshot.is_some() {
            return None;
        }
        watch(&self.ctx, file)
    }

    /// Once a frame: hands unsaved changes to the journal (or tells it the
    /// book is clean), and shows what the watch found.
    pub(super) fn guard_frame(&mut self, ctx: &egui::Context) {
        if let Some(Session { doc, journal: Some(journal), journal_context, .. }) = &mut self.session {
            if doc.is_dirty() {
                let state = doc.history().state();
                if let Some(again) =
                    journal.changed(state, Instant::now(), || (doc.book().clone(), journal_context.clone()))
                {
                    ctx.request_repaint_after(again);
                }
            } else {
                journal.clear();
            }
        }
        // A recovery file that cannot be written is said once, not hidden.
        let problem = self.session.as_ref().and_then(|s| s.journal.as_ref()).and_then(Journal::error);
        if problem.is_some() && problem != self.journal_problem {
            let reason = problem.clone().unwrap_or_default();
            self.set_status(
                format!("Relplan cannot keep a recovery copy of your unsaved changes ({reason}). Save often."),
                true,
            );
        }
        self.journal_problem = problem;
        // Our own save changes the file; the watch is told when it ends.
        if !self.is_saving()
            && let Some(news) = self.session.as_ref().and_then(|s| s.watch.as_ref()).and_then(FileWatch::news)
        {
            self.disk_notice = (news != DiskState::Unchanged).then_some(news);
        }
    }

    /// When the window regains focus, checks whether the book's file was
    /// changed or deleted on disk meanwhile.
    pub(super) fn notice_external_changes(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        if focused && !self.was_focused && !self.is_saving() {
            self.check_file_now();
        }
        self.was_focused = focused;
    }

    /// Offers the books a crashed Relplan left, if any; then nothing opens
    /// (`target` is what would have) until the user has decided.
    pub(super) fn offer_recovery(&mut self, target: &Option<std::path::PathBuf>) -> bool {
        if self.screenshot.is_some() {
            return false;
        }
        self.recovered = crate::store::recoverable();
        if self.recovered.is_empty() {
            return false;
        }
        self.deferred_open = Some(target.clone());
        self.dialog = Some(super::dialogs::Dialog::Recover);
        true
    }

    /// The window regained focus: look at the file now.
    pub(super) fn check_file_now(&self) {
        if let Some(watch) = self.session.as_ref().and_then(|s| s.watch.as_ref()) {
            watch.check_now();
        }
    }

    /// The user keeps their version over one changed on disk: the next save
    /// replaces it (and keeps it as a backup).
    pub(super) fn keep_mine(&mut self) {
        if let Some(s) = &mut self.session {
            s.overwrite_next_save = true;
        }
        self.disk_notice = None;
        self.set_status(
            "Your version stays open. The next save replaces the one on disk, which is kept as a backup.".into(),
            false,
        );
    }

    /// Reads the book's file again, giving up the open version.
    pub(super) fn reload(&mut self) {
        if let Some(path) = self.session.as_ref().and_then(Session::path).map(ToOwned::to_owned) {
            self.jobs.push(super::jobs::open(path));
        }
        self.disk_notice = None;
    }

    /// Tries again to take the lock of a book open read-only because
    /// someone else had it, or looks again whether a read-only file was
    /// made writable.
    pub(super) fn retry_lock(&mut self) {
        let Some(s) = &mut self.session else { return };
        let Some(path) = s.path().map(ToOwned::to_owned) else { return };
        if s.read_only == Some(ReadOnly::FileReadOnly) {
            if crate::store::is_read_only(&path) {
                self.set_status("The file is still read-only.".into(), false);
                return;
            }
            s.read_only = None;
            if s.lock.is_some() {
                self.set_status("The file is writable now: saving works again.".into(), false);
                return;
            }
        }
        match BookLock::acquire(&path) {
            Ok(lock) => {
                s.lock = Some(lock);
                s.read_only = None;
                self.set_status("The book is yours now: saving works again.".into(), false);
            }
            Err(LockError::Held(held)) => {
                let text = held.describe();
                s.read_only = Some(ReadOnly::LockedBy(*held));
                self.set_status(format!("Still read-only. {text}"), false);
            }
            Err(LockError::Unavailable(reason)) => {
                s.read_only = None;
                self.set_status(format!("The book could not be locked ({reason}); saving works."), false);
            }
        }
    }

    /// Opens a recovered book: its unsaved changes, on top of its file.
    pub(super) fn restore(&mut self, index: usize) {
        if index >= self.recovered.len() {
            return;
        }
        let recovered = self.recovered.remove(index);
        let book = match recovered.load() {
            Ok(book) => book,
            Err(e) => {
                self.set_status(format!("The recovered book could not be read: {e}"), true);
                self.recovered.insert(index, recovered);
                return;
            }
        };
        let info = recovered.info.clone();
        let mut doc = Document::new(book);
        doc.mark_unsaved();
        let file = info.book_path.as_deref().map(|p| BookFile::resume(p, info.base_fingerprint()));
        let newer = file.as_ref().and_then(BookFile::newer_version);
        let mut session = Session::new(doc, file, Vec::new());
        session.read_only = newer.map(ReadOnly::NewerFormat);
        if let (Some(path), None) = (&info.book_path, newer) {
            // The lock the crashed Relplan left (same person, same computer,
            // process gone) is broken; anyone else's makes the book read-only.
            let taken = match BookLock::acquire(path) {
                Err(LockError::Held(held)) if is_my_crashed_lock(&held) => BookLock::break_stale(path),
                other => other,
            };
            match taken {
                Ok(lock) => session.lock = Some(lock),
                Err(LockError::Held(held)) => session.read_only = Some(ReadOnly::LockedBy(*held)),
                Err(LockError::Unavailable(_)) => {}
            }
        }
        if session.read_only.is_none() && session.file.as_ref().is_some_and(BookFile::is_read_only) {
            session.read_only = Some(ReadOnly::FileReadOnly);
        }
        session.journal = Some(Journal::adopt(recovered));
        self.protect(&mut session);
        self.set_session(session);
        self.set_status(
            format!(
                "Restored the unsaved changes to “{}”. Save them (Ctrl+S) to keep them; the recovery copy stays \
                 until you do.",
                info.display_name()
            ),
            false,
        );
        self.finish_recovery();
    }

    /// Throws a recovered book's changes away.
    pub(super) fn discard_recovered(&mut self, index: usize) {
        if index < self.recovered.len() {
            let recovered = self.recovered.remove(index);
            let name = recovered.info.display_name();
            recovered.discard();
            self.set_status(format!("Discarded the unsaved changes to “{name}”."), false);
        }
        self.finish_recovery();
    }

    /// Once no recovered book waits, opens what the start was going to open.
    pub(super) fn finish_recovery(&mut self) {
        if self.session.is_none()
            && self.recovered.is_empty()
            && let Some(target) = self.deferred_open.take()
        {
            match target {
                Some(path) => self.jobs.push(super::jobs::open(path)),
                None => self.open_example(),
            }
        }
    }

    /// Leaves the recovered books for the next start.
    pub(super) fn recover_later(&mut self) {
        self.recovered.clear();
        self.finish_recovery();
    }
}

impl Drop for RelplanApp {
    /// When a panic unwinds through the window, the unsaved changes of that
    /// very moment go to the recovery file. (The panic hook, which runs
    /// first, can write only the last copy the journal was handed, which may
    /// be up to half a second older than the last edit.)
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        if let Some(Session { doc, journal: Some(journal), journal_context, .. }) = &mut self.session
            && doc.is_dirty()
        {
            journal.keep_now(doc.history().state(), || (doc.book().clone(), journal_context.clone()));
        }
    }
}

/// A watch on a book's file that wakes the window when the file changes.
pub(super) fn watch(ctx: &egui::Context, file: Option<&BookFile>) -> Option<FileWatch> {
    let file = file?;
    let ctx = ctx.clone();
    Some(FileWatch::start(file.path(), file.fingerprint().cloned(), move || ctx.request_repaint()))
}

/// Whether a lock was left by this person's own Relplan on this computer,
/// which is no longer running.
fn is_my_crashed_lock(held: &crate::store::LockHeld) -> bool {
    let me = crate::store::LockOwner::me();
    held.stale == Some(crate::store::Stale::ProcessEnded) && held.owner.user == me.user && held.owner.host == me.host
}
