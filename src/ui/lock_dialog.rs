//! The dialog shown when a book being opened is open in another Relplan
//! (here, or a colleague's on a shared folder): open it read-only, break
//! a stale lock, or cancel.

use super::app::RelplanApp;
use super::session::ReadOnly;
use crate::store::{BookFile, BookLock, LockError, LockHeld, Parsed};

/// A book read from its file, waiting for the user to decide how to open it.
pub struct PendingOpen {
    /// The file.
    pub file: BookFile,
    /// The book in it.
    pub parsed: Parsed,
    /// Who holds its lock.
    pub held: LockHeld,
}

impl RelplanApp {
    /// Shows the choice; returns whether the dialog stays open.
    pub(super) fn locked_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(pending) = &self.pending_open else { return false };
        let stale = pending.held.stale.is_some();
        ui.heading(if stale { "This book was left locked" } else { "This book is open somewhere else" });
        super::dialog_fit::body_ui(ui, "locked", f32::INFINITY, |ui, _| {
            ui.label(format!("{}: {}", pending.file.path().display(), pending.held.describe()));
            ui.label(if stale {
                "If nobody is working on it, break the lock and open it as usual. Or open it read-only to look \
                 first."
            } else {
                "Open it read-only to look at it without overwriting their work; Save as… keeps your changes in a \
                 new file."
            });
        });
        let mut choice = None;
        ui.horizontal(|ui| {
            if stale && ui.button("Break the lock and open").clicked() {
                choice = Some(Choice::Break);
            }
            if ui.button("Open read-only").clicked() {
                choice = Some(Choice::ReadOnly);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(Choice::Cancel);
            }
        });
        let Some(choice) = choice else { return true };
        let Some(PendingOpen { file, parsed, held }) = self.pending_open.take() else { return false };
        match choice {
            Choice::ReadOnly => self.open_session(file, parsed, None, Some(ReadOnly::LockedBy(held))),
            Choice::Break => match BookLock::break_stale(file.path()) {
                Ok(lock) => self.open_session(file, parsed, Some(lock), None),
                Err(LockError::Held(now)) => {
                    self.set_status("The lock is in use again; the book was not opened.".into(), true);
                    self.pending_open = Some(PendingOpen { file, parsed, held: *now });
                    return true;
                }
                Err(LockError::Unavailable(reason)) => {
                    self.set_status(format!("The lock could not be taken ({reason}); opened without it."), false);
                    self.open_session(file, parsed, None, None);
                }
            },
            Choice::Cancel => {
                if self.session.is_none() {
                    self.open_example();
                }
            }
        }
        false
    }
}

enum Choice {
    Break,
    ReadOnly,
    Cancel,
}
